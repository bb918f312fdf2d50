// `--since` and `--until`: both ends are included. A day is a whole day in Korean time, like every
// Tistory date: `--since 2024-03-01` starts at its first moment, `--until 2024-03-31` ends at its last.
// Both are normalised to ISO 8601 with an offset, so comparisons never depend on the machine's zone.

import { UsageError } from '../errors.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function parseSince(raw: string): string {
  return parseDateBound('--since', raw, 'T00:00:00+09:00', '2024-03-01');
}

export function parseUntil(raw: string): string {
  return parseDateBound('--until', raw, 'T23:59:59.999+09:00', '2024-03-31');
}

function parseDateBound(name: string, raw: string, dayTime: string, example: string): string {
  const value = String(raw).trim();
  const day = DAY.exec(value);
  const time = day ? null : ISO_TIME.exec(value);
  const parts = day ?? time;
  const iso = day ? `${value}${dayTime}` : value;
  if (!parts || !isCalendarDay(parts) || Number.isNaN(Date.parse(iso))) {
    throw new UsageError(
      `${name} must be a date (${example}, Korean time) or an ISO 8601 time (${example}T09:00:00+09:00), got "${raw}"`,
    );
  }
  return iso;
}

/** `Date.parse` takes 2024-02-31 for March 2: a day that is not on the calendar is a typo. */
function isCalendarDay([, year, month, day]: RegExpExecArray): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

/** Refuses a range that holds no time at all; both values already parsed. */
export function checkDateRange(since: string | null, until: string | null): void {
  if (since === null || until === null) return;
  if (Date.parse(until) < Date.parse(since)) {
    throw new UsageError(`--until ${asGiven(until)} is before --since ${asGiven(since)}: no post can be in between`);
  }
}

/** A whole day reads as the day the user typed. */
function asGiven(bound: string): string {
  return bound.replace(/T(?:00:00:00|23:59:59\.999)\+09:00$/, '');
}

/** Whether `date` lies in the range (ends included); no date, or an unreadable one, does not. */
export function isWithinDates(date: string | null, since: string | null, until: string | null): boolean {
  const time = date === null ? Number.NaN : Date.parse(date);
  if (Number.isNaN(time)) return false;
  return (since === null || time >= Date.parse(since)) && (until === null || time <= Date.parse(until));
}
