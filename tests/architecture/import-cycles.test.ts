// Modules of src/ import in one direction. A cycle, even through a type-only import, means two modules
// each need the other to be understood: the shared part belongs in a third (names.ts, types.ts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

type ImportGraph = ReadonlyMap<string, readonly string[]>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each file of src/ (relative to it) and the files of src/ it imports: type-only, re-exports and dynamic `import()` too. */
function importGraph(): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const imported = ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'))
      .filter((target) => existsSync(target));
    graph.set(
      relative(SRC, file),
      imported.map((target) => relative(SRC, target)),
    );
  }
  return graph;
}

/**
 * One cycle per group of files that reach each other (Tarjan's strongly connected components), written
 * `a.ts → b.ts → a.ts` from the group's first file in sort order, so a failure names a path to cut.
 */
function findCycles(graph: ImportGraph): string[] {
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(file, Math.min(lowest.get(file)!, order.get(next)!));
      }
    }
    if (lowest.get(file) !== order.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) groups.push(group);
  };
  for (const file of [...graph.keys()].sort()) if (!order.has(file)) visit(file);
  return groups.map((group) => cycleThrough(graph, new Set(group))).sort();
}

/** The shortest way from the group's first file back to itself, staying inside the group. */
function cycleThrough(graph: ImportGraph, group: ReadonlySet<string>): string {
  const start = [...group].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const file = queue[index]!;
    for (const next of graph.get(file) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [file];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start].join(' → ');
      }
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  throw new Error(`no cycle through ${start}`);
}

/**
 * Cycles known and left to whoever owns them, each with why; the entry goes when the cycle does. Empty:
 * src/ has none.
 */
const KNOWN_CYCLES: readonly string[] = [];

describe('the import graph of src/', () => {
  it('finds and names a cycle, type-only or not', () => {
    const graph = new Map([
      ['export.ts', ['run/run-posts.ts', 'types.ts']],
      ['run/run-posts.ts', ['run/disk-full.ts', 'types.ts']],
      ['run/disk-full.ts', ['export.ts']],
      ['cli/progress.ts', ['cli/terminal-text.ts']],
      ['cli/terminal-text.ts', ['cli/progress.ts']],
      ['types.ts', []],
      ['self.ts', ['self.ts']],
    ]);
    expect(findCycles(graph)).toEqual([
      'cli/progress.ts → cli/terminal-text.ts → cli/progress.ts',
      'export.ts → run/run-posts.ts → run/disk-full.ts → export.ts',
      'self.ts → self.ts',
    ]);
  });

  it('reads type-only imports and re-exports as edges', () => {
    const graph = importGraph();
    expect(graph.get('cli/progress.ts')).toContain('types.ts');
    expect(graph.get('index.ts')).toContain('types.ts');
  });

  it('has no cycle', () => {
    expect(findCycles(importGraph())).toEqual(KNOWN_CYCLES);
  });
});
