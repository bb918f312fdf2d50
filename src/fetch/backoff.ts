/** A backoff ceiling that keeps a very long retry chain from sleeping for hours. */
const MAX_BACKOFF_MS = 60_000;

/**
 * Exponential backoff with full jitter: a uniform delay in [0, base·2^retryIndex). Full jitter
 * spreads retries of many parallel requests instead of sending them back in a synchronized burst.
 */
export function fullJitterBackoffMs(baseMs: number, retryIndex: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** 501 (Not Implemented) is permanent, unlike the other server errors. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** The statuses whose `Retry-After` we obey (RFC 9110 defines it for 503 and 3xx; 429 uses it too). */
export function honoursRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}
