// The image CDN budget of a batch: clients sharing one set of host limits never exceed it together,
// and one client closing (its blog done) leaves the others' limits working.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient } from '../../src/fetch/http-client.js';
import { HostLimiters } from '../../src/fetch/host-limiter.js';

let inFlight = 0;
let mostInFlight = 0;
const server = createServer((_request, response) => {
  inFlight++;
  mostInFlight = Math.max(mostInFlight, inFlight);
  setTimeout(() => {
    inFlight--;
    response.end('x');
  }, 20);
});
let base: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (sharedLimits?: HostLimiters) =>
  createHttpClient({ concurrency: 4, rate: 0, respectRobots: false, ...(sharedLimits ? { sharedLimits } : {}) });

it('three clients sharing limits of 2 per host never have more than 2 requests in flight there', async () => {
  const shared = new HostLimiters(2, 0);
  const clients = [client(shared), client(shared), client(shared)];
  mostInFlight = 0;
  await Promise.all(clients.flatMap((one, c) => [0, 1, 2, 3].map((i) => one.get(`${base}/${c}/${i}`))));
  expect(mostInFlight).toBe(2);
  await clients[0]!.close();
  // Closing one client did not close the shared limits: the others still fetch.
  const after = await clients[1]!.get(`${base}/after`);
  expect(after.status).toBe(200);
  await Promise.all(clients.slice(1).map((one) => one.close()));
});

it('without shared limits each client has its own (the single-blog run, unchanged)', async () => {
  const clients = [client(), client(), client()];
  mostInFlight = 0;
  await Promise.all(clients.flatMap((one, c) => [0, 1, 2, 3].map((i) => one.get(`${base}/${c}/${i}`))));
  expect(mostInFlight).toBeGreaterThan(4);
  await Promise.all(clients.map((one) => one.close()));
});
