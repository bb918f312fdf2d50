import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every module specifier a file names: imports (type-only among them), re-exports and dynamic imports. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((ref) => ref.fileName);
}

/** The source files a file loads, directly or through others; the compiled `.js` names resolve to `.ts`. */
function reachedFrom(entry: string): Set<string> {
  const reached = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const specifier of specifiers(file)) {
      if (!specifier.startsWith('.')) continue;
      const source = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      if (existsSync(source)) pending.push(source);
    }
  }
  return reached;
}

describe('the shared names module', () => {
  it('imports nothing, so anything may import it without loading more', () => {
    expect(specifiers(resolve(SRC, 'names.ts'))).toEqual([]);
  });

  it('lets options.ts name the formats without loading a target', () => {
    const reached = [...reachedFrom(resolve(SRC, 'options.ts'))].map((file) => relative(SRC, file));
    expect(reached).toContain('names.ts');
    expect(reached.filter((file) => file.startsWith('targets/'))).toEqual([]);
  });
});
