import { afterEach, expect } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/http-client.js';
import type { HttpClientOptions } from '../../src/fetch/options.js';
import { FetchError } from '../../src/types.js';
import { startServer, type TestServer } from './test-server.js';

/**
 * Per-test-file helpers that close every server and client a test opened. Test clients default to
 * no rate limit and a tiny backoff to keep the suite quick; each test sets what it measures.
 */
export function useTestResources(): {
  serve: typeof startServer;
  client: (options?: HttpClientOptions) => HttpClient;
} {
  const open: Array<HttpClient | TestServer> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((item) => item.close()));
  });
  return {
    serve: async (...args) => {
      const server = await startServer(...args);
      open.push(server);
      return server;
    },
    client: (options = {}) => {
      const created = createHttpClient({ rate: 0, baseBackoffMs: 10, respectRobots: false, ...options });
      open.push(created);
      return created;
    },
  };
}

/** Awaits a promise that must reject with a FetchError, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}
