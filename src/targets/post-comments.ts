import { commentsJson, commentsMarkdown } from '../comments/render.js';
import type { Comment } from '../comments/types.js';
import type { CommentsMode } from '../names.js';
import type { ConvertedPost } from '../types.js';

/** The comments a target writes for a post: none unless `--comments` asks and they were fetched. */
export function commentsToWrite(post: ConvertedPost, mode: CommentsMode | undefined): Comment[] | null {
  return mode === undefined || mode === 'off' ? null : post.comments;
}

/** `--comments section`: the post's Markdown with a `## 댓글` section at its end (unchanged when there are none). */
export function withCommentsSection(markdown: string, comments: readonly Comment[]): string {
  const section = commentsMarkdown(comments);
  if (section === '') return markdown;
  const body = markdown.trimEnd();
  return body === '' ? section : `${body}\n\n${section}`;
}

/** `--comments json`: the `comments.json` written beside the post. */
export function commentsDocument(post: ConvertedPost, comments: readonly Comment[]): string {
  return commentsJson({ id: post.id, url: post.meta.url }, comments);
}
