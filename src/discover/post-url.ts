// Which links are posts of this blog, and one spelling per post so that sources can be merged.

/** `/123`, `/entry/<slug>` and their mobile `/m/…` twins; nothing else on a Tistory blog is a post. */
const POST_PATH = /^\/(?:m\/)?(?:(\d+)|entry\/([^/]+))\/?$/;
const NUMERIC_POST_PATH = /^\/(?:m\/)?(\d+)\/?$/;

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
    return rawSlug.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
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
  const match = POST_PATH.exec(url.pathname);
  if (!match) return null;
  if (match[1] !== undefined) return `${base.origin}/${match[1]}`;
  const slug = normalizeSlug(match[2] ?? '');
  return slug === '' ? null : `${base.origin}/entry/${slug}`;
}

/** The post id a URL spells (`/123`, `/m/123`); null for `/entry/<slug>` and non-post URLs. */
export function postIdFromUrl(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://blog.invalid').pathname;
  } catch {
    return null;
  }
  return NUMERIC_POST_PATH.exec(pathname)?.[1] ?? null;
}
