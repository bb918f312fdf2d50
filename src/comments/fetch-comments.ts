import type { Fetcher } from '../types.js';
import { CommentShapeError, MAX_REPLY_DEPTH, parseCommentPage } from './parse-comments.js';
import { keepFirst } from './thread-shape.js';
import { flattenComments, type Comment } from './types.js';

export { MAX_REPLY_DEPTH } from './parse-comments.js';

// An API that never says "last" (each page a new `nextId`) once ran a run out of memory after three
// minutes. What one post may take is capped three ways; past a cap the comments read so far are kept,
// and the warning names the cap. No real post comes near: Tistory pages its comments a few dozen at a time.

/** Comments and replies kept for one post. */
export const MAX_COMMENTS = 10_000;
/** Bytes of API answers read for one post. */
export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;
/** Pages asked for one post. */
export const MAX_PAGES = 1_000;

export class CommentsError extends Error {
  constructor(
    /** What went wrong, without the post: `HTTP 500`. */
    readonly reason: string,
    readonly postId: string,
  ) {
    super(`comments of post ${postId}: ${reason}`);
    this.name = 'CommentsError';
  }
}

/** A post's comments, and why they are not quite the API's (a cap reached, replies moved up), each a phrase. */
interface CommentThread {
  comments: Comment[];
  warnings: string[];
}

/**
 * Every comment of a post from Tistory's mobile API (`/m/api/{postId}/comment?startId=…`), following
 * `nextId` until `isLast`. Replies stay under their comment. Rejects with `CommentsError` when the API
 * answers an error status or something that is not a comment page: a post must never look as if it had
 * no comments because the API changed.
 */
export async function fetchComments(
  fetcher: Fetcher,
  blogOrigin: string,
  postId: string,
  signal?: AbortSignal,
): Promise<CommentThread> {
  const comments: Comment[] = [];
  const seen = new Set<string>();
  let count = 0;
  let bytes = 0;
  let movedUp = 0;
  let startId = '';
  const visited = new Set<string>([startId]);
  const finish = (cutOff: string | null): CommentThread => ({
    comments,
    warnings: [
      ...(cutOff ? [`cut off ${cutOff}, the most read for one post; the comment API kept answering with more`] : []),
      ...(movedUp > 0
        ? [
            `${movedUp} replies nested more than ${MAX_REPLY_DEPTH} levels deep were moved up to level ${MAX_REPLY_DEPTH}`,
          ]
        : []),
    ],
  });
  for (let page = 1; ; page++) {
    const url = `${blogOrigin.replace(/\/+$/, '')}/m/api/${encodeURIComponent(postId)}/comment?startId=${encodeURIComponent(startId)}`;
    const response = await fetcher.get(url, { accept: 'application/json', ...(signal ? { signal } : {}) });
    if (response.status !== 200) throw new CommentsError(`HTTP ${response.status}`, postId);
    bytes += response.body.length;
    let parsed: ReturnType<typeof parseCommentPage>;
    try {
      parsed = parseCommentPage(JSON.parse(response.text()));
    } catch (error) {
      const reason = error instanceof CommentShapeError ? error.message : 'the answer is not JSON';
      throw new CommentsError(reason, postId);
    }
    movedUp += parsed.movedUp;
    // Pages overlap when a comment arrives during the run: each comment once.
    const fresh = parsed.comments.filter((comment) => {
      if (seen.has(comment.id) && comment.id !== '') return false;
      seen.add(comment.id);
      return true;
    });
    const droppedHere = keepFirst(fresh, MAX_COMMENTS - count);
    for (const comment of fresh) comments.push(comment);
    count += flattenComments(fresh).length;
    // A `nextId` already visited would loop forever.
    const more = parsed.nextId !== null && parsed.comments.length > 0 && !visited.has(parsed.nextId);
    if (droppedHere || (more && count >= MAX_COMMENTS))
      return finish(`at ${MAX_COMMENTS.toLocaleString('en')} comments`);
    if (!more) return finish(null);
    if (bytes >= MAX_ANSWER_BYTES) return finish(`after ${MAX_ANSWER_BYTES / 1024 / 1024} MB of answers`);
    if (page >= MAX_PAGES) return finish(`after ${MAX_PAGES} pages`);
    startId = parsed.nextId!;
    visited.add(startId);
  }
}
