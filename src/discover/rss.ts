// Source 2: /rss. Only the newest posts (the owner sets how many), but each item's guid can give the id
// of a post whose link is an /entry/ slug.

import { rfc822ToIso } from './feed-dates.js';
import { ACCEPT_FEED, fetchForDiscovery } from './fetch-text.js';
import { postIdFromUrl } from './post-url.js';
import { arrayOf, childOf, parseXml, textOf } from './xml.js';
import type { Candidate, SourceContext, SourceResult } from './source.js';

function itemsOf(text: string): Candidate[] {
  const channel = childOf(childOf(parseXml(text), 'rss'), 'channel');
  if (channel === undefined) throw new Error('no rss channel');
  return arrayOf(childOf(channel, 'item')).flatMap((item): Candidate[] => {
    const link = textOf(childOf(item, 'link'));
    const guid = textOf(childOf(item, 'guid'));
    const href = link ?? guid;
    if (!href) return [];
    const pubDate = textOf(childOf(item, 'pubDate'));
    return [
      {
        href,
        id: postIdFromUrl(href) ?? (guid ? postIdFromUrl(guid) : null),
        lastmod: pubDate ? rfc822ToIso(pubDate) : null,
        source: 'rss',
      },
    ];
  });
}

export async function readRss(context: SourceContext): Promise<SourceResult> {
  const url = `${context.origin}/rss`;
  const fetched = await fetchForDiscovery(context.fetcher, url, ACCEPT_FEED);
  let candidates: Candidate[];
  try {
    if (!fetched.ok) throw new Error(fetched.reason);
    candidates = itemsOf(fetched.response.text());
  } catch (error) {
    context.report({
      type: 'feed-failed',
      source: 'rss',
      url,
      reason: error instanceof Error ? error.message : String(error),
    });
    return { read: false, candidates: [] };
  }
  context.pageRead(candidates);
  context.report({ type: 'feed-read', source: 'rss', url, posts: candidates.length });
  return { read: true, candidates };
}
