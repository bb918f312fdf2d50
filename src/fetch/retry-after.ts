/**
 * Parses a `Retry-After` value (delta-seconds or an HTTP date) into milliseconds from `nowMs`.
 * Returns null when absent or unparseable; a date in the past means "now" (0).
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number = Date.now()): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only a date with a letter in it: Date.parse would happily read "-5" or "1.5" as a year.
  if (!/[a-z]/i.test(trimmed)) return null;
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return null;
  return Math.max(0, dateMs - nowMs);
}
