import type { StreamingFetcher } from '../assets/streaming-fetcher.js';
import { FetchError, type FetchResponse } from '../types.js';
import type { BackupArchive } from './archive.js';
import { backupPathOfUrl } from './backup-urls.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  heic: 'image/heic',
};

/**
 * A `Fetcher` over the backup's own files: it answers their `backupFileUrl`s (404 for a file the backup
 * lacks) and refuses every other URL, so a backup converts with no network access. Give it to the
 * asset stage as its fetcher and the files are copied out of the backup instead of downloaded; the
 * asset store takes them through `getStream`, so no file is ever held whole in memory there.
 */
export function backupFetcher(archive: BackupArchive, maxFileBytes: number): StreamingFetcher {
  const locate = (url: string) => {
    const path = backupPathOfUrl(url);
    if (path === null) throw new FetchError(`no network access while converting a backup: ${url}`, 'network', url);
    const bytes = archive.files.get(path);
    return { path, headers: bytes === undefined ? null : headersOf(path, bytes) };
  };
  return {
    async get(url) {
      const { path, headers } = locate(url);
      if (!headers) return notInBackup(url, path);
      const body = await archive.read(path, maxFileBytes);
      return { url, status: 200, headers, body, text: () => body.toString('utf8') };
    },
    async getStream(url) {
      const { path, headers } = locate(url);
      if (!headers) return { url, status: 404, headers: { 'content-type': 'text/plain' }, body: null };
      return { url, status: 200, headers, body: await archive.open(path, maxFileBytes) };
    },
  };
}

function headersOf(path: string, bytes: number): Record<string, string> {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream', 'content-length': String(bytes) };
}

function notInBackup(url: string, path: string): FetchResponse {
  const body = Buffer.from(`${path} is not in the backup`);
  return {
    url,
    status: 404,
    headers: { 'content-type': 'text/plain', 'content-length': String(body.length) },
    body,
    text: () => body.toString('utf8'),
  };
}
