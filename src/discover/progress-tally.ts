// Running counts while discovery reads page after page, for a progress line: pure counting, no request.

import type { DiscoveryReporter } from './events.js';
import { normalizePostUrl, postIdFromUrl } from './post-url.js';
import type { Candidate } from './source.js';

interface TallyOptions {
  /** With a category or tag selection only its lists' posts are exported; the feeds then only date them. */
  listsOnly: boolean;
}

/**
 * Counts the pages read (front page, sitemaps, feed, list pages) and the distinct posts seen so far, and
 * reports both after every page. A post seen as `/123` and as `/entry/slug` counts once as soon as a
 * source ties the two (an RSS guid), as the final merge does (see `mergeCandidates`); until then twice, so
 * the running count can end a little above the number found.
 */
export function discoveryTally(
  origin: string,
  sameBlogOrigins: readonly string[],
  report: DiscoveryReporter,
  options: TallyOptions,
): (candidates: readonly Candidate[]) => void {
  interface Seen {
    id: string | null;
  }
  const byUrl = new Map<string, Seen>();
  const byId = new Map<string, Seen>();
  let pagesRead = 0;
  let postsFound = 0;

  const add = (candidate: Candidate): void => {
    if (options.listsOnly && candidate.source !== 'list') return;
    const url = normalizePostUrl(candidate.href, origin, sameBlogOrigins);
    if (!url) return;
    const id = postIdFromUrl(url) ?? candidate.id;
    let seen = byUrl.get(url) ?? (id === null ? undefined : byId.get(id));
    if (!seen) {
      seen = { id: null };
      postsFound++;
    }
    byUrl.set(url, seen);
    if (id !== null && seen.id === null) {
      const twin = byId.get(id);
      if (twin !== undefined && twin !== seen) postsFound--;
      seen.id = id;
      byId.set(id, seen);
    }
  };

  return (candidates) => {
    pagesRead++;
    for (const candidate of candidates) add(candidate);
    report({ type: 'progress', pagesRead, postsFound });
  };
}
