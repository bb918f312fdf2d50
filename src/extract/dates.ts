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

/** A skin's printed date (KST): `2022. 12. 20. 12:04`, `2011. 6. 27.` or `2025-06-02 16:27:20`. */
export function parseSkinDate(raw: string | null | undefined): SkinDate | null {
  const match = /(\d{4})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(
    raw ?? '',
  );
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const iso = normaliseDate(
    `${year}-${pad(month!)}-${pad(day!)}T${pad(hour ?? '0')}:${minute ?? '00'}:${second ?? '00'}`,
  );
  return iso ? { iso, hasTime: hour !== undefined } : null;
}

export interface SkinDate {
  iso: string;
  /** Skins that print only the day would otherwise pass for midnight. */
  hasTime: boolean;
}

/**
 * `og:regDate` (`YYYYMMDDHHmmss`), which has been seen in a 12-hour form (a 15:06:03 post as `…030603`).
 * When the skin prints a 24-hour time for the same day and minute, its hour settles which half of the day.
 */
export function parseRegDate(raw: string | null | undefined, skinDate: SkinDate | null): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw?.trim() ?? '');
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const regDate = normaliseDate(`${year}-${month}-${day}T${hour}:${minute}:${second}`);
  if (!regDate || !skinDate?.hasTime) return regDate;
  const skinHour = Number(skinDate.iso.slice(11, 13));
  const sameDayAndMinute = skinDate.iso.slice(0, 10) === regDate.slice(0, 10) && skinDate.iso.slice(14, 16) === minute;
  if (!sameDayAndMinute || skinHour % 12 !== Number(hour) % 12) return regDate;
  return `${regDate.slice(0, 11)}${pad(String(skinHour))}${regDate.slice(13)}`;
}

function toKst(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return `${new Date(date.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19)}${KST_OFFSET}`;
}

function validParts(...parts: string[]): boolean {
  const [year, month, day, hour, minute, second] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    year > 1990 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60
  );
}

function pad(value: string): string {
  return value.padStart(2, '0');
}
