// One batch of four blogs: two fixture blogs, one blog that is down (500 to everything) and one backup
// zip. The blog that is down fails alone; the others finish, a second run finds nothing changed.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import type { BatchSummary } from '../../src/batch/batch-summary.js';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';
import { batchFolder, runBatchCommand, startBrokenBlog, writeBackupZip, writeConfig } from './batch-fixtures.js';

/** Each page of the fixture blogs answers this late, so a run's time is mostly waiting, as on the web. */
const PAGE_DELAY_MS = 15;

let cdn: FixtureCdn;
let blogA: FixtureBlog;
let blogB: FixtureBlog;
let broken: Awaited<ReturnType<typeof startBrokenBlog>>;
let folder: string;
let config: string;

beforeAll(async () => {
  [cdn, blogA, blogB, broken] = await Promise.all([
    startFixtureCdn(),
    startFixtureBlog({ failFirst: {}, delayMs: PAGE_DELAY_MS }),
    startFixtureBlog({ failFirst: {}, delayMs: PAGE_DELAY_MS }),
    startBrokenBlog(),
  ]);
  folder = await batchFolder();
  await writeBackupZip(folder);
  config = await writeConfig(
    folder,
    `defaults:
  format: markdown,jsonl
  rate: 0
  concurrency: 4

blogs:
  - name: blog-a
    source: ${blogA.url}
    out: backups/a
  - name: blog-b
    source: ${blogB.url}
    out: backups/b
    comments: json
  - name: down
    source: ${broken.url}
    out: backups/down
    retries: 0
  - name: old
    source: old-blog-backup.zip
    out: backups/old
    blog-url: https://old-blog.tistory.com
`,
  );
});
afterAll(async () => {
  await Promise.all([cdn.close(), blogA.close(), blogB.close(), broken.close()]);
});

const summaryOf = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as BatchSummary;
const statuses = (summary: BatchSummary) => Object.fromEntries(summary.blogs.map((blog) => [blog.name, blog.status]));

describe('a batch of four blogs, one of them down', () => {
  let first: Awaited<ReturnType<typeof runBatchCommand>>;
  let summaryPath: string;

  beforeAll(async () => {
    summaryPath = join(folder, 'first-summary.json');
    first = await runBatchCommand([config, '--parallel', '4', '--summary', summaryPath], cdn.hostMap);
  }, 60_000);

  it('exits 1, exports every other blog, and says which failed', async () => {
    expect(first.code, first.stderr).toBe(1);
    const summary = await summaryOf(summaryPath);
    expect(statuses(summary)).toEqual({ 'blog-a': 'ok', 'blog-b': 'ok', down: 'failed', old: 'ok' });
    expect(summary.counts).toEqual({ ok: 3, updated: 0, unchanged: 0, failed: 1 });
    expect(summary.blogs.find((blog) => blog.name === 'down')?.error).toMatch(/500|no posts|sitemap|feed/i);
    for (const [name, out] of [
      ['blog-a', 'a'],
      ['blog-b', 'b'],
      ['old', 'old'],
    ]) {
      const manifest = JSON.parse(await readFile(join(folder, 'backups', out!, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.posts.length, name).toBeGreaterThan(0);
      const exported = manifest.posts.filter((post) => post.status !== 'missing').length;
      expect(summary.blogs.find((blog) => blog.name === name)?.changes?.added).toBe(exported);
    }
    expect(first.stdout).toMatch(/^Batch done in [\d.]+s: 3 ok · 0 updated · 0 unchanged · 1 failed/);
    expect(first.stdout).toMatch(/\n {2}failed {4}down {2}/);
  });

  it('gives each blog its own options: comments for blog-b only', async () => {
    const files = async (out: string) =>
      JSON.parse(await readFile(join(folder, 'backups', out, 'manifest.json'), 'utf8')) as Manifest;
    const withComments = (manifest: Manifest) =>
      manifest.posts.filter((post) => post.files.some((file) => file.endsWith('comments.json'))).length;
    expect(withComments(await files('b'))).toBeGreaterThan(0);
    expect(withComments(await files('a'))).toBe(0);
  });

  it('sent the blog that is down exactly one request per address it tried, no retries', () => {
    expect(broken.requests.length).toBeGreaterThan(0);
    expect(new Set(broken.requests).size).toBe(broken.requests.length);
  });

  it('a second run finds every finished blog unchanged and fetches no post again', async () => {
    const pagesBefore = blogA.requests.length + blogB.requests.length;
    const filesBefore = cdn.requests.length;
    const summaryPath2 = join(folder, 'second-summary.json');
    const second = await runBatchCommand([config, '--summary', summaryPath2], cdn.hostMap);
    expect(second.code).toBe(1);
    expect(statuses(await summaryOf(summaryPath2))).toEqual({
      'blog-a': 'unchanged',
      'blog-b': 'unchanged',
      down: 'failed',
      old: 'unchanged',
    });
    const postPages = [...blogA.requests, ...blogB.requests].slice(pagesBefore).filter((path) => /^\/\d+$/.test(path));
    expect(postPages).toEqual([]);
    expect(cdn.requests.slice(filesBefore)).toEqual([]);
  }, 60_000);
});

describe('wall time', () => {
  // Polite limits as on the web (a few pages a second per blog host, the CDN shared), so a run is mostly
  // waiting, which parallel blogs overlap; the CDN budget is the batch's, shared by the three blogs.
  const limits = { rate: 8, assetRate: 30 };
  it('a batch of blogs costs little more than its slowest blog', async () => {
    const timeFolder = await batchFolder();
    const blogs = [blogA, blogB, blogA];
    const cdnBefore = cdn.requests.length;
    // Three fresh exports, one at a time, with the same options as in the batch.
    const singles: number[] = [];
    for (const [index, blog] of blogs.entries()) {
      const { io, err } = captureIo();
      const started = Date.now();
      const code = await runCli(
        [
          blog.url,
          '-o',
          join(timeFolder, `single-${index}`),
          '-f',
          'markdown,jsonl',
          '--rate',
          String(limits.rate),
          '--asset-rate',
          String(limits.assetRate),
        ],
        io,
        { hostMap: cdn.hostMap },
      );
      expect(code, err.join('')).toBe(0);
      singles.push(Date.now() - started);
    }
    const batchConfig = await writeConfig(
      timeFolder,
      `defaults: { format: [markdown, jsonl], rate: ${limits.rate}, asset-rate: ${limits.assetRate} }
blogs:
${blogs.map((blog, index) => `  - { source: "${blog.url}", out: "batch-${index}" }`).join('\n')}
`,
    );
    const batch = await runBatchCommand([batchConfig, '--summary', join(timeFolder, 'summary.json')], cdn.hostMap);
    expect(batch.code, batch.stderr).toBe(0);
    const slowest = Math.max(...singles);
    const sum = singles.reduce((total, time) => total + time, 0);
    console.log(
      `${cdn.requests.length - cdnBefore} CDN requests; wall time: batch of ${blogs.length} blogs ${batch.elapsedMs} ms; single blogs ${singles.join(', ')} ms (slowest ${slowest} ms, one after another ${sum} ms)`,
    );
    // In parallel the blogs' waits overlap: well under the sum of the single runs.
    expect(batch.elapsedMs).toBeLessThan(sum * 0.75);
  }, 120_000);
});
