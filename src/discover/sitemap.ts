// Source 1: /sitemap.xml (a urlset, or a sitemap index of urlsets). Tistory's caps out and misses the
// oldest posts, so it is one source among three, and its absence is only reported.

import { sitemapDate } from './feed-dates.js';
import { ACCEPT_XML, fetchForDiscovery } from './fetch-text.js';
import { arrayOf, childOf, parseXml, textOf } from './xml.js';
import type { Candidate, SourceContext, SourceResult } from './source.js';

/** A sitemap index on a big blog lists a handful of files; more than this is not a Tistory sitemap. */
const MAX_CHILD_SITEMAPS = 50;

function isBlogUrl(url: string, context: SourceContext): boolean {
  try {
    const host = new URL(url).host;
    return [context.origin, ...context.sameBlogOrigins].some((origin) => new URL(origin).host === host);
  } catch {
    return false;
  }
}

type ParsedSitemap = { kind: 'urlset'; candidates: Candidate[] } | { kind: 'index'; children: string[] };

function interpret(text: string): ParsedSitemap {
  const document = parseXml(text);
  const urlset = childOf(document, 'urlset');
  if (urlset !== undefined) {
    const candidates = arrayOf(childOf(urlset, 'url')).flatMap((entry): Candidate[] => {
      const loc = textOf(childOf(entry, 'loc'));
      if (!loc) return [];
      const lastmod = textOf(childOf(entry, 'lastmod'));
      return [{ href: loc, id: null, lastmod: lastmod ? sitemapDate(lastmod) : null, source: 'sitemap' }];
    });
    return { kind: 'urlset', candidates };
  }
  const index = childOf(document, 'sitemapindex');
  if (index !== undefined) {
    const children = arrayOf(childOf(index, 'sitemap'))
      .map((entry) => textOf(childOf(entry, 'loc')))
      .filter((loc): loc is string => loc !== null);
    return { kind: 'index', children };
  }
  throw new Error('neither a urlset nor a sitemap index');
}

async function readOne(url: string, context: SourceContext): Promise<ParsedSitemap | string> {
  const fetched = await fetchForDiscovery(context.fetcher, url, ACCEPT_XML);
  if (!fetched.ok) return fetched.reason;
  try {
    return interpret(fetched.response.text());
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function readSitemap(context: SourceContext): Promise<SourceResult> {
  const url = `${context.origin}/sitemap.xml`;
  const top = await readOne(url, context);
  if (typeof top === 'string') {
    context.report({ type: 'feed-failed', source: 'sitemap', url, reason: top });
    return { read: false, candidates: [] };
  }
  let candidates: Candidate[];
  context.pageRead(top.kind === 'urlset' ? top.candidates : []);
  if (top.kind === 'urlset') {
    candidates = top.candidates;
  } else {
    candidates = [];
    // Only one level: an index inside an index is not something Tistory produces.
    for (const child of top.children.filter((loc) => isBlogUrl(loc, context)).slice(0, MAX_CHILD_SITEMAPS)) {
      const parsed = await readOne(child, context);
      if (typeof parsed === 'string' || parsed.kind !== 'urlset') {
        const reason = typeof parsed === 'string' ? parsed : 'a sitemap index inside a sitemap index';
        context.report({ type: 'feed-failed', source: 'sitemap', url: child, reason });
        continue;
      }
      context.pageRead(parsed.candidates);
      candidates.push(...parsed.candidates);
    }
  }
  context.report({ type: 'feed-read', source: 'sitemap', url, posts: candidates.length });
  return { read: true, candidates };
}
