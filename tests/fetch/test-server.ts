import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoggedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** performance.now() when the request arrived. */
  at: number;
  /** Which TCP connection carried it (1-based, in accept order). */
  connection: number;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, log: LoggedRequest) => void | Promise<void>;

export interface TestServer {
  /** e.g. `http://127.0.0.1:40123` */
  origin: string;
  url(path: string): string;
  requests: LoggedRequest[];
  /** Requests to one path, in arrival order. */
  requestsTo(path: string): LoggedRequest[];
  connections(): number;
  maxInFlight(): number;
  close(): Promise<void>;
}

/**
 * A local HTTP server that logs every request and counts TCP connections and requests in flight.
 * `routes` maps a path (query included) to a handler; unknown paths, robots.txt included, get 404.
 */
export async function startServer(routes: Record<string, Handler>, host = '127.0.0.1'): Promise<TestServer> {
  const requests: LoggedRequest[] = [];
  let connectionCount = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const connectionIds = new WeakMap<object, number>();

  const server = http.createServer((req, res) => {
    const log: LoggedRequest = {
      path: req.url ?? '',
      headers: req.headers,
      at: performance.now(),
      connection: connectionIds.get(req.socket) ?? 0,
    };
    requests.push(log);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    const handler = routes[log.path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>존재하지 않는 페이지입니다</h1>');
      return;
    }
    void Promise.resolve(handler(req, res, log)).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', (socket) => {
    connectionCount += 1;
    connectionIds.set(socket, connectionCount);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    connections: () => connectionCount,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function html(body: string, status = 200, headers: http.OutgoingHttpHeaders = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

/** Answers with each handler in turn, repeating the last one. */
export function sequence(...handlers: Handler[]): Handler {
  let calls = 0;
  return (req, res, log) => {
    const handler = handlers[Math.min(calls, handlers.length - 1)] as Handler;
    calls += 1;
    return handler(req, res, log);
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A realistic post page body (Book Club skin skeleton from the anatomy notes). */
export function postPage(id: number, title: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta property="og:title" content="${title}"><meta property="article:txid" content="1234567_${id}">
<title>${title} :: 개발 노트</title></head><body id="tt-body-page">
<div class="article-view"><div class="tt_article_useless_p_margin contents_style">
<p data-ke-size="size16">${title} 본문입니다. 첫 번째 문단.</p>
<p data-ke-size="size16">&nbsp;</p>
<h2 data-ke-size="size26">소제목</h2>
<p data-ke-size="size16">두 번째 문단: 한글과 English가 섞여 있습니다.</p>
</div></div></body></html>`;
}
