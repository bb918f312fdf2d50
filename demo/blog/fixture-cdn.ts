// The fixture blog's image and file CDN: one local server standing in for blog.kakaocdn.net,
// t1.daumcdn.net and img1.daumcdn.net. Pages keep their real Tistory URLs; the exporter's `hostMap`
// sends `https://HOST/PATH` here as `/HOST/PATH`. Bytes are real images made from the URL, so a test
// can tell an original from a thumbnail, and fixtures/blog/cdn.json names signed URLs, extensionless
// old files and uploads that share bytes.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURE_BLOG_FOLDER } from './fixture-data.js';
import { gifImage, jpegImage, pngImage, zipArchive } from './fixture-images.js';

interface CdnData {
  hosts: string[];
  /** `host/path` → the query a signed URL must carry. */
  signed: Record<string, string>;
  /** Old `/cfile/tistory/HEX` files: HEX → the real type, served as application/octet-stream. */
  cfile: Record<string, string>;
  /** `host/path` → another `host/path` whose bytes it serves (the same file uploaded twice). */
  sameBytes: Record<string, string>;
}

export interface FixtureCdnOptions {
  /** Defaults to 127.0.0.2, a second loopback address, so the CDN is another host than the blog. */
  host?: string;
  /** `host/path` (no query) → status answered once, on the first request. */
  failFirst?: Record<string, number>;
}

export interface FixtureCdn {
  origin: string;
  /** For `exportBlog({ hostMap })` / `HttpClientOptions.hostMap`. */
  hostMap: Record<string, string>;
  /** Every request as `host/path?query`, in arrival order. */
  requests: string[];
  /** How many requests carried a `Cookie` header: a CDN must never see the blog owner's session. */
  cookieRequests(): number;
  close(): Promise<void>;
}

interface CdnFile {
  body: Buffer;
  contentType: string;
  disposition?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** The bytes a file of `type` has when made from `seed`. */
export function fixtureFileBytes(type: string, seed: string): Buffer | null {
  if (type === 'png') return pngImage(seed);
  if (type === 'jpg' || type === 'jpeg') return jpegImage(seed);
  if (type === 'gif') return gifImage(seed);
  if (type === 'xlsx' || type === 'zip') return zipArchive(seed);
  return null;
}

export async function loadCdnData(): Promise<CdnData> {
  return JSON.parse(await readFile(join(FIXTURE_BLOG_FOLDER, 'cdn.json'), 'utf8')) as CdnData;
}

/** What the CDN answers for `https://HOST/PATH?QUERY`: a file, or null for 404; 403 for a bad signature. */
export function cdnFile(data: CdnData, host: string, path: string, query: URLSearchParams): CdnFile | 403 | null {
  const key = `${host}${path}`;
  if (host === 'img1.daumcdn.net' && path.startsWith('/thumb/')) {
    const original = query.get('fname');
    if (!original) return null;
    const { hostname, pathname } = new URL(original);
    const type = typeOf(data, hostname, pathname);
    const body = type && fixtureFileBytes(type, `thumbnail of ${hostname}${pathname}`);
    return body ? { body, contentType: CONTENT_TYPES[type] ?? 'application/octet-stream' } : null;
  }
  const required = data.signed[key];
  if (required !== undefined && !sameSignature(query, new URLSearchParams(required))) return 403;
  const type = typeOf(data, host, path);
  const body = type && fixtureFileBytes(type, data.sameBytes[key] ?? key);
  if (!body) return null;
  const isCfile = path.startsWith('/cfile/');
  const file: CdnFile = {
    body,
    contentType: isCfile ? 'application/octet-stream' : (CONTENT_TYPES[type] ?? 'application/octet-stream'),
  };
  const knm = query.get('knm');
  if (query.get('attach') === '1' && knm) file.disposition = `attachment; filename*=UTF-8''${encodeURIComponent(knm)}`;
  return file;
}

function typeOf(data: CdnData, host: string, path: string): string {
  const cfile = /^\/cfile\/tistory\/([0-9A-F]+)$/i.exec(path)?.[1];
  if (cfile) return data.cfile[cfile] ?? '';
  if (!data.hosts.includes(host)) return '';
  return /\.([a-z0-9]+)$/i.exec(decodeURIComponent(path))?.[1]?.toLowerCase() ?? '';
}

function sameSignature(given: URLSearchParams, required: URLSearchParams): boolean {
  return ['credential', 'expires', 'signature'].every((name) => given.get(name) === required.get(name));
}

export async function startFixtureCdn(options: FixtureCdnOptions = {}): Promise<FixtureCdn> {
  const host = options.host ?? '127.0.0.2';
  const data = await loadCdnData();
  const failures = new Map(Object.entries(options.failFirst ?? {}));
  const requests: string[] = [];
  let withCookie = 0;
  const server = createServer((request, response) => {
    if (request.headers.cookie !== undefined) withCookie++;
    const url = new URL(request.url ?? '/', 'http://cdn.invalid');
    const [, cdnHost = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    requests.push(`${cdnHost}${path}${url.search}`);
    const failure = failures.get(`${cdnHost}${path}`);
    if (failure !== undefined) {
      failures.delete(`${cdnHost}${path}`);
      response.writeHead(failure, { 'content-type': 'text/plain' }).end(`${failure}\n`);
      return;
    }
    const file = cdnFile(data, cdnHost, path, url.searchParams);
    if (file === null || file === 403) {
      const status = file ?? 404;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`${status}\n`);
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'content-length': String(file.body.length),
    };
    if (file.disposition) headers['content-disposition'] = file.disposition;
    response.writeHead(200, headers).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hostMap: Object.fromEntries(data.hosts.map((cdnHost) => [cdnHost, `${origin}/${cdnHost}`])),
    requests,
    cookieRequests: () => withCookie,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
