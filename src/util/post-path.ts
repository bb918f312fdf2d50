// The paths of a Tistory blog that show one entry, read one way for discovery, extraction and the
// targets alike. Pure.

import type { PostKind } from '../types.js';

/** One entry's path, as the blog spells it on the desktop site. */
interface PostPath {
  kind: PostKind;
  /** The number the path spells (`/123`, `/notice/123`); null for a slug path. */
  id: string | null;
  /** The slug of `/entry/<slug>` or `/pages/<slug>`, still percent-encoded as written; null for a number. */
  slug: string | null;
}

/**
 * Posts `/123` and `/entry/<slug>`, notices `/notice/123`, static pages `/pages/<slug>`, each also under
 * the mobile `/m/`. The lists `/notice` and `/pages` (no segment after them) are not entries.
 */
const ENTRY_PATH = /^\/(?:m\/)?(?:(\d+)|entry\/([^/]+)|notice\/(\d+)|pages\/([^/]+))\/?$/;

export function parsePostPath(pathname: string): PostPath | null {
  const match = ENTRY_PATH.exec(pathname);
  if (!match) return null;
  const [, postId, entrySlug, noticeId, pageSlug] = match;
  if (postId !== undefined) return { kind: 'post', id: postId, slug: null };
  if (entrySlug !== undefined) return { kind: 'post', id: null, slug: entrySlug };
  if (noticeId !== undefined) return { kind: 'notice', id: noticeId, slug: null };
  return { kind: 'page', id: null, slug: pageSlug ?? '' };
}

/** `parsePostPath` of a whole URL (absolute, or a path); null when it is not an entry or not a URL. */
export function parsePostUrl(url: string): PostPath | null {
  try {
    return parsePostPath(new URL(url, 'http://blog.invalid').pathname);
  } catch {
    return null;
  }
}

/** The desktop path of an entry, with the slug spelled as given. */
export function postPathString(path: PostPath): string {
  switch (path.kind) {
    case 'post':
      return path.id !== null ? `/${path.id}` : `/entry/${path.slug ?? ''}`;
    case 'notice':
      return `/notice/${path.id ?? ''}`;
    case 'page':
      return `/pages/${path.slug ?? ''}`;
  }
}

/** What an entry is; metadata read before notices and pages were told apart says nothing, which means a post. */
export function postKindOf(meta: { kind?: PostKind }): PostKind {
  return meta.kind ?? 'post';
}
