// The bundled demo blog: a local HTTP server that answers like a small Tistory blog (skin #1),
// built from fixtures/blog. `npm run demo` migrates it, and the end-to-end tests use it as their target.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFixtureBlog, type FixtureBlogData, type PostUrlStyle } from './fixture-data.js';
import { postPath } from './fixture-paths.js';
import { routeFixtureRequest } from './fixture-routes.js';
import type { FixtureSite } from './fixture-site.js';

export interface FailFirst {
  status: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
}

export interface FixtureBlogOptions {
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Defaults to 0 (any free port). */
  port?: number;
  /**
   * Paths that fail once, on their first request, with the given status. By default one post
   * answers 429 with `Retry-After: 1`, to exercise the client's retry; pass `{}` to disable.
   */
  failFirst?: Record<string, FailFirst>;
  /** How the blog spells its post URLs in pages and feeds: `/123` (default) or `/entry/<slug>`. */
  postUrlStyle?: PostUrlStyle;
  /**
   * The blog to serve instead of fixtures/blog (see `loadFixtureBlog`). It is read on every request, so
   * a test can publish or edit a post between two runs against the same address.
   */
  blog?: FixtureBlogData;
  /**
   * Each answer waits this long, so a test can stop a run between two posts; a function of the request
   * path (read on every request) lets a test decide which posts finish first.
   */
  delayMs?: number | ((path: string) => number);
  /** A `name=value` cookie that makes a request the logged-in owner's (who sees protected posts). */
  ownerCookie?: string;
}

export interface FixtureBlog {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
  /** Every request path (with its query) in arrival order. */
  requests: string[];
  /** The `Cookie` header of each request, in the same order (null when none was sent). */
  cookies: Array<string | null>;
}

/** The post that answers 429 once unless `failFirst` says otherwise. */
export const RATE_LIMITED_POST_ID = '29';

/** The failures a blog started without `failFirst` stages (the demo announces them). */
export function defaultFailFirst(blog: FixtureBlogData, style: PostUrlStyle): Record<string, FailFirst> {
  const post = blog.posts.find((candidate) => candidate.id === RATE_LIMITED_POST_ID);
  return post ? { [postPath(post, style)]: { status: 429, retryAfter: 1 } } : {};
}

/** Compares paths decoded, so `/entry/가` and `/entry/%EA%B0%80` are the same key. */
function pathKey(path: string): string {
  const pathname = path.split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(pathname).normalize('NFC');
  } catch {
    return pathname;
  }
}

function formatOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startFixtureBlog(options: FixtureBlogOptions = {}): Promise<FixtureBlog> {
  const host = options.host ?? '127.0.0.1';
  const style = options.postUrlStyle ?? 'id';
  const blog = options.blog ?? (await loadFixtureBlog());
  const pendingFailures = new Map(
    Object.entries(options.failFirst ?? defaultFailFirst(blog, style)).map(([path, failure]) => [
      pathKey(path),
      failure,
    ]),
  );
  const requests: string[] = [];
  const cookies: Array<string | null> = [];
  const site: FixtureSite = { origin: '', blog, style };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const requestUrl = request.url ?? '/';
    requests.push(requestUrl);
    const cookie = request.headers.cookie ?? null;
    cookies.push(cookie);
    const owner = options.ownerCookie !== undefined && (cookie ?? '').split(/;\s*/).includes(options.ownerCookie);
    const failure = pendingFailures.get(pathKey(requestUrl));
    if (failure) {
      pendingFailures.delete(pathKey(requestUrl));
      const headers: Record<string, string> = { 'content-type': 'text/html;charset=UTF-8' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      response.writeHead(failure.status, headers).end(`<html><body><h1>${failure.status}</h1></body></html>`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const answer = routeFixtureRequest(owner ? { ...site, owner } : site, requestUrl);
    const body = Buffer.from(answer.body, 'utf8');
    const send = () => {
      response.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const delay = typeof options.delayMs === 'function' ? options.delayMs(requestUrl) : (options.delayMs ?? 0);
    if (delay > 0) setTimeout(send, delay);
    else send();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  site.origin = formatOrigin(host, (server.address() as AddressInfo).port);

  return {
    url: site.origin,
    requests,
    cookies,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
