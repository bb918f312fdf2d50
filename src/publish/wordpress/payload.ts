// Pure: what the REST API is sent for a post, a page and a comment.

import { createHash } from 'node:crypto';
import type { Comment } from '../../comments/types.js';
import type { PostMeta } from '../../types.js';
import { postKindOf } from '../../util/post-path.js';

export type PostStatusChoice = 'draft' | 'publish';
export type ProtectedStatusChoice = 'draft' | 'private' | 'skip';

/** A secret comment's stand-in text, as in the WXR file: its text was never exported. */
export const SECRET_COMMENT_TEXT = '비밀 댓글입니다.';
/** WordPress asks every commenter an e-mail address (the "name and email" setting); Tistory has none. */
export const COMMENT_EMAIL = 'comment@tistory-export.invalid';

export interface PostPayload {
  title: string;
  content: string;
  excerpt: string;
  slug: string;
  status: string;
  /** UTC, `YYYY-MM-DDTHH:MM:SS`: the post's instant, whatever the site's time zone. */
  date_gmt?: string;
  categories?: number[];
  tags?: number[];
  featured_media?: number;
  /** Open where the post brings comments: pages are closed by default, and WordPress refuses comments on a closed post. */
  comment_status?: 'open';
}

/** Notices and pages become WordPress pages; everything else a post. */
export function collectionOf(meta: PostMeta): 'posts' | 'pages' {
  return postKindOf(meta) === 'post' ? 'posts' : 'pages';
}

/** `2022-12-20T12:04:47+09:00` → `2022-12-20T03:04:47`; null for no or an unreadable date. */
export function gmtDate(iso: string | null): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 19);
}

export interface PostPayloadInput {
  meta: PostMeta;
  slug: string;
  html: string;
  status: string;
  categoryIds: number[];
  tagIds: number[];
  featuredMediaId: number | null;
  hasComments?: boolean;
}

export function postPayload({
  meta,
  slug,
  html,
  status,
  categoryIds,
  tagIds,
  featuredMediaId,
  hasComments = false,
}: PostPayloadInput): PostPayload {
  const date = gmtDate(meta.published);
  const isPost = collectionOf(meta) === 'posts';
  return {
    title: meta.title,
    content: html,
    excerpt: meta.description ?? '',
    slug,
    status,
    ...(date ? { date_gmt: date } : {}),
    ...(isPost ? { categories: categoryIds, tags: tagIds } : {}),
    ...(featuredMediaId !== null ? { featured_media: featuredMediaId } : {}),
    ...(hasComments ? { comment_status: 'open' as const } : {}),
  };
}

/** Compares what was sent last time with what would be sent now. */
export function payloadHash(payload: PostPayload): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

export interface CommentPayload {
  post: number;
  parent: number;
  author_name: string;
  author_email: string;
  author_url: string;
  content: string;
  status: 'approved' | 'hold';
  date_gmt?: string;
}

/** A secret comment waits for moderation under a stand-in text, as the WXR file has it. */
export function commentPayload(comment: Comment, postId: number, parentId: number): CommentPayload {
  const date = gmtDate(comment.published);
  return {
    post: postId,
    parent: parentId,
    author_name: comment.author.name || '익명',
    author_email: COMMENT_EMAIL,
    author_url: comment.author.homepage ?? '',
    content: comment.secret || comment.text === null ? SECRET_COMMENT_TEXT : comment.text,
    status: comment.secret ? 'hold' : 'approved',
    ...(date ? { date_gmt: date } : {}),
  };
}

/** The status a post gets: protected and private posts never go public by themselves. */
export function statusFor(
  kind: 'ok' | 'protected',
  chosen: PostStatusChoice,
  protectedStatus: ProtectedStatusChoice,
): string | null {
  if (kind === 'protected') return protectedStatus === 'skip' ? null : protectedStatus;
  return chosen;
}

/** The media item's slug, unique to the file's bytes: how a run that died mid-upload finds its upload. */
export function mediaSlug(sha256: string): string {
  return `tistory-${sha256.slice(0, 20)}`;
}
