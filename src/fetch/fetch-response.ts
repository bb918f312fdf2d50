import type { FetchResponse } from '../types.js';
import { decodeText } from './charset.js';

/** A response as the pipeline sees it, whether it came off the wire or out of the page cache. */
export function fetchResponse(
  url: string,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): FetchResponse {
  // Decoded once, on first use: most asset responses are never read as text.
  let text: string | undefined;
  return { url, status, headers, body, text: () => (text ??= decodeText(body, headers['content-type'])) };
}
