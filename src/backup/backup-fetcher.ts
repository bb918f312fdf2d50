import { FetchError, type FetchResponse, type Fetcher } from '../types.js';
import type { BackupArchive } from './archive.js';
import { backupPathOfUrl } from './backup-urls.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  avif: 'image/avif', bmp: 'image/bmp', svg: 'image/svg+xml', heic: 'image/heic',
};

/**
 * A `Fetcher` over the backup's own files: it answers their `backupFileUrl`s (404 for a file the backup
 * lacks) and refuses every other URL, so a backup converts with no network access. Give it to the
 * asset stage as its fetcher and the files are copied out of the backup instead of downloaded.
 */
export function backupFetcher(archive: BackupArchive, maxFileBytes: number): Fetcher {
  return {
    async get(url) {
      const path = backupPathOfUrl(url);
      if (path === null) throw new FetchError(`no network access while converting a backup: ${url}`, 'network', url);
      if (!archive.files.has(path)) return response(url, 404, 'text/plain', Buffer.from(`${path} is not in the backup`));
      const body = await archive.read(path, maxFileBytes);
      const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
      return response(url, 200, CONTENT_TYPES[extension] ?? 'application/octet-stream', body);
    },
  };
}

function response(url: string, status: number, contentType: string, body: Buffer): FetchResponse {
  return { url, status, headers: { 'content-type': contentType, 'content-length': String(body.length) }, body, text: () => body.toString('utf8') };
}
