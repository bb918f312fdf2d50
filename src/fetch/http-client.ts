import { Agent } from 'undici';
import { FetchError, type FetchOptions, type FetchResponse, type Fetcher } from '../types.js';
import { sleep } from './abort.js';
import { fullJitterBackoffMs, honoursRetryAfter, isRetryableStatus } from './backoff.js';
import { fetchResponse } from './fetch-response.js';
import type { HttpClientEvent, HttpClientStats } from './events.js';
import { HostLimiters } from './host-limiter.js';
import { resolveHttpClientOptions, type HttpClientOptions, type ResolvedHttpClientOptions } from './options.js';
import { mappedUrl } from './host-map.js';
import { parseRetryAfterMs } from './retry-after.js';
import { RobotsRules, type RobotsFetchOutcome } from './robots.js';
import { sendRequest, type RawResponse } from './send-request.js';

export interface HttpClient extends Fetcher {
  /** Rejects queued and in-flight requests (code `aborted`) and closes the connection pool. */
  close(): Promise<void>;
  /** A snapshot: later requests do not change an object already read. */
  readonly stats: HttpClientStats;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
// Idle sockets kept this long let a crawl's next page reuse the connection instead of a new handshake.
const KEEP_ALIVE_MS = 10_000;

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  return new PoliteHttpClient(resolveHttpClientOptions(options));
}

class PoliteHttpClient implements HttpClient {
  private readonly agent: Agent;
  private readonly limiters: HostLimiters;
  private readonly robots: RobotsRules | null;
  private readonly lifetime = new AbortController();
  private readonly counters: HttpClientStats = { requests: 0, retries: 0, bytes: 0, statuses: {} };
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ResolvedHttpClientOptions) {
    this.agent = new Agent({
      keepAliveTimeout: KEEP_ALIVE_MS,
      // Matches the per-host limit: without a cap the pool opens a second socket when the next
      // request is issued a tick before the previous one is marked done.
      connections: options.concurrency,
      // Backstops only: sendRequest's own timer bounds headers and body together.
      headersTimeout: options.timeout,
      bodyTimeout: options.timeout,
    });
    this.limiters = options.sharedLimits ?? new HostLimiters(options.concurrency, options.rate);
    this.robots = options.respectRobots
      ? new RobotsRules(
          (robotsUrl) => this.fetchRobots(robotsUrl),
          options.userAgent,
          (url, reason) => this.emit({ type: 'robots-unavailable', url, reason }),
        )
      : null;
  }

  get stats(): HttpClientStats {
    return { ...this.counters, statuses: { ...this.counters.statuses } };
  }

  async get(url: string, options: FetchOptions = {}): Promise<FetchResponse> {
    const signal = options.signal ? AbortSignal.any([options.signal, this.lifetime.signal]) : this.lifetime.signal;
    if (signal.aborted) throw abortedError(url, signal);
    try {
      return await this.followRedirects(parseHttpUrl(url), options.accept ?? DEFAULT_ACCEPT, signal, true);
    } catch (error) {
      // An abort surfaces from whichever wait it interrupted (limiter, backoff, robots, socket) with
      // that wait's own reason; report it uniformly, for the URL the caller asked for.
      if (signal.aborted) throw abortedError(url, signal);
      throw error;
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const reason = new FetchError('HTTP client closed', 'aborted', '');
      this.lifetime.abort(reason);
      // Shared limits outlive this client; its own waiters leave their queues through `lifetime`.
      if (!this.options.sharedLimits) this.limiters.close(reason);
      await this.agent.close();
    })();
    return this.closing;
  }

  private async followRedirects(
    start: URL,
    accept: string,
    signal: AbortSignal,
    obeyRobots: boolean,
  ): Promise<FetchResponse> {
    let current = start;
    for (let redirects = 0; ; redirects += 1) {
      // Every hop is checked: a redirect may lead to a path (or host) that robots.txt forbids.
      if (obeyRobots) await this.assertAllowed(current, signal);
      const response = await this.fetchWithRetries(current, accept, signal);
      const location = response.headers['location'];
      if (!REDIRECT_STATUSES.has(response.status) || location === undefined) {
        return fetchResponse(current.href, response.status, response.headers, response.body);
      }
      if (redirects === MAX_REDIRECTS) {
        throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS})`, 'network', start.href);
      }
      const next = parseHttpUrl(new URL(location, current).href);
      this.emit({ type: 'redirect', from: current.href, to: next.href, status: response.status });
      current = next;
    }
  }

  private async assertAllowed(url: URL, signal: AbortSignal): Promise<void> {
    if (!this.robots || (await this.robots.isAllowed(url, signal))) return;
    this.emit({ type: 'robots-disallowed', url: url.href });
    throw new FetchError(`robots.txt disallows ${url.href} for ${this.options.userAgent}`, 'robots', url.href);
  }

  /** One URL, no redirects: retries network errors, timeouts, 429 and 5xx; returns the last response. */
  private async fetchWithRetries(url: URL, accept: string, signal: AbortSignal): Promise<RawResponse> {
    const limiter = this.limiters.forHost(url.hostname);
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept,
      'accept-encoding': 'gzip, deflate, br',
    };
    const cookie = this.options.cookie?.headerFor(url.href);
    if (cookie) headers['cookie'] = cookie;
    for (let attempt = 1; ; attempt += 1) {
      this.assertHostPauseAcceptable(url, limiter.remainingPauseMs());
      const release = await limiter.acquire(signal);
      let outcome: Awaited<ReturnType<typeof sendRequest>>;
      try {
        this.counters.requests += 1;
        outcome = await sendRequest(mappedUrl(url, this.options.hostMap), {
          dispatcher: this.agent,
          headers,
          timeoutMs: this.options.timeout,
          maxBodyBytes: this.options.maxBodyBytes,
          signal,
        });
      } finally {
        release();
      }
      const retriesLeft = attempt <= this.options.retries;

      if (outcome.ok) {
        this.countResponse(outcome);
        if (!isRetryableStatus(outcome.status)) return outcome;
        const retryAfterMs = honoursRetryAfter(outcome.status)
          ? parseRetryAfterMs(outcome.headers['retry-after'])
          : null;
        if (retryAfterMs !== null) {
          this.assertRetryAfterAcceptable(url, outcome.status, retryAfterMs);
        }
        if (!retriesLeft) return outcome;
        const delayMs = retryAfterMs ?? this.backoffMs(attempt);
        // Tistory rate-limits per client, so a 429 (or an explicit Retry-After) silences the whole host.
        if (outcome.status === 429 || retryAfterMs !== null) {
          limiter.pauseFor(delayMs);
          this.emit({ type: 'host-paused', host: url.hostname, delayMs, reason: `HTTP ${outcome.status}` });
        }
        await this.waitBeforeRetry(url, attempt, delayMs, `HTTP ${outcome.status}`, signal);
        continue;
      }

      if (outcome.kind === 'aborted') throw abortedError(url.href, signal);
      if (outcome.kind === 'fatal') throw new FetchError(outcome.reason, 'network', url.href);
      if (!retriesLeft) {
        throw new FetchError(`${outcome.reason} (after ${attempt} attempts)`, outcome.kind, url.href);
      }
      await this.waitBeforeRetry(url, attempt, this.backoffMs(attempt), outcome.reason, signal);
    }
  }

  private async waitBeforeRetry(
    url: URL,
    attempt: number,
    delayMs: number,
    reason: string,
    signal: AbortSignal,
  ): Promise<void> {
    this.counters.retries += 1;
    this.emit({ type: 'retry', url: url.href, attempt, delayMs, reason });
    await sleep(delayMs, signal);
  }

  private backoffMs(attempt: number): number {
    return fullJitterBackoffMs(this.options.baseBackoffMs, attempt - 1);
  }

  private assertRetryAfterAcceptable(url: URL, status: number, retryAfterMs: number): void {
    const limitMs = this.options.maxRetryAfter * 1000;
    if (retryAfterMs <= limitMs) return;
    // Remember the pause so the host's other requests fail fast instead of hammering it meanwhile.
    this.limiters.forHost(url.hostname).pauseFor(retryAfterMs);
    throw new FetchError(
      `HTTP ${status} with Retry-After of ${Math.ceil(retryAfterMs / 1000)} s, longer than maxRetryAfter (${this.options.maxRetryAfter} s)`,
      'network',
      url.href,
    );
  }

  private assertHostPauseAcceptable(url: URL, remainingPauseMs: number): void {
    if (remainingPauseMs <= this.options.maxRetryAfter * 1000) return;
    throw new FetchError(
      `${url.hostname} asked us to wait ${Math.ceil(remainingPauseMs / 1000)} s more, longer than maxRetryAfter (${this.options.maxRetryAfter} s)`,
      'network',
      url.href,
    );
  }

  private countResponse(response: RawResponse): void {
    this.counters.bytes += response.wireBytes;
    this.counters.statuses[response.status] = (this.counters.statuses[response.status] ?? 0) + 1;
  }

  /** robots.txt goes through the same limiter and retries, but is tied to the client, not a caller. */
  private async fetchRobots(robotsUrl: string): Promise<RobotsFetchOutcome> {
    try {
      const response = await this.followRedirects(
        new URL(robotsUrl),
        'text/plain,*/*;q=0.5',
        this.lifetime.signal,
        false,
      );
      return { status: response.status, text: response.text() };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  private emit(event: HttpClientEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A logging callback must never break a fetch.
    }
  }
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(`invalid URL: ${url}`, 'network', url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError(`unsupported protocol ${parsed.protocol} in ${url}`, 'network', url);
  }
  return parsed;
}

function abortedError(url: string, signal: AbortSignal): FetchError {
  const reason: unknown = signal.reason;
  const detail = reason instanceof Error ? reason.message : 'request aborted';
  return new FetchError(detail, 'aborted', url);
}
