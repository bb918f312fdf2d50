// A bare Fetcher on global fetch for tests of stages that need one: no retries, no rate limit, no
// robots.txt (the real client lives in src/fetch). Network failures become FetchError('network').

import { FetchError, type FetchResponse, type Fetcher } from '../../src/types.js';

export interface SimpleFetcher extends Fetcher {
  /** Every URL asked for, in order. */
  readonly requested: string[];
}

export function simpleFetcher(): SimpleFetcher {
  const requested: string[] = [];
  return {
    requested,
    async get(url, options = {}) {
      requested.push(url);
      let response: Response;
      try {
        response = await fetch(url, {
          headers: options.accept ? { accept: options.accept } : {},
          redirect: 'follow',
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        throw new FetchError(error instanceof Error ? error.message : String(error), 'network', url);
      }
      const body = Buffer.from(await response.arrayBuffer());
      const result: FetchResponse = {
        url: response.url || url,
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body,
        text: () => body.toString('utf8'),
      };
      return result;
    },
  };
}
