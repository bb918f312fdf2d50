// Which links are posts of this blog, and one spelling per post so that sources can be merged.
// Notices (`/notice/123`) and static pages (`/pages/<slug>`) are exported like posts, so they count too.

import { parsePostPath } from '../util/post-path.js';

function hostOf(originOrUrl: string): string | null {
  try {
    return new URL(originOrUrl).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * One spelling per slug: decoded, then encoded again with encodeURIComponent, so `%ed%8c`, `%ED%8C`
 * and raw Hangul compare equal. A slug that is not valid UTF-8 once decoded (old EUC-KR links) keeps
 * its bytes, with the hex digits upper-cased.
 */
function normalizeSlug(rawSlug: string): string {
  try {
    return encodeURIComponent(decodeURIComponent(rawSlug));
  } catch {
    return rawSlug.replace(/%[0-9a-f]{2}/gi, (percentCode) => percentCode.toUpperCase());
  }
}

/**
 * The post URL `href` points to, spelled on `blogOrigin`: absolute, `/m/` removed, without query or
 * fragment (comment anchors and `?category=` point to the same post). Null when `href` is not a post of
 * this blog. `sameBlogOrigins` are the blog's other names (the `*.tistory.com` address of a blog on a
 * custom domain, or the reverse); links on them count as the blog's own.
 */
export function normalizePostUrl(
  href: string,
  blogOrigin: string,
  sameBlogOrigins: readonly string[] = [],
): string | null {
  let base: URL;
  let url: URL;
  try {
    base = new URL(blogOrigin);
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const hosts = new Set([base.host.toLowerCase(), ...sameBlogOrigins.map(hostOf)]);
  if (!hosts.has(url.host.toLowerCase())) return null;
  const path = parsePostPath(url.pathname);
  if (!path) return null;
  if (path.kind === 'notice') return `${base.origin}/notice/${path.id}`;
  if (path.id !== null) return `${base.origin}/${path.id}`;
  const slug = normalizeSlug(path.slug ?? '');
  if (slug === '') return null;
  return `${base.origin}${path.kind === 'page' ? '/pages/' : '/entry/'}${slug}`;
}

function pathnameOf(url: string): string | null {
  try {
    return new URL(url, 'http://blog.invalid').pathname;
  } catch {
    return null;
  }
}

/**
 * The post id a URL spells (`/123`, `/m/123`); null for `/entry/<slug>` and non-post URLs. Null for a
 * notice's `/notice/123` too: discovery must not merge it with a post `/123` on the strength of a number
 * its address alone gives (its page's `article:txid` is what says which entry it is).
 */
export function postIdFromUrl(url: string): string | null {
  const pathname = pathnameOf(url);
  const path = pathname === null ? null : parsePostPath(pathname);
  return path?.kind === 'post' ? path.id : null;
}
