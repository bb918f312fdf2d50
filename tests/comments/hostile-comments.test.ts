// A comment API that misbehaves must cost a post neither its export nor the machine its memory: an API
// that never says "last" is cut off by comment count and by bytes read, with a warning naming the cap;
// a thread nested thousands deep is kept, its deepest replies moved up to a depth every output can
// hold, instead of overflowing the stack and being reported as "the answer is not JSON".

import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchComments } from '../../src/comments/fetch-comments.js';
import { parseCommentPage } from '../../src/comments/parse-comments.js';
import { commentsJson, commentsMarkdown, commentsWxr } from '../../src/comments/render.js';
import { flattenComments } from '../../src/comments/types.js';
import { MAX_ANSWER_BYTES, MAX_COMMENTS, MAX_PAGES, MAX_REPLY_DEPTH } from '../../src/comments/fetch-comments.js';
import { startServer, type TestServer } from '../fetch/test-server.js';
import { simpleFetcher } from '../helpers/simple-fetcher.js';

/** However the code under test behaves, the endless API stops after this many answers. */
const SAFETY_STOP = 3_000;

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function comment(id: number, content = `${id}번째 댓글`) {
  return {
    id,
    writer: { name: `방문자${id}`, homepage: '' },
    content,
    written: '2025-06-02 18:01:09',
    isSecret: false,
    children: [],
  };
}

/**
 * `/m/api/77/comment?startId=N` that always has another page: `perPage(page)` comments each time, a new
 * `nextId`, `isLast: false`, until SAFETY_STOP answers.
 */
async function endlessApi(perPage: (page: number) => unknown[]): Promise<TestServer> {
  let answered = 0;
  const handler = (_req: unknown, res: ServerResponse) => {
    const page = answered++;
    const last = answered >= SAFETY_STOP;
    res
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ data: { items: perPage(page), isLast: last, nextId: page + 1_000_000 } }));
  };
  const routes: Record<string, typeof handler> = { '/m/api/77/comment?startId=': handler };
  for (let page = 0; page < SAFETY_STOP; page++) routes[`/m/api/77/comment?startId=${page + 1_000_000}`] = handler;
  return startServer(routes);
}

/** `depth` comments, each the only reply of the one before, written out by hand: JSON.stringify itself overflows on it. */
function nestedThread(depth: number): string {
  let open = '';
  for (let level = 1; level <= depth; level++)
    open += `{"id":${level},"writer":{"name":"단계${level}"},"content":"${level}단계 답글","written":"2025-06-02 18:01:09","children":[`;
  return `{"data":{"items":[${open}${']}'.repeat(depth)}],"isLast":true,"nextId":null}}`;
}

describe('a comment API that never ends', () => {
  it(`stops at ${MAX_COMMENTS.toLocaleString('en')} comments, keeps them, and says so`, async () => {
    server = await endlessApi((page) => Array.from({ length: 100 }, (_, index) => comment(page * 100 + index + 1)));
    const thread = await fetchComments(simpleFetcher(), server.origin, '77');
    expect(flattenComments(thread.comments)).toHaveLength(MAX_COMMENTS);
    expect(thread.comments.at(-1)!.id).toBe(String(MAX_COMMENTS));
    expect(server.requests.length).toBe(MAX_COMMENTS / 100);
    expect(thread.warnings).toEqual([
      `cut off at ${MAX_COMMENTS.toLocaleString('en')} comments, the most read for one post; the comment API kept answering with more`,
    ]);
  });

  it('stops once the answers add up to the byte cap', async () => {
    const big = 'ㅋ'.repeat((1024 * 1024) / 3);
    server = await endlessApi((page) => [comment(page + 1, big)]);
    const thread = await fetchComments(simpleFetcher(), server.origin, '77');
    const pages = server.requests.length;
    expect(pages).toBeGreaterThan(10);
    expect(pages).toBeLessThanOrEqual(MAX_ANSWER_BYTES / (1024 * 1024) + 1);
    expect(thread.comments).toHaveLength(pages);
    expect(thread.warnings).toEqual([
      `cut off after ${MAX_ANSWER_BYTES / 1024 / 1024} MB of answers, the most read for one post; the comment API kept answering with more`,
    ]);
  });

  it(`stops after ${MAX_PAGES} pages of one comment each`, async () => {
    server = await endlessApi((page) => [comment(page + 1)]);
    const thread = await fetchComments(simpleFetcher(), server.origin, '77');
    expect(server.requests.length).toBe(MAX_PAGES);
    expect(thread.comments).toHaveLength(MAX_PAGES);
    expect(thread.warnings).toEqual([
      `cut off after ${MAX_PAGES} pages, the most read for one post; the comment API kept answering with more`,
    ]);
  });

  it('keeps a single page holding more than the cap to the cap, replies counted', async () => {
    const items = Array.from({ length: MAX_COMMENTS }, (_, index) => ({
      ...comment(index + 1),
      children: [comment(100_000 + index)],
    }));
    server = await startServer({
      '/m/api/77/comment?startId=': (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { items, isLast: true } }));
      },
    });
    const thread = await fetchComments(simpleFetcher(), server.origin, '77');
    expect(flattenComments(thread.comments)).toHaveLength(MAX_COMMENTS);
    expect(thread.comments).toHaveLength(MAX_COMMENTS / 2);
    expect(thread.warnings).toHaveLength(1);
  });

  it('warns of nothing for a thread that ends', async () => {
    server = await startServer({
      '/m/api/77/comment?startId=': (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { items: [comment(1)], isLast: true } }));
      },
    });
    expect(await fetchComments(simpleFetcher(), server.origin, '77')).toEqual({
      comments: [expect.objectContaining({ id: '1' })],
      warnings: [],
    });
  });
});

describe('a comment thread nested 3,000 deep', () => {
  it('is read, every comment kept, replies past the deepest level moved up to it', () => {
    const page = parseCommentPage(JSON.parse(nestedThread(3_000)));
    const all = flattenComments(page.comments);
    expect(all).toHaveLength(3_000);
    expect(all.map((reply) => reply.id)).toEqual(Array.from({ length: 3_000 }, (_, index) => String(index + 1)));
    // Each still names the comment it answered.
    expect(all.slice(1).every((reply, index) => reply.parentId === String(index + 1))).toBe(true);
    expect(depthOf(page.comments)).toBe(MAX_REPLY_DEPTH);
    expect(page.movedUp).toBe(3_000 - 1 - MAX_REPLY_DEPTH);
  });

  it('is fetched with a warning, and every output can be written from it', async () => {
    server = await startServer({
      '/m/api/77/comment?startId=': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(nestedThread(3_000));
      },
    });
    const thread = await fetchComments(simpleFetcher(), server.origin, '77');
    expect(thread.warnings).toEqual([
      `${3_000 - 1 - MAX_REPLY_DEPTH} replies nested more than ${MAX_REPLY_DEPTH} levels deep were moved up to level ${MAX_REPLY_DEPTH}`,
    ]);
    expect(commentsMarkdown(thread.comments)).toContain('3000단계 답글');
    expect(JSON.parse(commentsJson({ id: '77', url: 'https://a.tistory.com/77' }, thread.comments)).count).toBe(3_000);
    expect(commentsWxr(thread.comments).match(/<wp:comment>/g)).toHaveLength(3_000);
    expect(commentsWxr(thread.comments)).toContain('<wp:comment_parent>2999</wp:comment_parent>');
  });

  it('keeps a flat list whose parent ids chain 3,000 deep, and one whose parent ids form a loop', () => {
    const chain = Array.from({ length: 3_000 }, (_, index) => ({
      commentId: String(index + 1),
      parentId: index === 0 ? undefined : String(index),
      name: 'a',
      content: `${index + 1}`,
    }));
    const chained = parseCommentPage({ items: chain, isLast: true });
    expect(flattenComments(chained.comments)).toHaveLength(3_000);
    expect(depthOf(chained.comments)).toBe(MAX_REPLY_DEPTH);

    const loop = [
      { commentId: 'a', parentId: 'b', name: 'a', content: '가' },
      { commentId: 'b', parentId: 'a', name: 'b', content: '나' },
    ];
    const looped = parseCommentPage({ items: loop, isLast: true });
    expect(
      flattenComments(looped.comments)
        .map((reply) => reply.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(() => JSON.stringify(looped.comments)).not.toThrow();
  });
});

function depthOf(comments: readonly { replies: readonly unknown[] }[]): number {
  let deepest = 0;
  const stack = comments.map((comment) => ({ comment, depth: 0 }));
  while (stack.length > 0) {
    const { comment, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const reply of comment.replies as typeof comments) stack.push({ comment: reply, depth: depth + 1 });
  }
  return deepest;
}
