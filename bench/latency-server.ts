// The blog and its image CDN, each answering after an injected latency: the fixture blog's renderer
// (demo/blog) serves a generated blog on 127.0.0.1, the fixture CDN's file maker serves every image
// on 127.0.0.2. Requests are counted per host, to set the crawl against its ideal.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cdnFile } from '../demo/blog/fixture-cdn.js';
import type { FixtureBlogData } from '../demo/blog/fixture-data.js';
import { routeFixtureRequest } from '../demo/blog/fixture-routes.js';
import type { FixtureSite } from '../demo/blog/fixture-site.js';

const CDN_HOSTS = ['blog.kakaocdn.net', 't1.daumcdn.net', 'img1.daumcdn.net'];
const CDN_DATA: Parameters<typeof cdnFile>[0] = { hosts: CDN_HOSTS, signed: {}, cfile: {}, sameBytes: {} };

export interface LatencyServers {
  blogUrl: string;
  /** For `exportBlog({ hostMap })`: the real CDN host names answered by the local CDN. */
  hostMap: Record<string, string>;
  requests: { blog: number; cdn: number };
  close(): Promise<void>;
}

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startLatencyServers(blog: FixtureBlogData, latencyMs: number): Promise<LatencyServers> {
  const requests = { blog: 0, cdn: 0 };
  const site: FixtureSite = { origin: '', blog, style: 'id' };
  const later = (send: () => void) => (latencyMs > 0 ? setTimeout(send, latencyMs) : setImmediate(send));

  const blogServer = createServer((request, response) => {
    requests.blog++;
    const answer = routeFixtureRequest(site, request.url ?? '/');
    const body = Buffer.from(answer.body, 'utf8');
    later(() =>
      response.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) }).end(body),
    );
  });
  const cdnServer = createServer((request, response) => {
    requests.cdn++;
    const url = new URL(request.url ?? '/', 'http://cdn.invalid');
    const [, host = '', ...rest] = url.pathname.split('/');
    const file = cdnFile(CDN_DATA, host, `/${rest.join('/')}`, url.searchParams);
    later(() => {
      if (file === null || file === 403) response.writeHead(file ?? 404).end();
      else
        response
          .writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.body.length) })
          .end(file.body);
    });
  });

  site.origin = await listen(blogServer, '127.0.0.1');
  const cdnOrigin = await listen(cdnServer, '127.0.0.2');
  return {
    blogUrl: site.origin,
    hostMap: Object.fromEntries(CDN_HOSTS.map((host) => [host, `${cdnOrigin}/${host}`])),
    requests,
    close: async () => {
      await Promise.all([close(blogServer), close(cdnServer)]);
    },
  };
}
