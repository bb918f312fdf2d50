import { flattenComments, type Comment } from './types.js';

// A comment API's answer shapes the tree: its nesting depth and its size come from someone else's
// server. Every walk here is a loop over an explicit stack, never a recursion a deep thread could
// overflow.

/**
 * Moves replies deeper than `maxDepth` (top-level comments are depth 0) up to `maxDepth`: every reply
 * of a comment at `maxDepth - 1` follows it there, in thread order, each keeping its `parentId`.
 * Returns how many replies moved.
 */
export function limitDepth(comments: readonly Comment[], maxDepth: number): number {
  let moved = 0;
  const stack = comments.map((comment) => ({ comment, depth: 0 }));
  while (stack.length > 0) {
    const { comment, depth } = stack.pop()!;
    if (depth === maxDepth - 1) {
      const descendants = flattenComments(comment.replies);
      moved += descendants.length - comment.replies.length;
      for (const reply of descendants) reply.replies = [];
      comment.replies = descendants;
      continue;
    }
    for (const reply of comment.replies) stack.push({ comment: reply, depth: depth + 1 });
  }
  return moved;
}

/**
 * Keeps the first `limit` comments of the tree in thread order (a comment before its replies) and drops
 * the rest, in place. True when anything was dropped.
 */
export function keepFirst(comments: Comment[], limit: number): boolean {
  if (limit <= 0) {
    const dropped = comments.length > 0;
    comments.length = 0;
    return dropped;
  }
  let count = 0;
  // Where the walk is in each list on the way down: cutting them all there drops everything after.
  const frames: Array<{ list: Comment[]; index: number }> = [{ list: comments, index: -1 }];
  while (frames.length > 0) {
    const frame = frames.at(-1)!;
    frame.index += 1;
    if (frame.index >= frame.list.length) {
      frames.pop();
      continue;
    }
    const comment = frame.list[frame.index]!;
    count += 1;
    if (count === limit) {
      const dropped = comment.replies.length > 0 || frames.some((open) => open.index < open.list.length - 1);
      comment.replies = [];
      for (const open of frames) open.list.length = open.index + 1;
      return dropped;
    }
    if (comment.replies.length > 0) frames.push({ list: comment.replies, index: -1 });
  }
  return false;
}
