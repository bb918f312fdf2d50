import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT } from '../../src/version.js';
import { rejection, useTestResources } from './test-resources.js';
import { delay, html, postPage, type Handler } from './test-server.js';

const { serve, client } = useTestResources();

function compressed(body: string, encoding: 'gzip' | 'br'): Handler {
  const bytes = encoding === 'gzip' ? gzipSync(Buffer.from(body)) : brotliCompressSync(Buffer.from(body));
  return (req, res) => {
    const accepted = String(req.headers['accept-encoding'] ?? '');
    if (!accepted.includes(encoding)) {
      res.writeHead(406).end('encoding not accepted');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding }).end(bytes);
  };
}

function bytes(body: Buffer, contentType: string): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType }).end(body);
  };
}

describe('transport', () => {
  it('sends the default user agent and the caller’s Accept header', async () => {
    const server = await serve({ '/rss': bytes(Buffer.from('<rss version="2.0"></rss>'), 'application/xml') });
    await client().get(server.url('/rss'), { accept: 'application/rss+xml' });

    const [request] = server.requests;
    expect(request?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(request?.headers['accept']).toBe('application/rss+xml');
  });

  it('sends a custom user agent', async () => {
    const server = await serve({ '/1': html(postPage(1, '제목')) });
    await client({ userAgent: 'my-backup/2.0' }).get(server.url('/1'));

    expect(server.requests[0]?.headers['user-agent']).toBe('my-backup/2.0');
  });

  it('decodes a gzip body and drops the headers that described the compressed bytes', async () => {
    const page = postPage(77, '압축된 글');
    const server = await serve({ '/77': compressed(page, 'gzip') });
    const response = await client().get(server.url('/77'));

    expect(response.status).toBe(200);
    expect(response.text()).toBe(page);
    expect(response.body.equals(Buffer.from(page))).toBe(true);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('decodes a brotli body', async () => {
    const page = postPage(78, '브로틀리');
    const server = await serve({ '/78': compressed(page, 'br') });

    expect((await client().get(server.url('/78'))).text()).toBe(page);
  });

  it('follows redirects, across hosts, and reports the final URL', async () => {
    const target = await serve({ '/entry/%EC%A0%9C%EB%AA%A9': html(postPage(31, '옮겨진 글')) }, '127.0.0.2');
    const server = await serve({
      '/m/31': html('', 301, { location: '/31' }),
      '/31': html('', 302, { location: target.url('/entry/%EC%A0%9C%EB%AA%A9') }),
    });
    const response = await client().get(server.url('/m/31'));

    expect(response.status).toBe(200);
    expect(response.url).toBe(target.url('/entry/%EC%A0%9C%EB%AA%A9'));
    expect(response.text()).toContain('옮겨진 글 본문입니다');
    expect(server.requests.map((request) => request.path)).toEqual(['/m/31', '/31']);
  });

  it('gives up after five redirects', async () => {
    const routes: Record<string, Handler> = {};
    for (let hop = 0; hop < 10; hop += 1) routes[`/loop/${hop}`] = html('', 302, { location: `/loop/${hop + 1}` });
    const server = await serve(routes);
    const error = await rejection(client().get(server.url('/loop/0')));

    expect(error.code).toBe('network');
    expect(error.message).toMatch(/too many redirects/);
    expect(server.requests).toHaveLength(6);
  });

  it('decodes text in the declared charset (EUC-KR), from the header or a meta tag', async () => {
    const koreanEucKr = Buffer.from([0xc7, 0xd1, 0xb1, 0xdb, 0x20, 0xba, 0xed, 0xb7, 0xce, 0xb1, 0xd7]); // "한글 블로그"
    const inMeta = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body><p>'),
      koreanEucKr,
      Buffer.from('</p></body></html>'),
    ]);
    const server = await serve({
      '/header': bytes(koreanEucKr, 'text/plain; charset=EUC-KR'),
      '/meta': bytes(inMeta, 'text/html'),
      '/utf8': bytes(Buffer.from('한글 블로그'), 'text/html'),
    });
    const http = client();

    expect((await http.get(server.url('/header'))).text()).toBe('한글 블로그');
    expect((await http.get(server.url('/meta'))).text()).toContain('<p>한글 블로그</p>');
    expect((await http.get(server.url('/utf8'))).text()).toBe('한글 블로그');
  });

  it('rejects a body larger than maxBodyBytes without retrying', async () => {
    const big = Buffer.alloc(64 * 1024, 'a');
    const server = await serve({ '/big': bytes(big, 'text/html'), '/gz': compressed('b'.repeat(64 * 1024), 'gzip') });
    const http = client({ maxBodyBytes: 16 * 1024 });

    const plain = await rejection(http.get(server.url('/big')));
    const bomb = await rejection(http.get(server.url('/gz')));

    expect(plain.message).toMatch(/maxBodyBytes/);
    expect(bomb.code).toBe('network');
    expect(bomb.message).toMatch(/maxBodyBytes/);
    expect(server.requests).toHaveLength(2);
  });

  it('an AbortSignal cancels a request in flight and one still waiting for its turn', async () => {
    const server = await serve({
      '/slow': async (_req, res) => {
        await delay(2000);
        res.end('late');
      },
      '/queued': html('never'),
    });
    const http = client({ concurrency: 1 });
    const controller = new AbortController();

    const inFlight = http.get(server.url('/slow'), { signal: controller.signal });
    const waiting = http.get(server.url('/queued'), { signal: controller.signal });
    await delay(50);
    const started = performance.now();
    controller.abort();

    const [inFlightError, waitingError] = await Promise.all([rejection(inFlight), rejection(waiting)]);
    expect(performance.now() - started).toBeLessThan(500);
    expect([inFlightError.code, waitingError.code]).toEqual(['aborted', 'aborted']);
    expect(server.requestsTo('/queued')).toHaveLength(0);
    // An already aborted signal never reaches the network.
    expect((await rejection(http.get(server.url('/queued'), { signal: controller.signal }))).code).toBe('aborted');
    expect(server.requestsTo('/queued')).toHaveLength(0);
  });

  it('an AbortSignal cancels the wait between retries', async () => {
    const server = await serve({ '/1': html('busy', 503, { 'retry-after': '30' }) });
    const controller = new AbortController();
    const request = client().get(server.url('/1'), { signal: controller.signal });
    await delay(100);
    controller.abort();

    expect((await rejection(request)).code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('close() rejects queued requests with code aborted', async () => {
    const server = await serve({
      '/1': async (_req, res) => {
        await delay(100);
        res.end('done');
      },
      '/2': html('never'),
    });
    const http = client({ concurrency: 1 });
    const inFlight = rejection(http.get(server.url('/1')));
    const queued = rejection(http.get(server.url('/2')));
    await delay(20);
    await http.close();

    expect((await inFlight).code).toBe('aborted');
    expect((await queued).code).toBe('aborted');
    expect((await queued).url).toBe(server.url('/2'));
    expect(server.requestsTo('/2')).toHaveLength(0);
    expect((await rejection(http.get(server.url('/2')))).code).toBe('aborted');
  });

  it('rejects URLs it cannot fetch with a network FetchError', async () => {
    const http = client();
    expect((await rejection(http.get('not a url'))).code).toBe('network');
    expect((await rejection(http.get('ftp://example.tistory.com/1'))).message).toMatch(/unsupported protocol/);
  });
});
