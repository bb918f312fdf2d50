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
import { categoriesLinkedFrom, selectionLists, type SelectionList } from './selection-lists.js';
import type { PostSelection } from '../selection/post-selection.js';
import type { SourceContext, SourceResult } from './source.js';
import { looksLikeTistoryPage } from './tistory-markers.js';
import { discoveryTally } from './progress-tally.js';
import { decodeUriComponentSafely } from '../util/decode-uri.js';

export interface DiscoverOptions {
  /** Per list (`/`, `/category` and `/notice`); default 1000. */
  maxListPages?: number;
  onEvent?: DiscoveryReporter;
  /**
   * Only the posts of a category's or a tag's list; the sitemap and the feed then only date them. The
   * lists also show the sidebar's posts (which a category list's own links can be told apart from), so
   * each post's page has the last word (see `isSelected`).
   */
  selection?: PostSelection;
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
 * names the blog's other addresses. Then the sitemap, the RSS feed and the lists (with a selection, its
 * lists alone). A source that cannot be read is reported and skipped; only when none can be read does
 * this reject. A selection's list that is not there, or cannot be read, rejects at once.
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
  const sameBlogOrigins = [...new Set([givenOrigin, ...statedOrigins])].filter((other) => other !== origin);
  const context: SourceContext = {
    origin,
    sameBlogOrigins,
    fetcher,
    report,
    pageRead: discoveryTally(origin, sameBlogOrigins, report, { listsOnly: options.selection !== undefined }),
  };
  const maxPages = Math.max(1, options.maxListPages ?? DEFAULT_MAX_LIST_PAGES);

  const blogHosts = [origin, ...context.sameBlogOrigins].map((other) => new URL(other).host);
  const knownCategories =
    options.selection && front.ok ? categoriesLinkedFrom(front.response.text(), front.response.url, blogHosts) : [];
  const lists = options.selection ? selectionLists(options.selection, knownCategories) : [];

  // The selection's lists first: a misspelt category ends the run before any other request.
  const results: SourceResult[] = [];
  for (const list of lists) results.push(await crawlSelectionList(context, list, maxPages, knownCategories));
  results.push(await readSitemap(context), await readRss(context));
  for (const listPath of lists.length > 0 ? [] : LIST_PATHS) {
    if (listPath === '/' && !front.ok) {
      report({ type: 'list-end', url: `${origin}/`, reason: 'error', pages: 0, detail: front.reason });
      continue;
    }
    const firstPage = listPath === '/' && front.ok ? front.response : undefined;
    results.push(await crawlListPages(context, { listPath, maxPages, ...(firstPage ? { firstPage } : {}) }));
  }

  const anyRead = results.some((result) => result.read);
  const merged = anyRead
    ? mergeCandidates(
        results.flatMap((result) => result.candidates),
        origin,
        context.sameBlogOrigins,
      )
    : [];
  const posts = lists.length > 0 ? merged.filter((post) => post.sources.includes('list')) : merged;
  // Only with no post at all: a Tistory blog with zero public posts is a real (empty) answer, and a
  // site that merely lacks the markers but lists posts is exported as best it can be.
  if (posts.length === 0 && !looksLikeTistory(front)) {
    const why = front.ok ? 'no Tistory markup and no post links' : `${front.reason} at /`;
    throw new UsageError(`${givenOrigin} does not look like a Tistory blog (${why})`);
  }
  if (!anyRead) throw new Error(`${givenOrigin} could not be read: no sitemap, RSS feed or list page answered`);
  return posts;
}

/**
 * A selection's list, from its first page on. One that is not there is the user's mistake, said with the
 * categories the blog links to; one that cannot be read leaves the run nothing to select from.
 */
async function crawlSelectionList(
  context: SourceContext,
  list: SelectionList,
  maxPages: number,
  knownCategories: readonly string[][],
): Promise<SourceResult> {
  const url = `${context.origin}${list.listPath}`;
  const first = await fetchForDiscovery(context.fetcher, url, ACCEPT_HTML);
  // A blog may send an unknown list's address to its front page: that is not the list either.
  const elsewhere = first.ok && !samePath(first.response.url, url);
  if ((!first.ok && first.status === 404) || elsewhere) {
    const categories = knownCategories.map((path) => path.join('/'));
    const hint = list.markedBy && categories.length > 0 ? `; its categories: ${categories.join(', ')}` : '';
    throw new UsageError(
      `${list.label} not found on ${context.origin} (${first.ok ? `sent to ${first.response.url}` : 'HTTP 404'})${hint}`,
    );
  }
  if (!first.ok) throw new Error(`the list of ${list.label} could not be read: ${first.reason}`);
  return crawlListPages(context, {
    listPath: list.listPath,
    maxPages,
    firstPage: first.response,
    ...(list.markedBy ? { markedBy: list.markedBy } : {}),
  });
}

function samePath(a: string, b: string): boolean {
  const path = (url: string) => decodeUriComponentSafely(new URL(url).pathname.replace(/\/+$/, '')).normalize('NFC');
  return path(a) === path(b);
}

/** A front page that failed with a server error says nothing either way; a 4xx or a foreign page does. */
function looksLikeTistory(front: Fetched): boolean {
  if (front.ok) return looksLikeTistoryPage(front.response.text());
  return front.status === null || front.status >= 500 || front.status === 429;
}
