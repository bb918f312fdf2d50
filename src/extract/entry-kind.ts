import { decodeUriComponentSafely } from '../util/decode-uri.js';
import { parsePostUrl } from '../util/post-path.js';

export interface SpecialEntry {
  kind: 'notice' | 'page';
  /**
   * The id the address alone gives: a notice's number, or for a static page (whose address has none)
   * `page-<slug>`, which no post id (a number, or a URL) can ever equal.
   */
  idFromAddress: string;
}

/**
 * Whether the page is a notice (`/notice/{id}`) or a static page (`/pages/{slug}`) rather than a post.
 * They carry the same skin markup as posts, so the address tells: the first of `urls` (the page's
 * declared address before the fetched one) that is an entry address at all decides. Null for a post.
 */
export function specialEntryOf(urls: readonly (string | null)[]): SpecialEntry | null {
  for (const url of urls) {
    const path = url === null ? null : parsePostUrl(url);
    if (!path) continue;
    if (path.kind === 'notice' && path.id !== null) return { kind: 'notice', idFromAddress: path.id };
    if (path.kind === 'page' && path.slug)
      return { kind: 'page', idFromAddress: `page-${decodeUriComponentSafely(path.slug).normalize('NFC')}` };
    return null;
  }
  return null;
}
