import { DEFAULT_USER_AGENT } from '../version.js';
import type { HttpClientEvent } from './events.js';
import type { HostLimiters } from './host-limiter.js';

export interface HttpClientOptions {
  /** Sent on every request and matched against robots.txt groups. */
  userAgent?: string;
  /** Requests in flight at once, per host. */
  concurrency?: number;
  /** Request starts per second, per host; 0 means unlimited. */
  rate?: number;
  /** Extra attempts after the first one for network errors, timeouts, 429 and 500/502/503/504. */
  retries?: number;
  /** Milliseconds one attempt may take, headers and body together. */
  timeout?: number;
  /** Fetch and obey robots.txt for every origin. */
  respectRobots?: boolean;
  /** Longest `Retry-After` (seconds) we agree to wait; a longer one fails the request. */
  maxRetryAfter?: number;
  /** Largest accepted body, after decompression. */
  maxBodyBytes?: number;
  /** First backoff ceiling in ms; it doubles on each retry (full jitter picks a delay below it). */
  baseBackoffMs?: number;
  /** Receives retries, pauses, redirects and robots decisions, for logging. */
  onEvent?: (event: HttpClientEvent) => void;
  /**
   * Tests and the demo only: sends requests for a host name to another base URL instead
   * (`{ 'blog.kakaocdn.net': 'http://127.0.0.2:PORT/blog.kakaocdn.net' }`), so pages keep their real
   * Tistory URLs while a local server answers. Limits, robots and responses still use the real URL.
   */
  hostMap?: Readonly<Record<string, string>>;
  /**
   * A logged-in owner's session (`--cookie`). It decides per URL, so it reaches only the blog host,
   * on every redirect hop too; give it to the page client only, never to the asset client.
   */
  cookie?: { headerFor(url: string): string | null };
  /**
   * Per-host limits shared with other clients in this process (a batch's one budget for the image CDN
   * hosts every blog uses) instead of this client's own; `concurrency` and `rate` then do not apply to
   * them, and closing the client leaves them open for the others.
   */
  sharedLimits?: HostLimiters;
}

type OptionalHooks = 'onEvent' | 'hostMap' | 'cookie' | 'sharedLimits';

export type ResolvedHttpClientOptions = Required<Omit<HttpClientOptions, OptionalHooks>> &
  Pick<HttpClientOptions, OptionalHooks>;

/**
 * Polite defaults: Tistory answers bursts with 429, so two requests at a time and two per second per
 * host keep a long export under the radar, and four retries with backoff ride out short outages.
 */
const DEFAULT_HTTP_CLIENT_OPTIONS: Readonly<Required<Omit<HttpClientOptions, OptionalHooks>>> = {
  userAgent: DEFAULT_USER_AGENT,
  concurrency: 2,
  rate: 2,
  retries: 4,
  timeout: 30_000,
  respectRobots: true,
  maxRetryAfter: 120,
  maxBodyBytes: 20 * 1024 * 1024,
  baseBackoffMs: 500,
};

export function resolveHttpClientOptions(options: HttpClientOptions): ResolvedHttpClientOptions {
  const resolved: ResolvedHttpClientOptions = { ...DEFAULT_HTTP_CLIENT_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    // An explicit `undefined` (e.g. an unset CLI flag) must not erase a default.
    if (value !== undefined) (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  assertNumberAtLeast('concurrency', resolved.concurrency, 1);
  assertNumberAtLeast('rate', resolved.rate, 0);
  assertNumberAtLeast('retries', resolved.retries, 0);
  assertNumberAtLeast('timeout', resolved.timeout, 1);
  assertNumberAtLeast('maxRetryAfter', resolved.maxRetryAfter, 0);
  assertNumberAtLeast('maxBodyBytes', resolved.maxBodyBytes, 1);
  assertNumberAtLeast('baseBackoffMs', resolved.baseBackoffMs, 0);
  return resolved;
}

function assertNumberAtLeast(name: string, value: number, minimum: number): void {
  if (!Number.isFinite(value) || value < minimum) {
    throw new RangeError(`HttpClientOptions.${name} must be a number >= ${minimum}, got ${String(value)}`);
  }
}
