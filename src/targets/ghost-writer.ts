// The parts of a Ghost import file (Settings › Labs › Import content), as Ghost 5 reads it. Pure.

import { createHash } from 'node:crypto';

/** Ghost's column limits (characters): longer values fail the whole import. */
export const GHOST_LIMITS = { slug: 191, title: 255, customExcerpt: 300, tagName: 191, userName: 191 } as const;

export interface GhostPost {
  id: string;
  title: string;
  slug: string;
  html: string;
  feature_image: string | null;
  custom_excerpt: string | null;
  type: 'post' | 'page';
  status: 'published';
  visibility: 'public';
  created_at: string;
  updated_at: string;
  published_at: string;
  canonical_url: null;
}

export interface GhostTag {
  id: string;
  name: string;
  slug: string;
}

export interface GhostUser {
  id: string;
  name: string;
  slug: string;
  email: string;
}

/** Relations name rows by these ids only; Ghost gives every row a new id on import. Stable per key. */
export function ghostId(kind: string, key: string): string {
  return createHash('sha1').update(`${kind}\u0000${key}`).digest('hex').slice(0, 24);
}

/** Cuts to `max` characters (code points), trimming what the cut leaves dangling. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}

/**
 * The opening of the file up to the posts array; `ghostTail` closes it. Posts are written in between,
 * one JSON object per line, so the posts never have to be in memory at once.
 */
export function ghostHead(exportedOn: number): string {
  const meta = JSON.stringify({ exported_on: exportedOn, version: '5.0.0' });
  return `{"db":[{"meta":${meta},"data":{\n"posts":[\n`;
}

export function ghostTail(data: {
  tags: readonly GhostTag[];
  postsTags: readonly { post_id: string; tag_id: string; sort_order: number }[];
  users: readonly GhostUser[];
  postsAuthors: readonly { post_id: string; author_id: string; sort_order: number }[];
}): string {
  const field = (name: string, rows: readonly unknown[]) =>
    `"${name}":[${rows.map((row) => `\n${JSON.stringify(row)}`).join(',')}\n]`;
  return `\n],\n${[
    field('tags', data.tags),
    field('posts_tags', data.postsTags),
    field('users', data.users),
    field('posts_authors', data.postsAuthors),
  ].join(',\n')}\n}}]}\n`;
}
