import { load } from 'cheerio';
import { normaliseDate, parseSkinDate } from '../extract/dates.js';
import { limitDepth } from './thread-shape.js';
import type { Comment } from './types.js';

// The mobile comment API's shape is only partly known (anatomy: `{data:{items:[{id, writer:{name,
// homepage}, content, written, isSecret, children:[…]}], isLast, nextId, totalItems}}`). Every field is
// read through a list of likely names, and a page whose items cannot be found is an error rather than
// "no comments", so a changed API is noticed instead of silently losing comments.

/**
 * Deepest reply level kept (a top-level comment is level 0; Tistory itself nests one level). Deeper
 * replies are moved up to it: a thread nested thousands deep overflowed every recursive walk, from the
 * parse to JSON.stringify of the saved post.
 */
export const MAX_REPLY_DEPTH = 20;

interface CommentPage {
  comments: Comment[];
  /** `startId` of the next page; null on the last one. */
  nextId: string | null;
  totalItems: number | null;
  /** Replies nested deeper than `MAX_REPLY_DEPTH`, moved up to it. */
  movedUp: number;
}

export class CommentShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommentShapeError';
  }
}

type Json = Record<string, unknown>;

export function parseCommentPage(body: unknown): CommentPage {
  const envelope = pick(body, ['data', 'result']) ?? body;
  const items = pickArray(envelope, ['items', 'comments', 'list']) ?? (Array.isArray(envelope) ? envelope : null);
  if (!items) throw new CommentShapeError('comment API answer has no list of comments (expected data.items)');
  const isLast = truthy(pick(envelope, ['isLast', 'last']));
  const nextId = idText(pick(envelope, ['nextId', 'nextStartId', 'next']));
  const total = pick(envelope, ['totalItems', 'totalCount', 'total']);
  const comments = nestFlatReplies(parseItems(items));
  return {
    comments,
    nextId: isLast ? null : nextId,
    totalItems: typeof total === 'number' ? total : null,
    movedUp: limitDepth(comments, MAX_REPLY_DEPTH),
  };
}

/** The items and their `children`, at any depth, in order: walked with a stack of its own, not recursion. */
function parseItems(items: readonly unknown[]): Comment[] {
  const topLevel: Comment[] = [];
  const pending: Array<{ item: Json; parentId: string | null; into: Comment[] }> = [];
  const queue = (children: readonly unknown[], parentId: string | null, into: Comment[]) => {
    const records = children.filter(isRecord);
    for (let index = records.length - 1; index >= 0; index--) pending.push({ item: records[index]!, parentId, into });
  };
  queue(items, null, topLevel);
  while (pending.length > 0) {
    const { item, parentId, into } = pending.pop()!;
    const comment = parseComment(item, parentId);
    into.push(comment);
    queue(pickArray(item, ['children', 'replies', 'reply']) ?? [], comment.id, comment.replies);
  }
  return topLevel;
}

/** One comment without its replies (`parseItems` adds them). */
function parseComment(item: Json, parentId: string | null): Comment {
  const id = idText(pick(item, ['id', 'commentId', 'replyId'])) ?? '';
  const writer = pick(item, ['writer', 'author', 'user']);
  const secret = truthy(pick(item, ['isSecret', 'secret', 'hidden'])) || pick(item, ['visibility']) === 'private';
  const content = pick(item, ['content', 'message', 'text', 'body']);
  return {
    id,
    parentId: parentId ?? idText(pick(item, ['parentId', 'parent'])),
    author: {
      name: text(pick(writer, ['name', 'nickname', 'displayName']) ?? pick(item, ['name', 'writerName'])) ?? '',
      homepage: httpUrl(pick(writer, ['homepage', 'url', 'link']) ?? pick(item, ['homepage'])),
    },
    published: commentDate(pick(item, ['written', 'writtenAt', 'createdAt', 'created', 'date', 'regdate'])),
    secret,
    text: secret ? null : plainText(text(content) ?? ''),
    replies: [],
  };
}

/**
 * Replies that come as a flat list with a parent id go under their parent, when it is on the page. Ids
 * that name each other in a loop would hang the loop's comments under one another and off the page: the
 * comment where a loop closes stays at the top instead.
 */
function nestFlatReplies(comments: Comment[]): Comment[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const parentOf = new Map<Comment, Comment>();
  for (const comment of comments) {
    const parent = comment.parentId !== null ? byId.get(comment.parentId) : undefined;
    if (parent && parent !== comment) parentOf.set(comment, parent);
  }
  const walked = new Map<Comment, 'on path' | 'done'>();
  for (const start of comments) {
    const path: Comment[] = [];
    let at: Comment | undefined = start;
    while (at && !walked.has(at)) {
      walked.set(at, 'on path');
      path.push(at);
      at = parentOf.get(at);
    }
    if (at && walked.get(at) === 'on path') parentOf.delete(at);
    for (const comment of path) walked.set(comment, 'done');
  }
  for (const [comment, parent] of parentOf) parent.replies.push(comment);
  return comments.filter((comment) => !parentOf.has(comment));
}

/** `2025-06-02 16:27:20` (KST), full ISO, `2025.06.02 16:27`, or epoch seconds / milliseconds. */
function commentDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e12 ? value * 1000 : value;
    return normaliseDate(new Date(ms).toISOString());
  }
  const raw = text(value);
  return normaliseDate(raw) ?? parseSkinDate(raw)?.iso ?? null;
}

/** Comments are plain text; when the API sends markup (`<br>`, entities), keep its text and line breaks. */
function plainText(content: string): string {
  if (!/<[a-z/!]|&#?\w+;/i.test(content)) return content.replace(/\r\n?/g, '\n').trim();
  const $ = load(`<div>${content.replace(/<br\s*\/?>/gi, '\n')}</div>`, null, false);
  return $('div').first().text().replace(/\r\n?/g, '\n').trim();
}

function httpUrl(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `http://${raw}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function pick(value: unknown, keys: readonly string[]): unknown {
  if (!isRecord(value)) return undefined;
  for (const key of keys) if (value[key] !== undefined && value[key] !== null) return value[key];
  return undefined;
}

function pickArray(value: unknown, keys: readonly string[]): unknown[] | null {
  const found = pick(value, keys);
  return Array.isArray(found) ? found : null;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

function idText(value: unknown): string | null {
  const raw = text(value);
  return raw === null ? null : raw.trim();
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === 'string' && /^(?:true|y|yes|1)$/i.test(value));
}
