// Bad input gets one line on stderr and exit 2, never a stack trace and never a manifest: a source that
// is not a URL, a site that is not a Tistory blog, a host that does not answer, conflicting options.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { UsageError } from '../../src/errors.js';
import { exportBlog } from '../../src/export.js';
import type { Fetcher } from '../../src/types.js';
import { html, startServer, type TestServer } from '../fetch/test-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The local servers need no politeness pause between requests (the default rate would add seconds). */
const NO_PAUSE = ['--rate', '0'];

async function run(...argv: string[]) {
  const out = await mkdtemp(join(tmpdir(), 'te-bad-'));
  const err: string[] = [];
  const stdout: string[] = [];
  const code = await runCli([...argv, '-o', join(out, 'export'), '--retries', '1', ...NO_PAUSE], {
    stdout: { write: (chunk: string) => (stdout.push(chunk), true) },
    stderr: { write: (chunk: string) => (err.push(chunk), true) },
  });
  return {
    code,
    stderr: err.join(''),
    stdout: stdout.join(''),
    manifestWritten: existsSync(join(out, 'export', 'manifest.json')),
  };
}

function expectUsageError(result: Awaited<ReturnType<typeof run>>, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^tistory-export: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.manifestWritten).toBe(false);
}

const SHOP_PAGE = `<!doctype html><html><head><title>동네 빵집</title></head><body>
<h1>오늘의 빵</h1><ul><li><a href="/products/bread">식빵</a></li><li><a href="/about">소개</a></li></ul></body></html>`;

let shop: TestServer;
let gone: TestServer;
let closedUrl: string;
beforeAll(async () => {
  shop = await startServer({ '/': html(SHOP_PAGE), '/about': html(SHOP_PAGE) });
  gone = await startServer({});
  const closed = await startServer({});
  closedUrl = closed.origin;
  await closed.close();
});
afterAll(async () => {
  await shop.close();
  await gone.close();
});

describe('sources that are not a Tistory blog', () => {
  it('rejects a source that is not a URL', async () => {
    expectUsageError(await run('블로그 주소'), /not a blog URL/);
    expectUsageError(await run('mailto:someone@example.com'), /not a blog URL/);
    expectUsageError(await run('http://owner:secret@name.tistory.com'), /not a blog URL/);
  });

  it('says a backup that is not there is missing, instead of reading its path as a web address', async () => {
    for (const path of [
      './backup.zip',
      'backup.zip',
      '/nowhere/backup-folder',
      '../백업',
      'C:\\Users\\me\\backup.zip',
    ]) {
      expectUsageError(await run(path), new RegExp(`no such file or folder: "${path.replace(/[\\.]/g, '\\$&')}"`));
    }
  });

  it('rejects a site that is not a Tistory blog', async () => {
    expectUsageError(await run(shop.origin), /does not look like a Tistory blog/);
  });

  it('rejects a site that answers 404 everywhere', async () => {
    expectUsageError(await run(gone.origin), /does not look like a Tistory blog \(HTTP 404 at \/\)/);
  });

  it('rejects a host that does not answer', async () => {
    expectUsageError(await run(closedUrl), /could not be read: .*(ECONNREFUSED|refused)/i);
  });

  it('reports it from the installed command as one line too', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      [join(root, 'dist/cli.js'), shop.origin, '--dry-run', ...NO_PAUSE],
      { encoding: 'utf8' },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in result ? result.code : 0).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/does not look like a Tistory blog/)]);
  });
});

describe('conflicting options', () => {
  it('rejects one option given twice with different values', async () => {
    expectUsageError(
      await run(shop.origin, '-f', 'markdown', '-f', 'jsonl'),
      /--format given twice .*"markdown" and "jsonl".*--format markdown,jsonl/,
    );
    expectUsageError(await run(shop.origin, '--timeout', '100', '--timeout', '200'), /--timeout given twice/);
  });

  it('accepts the same value twice (the error is then about the source)', async () => {
    expectUsageError(await run('not a url', '-f', 'markdown', '--format', 'markdown'), /not a blog URL/);
  });

  it('rejects two sources', async () => {
    expectUsageError(await run(shop.origin, 'https://other.tistory.com'), /too many arguments/);
  });
});

describe('an empty output folder', () => {
  // An empty path resolves to the current folder: the export would land among the user's own files.
  it('is a usage error on the command line, before any request', async () => {
    for (const out of ['', '  ']) {
      const requestsBefore = shop.requests.length;
      const err: string[] = [];
      const code = await runCli([shop.origin, '--out', out], {
        stdout: { write: () => true },
        stderr: { write: (chunk: string) => (err.push(chunk), true) },
      });
      expect(code).toBe(2);
      expect(err.join('').trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^tistory-export: --out needs a folder/),
      ]);
      expect(shop.requests.length).toBe(requestsBefore);
    }
  });

  it('is refused by the library too, before any request', async () => {
    let requests = 0;
    const fetcher: Fetcher = {
      get: async () => {
        requests++;
        throw new Error('no request was expected');
      },
    };
    await expect(exportBlog({ source: 'https://name.tistory.com', out: '', fetcher })).rejects.toThrow(UsageError);
    await expect(exportBlog({ source: 'https://name.tistory.com', out: '', fetcher })).rejects.toThrow(
      /--out needs a folder/,
    );
    expect(requests).toBe(0);
  });
});
