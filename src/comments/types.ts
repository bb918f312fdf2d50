/**
 * One comment of a post, with its replies. The same shape is the jsonl `comments` field and the
 * `comments` of a `comments.json` document.
 */
export interface Comment {
  id: string;
  /** The comment this one answers; null for a top-level comment. */
  parentId: string | null;
  author: CommentAuthor;
  /** ISO 8601 with Tistory's +09:00; null when the API gives no readable date. */
  published: string | null;
  /** A secret comment (비밀 댓글): only the blog owner may read it, so its text is never exported. */
  secret: boolean;
  /** Plain text, line breaks kept; null for a secret comment. */
  text: string | null;
  replies: Comment[];
}

export interface CommentAuthor {
  name: string;
  /** An http(s) address only; anything else (a `javascript:` URL) is dropped. */
  homepage: string | null;
}

/** Every comment of a tree, parents before their replies. A loop, not a recursion: threads come from elsewhere. */
export function flattenComments(comments: readonly Comment[]): Comment[] {
  const all: Comment[] = [];
  const stack = [...comments].reverse();
  while (stack.length > 0) {
    const comment = stack.pop()!;
    all.push(comment);
    for (let index = comment.replies.length - 1; index >= 0; index--) stack.push(comment.replies[index]!);
  }
  return all;
}
