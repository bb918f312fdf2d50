// A nightly backup into the same folder: the second run fetches only what is new or changed (by the
// sitemap's lastmod, the feed's pubDate and the lists), removes nothing, and says what changed. The
// fixture blog is served from data this test edits between runs, on the same address.

import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodeOf, runCli } from '../../src/cli/run.js';
import { startFixtureBlog } from '../../demo/blog/fixture-blog.js';
import type { FixturePost } from '../../demo/blog/fixture-data.js';
import { exportBlog } from '../../src/export.js';
import { createHttpClient } from '../../src/fetch/http-client.js';
import type { ChangeReport, Fetcher, Manifest } from '../../src/types.js';
import { exportSnapshot } from '../helpers/export-process.js';
import { listFiles } from '../helpers/golden.js';
import { serveFixtureBlogAndCdn } from '../helpers/fixture-servers.js';
import { captureIo } from '../helpers/capture-io.js';

const NEW_IMAGE = 'https://blog.kakaocdn.net/dn/bNw45a/btsNewImg/AAAAAAAAAAAAAAAAAAAAAN45aBcDeFgH/img.png';
const NEW_POST: FixturePost = {
  id: '45',
  slug: '파이썬-제너레이터-메모',
  title: '파이썬 제너레이터 메모',
  published: '2025-04-17T20:00:00+09:00',
  modified: '2025-04-17T20:00:00+09:00',
  categories: ['개발', 'Python'],
  tags: ['Python', '제너레이터'],
  author: '한결',
  ogImage: null,
  state: 'public',
  inSitemap: true,
  editor: 'new',
  body: [
    '<p data-ke-size="size16">제너레이터는 값을 하나씩 만들어 돌려줍니다.</p>',
    `<figure class="imageblock alignCenter" data-filename="generator.png" data-origin-width="800" data-origin-height="400"><span data-url="${NEW_IMAGE}" data-lightbox="lightbox"><img src="${NEW_IMAGE}" data-filename="generator.png"></span><figcaption>yield의 흐름</figcaption></figure>`,
    '<p data-ke-size="size16">앞서 쓴 <a href="https://export-demo.tistory.com/12">리스트 컴프리헨션 정리</a>도 함께 보세요.</p>',
  ].join('\n'),
};
const CHANGED_ID = '22';
const CHANGED_TEXT = '2025년에 덧붙임: 터미널 단축키도 정리했습니다.';

const fixture = serveFixtureBlogAndCdn();

async function exportTo(outDir: string, ...extra: string[]) {
  const { out, err, io } = captureIo();
  const pages = fixture.blog.requests.length;
  const files = fixture.cdn.requests.length;
  const code = await runCli(
    [fixture.blog.url, '-o', outDir, '-f', 'markdown,jsonl', '--rate', '0', '--concurrency', '4', ...extra],
    io,
    {
      hostMap: fixture.cdn.hostMap,
    },
  );
  const changes = JSON.parse(await readFile(join(outDir, 'changes.json'), 'utf8')) as ChangeReport;
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  return {
    code,
    stdout: out.join(''),
    stderr: err.join(''),
    changes,
    manifest,
    /** Post, notice and page pages this run asked for, sorted. */
    postPages: fixture.blog.requests
      .slice(pages)
      .filter((path) => /^\/(\d+|notice\/\d+|pages\/[^/?]+)$/.test(path))
      .sort(),
    files: fixture.cdn.requests.slice(files),
  };
}

const ids = (posts: { id: string }[]) => posts.map((post) => post.id);

/** Publishes a post or replaces one, keeping the newest-first order every list of the blog shows. */
function publish(post: FixturePost): void {
  fixture.data.posts = [...fixture.data.posts.filter((existing) => existing.id !== post.id), post].sort(
    (a, b) => Date.parse(b.published) - Date.parse(a.published),
  );
}

function post(id: string): FixturePost {
  return fixture.data.posts.find((candidate) => candidate.id === id)!;
}

describe('a second run into a folder that holds an export', () => {
  const outDir = mkdtemp(join(tmpdir(), 'te-incremental-'));
  let firstFiles: string[];
  let first: Awaited<ReturnType<typeof exportTo>>;

  beforeAll(async () => {
    first = await exportTo(await outDir);
    expect(first.code, first.stderr).toBe(0);
    firstFiles = await listFiles(await outDir);
  });

  it('reports every post as added on the first run, but the deleted one the sitemap still lists', () => {
    const deleted = first.manifest.posts.filter((entry) => entry.status === 'missing');
    expect(deleted).toHaveLength(1);
    expect(ids(first.changes.unavailable)).toEqual(ids(deleted));
    expect(first.changes.added.length).toBe(first.manifest.posts.length - 1);
    expect(first.changes.updated).toEqual([]);
    expect(first.changes.unchanged).toEqual([]);
  });

  it('fetches only the new post and the changed one, and says so', async () => {
    publish(NEW_POST);
    const changed = post(CHANGED_ID);
    publish({
      ...changed,
      modified: '2025-04-18T09:00:00+09:00',
      body: `${changed.body}\n<p data-ke-size="size16">${CHANGED_TEXT}</p>`,
    });

    const second = await exportTo(await outDir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.postPages).toEqual([`/${CHANGED_ID}`, `/${NEW_POST.id}`]);
    // Only the new post's image is downloaded; every other file is still there with its hash.
    expect(second.files).toEqual([NEW_IMAGE.replace('https://', '')]);

    expect(ids(second.changes.added)).toEqual([NEW_POST.id]);
    expect(ids(second.changes.updated)).toEqual([CHANGED_ID]);
    expect(second.changes.failed).toEqual([]);
    const unchanged = ids(first.manifest.posts).filter((id) => id !== CHANGED_ID);
    expect(ids(second.changes.unchanged)).toEqual(unchanged);
    expect(second.stdout).toContain(
      `Changes: 1 added · 1 updated · ${unchanged.length} unchanged · 0 failed (changes.json)`,
    );
    expect(second.stdout).toMatch(/added {3}45\t파이썬 제너레이터 메모/);

    const markdown = await readFile(join(await outDir, 'markdown', '자주-쓰는-단축키-메모.md'), 'utf8');
    expect(markdown).toContain(CHANGED_TEXT);
    expect(markdown).toContain('updated: "2025-04-18T09:00:00+09:00"');
    const added = await readFile(join(await outDir, 'markdown', '파이썬-제너레이터-메모.md'), 'utf8');
    // A link to a post exported by the first run is rewritten like any other.
    expect(added).toContain('[리스트 컴프리헨션 정리](python-리스트-컴프리헨션-정리.md)');
    expect(added).toMatch(/!\[[^\]]*\]\(\.\.\/assets\/generator-[0-9a-f]{8}\.png\)/);
    const lines = (await readFile(join(await outDir, 'posts.jsonl'), 'utf8')).trimEnd().split('\n');
    const inJsonl = first.manifest.posts.filter((entry) => entry.status === 'ok' || entry.status === 'protected');
    expect(lines.map((line) => JSON.parse(line).id).sort()).toEqual([...ids(inJsonl), NEW_POST.id].sort());
    for (const file of firstFiles) await expect(access(join(await outDir, file))).resolves.toBeUndefined();
  });

  it('leaves the folder as a fresh export of the changed blog would be', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'te-incremental-fresh-'));
    expect((await exportTo(fresh)).code).toBe(0);
    expect(await exportSnapshot(await outDir, { without: ['changes.json', 'report.html'] })).toEqual(
      await exportSnapshot(fresh, { without: ['changes.json', 'report.html'] }),
    );
  });

  it('fetches nothing at all when nothing changed', async () => {
    const third = await exportTo(await outDir);
    expect(third.code).toBe(0);
    expect(third.postPages).toEqual([]);
    expect(third.files).toEqual([]);
    expect(third.changes.added).toEqual([]);
    expect(third.changes.updated).toEqual([]);
  });

  it('keeps a post that was deleted from the blog, files and all', async () => {
    const deleted = post('18');
    publish({ ...deleted, state: 'deleted' });
    const run = await exportTo(await outDir);
    expect(run.code).toBe(0);
    expect(run.postPages).toEqual([]);
    expect(run.manifest.posts.find((entry) => entry.id === '18')?.status).toBe('ok');
    await expect(access(join(await outDir, 'markdown', '양평-두물머리-산책-2023-10.md'))).resolves.toBeUndefined();
    publish(deleted);
  });

  it('fetches every post again with --full', async () => {
    const run = await exportTo(await outDir, '--full');
    expect(run.code).toBe(0);
    // The deleted post too: the sitemap still lists it.
    expect(run.postPages).toEqual(run.manifest.posts.map((entry) => new URL(entry.url).pathname).sort());
    expect(run.postPages).toEqual(expect.arrayContaining(['/notice/16', '/pages/about']));
    const deleted = run.manifest.posts.filter((entry) => entry.status === 'missing');
    expect(ids(run.changes.updated)).toEqual(ids(run.manifest.posts.filter((entry) => !deleted.includes(entry))));
    expect(ids(run.changes.unavailable)).toEqual(ids(deleted));
    expect(run.changes.added).toEqual([]);
  });
});

describe('--since', () => {
  it('fetches only the posts the sitemap or feed dates on or after the day, and lists the others as skipped', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-since-'));
    const run = await exportTo(outDir, '--since', '2025-04-14');
    expect(run.code, run.stderr).toBe(0);
    // 45 was published on the 17th, 22 changed on the 18th and notice 42 on the 15th; 41 changed on
    // 2025-04-13, a day before. Notice 16 and the contact page are in no sitemap: no date, skipped.
    expect(run.postPages).toEqual([`/${CHANGED_ID}`, `/${NEW_POST.id}`, '/notice/42']);
    expect(ids(run.manifest.posts)).toEqual([CHANGED_ID, '42', NEW_POST.id]);
    expect(run.changes.since).toBe('2025-04-14T00:00:00+09:00');
    expect(run.changes.skipped.map((skipped) => skipped.id)).toContain('41');
    expect(run.stdout).toMatch(/skipped \(--since\)/);
  });

  it('refuses a date it cannot read', async () => {
    const err: string[] = [];
    const code = await runCli([fixture.blog.url, '--since', 'yesterday'], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (err.push(chunk), true) },
    });
    expect(code).toBe(2);
    expect(err.join('')).toContain('--since must be a date');
  });
});

describe('a changed post that cannot be fetched', () => {
  it('keeps its previous export, says why, and is fetched again by the next run', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-incremental-fail-'));
    expect((await exportTo(outDir)).code).toBe(0);
    const before = await readFile(join(outDir, 'markdown', 'python으로-csv-파일-다루기.md'), 'utf8');
    const changed = post('41');
    publish({
      ...changed,
      modified: '2025-04-18T10:00:00+09:00',
      body: `${changed.body}\n<p data-ke-size="size16">고친 문단</p>`,
    });

    const pages = createHttpClient({ rate: 0 });
    const files = createHttpClient({ rate: 0, respectRobots: false, hostMap: fixture.cdn.hostMap });
    const failing: Fetcher = {
      get: (url, options) =>
        url === `${fixture.blog.url}/41`
          ? Promise.resolve({ url, status: 503, headers: {}, body: Buffer.alloc(0), text: () => '' })
          : pages.get(url, options),
    };
    try {
      const result = await exportBlog({
        source: fixture.blog.url,
        out: outDir,
        formats: ['markdown', 'jsonl'],
        fetcher: failing,
        assetFetcher: files,
      });
      const entry = result.manifest.posts.find((candidate) => candidate.id === '41')!;
      expect(entry.status).toBe('ok');
      expect(entry.warnings?.at(-1)).toBe('fetching it again failed (HTTP 503); the previous export is kept');
      expect(result.changes?.failed).toEqual([
        { id: '41', url: entry.url, title: entry.title, status: 'ok', error: entry.warnings?.at(-1) },
      ]);
      // The files are intact, but a nightly job must hear that its backup of the post is stale.
      expect(result.counts.failed).toBe(0);
      expect(exitCodeOf(result)).toBe(1);
      expect(await readFile(join(outDir, 'markdown', 'python으로-csv-파일-다루기.md'), 'utf8')).toBe(before);
      const jsonl = (await readFile(join(outDir, 'posts.jsonl'), 'utf8')).trimEnd().split('\n');
      expect(jsonl.filter((line) => JSON.parse(line).id === '41')).toHaveLength(1);
    } finally {
      await Promise.all([pages.close(), files.close()]);
    }

    const next = await exportTo(outDir);
    expect(next.code).toBe(0);
    expect(next.postPages).toEqual(['/41']);
    expect(ids(next.changes.updated)).toEqual(['41']);
    expect(next.manifest.posts.find((candidate) => candidate.id === '41')?.warnings).toBeUndefined();
    expect(await readFile(join(outDir, 'markdown', 'python으로-csv-파일-다루기.md'), 'utf8')).toContain('고친 문단');
  });
});

describe('a folder that holds another blog', () => {
  it('is refused rather than mixed', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-incremental-other-'));
    expect((await exportTo(outDir)).code).toBe(0);
    const other = await startFixtureBlog({ failFirst: {} });
    try {
      const err: string[] = [];
      const code = await runCli(
        [other.url, '-o', outDir, '--rate', '0'],
        {
          stdout: { write: () => true },
          stderr: { write: (chunk: string) => (err.push(chunk), true) },
        },
        { hostMap: fixture.cdn.hostMap },
      );
      expect(code).toBe(2);
      expect(err.join('')).toContain(`holds an export of ${fixture.blog.url}`);
    } finally {
      await other.close();
    }
  });
});
