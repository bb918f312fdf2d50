// `--comments` against a blog whose comment API is hostile: one post's API never says "last" (each page
// a fresh `nextId`, a hundred comments a time), another's thread is nested 3,000 deep. The run must end
// with every post exported, each cut-off or reshaped thread named on its post's manifest row and in the
// summary, in bounded time, and without running out of memory or stack.

import type { ServerResponse } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { MAX_COMMENTS, MAX_REPLY_DEPTH } from '../../src/comments/fetch-comments.js';
import type { Manifest } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';
import { startServer, type Handler, type TestServer } from '../fetch/test-server.js';
import { startFaultBlog, type FaultBlog, type FaultPost } from './fault-blog.js';

const ENDLESS = 11;
const DEEP = 12;
const CALM = 13;
const PER_PAGE = 100;
/** However the code under test behaves, the endless API stops after this many answers. */
const SAFETY_STOP = 2_000;
const DEPTH = 3_000;

const posts: FaultPost[] = [
  { id: ENDLESS, title: '댓글이 끝나지 않는 글' },
  { id: DEEP, title: '답글이 끝없이 달린 글' },
  { id: CALM, title: '댓글 하나' },
];

function item(id: number, content: string) {
  return {
    id,
    writer: { name: `방문자${id}`, homepage: '' },
    content,
    written: '2025-06-02 18:01:09',
    isSecret: false,
    children: [],
  };
}

function json(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
}

/** Each page a hundred new comments and a new `nextId`, never `isLast` (until SAFETY_STOP). */
function endlessApi(postId: number): Record<string, Handler> {
  let answered = 0;
  const handler: Handler = (_req, res) => {
    const page = answered++;
    const items = Array.from({ length: PER_PAGE }, (_, index) => item(page * PER_PAGE + index + 1, '끝없는 댓글'));
    json(res, JSON.stringify({ data: { items, isLast: answered >= SAFETY_STOP, nextId: page + 500_000 } }));
  };
  const routes: Record<string, Handler> = { [`/m/api/${postId}/comment?startId=`]: handler };
  for (let page = 0; page < SAFETY_STOP; page++) routes[`/m/api/${postId}/comment?startId=${page + 500_000}`] = handler;
  return routes;
}

/** Written out by hand: JSON.stringify itself overflows on a thread this deep. */
function deepThread(depth: number): string {
  let open = '';
  for (let level = 1; level <= depth; level++)
    open += `{"id":${level},"writer":{"name":"단계${level}"},"content":"${level}단계 답글","written":"2025-06-02 18:01:09","children":[`;
  return `{"data":{"items":[${open}${']}'.repeat(depth)}],"isLast":true,"nextId":null}}`;
}

let external: TestServer;
let blog: FaultBlog;
let outDir: string;
let code: number;
let stdout: string;
let stderr: string;
let manifest: Manifest;

beforeAll(async () => {
  external = await startServer({}, '127.0.0.2');
  blog = await startFaultBlog(posts, external.origin, {
    ...endlessApi(ENDLESS),
    [`/m/api/${DEEP}/comment?startId=`]: (_req, res) => json(res, deepThread(DEPTH)),
    [`/m/api/${CALM}/comment?startId=`]: (_req, res) =>
      json(res, JSON.stringify({ data: { items: [item(1, '잘 읽었습니다')], isLast: true } })),
  });
  outDir = await mkdtemp(join(tmpdir(), 'te-comment-faults-'));
  const io = captureIo();
  code = await runCli(
    [
      blog.url,
      '-o',
      outDir,
      '-f',
      'markdown,jsonl',
      '--comments',
      'json',
      '--rate',
      '0',
      '--retries',
      '0',
      '--concurrency',
      '4',
    ],
    io.io,
  );
  stdout = io.out.join('');
  stderr = io.err.join('');
  manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
}, 90_000);
afterAll(() => Promise.all([blog.close(), external.close()]));

function entryOf(id: number) {
  const entry = manifest.posts.find((post) => post.id === String(id));
  expect(entry, `post ${id} in the manifest`).toBeDefined();
  return entry!;
}

async function commentsCountOf(id: number): Promise<number> {
  const file = entryOf(id).files.find((path) => path.endsWith('comments.json'));
  expect(file, `comments.json of post ${id}`).toBeDefined();
  return (JSON.parse(await readFile(join(outDir, file!), 'utf8')) as { count: number }).count;
}

describe('a hostile comment API', () => {
  it('costs no post its export: exit 0, every post ok, no stack trace', () => {
    expect(code).toBe(0);
    expect(manifest.posts.map((post) => [post.id, post.status])).toEqual([
      [String(ENDLESS), 'ok'],
      [String(DEEP), 'ok'],
      [String(CALM), 'ok'],
    ]);
    expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('stops asking an API that never ends at the comment cap, and keeps what it read', async () => {
    expect(blog.server.requests.filter((request) => request.path.startsWith(`/m/api/${ENDLESS}/`))).toHaveLength(
      MAX_COMMENTS / PER_PAGE,
    );
    expect(await commentsCountOf(ENDLESS)).toBe(MAX_COMMENTS);
    expect(entryOf(ENDLESS).warnings).toEqual([
      `comments incomplete (cut off at ${MAX_COMMENTS.toLocaleString('en')} comments, the most read for one post; the comment API kept answering with more)`,
    ]);
  });

  it('keeps every comment of a thread nested 3,000 deep, moved up to the deepest level kept', async () => {
    expect(await commentsCountOf(DEEP)).toBe(DEPTH);
    expect(entryOf(DEEP).warnings).toEqual([
      `comments incomplete (${DEPTH - 1 - MAX_REPLY_DEPTH} replies nested more than ${MAX_REPLY_DEPTH} levels deep were moved up to level ${MAX_REPLY_DEPTH})`,
    ]);
  });

  it('lists both posts in the summary, and leaves the calm one alone', async () => {
    expect(stdout).toContain('Posts whose comments could not be fetched (2):');
    expect(stdout).toContain(`  ${ENDLESS}\t${blog.url}/${ENDLESS}\tcomments incomplete (cut off at`);
    expect(stdout).toContain(
      `  ${DEEP}\t${blog.url}/${DEEP}\tcomments incomplete (${DEPTH - 1 - MAX_REPLY_DEPTH} replies`,
    );
    expect(entryOf(CALM).warnings).toBeUndefined();
    expect(await commentsCountOf(CALM)).toBe(1);
  });
});
