import { afterEach, describe, expect, it } from 'vitest';
import { CommentsError, fetchComments } from '../../src/comments/fetch-comments.js';
import { flattenComments, type Comment } from '../../src/comments/types.js';
import { startServer, type TestServer } from '../fetch/test-server.js';
import { simpleFetcher } from '../helpers/simple-fetcher.js';

// Pages of `/m/api/{postId}/comment?startId=…` as the anatomy describes them: `data.items` with
// `writer`, `content`, `written`, `isSecret` and nested `children`, then `isLast` / `nextId`.
const PAGE_1 = {
  data: {
    items: [
      {
        id: 9001,
        writer: { name: '김개발', homepage: 'https://kimdev.tistory.com' },
        content: '좋은 글 감사합니다!\n따라 해 보니 잘 됩니다.',
        written: '2025-06-02 18:01:09',
        isSecret: false,
        children: [
          {
            id: 9003,
            writer: { name: '블로그 주인', homepage: '' },
            content: '읽어 주셔서 감사합니다 :)',
            written: '2025-06-02 21:15:00',
            isSecret: false,
            children: [],
          },
        ],
      },
      {
        id: 9002,
        writer: { name: '익명', homepage: 'javascript:alert(1)' },
        content: '비밀번호가 뭐예요? 제 메일은 secret@example.com',
        written: '2025-06-03 00:30:00',
        isSecret: true,
        children: [
          {
            id: 9004,
            writer: { name: '블로그 주인' },
            content: '메일 드렸습니다.',
            written: '2025-06-03 09:00:00',
            isSecret: true,
            children: [],
          },
        ],
      },
    ],
    isLast: false,
    nextId: 9005,
    totalItems: 6,
  },
};

const PAGE_2 = {
  data: {
    items: [
      {
        id: 9005,
        writer: { name: '박*', homepage: 'blog.example.com' },
        content: '1. 첫째 <b>질문</b><br>2. 둘째',
        written: '2025-06-10T03:00:00Z',
        isSecret: 'N',
        children: [],
      },
    ],
    isLast: false,
    nextId: 9006,
  },
};

const PAGE_3 = {
  data: {
    items: [{ id: 9006, writer: { name: '마지막' }, content: '끝!', written: 1750000000000, isSecret: false }],
    isLast: true,
    nextId: null,
    totalItems: 6,
  },
};

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

function json(body: unknown) {
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
}

async function commentsFrom(routes: Record<string, unknown>): Promise<Comment[]> {
  server = await startServer(Object.fromEntries(Object.entries(routes).map(([path, body]) => [path, json(body)])));
  return (await fetchComments(simpleFetcher(), server.origin, '77')).comments;
}

describe('fetchComments', () => {
  it('follows nextId page after page until isLast', async () => {
    const comments = await commentsFrom({
      '/m/api/77/comment?startId=': PAGE_1,
      '/m/api/77/comment?startId=9005': PAGE_2,
      '/m/api/77/comment?startId=9006': PAGE_3,
    });
    expect(server!.requests.map((request) => request.path)).toEqual([
      '/m/api/77/comment?startId=',
      '/m/api/77/comment?startId=9005',
      '/m/api/77/comment?startId=9006',
    ]);
    expect(comments.map((comment) => comment.id)).toEqual(['9001', '9002', '9005', '9006']);
    expect(flattenComments(comments)).toHaveLength(6);
  });

  it('keeps replies under their comment, with author, homepage and KST date', async () => {
    const [first] = await commentsFrom({ '/m/api/77/comment?startId=': { data: { ...PAGE_1.data, isLast: true } } });
    expect(first).toEqual({
      id: '9001',
      parentId: null,
      author: { name: '김개발', homepage: 'https://kimdev.tistory.com/' },
      published: '2025-06-02T18:01:09+09:00',
      secret: false,
      text: '좋은 글 감사합니다!\n따라 해 보니 잘 됩니다.',
      replies: [
        {
          id: '9003',
          parentId: '9001',
          author: { name: '블로그 주인', homepage: null },
          published: '2025-06-02T21:15:00+09:00',
          secret: false,
          text: '읽어 주셔서 감사합니다 :)',
          replies: [],
        },
      ],
    });
  });

  it('flags secret comments and never keeps their text', async () => {
    const comments = await commentsFrom({ '/m/api/77/comment?startId=': { data: { ...PAGE_1.data, isLast: true } } });
    const secret = comments[1]!;
    expect(secret).toMatchObject({ id: '9002', secret: true, text: null, author: { name: '익명', homepage: null } });
    expect(secret.replies[0]).toMatchObject({ id: '9004', parentId: '9002', secret: true, text: null });
    expect(JSON.stringify(comments)).not.toContain('secret@example.com');
    expect(JSON.stringify(comments)).not.toContain('메일 드렸습니다');
  });

  it('reads markup, UTC and epoch dates and bare homepages defensively', async () => {
    const comments = await commentsFrom({
      '/m/api/77/comment?startId=': { data: { ...PAGE_2.data, isLast: false, nextId: 9006 } },
      '/m/api/77/comment?startId=9006': PAGE_3,
    });
    expect(comments[0]).toMatchObject({
      secret: false,
      text: '1. 첫째 질문\n2. 둘째',
      author: { name: '박*', homepage: 'http://blog.example.com/' },
      published: '2025-06-10T12:00:00+09:00',
    });
    expect(comments[1]!.published).toBe('2025-06-16T00:06:40+09:00');
  });

  it('nests replies that come as a flat list with a parent id', async () => {
    const comments = await commentsFrom({
      '/m/api/77/comment?startId=': {
        items: [
          { commentId: '1', name: 'a', content: '질문', written: '2025-01-01 10:00:00' },
          { commentId: '2', parentId: '1', name: 'b', content: '답', written: '2025-01-01 11:00:00' },
        ],
        isLast: true,
      },
    });
    expect(comments.map((comment) => [comment.id, comment.replies.map((reply) => reply.id)])).toEqual([['1', ['2']]]);
  });

  it('stops when the API points back at a page it already gave', async () => {
    const looping = { data: { items: [{ id: 1, writer: { name: 'a' }, content: 'x' }], isLast: false, nextId: 5 } };
    const comments = await commentsFrom({
      '/m/api/77/comment?startId=': looping,
      '/m/api/77/comment?startId=5': {
        data: { items: [{ id: 2, writer: { name: 'b' }, content: 'y' }], isLast: false, nextId: 5 },
      },
    });
    expect(comments.map((comment) => comment.id)).toEqual(['1', '2']);
    expect(server!.requests).toHaveLength(2);
  });

  it('fails loudly on an error status or an answer that is not a comment page', async () => {
    server = await startServer({
      '/m/api/77/comment?startId=': json({ data: { message: 'changed' } }),
      '/m/api/78/comment?startId=': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
      },
    });
    const fetcher = simpleFetcher();
    await expect(fetchComments(fetcher, server.origin, '77')).rejects.toThrow(/no list of comments/);
    await expect(fetchComments(fetcher, server.origin, '78')).rejects.toThrow(/not JSON/);
    await expect(fetchComments(fetcher, server.origin, '79')).rejects.toBeInstanceOf(CommentsError);
  });
});
