// The whole fixture blog through the compiled CLI, once with its pages extracted and converted in
// worker threads and once without: the two exports must be the same, byte for byte.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { exportSnapshot, spawnCli } from '../helpers/export-process.js';

let blog: FixtureBlog;
let cdn: FixtureCdn;
beforeAll(async () => {
  cdn = await startFixtureCdn();
  blog = await startFixtureBlog({ failFirst: {} });
});
afterAll(async () => {
  await Promise.all([blog.close(), cdn.close()]);
});

async function exportWith(workers: number): Promise<Record<string, string | Buffer>> {
  const outDir = await mkdtemp(join(tmpdir(), `te-workers-${workers}-`));
  const formats = 'markdown,hugo,jsonl,wxr,ghost';
  const run = spawnCli(
    [
      blog.url,
      '-o',
      outDir,
      '-f',
      formats,
      '--rate',
      '0',
      '--concurrency',
      '4',
      '--comments',
      'json',
      '--workers',
      String(workers),
    ],
    cdn.hostMap,
  );
  const { code } = await run.exited;
  expect(code, run.stderr()).toBe(0);
  return exportSnapshot(outDir);
}

describe('--workers', () => {
  it('exports the fixture blog the same in worker threads as in the main thread', async () => {
    const [inThread, inTwoWorkers] = await Promise.all([exportWith(0), exportWith(2)]);
    expect(Object.keys(inThread).length).toBeGreaterThan(20);
    expect(inTwoWorkers).toEqual(inThread);
  }, 60_000);
});
