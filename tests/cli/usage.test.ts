import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPTION_TABLE } from '../../src/options.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the compiled bin the way a user does (the global setup builds it first). */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineUsageError(result: ReturnType<typeof cli>, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('bad usage: one line on stderr, exit 2, nothing written', () => {
  it('rejects a source that is not a URL', () => {
    expectOneLineUsageError(cli('not a url'), /^tistory-export: not a blog URL: "not a url"$/);
    expectOneLineUsageError(cli('ftp://example.com/'), /not a blog URL/);
  });

  it('rejects a missing source (with no argument at all, the usage is printed: see friendly-usage)', () => {
    expectOneLineUsageError(cli('-o', 'out'), /missing required argument 'source'/);
  });

  it('rejects an unknown option', () => {
    expectOneLineUsageError(cli('https://a.tistory.com', '--bogus'), /unknown option '--bogus'/);
  });

  it('rejects an unknown format', () => {
    expectOneLineUsageError(cli('https://a.tistory.com', '-f', 'markdown,docx'), /unknown format "docx"/);
  });

  it('rejects bad numbers', () => {
    expectOneLineUsageError(cli('https://a.tistory.com', '--concurrency', '0'), /--concurrency must be a whole number/);
    expectOneLineUsageError(cli('https://a.tistory.com', '--rate', 'fast'), /--rate must be a number/);
  });

  it('rejects an output path that is a file, or lies under one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'te-usage-'));
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    expectOneLineUsageError(cli('http://127.0.0.1:9', '-o', file), /output path is not a folder/);
    expectOneLineUsageError(cli('http://127.0.0.1:9', '-o', join(file, 'sub')), /output folder is not writable/);
    expect(await readdir(dir)).toEqual(['not-a-folder']);
  });
});

describe('help', () => {
  it('lists every option of the option table and exits 0', () => {
    const result = cli('--help');
    expect(result.code).toBe(0);
    for (const spec of OPTION_TABLE) expect(result.stdout).toContain(spec.flags);
  });
});
