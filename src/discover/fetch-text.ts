// Fetching for discovery: a failed source becomes a reason to report, never a thrown error.

import type { FetchResponse, Fetcher } from '../types.js';

export type Fetched = { ok: true; response: FetchResponse } | { ok: false; reason: string };

export async function fetchForDiscovery(fetcher: Fetcher, url: string, accept: string): Promise<Fetched> {
  try {
    const response = await fetcher.get(url, { accept });
    if (response.status < 200 || response.status > 299) return { ok: false, reason: `HTTP ${response.status}` };
    return { ok: true, response };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
export const ACCEPT_XML = 'application/xml,text/xml;q=0.9,*/*;q=0.8';
export const ACCEPT_FEED = 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8';
