import { describe, expect, it } from 'vitest';
import { useTestResources } from './test-resources.js';
import { delay, postPage, type Handler } from './test-server.js';

const { serve, client } = useTestResources();

/** A post page that takes `ms` to answer, so requests overlap at the server. */
function slowPost(ms: number): Handler {
  return async (req, res) => {
    await delay(ms);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(postPage(1, req.url ?? ''));
  };
}

function postRoutes(count: number, handler: Handler): Record<string, Handler> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`/${index + 1}`, handler]));
}

describe('per-host politeness', () => {
  it('never has more than `concurrency` requests in flight on one host', async () => {
    const server = await serve(postRoutes(8, slowPost(40)));
    const http = client({ concurrency: 2 });

    await Promise.all(Array.from({ length: 8 }, (_, index) => http.get(server.url(`/${index + 1}`))));

    expect(server.requests).toHaveLength(8);
    expect(server.maxInFlight()).toBe(2);
  });

  it('counts every port of a host name against the same limit', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const tracked: Handler = async (_req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await delay(40);
      inFlight -= 1;
      res.end(postPage(1, '포트'));
    };
    const first = await serve(postRoutes(4, tracked));
    const second = await serve(postRoutes(4, tracked));
    const http = client({ concurrency: 2 });

    await Promise.all([1, 2, 3, 4].flatMap((id) => [http.get(first.url(`/${id}`)), http.get(second.url(`/${id}`))]));

    expect(first.requests.length + second.requests.length).toBe(8);
    expect(maxInFlight).toBe(2);
  });

  it('spaces request starts on one host at least 1/rate apart', async () => {
    const server = await serve(postRoutes(5, slowPost(0)));
    const http = client({ rate: 10, concurrency: 5 });

    await Promise.all(Array.from({ length: 5 }, (_, index) => http.get(server.url(`/${index + 1}`))));

    const arrivals = server.requests.map((request) => request.at);
    const gaps = arrivals.slice(1).map((at, index) => at - (arrivals[index] as number));
    expect(gaps).toHaveLength(4);
    // 100 ms apart at 10/s; a few ms of slack for when each request reaches the server.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
  });

  it('serves requests in the order they were made (FIFO)', async () => {
    const server = await serve(postRoutes(6, slowPost(5)));
    const http = client({ concurrency: 1, rate: 50 });

    await Promise.all(Array.from({ length: 6 }, (_, index) => http.get(server.url(`/${index + 1}`))));

    expect(server.requests.map((request) => request.path)).toEqual(['/1', '/2', '/3', '/4', '/5', '/6']);
  });

  it('keeps hosts independent: a busy host does not hold back another', async () => {
    const busy = await serve(postRoutes(3, slowPost(150)));
    const idle = await serve(postRoutes(2, slowPost(0)), '127.0.0.2');
    const http = client({ concurrency: 1, rate: 5 });

    const started = performance.now();
    const busyRequests = Promise.all([1, 2, 3].map((id) => http.get(busy.url(`/${id}`))));
    await http.get(idle.url('/1'));
    const idleDoneAfter = performance.now() - started;
    await busyRequests;

    // The busy host needs about half a second for its three requests; the idle one answers at once.
    expect(idleDoneAfter).toBeLessThan(140);
    expect(busy.maxInFlight()).toBe(1);
  });

  it('reuses kept-alive connections instead of opening one per request', async () => {
    const server = await serve(postRoutes(6, slowPost(0)));
    const http = client({ concurrency: 1 });

    for (let id = 1; id <= 6; id += 1) await http.get(server.url(`/${id}`));

    expect(server.requests).toHaveLength(6);
    expect(server.connections()).toBe(1);
  });

  it('counts requests, bytes and statuses in its stats', async () => {
    const server = await serve(postRoutes(3, slowPost(0)));
    const http = client();

    const responses = await Promise.all([1, 2, 3, 404].map((id) => http.get(server.url(`/${id}`))));
    const stats = http.stats;

    const totalBytes = responses.reduce((sum, response) => sum + response.body.length, 0);
    expect(stats).toEqual({ requests: 4, retries: 0, bytes: totalBytes, statuses: { 200: 3, 404: 1 } });
    // A snapshot: reading it does not hand out the live counters.
    stats.requests = 99;
    expect(http.stats.requests).toBe(4);
  });
});
