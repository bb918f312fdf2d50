import type { Fetcher } from '../types.js';
import { CommentShapeError, parseCommentPage } from './parse-comments.js';
import type { Comment } from './types.js';

/** A post with more pages than this is an API answering the same page forever. */
const MAX_PAGES = 5000;

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

/**
 * Every comment of a post from Tistory's mobile API (`/m/api/{postId}/comment?startId=…`), following
 * `nextId` until `isLast`. Replies stay under their comment. Rejects with `CommentsError` when the API
 * answers an error status or something that is not a comment page: a post must never look as if it had
 * no comments because the API changed.
 */
export async function fetchComments(fetcher: Fetcher, blogOrigin: string, postId: string, signal?: AbortSignal): Promise<Comment[]> {
  const comments: Comment[] = [];
  const seen = new Set<string>();
  let startId = '';
  const visited = new Set<string>([startId]);
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${blogOrigin.replace(/\/+$/, '')}/m/api/${encodeURIComponent(postId)}/comment?startId=${encodeURIComponent(startId)}`;
    const response = await fetcher.get(url, { accept: 'application/json', ...(signal ? { signal } : {}) });
    if (response.status !== 200) throw new CommentsError(`HTTP ${response.status}`, postId);
    let parsed;
    try {
      parsed = parseCommentPage(JSON.parse(response.text()));
    } catch (error) {
      const reason = error instanceof CommentShapeError ? error.message : 'the answer is not JSON';
      throw new CommentsError(reason, postId);
    }
    // Pages overlap when a comment arrives during the run: each comment once.
    for (const comment of parsed.comments) {
      if (seen.has(comment.id) && comment.id !== '') continue;
      seen.add(comment.id);
      comments.push(comment);
    }
    // A `nextId` already visited would loop forever.
    if (parsed.nextId === null || parsed.comments.length === 0 || visited.has(parsed.nextId)) return comments;
    startId = parsed.nextId;
    visited.add(startId);
  }
  throw new CommentsError(`more than ${MAX_PAGES} pages`, postId);
}
