import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { RATE_LIMITED_POST_ID, startFixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { captureIo } from '../helpers/capture-io.js';
import { CHROME_STRINGS } from '../helpers/chrome-strings.js';
import { compareWithGolden, listFiles } from '../helpers/golden.js';

type Blog = Awaited<ReturnType<typeof startFixtureBlog>>;

// Every run sends image requests to the local CDN: tests never reach the real blog.kakaocdn.net.
let cdn: FixtureCdn;
beforeAll(async () => {
  cdn = await startFixtureCdn();
});
afterAll(() => cdn.close());

async function exportFixtureBlog(blog: Blog, ...extra: string[]) {
  const outDir = await mkdtemp(join(tmpdir(), 'te-e2e-'));
  const { io, out, err } = captureIo();
  const code = await runCli([blog.url, '-o', outDir, '--rate', '0', '--concurrency', '4', ...extra], io, {
    hostMap: cdn.hostMap,
  });
  return { code, outDir, stdout: out.join(''), stderr: err.join('') };
}

describe('end to end: the fixture blog', () => {
  let blog: Blog;
  let run: Awaited<ReturnType<typeof exportFixtureBlog>>;

  beforeAll(async () => {
    blog = await startFixtureBlog();
    run = await exportFixtureBlog(blog, '-f', 'markdown,jsonl');
  });
  afterAll(() => blog.close());

  it('exits 0 and writes exactly the golden output', async () => {
    expect(run.code, run.stderr).toBe(0);
    await compareWithGolden(run.outDir, 'fixture-blog', blog.url);
  });

  it('keeps every page chrome string out of every file', async () => {
    for (const file of await listFiles(run.outDir)) {
      if (file === 'manifest.json' || file.startsWith('assets/')) continue;
      const text = await readFile(join(run.outDir, file), 'utf8');
      for (const chrome of CHROME_STRINGS) expect(text, `${chrome} in ${file}`).not.toContain(chrome);
    }
  });

  it('retried the post that answered 429 and never asked for a disallowed path', () => {
    const paths = blog.requests;
    expect(paths.filter((path) => path === `/${RATE_LIMITED_POST_ID}`)).toHaveLength(2);
    expect(paths).toContain('/robots.txt');
    expect(paths.filter((path) => path === '/robots.txt')).toHaveLength(1);
    for (const disallowed of ['/owner', '/manage', '/admin', '/search', '/like']) {
      expect(paths.some((path) => path.startsWith(disallowed))).toBe(false);
    }
  });

  it('summarises counts per status and the output path', () => {
    expect(run.stdout).toMatch(/ok \d+ · protected 1 · missing 1 · failed 0/);
    expect(run.stdout).toContain(run.outDir);
  });
});

describe('end to end: choices', () => {
  let blog: Blog;
  beforeAll(async () => {
    blog = await startFixtureBlog({ failFirst: {} });
  });
  afterAll(() => blog.close());

  it('exports a single post when given a post URL', async () => {
    const manifestBefore = JSON.parse(await readFile(join(await goldenDir(), 'manifest.json'), 'utf8')) as {
      posts: { id: string; status: string; url: string }[];
    };
    const target = manifestBefore.posts.find((post) => post.status === 'ok')!;
    const outDir = await mkdtemp(join(tmpdir(), 'te-one-'));
    const { io } = captureIo();
    const code = await runCli([`${blog.url}/${target.id}`, '-o', outDir, '--rate', '0'], io, { hostMap: cdn.hostMap });
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.posts.map((post: { id: string }) => post.id)).toEqual([target.id]);
    expect((await listFiles(outDir)).filter((file) => file.endsWith('.md'))).toHaveLength(1);
  });

  it('exports a single notice or static page when given its address', async () => {
    for (const [path, id, file, type] of [
      ['/m/notice/16', '16', 'markdown/블로그-운영-원칙.md', 'notice'],
      ['/pages/%EC%97%B0%EB%9D%BD%EC%B2%98', 'page-연락처', 'markdown/연락처.md', 'page'],
    ] as const) {
      const outDir = await mkdtemp(join(tmpdir(), 'te-one-'));
      const { io } = captureIo();
      expect(
        await runCli([`${blog.url}${path}`, '-o', outDir, '--rate', '0'], io, { hostMap: cdn.hostMap }),
        path,
      ).toBe(0);
      const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
      expect(manifest.posts.map((post: { id: string; status: string }) => [post.id, post.status])).toEqual([
        [id, 'ok'],
      ]);
      expect(await readFile(join(outDir, file), 'utf8')).toContain(`\ntype: ${type}\n`);
    }
  });

  it('writes nothing on a dry run but lists what it found', async () => {
    const run = await exportFixtureBlog(blog, '--dry-run');
    expect(run.code).toBe(0);
    expect(await readdir(run.outDir)).toEqual([]);
    expect(run.stdout).toMatch(/^Dry run: \d+ posts would be exported:/);
  });

  it('exits 1 when a post fails, still writes the others, and says why in the manifest', async () => {
    const failing = await startFixtureBlog({ failFirst: { '/41': { status: 503 } } });
    try {
      const run = await exportFixtureBlog(failing, '--retries', '0');
      expect(run.code).toBe(1);
      const manifest = JSON.parse(await readFile(join(run.outDir, 'manifest.json'), 'utf8'));
      const statuses = Object.fromEntries(
        manifest.posts.map((post: { id: string; status: string }) => [post.id, post.status]),
      );
      expect(statuses['41']).toBe('failed');
      expect(manifest.posts.find((post: { id: string }) => post.id === '41').error).toBe('HTTP 503');
      expect(Object.values(statuses).filter((status) => status === 'ok').length).toBeGreaterThan(5);
      expect(run.stdout).toContain('Failed posts (1):');
    } finally {
      await failing.close();
    }
  });

  it('maps /entry/slug URLs to post ids and exports every post once', async () => {
    const slugBlog = await startFixtureBlog({ failFirst: {}, postUrlStyle: 'slug' });
    try {
      const run = await exportFixtureBlog(slugBlog);
      expect(run.code, run.stderr).toBe(0);
      const manifest = JSON.parse(await readFile(join(run.outDir, 'manifest.json'), 'utf8'));
      const golden = JSON.parse(await readFile(join(await goldenDir(), 'manifest.json'), 'utf8'));
      // A deleted post's id is not knowable from an /entry/slug URL that answers 404.
      const ids = (m: { posts: { id: string; status: string }[] }) =>
        m.posts.filter((post) => post.status !== 'missing').map((post) => post.id);
      expect(ids(manifest)).toEqual(ids(golden));
      expect(manifest.posts.filter((post: { url: string }) => post.url.includes('/entry/')).length).toBeGreaterThan(5);
    } finally {
      await slugBlog.close();
    }
  });

  it('stops after --limit posts', async () => {
    const run = await exportFixtureBlog(blog, '--limit', '3');
    const manifest = JSON.parse(await readFile(join(run.outDir, 'manifest.json'), 'utf8'));
    expect(manifest.posts).toHaveLength(3);
  });
});

async function goldenDir(): Promise<string> {
  return join(new URL('../golden/fixture-blog', import.meta.url).pathname);
}
