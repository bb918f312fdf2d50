// kill -9 a batch in the middle of its blogs, run it again: it finishes every blog without fetching
// again any post a blog had saved. The compiled CLI runs in its own process (see tests/resume/).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import type { BatchSummary } from '../../src/batch/batch-summary.js';
import type { Manifest } from '../../src/types.js';
import { savedPosts, spawnCli, tempFiles, waitFor } from '../helpers/export-process.js';
import { batchFolder, writeConfig } from './batch-fixtures.js';

let cdn: FixtureCdn;
const blogs: FixtureBlog[] = [];
/** Post pages answer slowly while the run to be killed goes on, so it is stopped between posts. */
let slow = true;

beforeAll(async () => {
  cdn = await startFixtureCdn();
  for (let index = 0; index < 2; index++) {
    blogs.push(await startFixtureBlog({ failFirst: {}, delayMs: (path) => (slow && /^\/\d+$/.test(path) ? 80 : 0) }));
  }
});
afterAll(async () => {
  await Promise.all([cdn.close(), ...blogs.map((blog) => blog.close())]);
});

it('a batch killed with SIGKILL finishes on the next run, fetching no saved post again', async () => {
  const folder = await batchFolder();
  const config = await writeConfig(
    folder,
    `defaults: { rate: 0, concurrency: 1 }
blogs:
  - { source: "${blogs[0]!.url}", out: one }
  - { source: "${blogs[1]!.url}", out: two }
`,
  );
  const args = ['batch', config, '--parallel', '2', '--summary', join(folder, 'summary.json')];
  const outs = [join(folder, 'one'), join(folder, 'two')];

  const killed = spawnCli(args, cdn.hostMap);
  let exitedEarly = false;
  void killed.exited.then(() => (exitedEarly = true));
  await waitFor(
    async () => exitedEarly || (await Promise.all(outs.map(savedPosts))).every((saved) => saved.length >= 3),
    'three saved posts in both blogs',
  );
  killed.child.kill('SIGKILL');
  expect((await killed.exited).signal).toBe('SIGKILL');
  const saved = await Promise.all(outs.map(savedPosts));

  slow = false;
  const pagesBefore = blogs.map((blog) => blog.requests.length);
  const filesBefore = cdn.requests.length;
  const resumed = spawnCli(args, cdn.hostMap);
  expect((await resumed.exited).code, resumed.stderr()).toBe(0);

  const summary = JSON.parse(await readFile(join(folder, 'summary.json'), 'utf8')) as BatchSummary;
  expect(summary.counts.failed).toBe(0);
  for (const [index, blog] of blogs.entries()) {
    const pages = blog.requests.slice(pagesBefore[index]);
    for (const post of saved[index]!) {
      expect(pages, `post ${post.id} of blog ${index} fetched again`).not.toContain(new URL(post.url).pathname);
      for (const asset of post.assets) {
        const key = `${new URL(asset).hostname}${new URL(asset).pathname}${new URL(asset).search}`;
        expect(cdn.requests.slice(filesBefore), `${asset} fetched again`).not.toContain(key);
      }
    }
    const manifest = JSON.parse(await readFile(join(outs[index]!, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.posts.length).toBeGreaterThan(saved[index]!.length);
    expect(manifest.posts.filter((post) => post.status === 'failed')).toEqual([]);
    expect(await tempFiles(outs[index]!)).toEqual([]);
  }
}, 90_000);
