import { describe, expect, it } from 'vitest';
import type { HttpClientEvent } from '../../src/fetch/events.js';
import { rejection, useTestResources } from './test-resources.js';
import { delay, html, postPage, sequence } from './test-server.js';

const { serve, client } = useTestResources();

describe('retries', () => {
  it('retries a 503 and resolves with the page that follows', async () => {
    const server = await serve({
      '/123': sequence(html('busy', 503), html('busy', 503), html(postPage(123, '재시도 성공'))),
    });
    const events: HttpClientEvent[] = [];
    const http = client({ onEvent: (event) => events.push(event) });

    const response = await http.get(server.url('/123'));

    expect(response.status).toBe(200);
    expect(response.text()).toContain('재시도 성공 본문입니다');
    expect(server.requestsTo('/123')).toHaveLength(3);
    const retries = events.filter((event) => event.type === 'retry');
    expect(retries.map((event) => event.type === 'retry' && event.attempt)).toEqual([1, 2]);
    expect(retries[0]).toMatchObject({ url: server.url('/123'), reason: 'HTTP 503' });
    expect(http.stats).toMatchObject({ requests: 3, retries: 2, statuses: { 503: 2, 200: 1 } });
  });

  it('waits at least the Retry-After seconds of a 429 before asking again', async () => {
    const server = await serve({
      '/entry/slow': sequence(html('too many', 429, { 'retry-after': '1' }), html(postPage(7, '천천히'))),
    });
    const response = await client().get(server.url('/entry/slow'));

    expect(response.status).toBe(200);
    const [first, second] = server.requestsTo('/entry/slow');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  it('understands Retry-After given as an HTTP date', async () => {
    // HTTP dates have one-second resolution, so aim two seconds ahead to wait at least one.
    const retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    const server = await serve({
      '/42': sequence(html('maintenance', 503, { 'retry-after': retryAt.toUTCString() }), html(postPage(42, '날짜'))),
    });
    const events: HttpClientEvent[] = [];
    const response = await client({ onEvent: (event) => events.push(event) }).get(server.url('/42'));

    expect(response.status).toBe(200);
    const [first, second] = server.requestsTo('/42');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    const retry = events.find((event) => event.type === 'retry');
    expect(retry?.type === 'retry' && retry.delayMs).toBeGreaterThan(1000);
  });

  it('a 429 pauses the whole host, but not other hosts', async () => {
    const server = await serve({
      '/1': sequence(html('slow down', 429, { 'retry-after': '1' }), html(postPage(1, '하나'))),
      '/2': html(postPage(2, '둘')),
    });
    const otherHost = await serve({ '/3': html(postPage(3, '셋')) }, '127.0.0.2');
    let pausedAt = 0;
    const secondRequests: Array<Promise<unknown>> = [];
    const http = client({
      onEvent: (event) => {
        if (event.type !== 'host-paused') return;
        pausedAt = performance.now();
        secondRequests.push(http.get(server.url('/2')), http.get(otherHost.url('/3')));
      },
    });

    await http.get(server.url('/1'));
    await Promise.all(secondRequests);

    expect(pausedAt).toBeGreaterThan(0);
    expect(server.requestsTo('/2')[0]!.at - pausedAt).toBeGreaterThanOrEqual(900);
    expect(otherHost.requestsTo('/3')[0]!.at - pausedAt).toBeLessThan(500);
  });

  it('after the last retry resolves with the final 5xx response', async () => {
    const server = await serve({ '/9': html('<h1>Bad Gateway</h1>', 502) });
    const response = await client({ retries: 2 }).get(server.url('/9'));

    expect(response.status).toBe(502);
    expect(response.text()).toBe('<h1>Bad Gateway</h1>');
    expect(server.requestsTo('/9')).toHaveLength(3);
  });

  it('returns 404 at once, without retrying', async () => {
    const server = await serve({});
    const response = await client().get(server.url('/404404'));

    expect(response.status).toBe(404);
    expect(response.text()).toContain('존재하지 않는');
    expect(server.requestsTo('/404404')).toHaveLength(1);
  });

  it('does not retry 501, which is permanent', async () => {
    const server = await serve({ '/m/api/entry/0/POST': html('not implemented', 501) });
    const response = await client().get(server.url('/m/api/entry/0/POST'));

    expect(response.status).toBe(501);
    expect(server.requestsTo('/m/api/entry/0/POST')).toHaveLength(1);
  });

  it('retries a connection reset in the middle of the body and returns the whole page', async () => {
    const page = postPage(5, '끊긴 연결');
    const server = await serve({
      '/5': sequence((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) });
        res.write(page.slice(0, 100));
        setTimeout(() => res.socket?.destroy(), 20);
      }, html(page)),
    });
    const events: HttpClientEvent[] = [];
    const response = await client({ onEvent: (event) => events.push(event) }).get(server.url('/5'));

    expect(response.text()).toBe(page);
    expect(server.requestsTo('/5')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(1);
  });

  it('rejects with a network FetchError once a refused connection has used up its retries', async () => {
    const server = await serve({});
    const deadUrl = server.url('/1');
    await server.close();

    const error = await rejection(client({ retries: 2 }).get(deadUrl));

    expect(error.code).toBe('network');
    expect(error.url).toBe(deadUrl);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/after 3 attempts/);
  });

  it('times out a server that answers too slowly, retries, then rejects with code timeout', async () => {
    const server = await serve({
      '/slow': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>시작');
        await delay(1000);
        res.end('</p>');
      },
    });
    const error = await rejection(client({ timeout: 150, retries: 1 }).get(server.url('/slow')));

    expect(error.code).toBe('timeout');
    expect(server.requestsTo('/slow')).toHaveLength(2);
  });

  it('gives up with a clear reason when Retry-After is longer than maxRetryAfter', async () => {
    const server = await serve({
      '/1': html('come back in an hour', 429, { 'retry-after': '3600' }),
      '/2': html(postPage(2, '둘')),
    });
    const http = client({ maxRetryAfter: 5 });

    const error = await rejection(http.get(server.url('/1')));
    expect(error.message).toMatch(/Retry-After of 3600 s, longer than maxRetryAfter \(5 s\)/);
    expect(server.requestsTo('/1')).toHaveLength(1);

    // The host stays paused: its other URLs fail fast instead of being sent into the rate limit.
    const followUp = await rejection(http.get(server.url('/2')));
    expect(followUp.message).toMatch(/longer than maxRetryAfter/);
    expect(server.requestsTo('/2')).toHaveLength(0);
  });
});
