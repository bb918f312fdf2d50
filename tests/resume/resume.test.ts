// Killing a run at any moment and running the same command again must finish the job as if nothing
// happened: the same files byte for byte, no post or asset fetched twice, no duplicates, no temp files.
// The compiled CLI runs in its own process and is killed (SIGKILL, SIGINT) when its own saved state
// shows N posts. While a run that is to be stopped goes on, the fixture blog's post pages answer slowly
// enough that no second post finishes in between (and discovery's pages too, for the run stopped during
// discovery); every other run is answered at once.

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import type { Manifest } from '../../src/types.js';
import { exportSnapshot, savedPosts, spawnCli, tempFiles, waitFor } from '../helpers/export-process.js';

let blog: FixtureBlog;
let cdn: FixtureCdn;
let reference: Record<string, string | Buffer>;
let totalPosts: number;
/** The paths of the blog's post pages, known once the reference run has listed them. */
let postPaths = new Set<string>();
const SLOW_MS = 60;
/** Which pages answer SLOW_MS late: post pages, and the others (discovery's). */
const slow = { posts: false, discovery: false };

const args = (outDir: string) => [blog.url, '-o', outDir, '-f', 'markdown,jsonl', '--rate', '0', '--concurrency', '1'];
const newOutDir = () => mkdtemp(join(tmpdir(), 'te-resume-'));
const pathOf = (requested: string) => new URL(requested, blog.url).pathname;

beforeAll(async () => {
  cdn = await startFixtureCdn();
  blog = await startFixtureBlog({
    failFirst: {},
    delayMs: (path) => ((postPaths.has(pathOf(path)) ? slow.posts : slow.discovery) ? SLOW_MS : 0),
  });
  const outDir = await newOutDir();
  const run = spawnCli(args(outDir), cdn.hostMap);
  expect((await run.exited).code, run.stderr()).toBe(0);
  reference = await exportSnapshot(outDir);
  const { posts } = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  totalPosts = posts.length;
  postPaths = new Set(posts.map((post) => new URL(post.url).pathname));
  // Every post page the run asked for is one that can be slowed down.
  expect(blog.requests.filter((requested) => postPaths.has(pathOf(requested)))).toHaveLength(totalPosts);
}, 60_000);
afterAll(async () => {
  await Promise.all([blog.close(), cdn.close()]);
});

/** `https://host/path?q` as the fixture CDN logs it. */
function cdnKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.pathname}${parsed.search}`;
}

/** Runs the same command again and checks it fetched none of `saved`, then that the output is the reference. */
async function resumeAndCheck(outDir: string, saved: Awaited<ReturnType<typeof savedPosts>>): Promise<void> {
  const pagesBefore = blog.requests.length;
  const filesBefore = cdn.requests.length;
  const resumed = spawnCli(args(outDir), cdn.hostMap);
  expect((await resumed.exited).code, resumed.stderr()).toBe(0);
  const pages = blog.requests.slice(pagesBefore);
  const files = cdn.requests.slice(filesBefore);
  for (const post of saved) {
    expect(pages, `post ${post.id} fetched again`).not.toContain(new URL(post.url).pathname);
    for (const asset of post.assets)
      expect(files, `${asset} of post ${post.id} fetched again`).not.toContain(cdnKey(asset));
  }
  expect(await exportSnapshot(outDir)).toEqual(reference);
  expect(await tempFiles(outDir)).toEqual([]);
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  const ids = manifest.posts.map((post) => post.id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Starts the export and kills it with `signal` once its state holds at least `posts` saved posts. */
async function killAfter(outDir: string, posts: number, signal: NodeJS.Signals) {
  slow.posts = true;
  const run = spawnCli(args(outDir), cdn.hostMap);
  let exitedEarly = false;
  void run.exited.then(() => (exitedEarly = true));
  await waitFor(async () => exitedEarly || (await savedPosts(outDir)).length >= posts, `${posts} saved posts`);
  run.child.kill(signal);
  const result = await run.exited;
  slow.posts = false;
  return { run, result, saved: await savedPosts(outDir) };
}

describe('resume after SIGKILL', () => {
  it.each([1, 4, 8])(
    'finishes the job after a kill at %i saved posts, fetching none of them again',
    async (posts) => {
      const outDir = await newOutDir();
      const { result, saved } = await killAfter(outDir, posts, 'SIGKILL');
      expect(result.signal).toBe('SIGKILL');
      expect(saved.length).toBeGreaterThanOrEqual(posts);
      expect(saved.length).toBeLessThan(totalPosts);
      await resumeAndCheck(outDir, saved);
    },
    60_000,
  );

  it('finishes the job when killed after every single post, run after run', async () => {
    const outDir = await newOutDir();
    let kills = 0;
    for (;;) {
      const before = (await savedPosts(outDir)).length;
      const { result } = await killAfter(outDir, before + 1, 'SIGKILL');
      if (result.signal === null) {
        expect(result.code).toBe(0);
        break;
      }
      kills++;
      expect(kills).toBeLessThanOrEqual(totalPosts);
    }
    expect(kills).toBeGreaterThan(totalPosts / 2);
    expect(await exportSnapshot(outDir)).toEqual(reference);
    expect(await tempFiles(outDir)).toEqual([]);
  }, 180_000);

  it('removes the temp files and spool folders a killed writer left behind', async () => {
    const outDir = await newOutDir();
    const { saved } = await killAfter(outDir, 3, 'SIGKILL');
    // A process that has ended: its pid names no writer any more.
    const deadPid = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    await mkdir(join(outDir, 'markdown'), { recursive: true });
    await writeFile(join(outDir, 'markdown', `half-written.md.${deadPid}.0badf00d.tmp`), '---\ntitle: half');
    await writeFile(join(outDir, `posts.jsonl.${deadPid}.tmp`), '{"id":"3"');
    // And the spools of one-file formats (a run with -f wxr died here earlier): whole folders of pieces.
    for (const spool of [`.spool-jsonl-${deadPid}`, `wxr/.spool-${deadPid}`]) {
      await mkdir(join(outDir, spool), { recursive: true });
      await writeFile(join(outDir, spool, '1.part'), '<item>');
    }
    await resumeAndCheck(outDir, saved);
  }, 60_000);
});

describe('resume after SIGINT', () => {
  it('finishes the writes in flight, saves progress, says how to resume and exits 130', async () => {
    const outDir = await newOutDir();
    const { run, result, saved } = await killAfter(outDir, 5, 'SIGINT');
    expect(result.code).toBe(130);
    expect(run.stderr()).toMatch(/Interrupted\. \d+ posts of this run saved in .*still to fetch\./);
    expect(run.stderr()).toContain('Run the same command again to resume');
    expect(run.stderr()).toContain(`tistory-export ${args(outDir).join(' ')}`);
    expect(saved.length).toBeGreaterThanOrEqual(5);
    // Nothing half-done: every saved post's files are whole (final, unless their links to later posts
    // are still owed, which the state records), and no temp file is left.
    expect(await tempFiles(outDir)).toEqual([]);
    for (const post of saved.filter((candidate) => candidate.status === 'ok')) {
      const state = JSON.parse(await readFile(join(outDir, '.tistory-export', 'posts', `${post.id}.json`), 'utf8'));
      if (state.pendingLinks) continue;
      for (const file of state.entry.files.filter((name: string) => name.endsWith('.md'))) {
        expect(reference[file], file).toEqual(await readFile(join(outDir, file)));
      }
    }
    await resumeAndCheck(outDir, saved);
  }, 60_000);

  it('stops during discovery and resumes from the start', async () => {
    const outDir = await newOutDir();
    slow.posts = slow.discovery = true;
    const run = spawnCli(args(outDir), cdn.hostMap);
    await waitFor(() => run.stderr().includes('Discovering'), 'discovery to start');
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    slow.posts = slow.discovery = false;
    expect(code).toBe(130);
    expect(await savedPosts(outDir)).toEqual([]);
    await resumeAndCheck(outDir, []);
  }, 60_000);
});
