// Feed dates as ISO 8601, keeping the zone the feed states: Tistory times are KST and must stay so.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC_822 =
  /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]+)?$/i;
const W3C_DATETIME = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

const pad = (value: string | number) => String(value).padStart(2, '0');

function zoneOffset(zone: string | undefined): string | null {
  if (!zone || /^(gmt|ut|utc|z)$/i.test(zone)) return '+00:00';
  if (/^[+-]\d{4}$/.test(zone)) return `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (/^kst$/i.test(zone)) return '+09:00';
  return null;
}

/** RSS `pubDate` (`Sat, 12 Apr 2025 21:30:05 +0900`) → `2025-04-12T21:30:05+09:00`; null when unreadable. */
export function rfc822ToIso(value: string): string | null {
  const match = RFC_822.exec(value.trim());
  if (!match) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase());
  const offset = zoneOffset(zone);
  if (month < 0 || offset === null) return null;
  const year = yearText!.length === 2 ? `20${yearText}` : yearText!;
  return `${year}-${pad(month + 1)}-${pad(day!)}T${pad(hour!)}:${minute}:${second ?? '00'}${offset}`;
}

/** A sitemap `lastmod` is already W3C datetime (ISO 8601); anything else is dropped. */
export function sitemapDate(value: string): string | null {
  const trimmed = value.trim();
  return W3C_DATETIME.test(trimmed) ? trimmed : null;
}
