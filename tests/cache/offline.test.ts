// `--cache` keeps every raw response of a run; `--offline` then exports again from it alone, without a
// single request, to the same bytes (or into another format).

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { exportSnapshot } from '../helpers/export-process.js';

let blog: FixtureBlog;
let cdn: FixtureCdn;
let cacheDir: string;
let online: string;

async function exportTo(outDir: string, ...extra: string[]) {
  const err: string[] = [];
  const io = { stdout: { write: () => true }, stderr: { write: (chunk: string) => (err.push(chunk), true) } };
  const requests = blog.requests.length + cdn.requests.length;
  const code = await runCli([blog.url, '-o', outDir, '--rate', '0', '--concurrency', '4', ...extra], io, {
    hostMap: cdn.hostMap,
  });
  return { code, stderr: err.join(''), requests: blog.requests.length + cdn.requests.length - requests };
}

const newDir = (name: string) => mkdtemp(join(tmpdir(), `te-cache-${name}-`));

beforeAll(async () => {
  [blog, cdn] = await Promise.all([startFixtureBlog({ failFirst: {} }), startFixtureCdn()]);
  cacheDir = await newDir('store');
  online = await newDir('online');
  const run = await exportTo(online, '-f', 'markdown,jsonl', '--cache', cacheDir);
  expect(run.code, run.stderr).toBe(0);
  expect(run.requests).toBeGreaterThan(20);
});
afterAll(async () => {
  await Promise.all([blog.close(), cdn.close()]);
});

describe('--offline with a warm cache', () => {
  it('makes no request at all and writes the same export', async () => {
    const offline = await newDir('offline');
    const run = await exportTo(offline, '-f', 'markdown,jsonl', '--cache', cacheDir, '--offline');
    expect(run.code, run.stderr).toBe(0);
    expect(run.requests).toBe(0);
    expect(await exportSnapshot(offline)).toEqual(await exportSnapshot(online));
  });

  it('re-converts into another format without a request', async () => {
    const offline = await newDir('jsonl');
    const run = await exportTo(offline, '-f', 'jsonl', '--cache', cacheDir, '--offline');
    expect(run.code, run.stderr).toBe(0);
    expect(run.requests).toBe(0);
    const sorted = async (dir: string) =>
      (await readFile(join(dir, 'posts.jsonl'), 'utf8')).trimEnd().split('\n').sort();
    expect(await sorted(offline)).toEqual(await sorted(online));
  });

  it('fetches every post again from the cache alone with --full', async () => {
    const run = await exportTo(online, '-f', 'markdown,jsonl', '--cache', cacheDir, '--offline', '--full');
    expect(run.code, run.stderr).toBe(0);
    expect(run.requests).toBe(0);
    const changes = JSON.parse(await readFile(join(online, 'changes.json'), 'utf8'));
    expect(changes.updated.length).toBeGreaterThan(5);
  });
});

describe('--offline without what it needs', () => {
  it('fails in one line, without a request, when the cache does not hold the blog', async () => {
    const run = await exportTo(await newDir('cold-out'), '--cache', await newDir('cold'), '--offline');
    expect(run.code).toBe(2);
    expect(run.requests).toBe(0);
    expect(run.stderr).toMatch(/not in the cache \(--offline\)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is refused without --cache', async () => {
    const run = await exportTo(await newDir('no-cache'), '--offline');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--offline needs --cache <dir>');
    expect(run.requests).toBe(0);
  });
});
