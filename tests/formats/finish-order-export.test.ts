// The whole fixture blog in every format, twice: once with the early posts answering first and once with
// the late ones first, so posts finish in opposite orders. A nightly export kept in git must not churn:
// the two exports have to be the same, byte for byte.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { exportSnapshot, spawnCli } from '../helpers/export-process.js';

const FORMATS = 'markdown,hugo,jekyll,hexo,astro,obsidian,wxr,ghost,jsonl';
let blog: FixtureBlog;
let cdn: FixtureCdn;
/** The delay of a post's page by its id; the other pages (lists, feeds, sitemap) answer at once. */
let delayOfPost: (id: number) => number = () => 0;

beforeAll(async () => {
  cdn = await startFixtureCdn();
  blog = await startFixtureBlog({
    failFirst: {},
    delayMs: (path) => {
      const id = /^\/(?:m\/)?(?:notice\/)?(\d+)(?:[/?#]|$)/.exec(path)?.[1];
      return id === undefined ? 0 : delayOfPost(Number(id));
    },
  });
});
afterAll(async () => {
  await Promise.all([blog.close(), cdn.close()]);
});

async function exportWhile(delay: (id: number) => number): Promise<Record<string, string | Buffer>> {
  delayOfPost = delay;
  const outDir = await mkdtemp(join(tmpdir(), 'te-finish-order-'));
  const run = spawnCli(
    [blog.url, '-o', outDir, '-f', FORMATS, '--rate', '0', '--concurrency', '8', '--comments', 'json'],
    cdn.hostMap,
  );
  const { code } = await run.exited;
  expect(code, run.stderr()).toBe(0);
  return exportSnapshot(outDir);
}

describe('an export and the order its posts finish in', () => {
  it('writes the same files whether the early or the late posts answer first', async () => {
    const earlyFirst = await exportWhile((id) => Math.min(id, 60) * 4);
    const lateFirst = await exportWhile((id) => Math.max(0, 60 - id) * 4);
    expect(Object.keys(earlyFirst).length).toBeGreaterThan(50);
    expect(lateFirst).toEqual(earlyFirst);
  }, 120_000);
});
