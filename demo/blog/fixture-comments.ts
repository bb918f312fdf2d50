// The fixture blog's comment API, `/m/api/{postId}/comment?startId=…`, answering in the shape the anatomy
// gives: `{data:{items, isLast, nextId, totalItems}}`, a page of top-level comments with their replies.

import type { FixtureBlogData } from './fixture-data.js';

/** One comment as the API sends it (fixtures/blog/comments.json holds them in this shape). */
export interface FixtureCommentItem {
  id: number;
  writer: { name: string; homepage: string };
  content: string;
  /** KST wall time, `2025-04-15 09:12:44`. */
  written: string;
  isSecret: boolean;
  children: FixtureCommentItem[];
}

export interface FixtureCommentsData {
  /** Top-level comments per page; a longer thread is paged with `nextId`. */
  pageSize: number;
  /** Posts whose comment API answers 500 every time. */
  failing: string[];
  /** By post id; a post that is not listed has no comments. */
  posts: Record<string, FixtureCommentItem[]>;
}

export interface CommentApiAnswer {
  status: number;
  body: string;
}

function countWithReplies(items: readonly FixtureCommentItem[]): number {
  return items.reduce((sum, item) => sum + 1 + countWithReplies(item.children), 0);
}

export function commentApiAnswer(blog: FixtureBlogData, postId: string, startId: string | null): CommentApiAnswer {
  // Posts, notices and pages share one id space, and the API answers for each.
  const post = [...blog.posts, ...(blog.notices ?? []), ...(blog.pages ?? [])].find(
    (candidate) => candidate.id === postId,
  );
  if (!post || post.state === 'deleted')
    return { status: 404, body: JSON.stringify({ code: 404, message: '존재하지 않는 글입니다.' }) };
  const comments = blog.comments;
  if (comments?.failing.includes(postId))
    return { status: 500, body: JSON.stringify({ code: 500, message: '일시적인 오류입니다.' }) };
  const all = comments?.posts[postId] ?? [];
  const pageSize = comments?.pageSize ?? 10;
  // `startId` is the first comment of the page asked for, as the previous page's `nextId` said.
  const start = startId ? all.findIndex((item) => String(item.id) === startId) : 0;
  const items = start < 0 ? [] : all.slice(start, start + pageSize);
  const next = start < 0 ? undefined : all[start + pageSize];
  return {
    status: 200,
    body: JSON.stringify({
      data: { items, isLast: next === undefined, nextId: next?.id ?? null, totalItems: countWithReplies(all) },
    }),
  };
}
