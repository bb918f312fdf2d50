// Slugs become file names and URL paths on the new platform. Tistory titles are mostly Hangul, so an
// ASCII-only slugifier would leave them empty; keep every letter and digit of every script instead.

import { isReservedWindowsName, truncateToBytes } from './safe-path.js';

/** Leaves room under the 255-byte name limit for a `-<id>-<n>` suffix and an extension. */
const MAX_SLUG_BYTES = 120;

/** A file-name-safe slug: letters and digits of any script, joined by single hyphens; may be empty. */
export function slugify(text: string): string {
  // Lower-casing can decompose (`İ` → `i̇`), so NFC comes after it.
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/['’"“”]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (Buffer.byteLength(next) > MAX_SLUG_BYTES) {
      if (!slug) slug = truncateToBytes(word, MAX_SLUG_BYTES);
      break;
    }
    slug = next;
  }
  return isReservedWindowsName(slug) ? `${slug}-post` : slug;
}

/** The slug Tistory itself shows in `/entry/<slug>` (a post) or `/pages/<slug>` (a static page) URLs. */
export function entrySlugFromUrl(url: string): string | null {
  const match = /\/(?:entry|pages)\/([^/?#]+)/.exec(url);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * Paths the outputs use for lists and folders of their own (Hugo's sections and taxonomies, the shared
 * assets folder), published at `/<name>/` like a post would be: a new post titled "Tags" must not
 * take `/tags/` from the tag list.
 */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['posts', 'notices', 'pages', 'tags', 'categories', 'assets']);

/**
 * Hands out unique slugs for one export. A taken slug gets the post id appended, which keeps the
 * result independent of how many other posts share the title.
 */
export class SlugAllocator {
  private readonly taken = new Map<string, string>();

  /**
   * `kept`: the slug an earlier export gave the post, which it keeps even when reserved, since its
   * files and every link to it already use it.
   */
  allocate(preferred: string, id: string, kept = false): string {
    // The id is not always a Tistory number: a post without one is keyed by its URL, whose `/` and
    // `:` must not reach a file name.
    const idSlug = slugify(id) || 'post';
    const base = slugify(preferred) || idSlug;
    const candidates = kept || !RESERVED_SLUGS.has(base) ? [base, `${base}-${idSlug}`] : [`${base}-${idSlug}`];
    for (const candidate of candidates) {
      const owner = this.taken.get(candidate);
      if (owner === undefined || owner === id) {
        this.taken.set(candidate, id);
        return candidate;
      }
    }
    let counter = 2;
    while (this.taken.has(`${base}-${idSlug}-${counter}`)) counter++;
    const slug = `${base}-${idSlug}-${counter}`;
    this.taken.set(slug, id);
    return slug;
  }
}
