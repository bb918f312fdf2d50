import type { Readable } from 'node:stream';
import type { FetchOptions, Fetcher } from '../types.js';

// A `FetchResponse` holds its body in memory, which is right for pages and for the files a network
// client caps, but not for a backup's own files: a post holding twelve photos of 190 MB held them all at
// once. A fetcher that can hand out a file's bytes as a stream says so with `getStream`, and the asset
// store then copies the bytes to disk as they come.

export interface StreamedResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  /** The body, to be read once; null with a status other than 200. */
  body: Readable | null;
}

export interface StreamingFetcher extends Fetcher {
  getStream(url: string, options?: FetchOptions): Promise<StreamedResponse>;
}

export function canStream(fetcher: Fetcher): fetcher is StreamingFetcher {
  return typeof (fetcher as Partial<StreamingFetcher>).getStream === 'function';
}
