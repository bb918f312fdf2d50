// Fetching for discovery: a failed source becomes a reason to report, never a thrown error.

import { FetchError, type FetchResponse, type Fetcher } from '../types.js';

export type Fetched =
  | { ok: true; response: FetchResponse }
  /** `unreachable`: no HTTP answer at all (refused, reset, timed out after the retries). */
  | { ok: false; reason: string; status: number | null; unreachable: boolean };

export async function fetchForDiscovery(fetcher: Fetcher, url: string, accept: string): Promise<Fetched> {
  try {
    const response = await fetcher.get(url, { accept });
    if (response.status < 200 || response.status > 299) {
      return { ok: false, reason: `HTTP ${response.status}`, status: response.status, unreachable: false };
    }
    return { ok: true, response };
  } catch (error) {
    const unreachable = error instanceof FetchError && (error.code === 'network' || error.code === 'timeout');
    return { ok: false, reason: error instanceof Error ? error.message : String(error), status: null, unreachable };
  }
}

export const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
export const ACCEPT_XML = 'application/xml,text/xml;q=0.9,*/*;q=0.8';
export const ACCEPT_FEED = 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8';
