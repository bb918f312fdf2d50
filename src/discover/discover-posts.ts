// Every post URL of a blog: the union of its sitemap, its RSS feed and its paginated lists.

import { UsageError } from '../errors.js';
import type { DiscoveredPost, Fetcher } from '../types.js';
import { withDefaultScheme } from '../util/web-address.js';
import { blogOriginsStatedIn } from './blog-identity.js';
import { mergeCandidates } from './collect.js';
import type { DiscoveryReporter } from './events.js';
import { ACCEPT_HTML, fetchForDiscovery, type Fetched } from './fetch-text.js';
import { crawlListPages, DEFAULT_MAX_LIST_PAGES } from './list-pages.js';
import { readRss } from './rss.js';
import { readSitemap } from './sitemap.js';
import type { SourceContext, SourceResult } from './source.js';
import { looksLikeTistoryPage } from './tistory-markers.js';

export interface DiscoverOptions {
  /** Per list (`/`, `/category` and `/notice`); default 1000. */
  maxListPages?: number;
  onEvent?: DiscoveryReporter;
}

/**
 * `/` and `/category` both hold every post; `/category` still does on blogs whose home page is a cover,
 * not a list. Notices are in neither: `/notice` lists them all, where the sidebar shows only the newest.
 * Static pages have no list; the menu links them from every page, and the sitemap may.
 */
const LIST_PATHS = ['/', '/category', '/notice'] as const;

function blogOrigin(blogUrl: string): string {
  const url = new URL(withDefaultScheme(blogUrl));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not a web address: ${blogUrl}`);
  return url.origin;
}

/**
 * Reads the front page first: where it finally answers is the origin post URLs are spelled on, and it
 * names the blog's other addresses. Then the sitemap, the RSS feed and the lists. A source that cannot
 * be read is reported and skipped; only when none can be read does this reject.
 *
 * Rejects with a `UsageError` (the user named the wrong thing) when the front page gets no HTTP answer
 * at all, and when the site shows neither Tistory's markup nor a single post.
 */
export async function discoverPosts(
  blogUrl: string,
  fetcher: Fetcher,
  options: DiscoverOptions = {},
): Promise<DiscoveredPost[]> {
  const givenOrigin = blogOrigin(blogUrl);
  const report: DiscoveryReporter = options.onEvent ?? (() => {});
  const front = await fetchForDiscovery(fetcher, `${givenOrigin}/`, ACCEPT_HTML);
  // No answer after the client's retries: the sitemap, feed and lists would only time out the same way.
  if (!front.ok && front.unreachable) throw new UsageError(`${givenOrigin} could not be read: ${front.reason}`);
  const origin = front.ok ? new URL(front.response.url).origin : givenOrigin;
  const statedOrigins = front.ok ? blogOriginsStatedIn(front.response.text()) : [];
  const context: SourceContext = {
    origin,
    sameBlogOrigins: [...new Set([givenOrigin, ...statedOrigins])].filter((other) => other !== origin),
    fetcher,
    report,
  };
  const maxPages = Math.max(1, options.maxListPages ?? DEFAULT_MAX_LIST_PAGES);

  const results: SourceResult[] = [await readSitemap(context), await readRss(context)];
  for (const listPath of LIST_PATHS) {
    if (listPath === '/' && !front.ok) {
      report({ type: 'list-end', url: `${origin}/`, reason: 'error', pages: 0, detail: front.reason });
      continue;
    }
    const firstPage = listPath === '/' && front.ok ? front.response : undefined;
    results.push(await crawlListPages(context, { listPath, maxPages, ...(firstPage ? { firstPage } : {}) }));
  }

  const anyRead = results.some((result) => result.read);
  const posts = anyRead
    ? mergeCandidates(
        results.flatMap((result) => result.candidates),
        origin,
        context.sameBlogOrigins,
      )
    : [];
  // Only with no post at all: a Tistory blog with zero public posts is a real (empty) answer, and a
  // site that merely lacks the markers but lists posts is exported as best it can be.
  if (posts.length === 0 && !looksLikeTistory(front)) {
    const why = front.ok ? 'no Tistory markup and no post links' : `${front.reason} at /`;
    throw new UsageError(`${givenOrigin} does not look like a Tistory blog (${why})`);
  }
  if (!anyRead) throw new Error(`${givenOrigin} could not be read: no sitemap, RSS feed or list page answered`);
  return posts;
}

/** A front page that failed with a server error says nothing either way; a 4xx or a foreign page does. */
function looksLikeTistory(front: Fetched): boolean {
  if (front.ok) return looksLikeTistoryPage(front.response.text());
  return front.status === null || front.status >= 500 || front.status === 429;
}
