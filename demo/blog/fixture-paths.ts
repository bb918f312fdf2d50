// URL paths of the fixture blog, percent-encoded the way Tistory prints them in its pages.

import type { FixturePost, PostUrlStyle } from './fixture-data.js';

/** A post as the blog's URL style spells it; a notice and a page have one address whatever the style. */
export function postPath(post: FixturePost, style: PostUrlStyle): string {
  if (post.kind === 'notice') return `/notice/${post.id}`;
  if (post.kind === 'page') return `/pages/${encodeURIComponent(post.slug)}`;
  return style === 'slug' ? `/entry/${encodeURIComponent(post.slug)}` : `/${post.id}`;
}

/** `/category/%EA%B0%9C%EB%B0%9C/Python`; the bare `/category` (every post) for an empty path. */
export function categoryPath(path: readonly string[]): string {
  return path.length === 0 ? '/category' : `/category/${path.map(encodeURIComponent).join('/')}`;
}

export function tagPath(tag: string): string {
  return `/tag/${encodeURIComponent(tag)}`;
}

/** `?page=N` appended to a list path (`/` → `/?page=2`). */
export function pagePath(listPath: string, page: number): string {
  return `${listPath}?page=${page}`;
}
