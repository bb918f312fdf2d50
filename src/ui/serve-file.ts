import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * The file at `relativePath` inside `folder`, or null when there is none there. A path that leads out of
 * the folder, by `..` or by a link, is no file of it.
 */
export async function fileInside(folder: string, relativePath: string): Promise<string | null> {
  const root = await realpath(folder).catch(() => null);
  if (root === null) return null;
  const wanted = resolve(root, `.${sep}${relativePath}`);
  const real = await realpath(wanted).catch(() => null);
  if (real === null || !real.startsWith(`${root}${sep}`)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? real : null;
}

/** Sends a file the export wrote, never cached: a re-run rewrites it. */
export function sendFile(response: ServerResponse, path: string): void {
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(path).pipe(response);
}
