// Every request fails: the blog's host refuses connections, or answers 500 to everything. The run ends
// with one line and a non-zero exit, and leaves no empty output folder behind when it made the folder,
// while a folder that was there before stays.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/capture-io.js';

let refusing: string;
let failing: http.Server;
let failingOrigin: string;
let failingRequests = 0;

beforeAll(async () => {
  // A port that was just listened on and closed: connections to it are refused.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusing = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  failing = http.createServer((_req, res) => {
    failingRequests++;
    res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>500 Internal Server Error</h1>');
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  failingOrigin = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => failing.close(() => resolve())));

async function exportTo(source: string, outDir: string, ...extra: string[]) {
  const capture = captureIo();
  const code = await runCli(
    [source, '-o', outDir, '--retries', '1', '--timeout', '2000', '--rate', '0', ...extra],
    capture.io,
  );
  return { code, stdout: capture.out.join(''), stderr: capture.err.join('') };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

// Refused connections are an unreachable host, bad input (2); a server failing every request is a failed run (1).
describe.each([
  ['refuses connections', () => refusing, 2],
  ['answers 500 to everything', () => failingOrigin, 1],
])('a blog host that %s', (_, origin, exitCode) => {
  it('ends with one error line naming the blog, a non-zero exit, and removes the output folder (and the parents) it created', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'te-unreachable-'));
    const outDir = join(parent, 'made', 'by', 'the-run');
    const run = await exportTo(origin(), outDir);
    expect(run.code).toBe(exitCode);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('tistory-export: '))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).toContain(origin());
    expect(run.stdout).toBe('');
    expect(await exists(join(parent, 'made'))).toBe(false);
    expect(await exists(parent)).toBe(true);
  }, 30_000);

  it('leaves an output folder that was there before, empty or not', async () => {
    const emptyBefore = await mkdtemp(join(tmpdir(), 'te-unreachable-'));
    expect((await exportTo(origin(), emptyBefore)).code).toBe(exitCode);
    expect(await readdir(emptyBefore)).toEqual([]);

    const withFiles = await mkdtemp(join(tmpdir(), 'te-unreachable-'));
    await mkdir(join(withFiles, 'notes'));
    // Without --force a folder of someone's files is refused before any request; forced, the run fails at the blog.
    expect((await exportTo(origin(), withFiles, '--force')).code).toBe(exitCode);
    expect(await readdir(withFiles)).toEqual(['notes']);
  }, 30_000);
});

it('asked the failing host a bounded number of times', () => {
  expect(failingRequests).toBeGreaterThan(0);
  expect(failingRequests).toBeLessThan(40);
});
