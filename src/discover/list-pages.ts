// Source 3: the paginated lists (`/?page=N`, `/category?page=N`, `/notice?page=N`). The only source that
// reaches every post, so it goes on until the list really ends.
//
// A list ends at the first page that links to no later page of the list (when the skin shows paging
// at all), or that shows no post the previous page did not show. The sidebar repeats the same post
// links on every page, so "no new post" rather than "no post link" is what an empty page looks like.
// Posts already known from other sources do not end a list. When a page links to a later page but
// looks empty, one more page is read before giving up: a popular-posts box can make a real page look
// empty, and a broken skin can link to "next" forever.

import type { FetchResponse } from '../types.js';
import type { ListEndReason } from './events.js';
import { ACCEPT_HTML, fetchForDiscovery } from './fetch-text.js';
import { pageNumbersOf, readPageLinks } from './page-links.js';
import { normalizePostUrl } from './post-url.js';
import type { Candidate, SourceContext, SourceResult } from './source.js';

export const DEFAULT_MAX_LIST_PAGES = 1000;
const EMPTY_PAGES_BEFORE_GIVING_UP = 2;

interface ListCrawlOptions {
  /** `/`, `/category` or `/notice`. */
  listPath: string;
  maxPages: number;
  /** Page 1 when the caller already fetched it. */
  firstPage?: FetchResponse;
  /**
   * A query parameter only the list's own post links carry (a category list's `?category=`): on a page
   * where some post links have it, links without it (the sidebar's) are not the list's.
   */
  markedBy?: string;
}

function pageUrl(origin: string, listPath: string, page: number): string {
  return page === 1 ? `${origin}${listPath}` : `${origin}${listPath}?page=${page}`;
}

export async function crawlListPages(context: SourceContext, options: ListCrawlOptions): Promise<SourceResult> {
  const listUrl = `${context.origin}${options.listPath}`;
  const candidates: Candidate[] = [];
  const visited = new Set<string>();
  let previousPosts = new Set<string>();
  let emptyPages = 0;
  let sawPaging = false;
  let pagesRead = 0;

  const end = (reason: ListEndReason, detail?: string): SourceResult => {
    context.report({ type: 'list-end', url: listUrl, reason, pages: pagesRead, ...(detail ? { detail } : {}) });
    return { read: pagesRead > 0, candidates };
  };

  for (let page = 1; page <= options.maxPages; page++) {
    const url = pageUrl(context.origin, options.listPath, page);
    let response: FetchResponse;
    if (page === 1 && options.firstPage) {
      response = options.firstPage;
    } else {
      const fetched = await fetchForDiscovery(context.fetcher, url, ACCEPT_HTML);
      if (!fetched.ok) return end(fetched.reason.startsWith('HTTP ') ? 'status' : 'error', `${url}: ${fetched.reason}`);
      response = fetched.response;
    }
    if (visited.has(response.url)) return end('repeat', url);
    visited.add(response.url);
    pagesRead++;

    const { hrefs } = readPageLinks(response.text(), response.url);
    const posts = new Set<string>();
    for (const href of options.markedBy ? listedHrefs(hrefs, options.markedBy, context) : hrefs) {
      const post = normalizePostUrl(href, context.origin, context.sameBlogOrigins);
      if (post) posts.add(post);
    }
    const onPage: Candidate[] = [...posts].map((post) => ({ href: post, id: null, lastmod: null, source: 'list' }));
    candidates.push(...onPage);
    context.pageRead(onPage);
    const newPosts = [...posts].filter((post) => !previousPosts.has(post)).length;
    context.report({ type: 'list-page', url, posts: posts.size, newPosts });

    // Relative to where the page really came from, in case a redirect moved the blog to another name.
    const pageNumbers = pageNumbersOf(hrefs, new URL(options.listPath, response.url).href);
    sawPaging ||= pageNumbers.length > 0;
    const hasNext = pageNumbers.some((number) => number > page);
    emptyPages = newPosts === 0 ? emptyPages + 1 : 0;
    if (!hasNext && (sawPaging || newPosts === 0)) return end(newPosts === 0 ? 'empty' : 'last-page');
    if (emptyPages >= EMPTY_PAGES_BEFORE_GIVING_UP) return end('empty');
    previousPosts = posts;
  }
  return end('max-pages');
}

/** The post links carrying `marker`, when any do; else every link (a skin that drops the query). */
function listedHrefs(hrefs: readonly string[], marker: string, context: SourceContext): readonly string[] {
  const marked = hrefs.filter(
    (href) =>
      new URL(href).searchParams.has(marker) &&
      normalizePostUrl(href, context.origin, context.sameBlogOrigins) !== null,
  );
  return marked.length > 0 ? marked : hrefs;
}
