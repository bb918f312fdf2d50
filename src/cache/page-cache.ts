import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchResponse } from '../fetch/fetch-response.js';
import type { FetchResponse } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** What a cache file starts with, on one line before the body's bytes. */
interface CachedHead {
  /** The URL asked for: the lookup key, kept to tell a (vanishingly unlikely) hash collision from a hit. */
  requestUrl: string;
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  storedAt: string;
}

/**
 * Raw responses on disk, one file per requested URL (`<dir>/<2 hex>/<sha256 of the URL>.response`): a
 * JSON head line, then the body byte for byte, so `--offline` sees exactly what the network said.
 * Written through a temp file and a rename: a killed run never leaves half an entry.
 */
export class PageCache {
  constructor(readonly dir: string) {}

  /** Only final answers are worth keeping: a 5xx or 429 is a moment's trouble, not the page. */
  static keeps(response: FetchResponse): boolean {
    return response.status < 500 && response.status !== 429;
  }

  async read(requestUrl: string): Promise<FetchResponse | null> {
    const bytes = await readFile(this.pathFor(requestUrl)).catch(() => null);
    if (!bytes) return null;
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return null;
    let head: CachedHead;
    try {
      head = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as CachedHead;
    } catch {
      return null;
    }
    if (head.requestUrl !== requestUrl) return null;
    return fetchResponse(head.url, head.status, head.headers, bytes.subarray(newline + 1));
  }

  async write(requestUrl: string, response: FetchResponse): Promise<void> {
    const head: CachedHead = {
      requestUrl,
      url: response.url,
      status: response.status,
      headers: response.headers,
      storedAt: new Date().toISOString(),
    };
    await writeFileAtomic(
      this.pathFor(requestUrl),
      Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), response.body]),
    );
  }

  private pathFor(requestUrl: string): string {
    const hash = createHash('sha256').update(requestUrl).digest('hex');
    return join(this.dir, hash.slice(0, 2), `${hash}.response`);
  }
}
