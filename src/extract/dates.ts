// Tistory time is KST. Dates keep (or gain) the +09:00 offset so a post published at 00:30 KST does not
// move to the previous day in the export.

const KST_OFFSET = '+09:00';
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** ISO 8601 with an offset, from the forms Tistory pages use; null when the text is not a date. */
export function normaliseDate(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  // `2022-12-20T12:04:47+09:00`, `2022-12-20 12:04:47`, `20221220T12:04:47`, with or without a zone.
  const match =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = match;
  if (!validParts(year!, month!, day!, hour, minute, second)) return null;
  const local = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (!zone) return `${local}${KST_OFFSET}`;
  if (zone.toUpperCase() === 'Z') return toKst(new Date(`${local}Z`));
  return `${local}${zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`}`;
}

/** A skin's printed date: `2022. 12. 20. 12:04` or `2011. 6. 27.` (KST). */
export function parseSkinDate(raw: string | null | undefined): string | null {
  const match = /(\d{4})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(raw ?? '');
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '00', second = '00'] = match;
  return normaliseDate(`${year}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${minute}:${second}`);
}

/**
 * `og:regDate` (`YYYYMMDDHHmmss`). It has been seen in a 12-hour form, so its time of day cannot be
 * trusted: callers use it only when nothing better exists.
 */
export function parseRegDate(raw: string | null | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw?.trim() ?? '');
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  return normaliseDate(`${year}-${month}-${day}T${hour}:${minute}:${second}`);
}

function toKst(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return `${new Date(date.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19)}${KST_OFFSET}`;
}

function validParts(...parts: string[]): boolean {
  const [year, month, day, hour, minute, second] = parts.map(Number) as [number, number, number, number, number, number];
  return year > 1990 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
}

function pad(value: string): string {
  return value.padStart(2, '0');
}
