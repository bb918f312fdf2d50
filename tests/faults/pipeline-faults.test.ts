// The whole pipeline (runCli → exportBlog → real HTTP client) against a blog whose pages fail in
// every way a flaky network or server can: each post must end `ok` after retries or `failed` with a
// reason, the run must finish with the documented exit code, and no other host is ever asked.

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { startServer, type TestServer } from '../fetch/test-server.js';
import { bodyMarker, reply, startFaultBlog, type FaultBlog, type FaultPost } from './fault-blog.js';

const TIMEOUT_MS = 400;

let external: TestServer;
beforeAll(async () => {
  // Plays every site a post links to; it must never see a request.
  external = await startServer({}, '127.0.0.2');
});
afterAll(() => external.close());

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]) => ({ write: (chunk: string) => (sink.push(chunk), true) });
  return { io: { stdout: stream(out), stderr: stream(err) }, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function exportFaultBlog(blog: FaultBlog) {
  const outDir = await mkdtemp(join(tmpdir(), 'te-faults-'));
  const capture = captureIo();
  const code = await runCli(
    [
      blog.url,
      '-o',
      outDir,
      '-f',
      'markdown,jsonl',
      '--retries',
      '3',
      '--timeout',
      String(TIMEOUT_MS),
      '--rate',
      '0',
      '--concurrency',
      '4',
    ],
    capture.io,
  );
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  const files = (await readdir(outDir, { recursive: true })).map(String).sort();
  return { code, outDir, manifest, files, stdout: capture.stdout(), stderr: capture.stderr() };
}

type Run = Awaited<ReturnType<typeof exportFaultBlog>>;

/** Starts a fault blog for one describe block and exports it once; its tests read the result. */
function exportOnce(posts: FaultPost[], timeoutMs = 60_000): { blog: FaultBlog; run: Run } {
  const exported = {} as { blog: FaultBlog; run: Run };
  beforeAll(async () => {
    exported.blog = await startFaultBlog(posts, external.origin);
    exported.run = await exportFaultBlog(exported.blog);
  }, timeoutMs);
  afterAll(() => exported.blog.close());
  return exported;
}

function entryOf(run: Run, id: number) {
  const entry = run.manifest.posts.find((post) => post.id === String(id));
  expect(entry, `post ${id} in the manifest`).toBeDefined();
  return entry!;
}

async function markdownOf(run: Run, id: number): Promise<string> {
  const file = entryOf(run, id).files.find((path) => path.endsWith('.md'));
  expect(file, `markdown file of post ${id}`).toBeDefined();
  return readFile(join(run.outDir, file!), 'utf8');
}

function expectNoLeftovers(run: Run): void {
  expect(
    run.files.filter((file) => file.endsWith('.tmp')),
    'temp files left behind',
  ).toEqual([]);
  expect(run.stderr, 'a stack trace on stderr').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('transient faults: every post ends ok after retries, exit 0', () => {
  const posts: FaultPost[] = [
    { id: 1, title: '멀쩡한 글' },
    { id: 2, title: '503 연속', replies: (page) => [reply.status(503), reply.status(502), reply.page(page)] },
    {
      id: 3,
      title: '429 폭풍',
      replies: (page) => [
        reply.status(429, { 'retry-after': '1' }),
        reply.status(429),
        reply.status(429, { 'retry-after': '0' }),
        reply.page(page),
      ],
    },
    { id: 4, title: '연결 끊김', replies: (page) => [reply.reset(), reply.reset(), reply.page(page)] },
    { id: 5, title: '느린 응답', replies: (page) => [reply.stall(TIMEOUT_MS * 4, page), reply.page(page)] },
    { id: 6, title: '잘린 본문', replies: (page) => [reply.truncated(page), reply.page(page)] },
    { id: 7, title: '깨진 gzip', replies: (page) => [reply.corruptGzip(page), reply.page(page)] },
  ];
  const exported = exportOnce(posts);

  it('exits 0 with every post ok and its body written', async () => {
    expect(exported.run.code, exported.run.stderr).toBe(0);
    expect(exported.run.manifest.posts.map((post) => [post.id, post.status])).toEqual(
      posts.map((post) => [String(post.id), 'ok']),
    );
    for (const post of posts) {
      const markdown = await markdownOf(exported.run, post.id);
      expect(markdown).toContain(bodyMarker(post.id));
      expect(markdown).not.toContain('구독하기');
    }
    const jsonl = (await readFile(join(exported.run.outDir, 'posts.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(jsonl).toHaveLength(posts.length);
    expectNoLeftovers(exported.run);
  });

  it('retried each faulty page exactly until it answered', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((id) => exported.blog.attempts(id))).toEqual([1, 3, 4, 3, 2, 2, 2]);
  });
});

describe('permanent faults: those posts end failed with a reason, the rest is written, exit 1', () => {
  const posts: FaultPost[] = [
    { id: 11, title: '멀쩡한 글' },
    { id: 12, title: '계속 500', replies: () => [reply.status(500)] },
    { id: 13, title: '계속 끊김', replies: () => [reply.reset()] },
    { id: 14, title: '계속 느림', replies: (page) => [reply.stall(TIMEOUT_MS * 4, page)] },
    { id: 15, title: '계속 잘림', replies: (page) => [reply.truncated(page)] },
    { id: 16, title: '빈 응답', replies: () => [reply.empty()] },
    {
      id: 17,
      title: '본문 없는 페이지',
      replies: (page) => [
        reply.page(
          Buffer.from(page.toString('utf8').replace(/<body[\s\S]*<\/body>/, '<body id="tt-body-page"></body>')),
        ),
      ],
    },
    { id: 18, title: '지워진 글', replies: () => [reply.status(404)] },
    { id: 19, title: '또 멀쩡한 글' },
  ];
  const exported = exportOnce(posts);

  it('exits 1 and still writes the healthy posts', async () => {
    expect(exported.run.code, exported.run.stderr).toBe(1);
    for (const id of [11, 19]) {
      expect(entryOf(exported.run, id).status).toBe('ok');
      expect(await markdownOf(exported.run, id)).toContain(bodyMarker(id));
    }
    expect(entryOf(exported.run, 18).status).toBe('missing');
    expectNoLeftovers(exported.run);
  });

  it('records a reason for every failed post, and lists them in the summary', () => {
    const reasons: Record<number, RegExp> = {
      12: /HTTP 500/,
      13: /socket|closed|reset|ECONNRESET/i,
      14: /timeout/i,
      15: /socket|closed|terminated|aborted|length/i,
      16: /no post body/i,
      17: /no post body/i,
    };
    for (const [id, reason] of Object.entries(reasons)) {
      const entry = entryOf(exported.run, Number(id));
      expect(entry.status, `post ${id}`).toBe('failed');
      expect(entry.error, `post ${id}`).toMatch(reason);
      expect(entry.files, `post ${id}`).toEqual([]);
      expect(exported.run.stdout).toContain(`${id}\t`);
    }
  });

  it('gave each retryable failure the configured number of retries, and did not retry the rest', () => {
    for (const id of [12, 13, 14, 15]) expect(exported.blog.attempts(id), `post ${id}`).toBe(4);
    for (const id of [16, 17, 18]) expect(exported.blog.attempts(id), `post ${id}`).toBe(1);
  });
});

/** Puts raw bytes into the page right after the first occurrence of `marker`. */
function insertBytes(page: Buffer, marker: string, bytes: number[]): Buffer {
  const at = page.indexOf(marker) + Buffer.byteLength(marker);
  return Buffer.concat([page.subarray(0, at), Buffer.from(bytes), page.subarray(at)]);
}

/** About `bytes` of sidebar: a tag cloud, as a blog with years of tags shows on every page. */
function tagCloud(bytes: number): string {
  const tags: string[] = [];
  for (let size = 0, n = 0; size < bytes; n++) {
    const tag = `<a href="/tag/태그${n}" class="cloud${n % 5}">태그${n}</a> `;
    tags.push(tag);
    size += Buffer.byteLength(tag);
  }
  return `<div class="box_tag"><h3>TAG</h3>${tags.join('')}</div>`;
}

const LONG_POST_PARAGRAPHS = 8_000;

describe('strange pages: invalid UTF-8, a 10 MB page, a long post', () => {
  const INVALID = [0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x00];
  const posts: FaultPost[] = [
    {
      id: 21,
      title: '깨진 바이트가 섞인 글',
      replies: (page) => [reply.page(insertBytes(insertBytes(page, '장애가 나도', INVALID), 'content="깨진', INVALID))],
    },
    {
      id: 22,
      title: '10MB 페이지',
      replies: (page) => [
        reply.page(
          Buffer.from(
            page.toString('utf8').replace('<aside id="sidebar">', `<aside id="sidebar">${tagCloud(10 * 1024 * 1024)}`),
          ),
        ),
      ],
    },
    {
      id: 23,
      title: '아주 긴 글',
      extraBody: Array.from(
        { length: LONG_POST_PARAGRAPHS },
        (_, n) => `<p data-ke-size="size16">긴 글의 ${n + 1}번째 문단.</p>`,
      ).join('\n'),
    },
  ];
  const exported = exportOnce(posts, 120_000);

  it('exports all three, exit 0', () => {
    expect(exported.run.code, exported.run.stderr).toBe(0);
    expect(exported.run.manifest.posts.map((post) => post.status)).toEqual(['ok', 'ok', 'ok']);
    expectNoLeftovers(exported.run);
  });

  it('turns invalid bytes into U+FFFD and keeps the text around them; the files stay valid UTF-8 and YAML', async () => {
    const file = entryOf(exported.run, 21).files.find((path) => path.endsWith('.md'))!;
    const bytes = await readFile(join(exported.run.outDir, file));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text).toContain('\uFFFD');
    expect(text).toContain(bodyMarker(21));
    expect(text).toContain('글은 살아남아야 한다');
    expect(text).not.toContain('\u0000');
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
    expect(parseYaml(frontMatter ?? '') as { title: string }).toMatchObject({
      title: expect.stringMatching(/^깨진\uFFFD+.*가 섞인 글$/),
    });
  });

  it('finds the post inside a 10 MB page and leaves the tag cloud out', async () => {
    const markdown = await markdownOf(exported.run, 22);
    expect(markdown).toContain(bodyMarker(22));
    expect(markdown).not.toContain('태그1');
    expect(markdown.length).toBeLessThan(5_000);
  });

  it('loses no paragraph of a long post', async () => {
    const markdown = await markdownOf(exported.run, 23);
    const numbers = [...markdown.matchAll(/긴 글의 (\d+)번째 문단/g)].map((match) => Number(match[1]));
    expect(numbers).toEqual(Array.from({ length: LONG_POST_PARAGRAPHS }, (_, n) => n + 1));
  });
});

describe('only the blog host is ever requested', () => {
  it('never follows links, link cards, sitemap or feed entries to other hosts', async () => {
    const posts: FaultPost[] = [
      {
        id: 31,
        title: '링크가 많은 글',
        extraBody: `<p><a href="${external.origin}/deep/link">깊은 링크</a> <iframe src="${external.origin}/embed"></iframe></p>`,
      },
      { id: 32, title: '또 다른 글' },
    ];
    const blog = await startFaultBlog(posts, external.origin);
    try {
      const run = await exportFaultBlog(blog);
      expect(run.code, run.stderr).toBe(0);
      expect(await markdownOf(run, 31)).toContain(`${external.origin}/reference/31`);
      const paths = new Set(blog.server.requests.map((request) => request.path.replace(/\?.*$/, '')));
      expect([...paths].sort()).toEqual([
        '/',
        '/31',
        '/32',
        '/category',
        '/notice',
        '/robots.txt',
        '/rss',
        '/sitemap.xml',
      ]);
    } finally {
      await blog.close();
    }
    // Every describe above ran its export against pages full of links to this host.
    expect(external.requests.map((request) => request.path)).toEqual([]);
  }, 60_000);
});
