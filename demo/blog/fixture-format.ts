// Date formats Tistory prints, all derived from the post's ISO time with its +09:00 offset kept
// (never through the machine's time zone, which would shift the wall-clock values).

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** `+09:00` */
  offset: string;
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-]\d{2}:\d{2})$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function wallClock(iso: string): WallClock {
  const match = ISO_LOCAL.exec(iso);
  if (!match) throw new Error(`fixture time must look like 2022-12-20T12:04:47+09:00, got ${iso}`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { year, month, day, hour, minute, second, offset: match[7]! };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Skin date, e.g. `2022. 12. 20. 12:04`. */
export function skinDate(iso: string): string {
  const t = wallClock(iso);
  return `${t.year}. ${t.month}. ${t.day}. ${pad(t.hour)}:${pad(t.minute)}`;
}

/** The another_category table's date, e.g. `2022.12.20`. */
export function dottedDate(iso: string): string {
  const t = wallClock(iso);
  return `${t.year}.${pad(t.month)}.${pad(t.day)}`;
}

/** RSS pubDate, RFC 822 with a numeric zone: `Tue, 20 Dec 2022 12:04:47 +0900`. */
export function rfc822Date(iso: string): string {
  const t = wallClock(iso);
  const weekday = WEEKDAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()]!;
  return `${weekday}, ${pad(t.day)} ${MONTHS[t.month - 1]!} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${t.offset.replace(':', '')}`;
}

/** `og:regDate`, reproducing the 12-hour clock Tistory has been seen to print (15:06 → 03). */
export function regDate(iso: string): string {
  const t = wallClock(iso);
  const hour12 = t.hour > 12 ? t.hour - 12 : t.hour;
  return `${t.year}${pad(t.month)}${pad(t.day)}${pad(hour12)}${pad(t.minute)}${pad(t.second)}`;
}

/** JSON-LD date: older posts carry the zone-less compact form (`20221220T12:04:47`, KST), newer full ISO. */
export function structuredDataDate(iso: string): string {
  const t = wallClock(iso);
  if (t.year >= 2024) return iso;
  return `${t.year}${pad(t.month)}${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** `202504`, the archive key. */
export function archiveMonth(iso: string): string {
  const t = wallClock(iso);
  return `${t.year}${pad(t.month)}`;
}
