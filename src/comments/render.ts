import { escapeMarkdownText, resolveBlockStartMarks } from '../convert/escape.js';
import { cdata, xmlText } from '../util/xml.js';
import { flattenComments, type Comment } from './types.js';

// The outputs of issue 7 that carry comments: a `comments.json` beside a Markdown post, a section
// appended to the Markdown, WordPress `wp:comment` elements, and the jsonl `comments` field. Pure.

export interface CommentsDocument {
  post: { id: string; url: string };
  /** Comments and replies together. */
  count: number;
  comments: Comment[];
}

/** The jsonl `comments` field: the tree as it is (replies under `replies`). */
export function commentsField(comments: readonly Comment[]): Comment[] {
  return [...comments];
}

/** `comments.json` written beside a post. */
export function commentsJson(post: { id: string; url: string }, comments: readonly Comment[]): string {
  const document: CommentsDocument = {
    post,
    count: flattenComments(comments).length,
    comments: commentsField(comments),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

interface MarkdownCommentOptions {
  heading?: string;
  /** Shown instead of a secret comment's text. */
  secretLabel?: string;
}

/** A `## 댓글` section to append to a post's Markdown; empty string when there are no comments. */
export function commentsMarkdown(comments: readonly Comment[], options: MarkdownCommentOptions = {}): string {
  if (comments.length === 0) return '';
  const heading = options.heading ?? '댓글';
  const secretLabel = options.secretLabel ?? '비밀 댓글입니다.';
  const items = comments.map((comment) => markdownItem(comment, 0, secretLabel));
  return `## ${heading}\n\n${items.join('\n\n')}\n`;
}

function markdownItem(comment: Comment, depth: number, secretLabel: string): string {
  const indent = '  '.repeat(depth);
  const inner = `${indent}  `;
  const name = markdownText(comment.author.name || '(이름 없음)');
  const author = comment.author.homepage ? `[${name}](<${comment.author.homepage}>)` : name;
  const when = comment.published ? ` · ${comment.published.slice(0, 16).replace('T', ' ')}` : '';
  const body =
    comment.text === null
      ? [`*${markdownText(secretLabel)}*`]
      : comment.text.split('\n').map((line) => (line.trim() === '' ? '' : markdownText(line)));
  const lines = [
    `${indent}- **${author}**${when}`,
    '',
    ...joinHardBreaks(body).map((line) => (line ? inner + line : '')),
  ];
  const replies = comment.replies.map((reply) => markdownItem(reply, depth + 1, secretLabel));
  return [lines.join('\n'), ...replies].join('\n\n');
}

/** Lines of one paragraph end in a hard break; blank lines separate paragraphs. */
function joinHardBreaks(lines: string[]): string[] {
  return lines.map((line, index) => (line !== '' && (lines[index + 1] ?? '') !== '' ? `${line}\\` : line));
}

function markdownText(text: string): string {
  return resolveBlockStartMarks(escapeMarkdownText(text));
}

interface WxrCommentOptions {
  /** Shown instead of a secret comment's text. */
  secretLabel?: string;
}

/**
 * `<wp:comment>` elements for a post's `<item>`, replies with `wp:comment_parent`. WordPress has no
 * secret comments: they are written unapproved (held for moderation), without their text, and marked
 * with the `tistory_secret` comment meta.
 */
export function commentsWxr(comments: readonly Comment[], options: WxrCommentOptions = {}): string {
  const all = flattenComments(comments);
  const numbers = wxrIds(all);
  return all
    .map((comment) => {
      const parent = comment.parentId !== null ? (numbers.get(comment.parentId) ?? 0) : 0;
      const lines = [
        '<wp:comment>',
        `  <wp:comment_id>${numbers.get(comment.id) ?? 0}</wp:comment_id>`,
        `  <wp:comment_author>${cdata(comment.author.name)}</wp:comment_author>`,
        '  <wp:comment_author_email></wp:comment_author_email>',
        `  <wp:comment_author_url>${xmlText(comment.author.homepage ?? '')}</wp:comment_author_url>`,
        '  <wp:comment_author_IP></wp:comment_author_IP>',
        `  <wp:comment_date>${kstDateTime(comment.published)}</wp:comment_date>`,
        `  <wp:comment_date_gmt>${gmtDateTime(comment.published)}</wp:comment_date_gmt>`,
        `  <wp:comment_content>${cdata(comment.text ?? options.secretLabel ?? '')}</wp:comment_content>`,
        `  <wp:comment_approved>${comment.secret ? 0 : 1}</wp:comment_approved>`,
        '  <wp:comment_type>comment</wp:comment_type>',
        `  <wp:comment_parent>${parent}</wp:comment_parent>`,
        '  <wp:comment_user_id>0</wp:comment_user_id>',
        ...(comment.secret
          ? [
              '  <wp:commentmeta><wp:meta_key>tistory_secret</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:commentmeta>',
            ]
          : []),
        '</wp:comment>',
      ];
      return lines.join('\n');
    })
    .join('\n');
}

/** WordPress wants numeric comment ids: Tistory's when they are numbers, else 1, 2, … in order. */
function wxrIds(comments: readonly Comment[]): Map<string, number> {
  const numbers = new Map<string, number>();
  const numeric = comments.every((comment) => /^\d{1,15}$/.test(comment.id));
  for (const [index, comment] of comments.entries()) numbers.set(comment.id, numeric ? Number(comment.id) : index + 1);
  return numbers;
}

/** `2025-06-02 16:27:20`, the post's own (KST) wall time. */
function kstDateTime(iso: string | null): string {
  return iso ? iso.slice(0, 19).replace('T', ' ') : '';
}

function gmtDateTime(iso: string | null): string {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 19).replace('T', ' ') : '';
}
