import { FetchError, type FetchOptions, type FetchResponse, type Fetcher } from '../types.js';
import { PageCache } from './page-cache.js';

/**
 * Fetches through `inner` and keeps every final answer in `cache`. A response the cache cannot store
 * (a full disk) is still returned: the cache must never fail a post that the network delivered.
 */
export function cachingFetcher(
  inner: Fetcher,
  cache: PageCache,
  onError: (message: string) => void = () => {},
): Fetcher {
  return {
    async get(url: string, options?: FetchOptions): Promise<FetchResponse> {
      const response = await inner.get(url, options);
      if (PageCache.keeps(response)) {
        await cache.write(url, response).catch((error: unknown) => onError(`could not cache ${url}: ${String(error)}`));
      }
      return response;
    },
  };
}

/** `--offline`: every answer comes from the cache; a URL it does not hold fails like a network error, without a request. */
export function offlineFetcher(cache: PageCache): Fetcher {
  return {
    async get(url: string, options?: FetchOptions): Promise<FetchResponse> {
      if (options?.signal?.aborted) throw new FetchError('aborted', 'aborted', url);
      const cached = await cache.read(url);
      if (!cached) throw new FetchError(`not in the cache (--offline): ${url}`, 'network', url);
      return cached;
    },
  };
}
