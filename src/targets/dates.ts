// Platforms want dates spelled their own way. Tistory time is KST, so local forms are written in KST
// whatever offset a date arrived with, and GMT forms in UTC.

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

function parts(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function parsed(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2022-12-20 12:04:47`: the wall-clock time in Seoul. */
export function kstDateTime(iso: string | null): string | null {
  const date = parsed(iso);
  return date && parts(new Date(date.getTime() + KST_OFFSET_MS));
}

/** `2022-12-20 03:04:47`: the same moment in UTC. */
export function utcDateTime(iso: string | null): string | null {
  const date = parsed(iso);
  return date && parts(date);
}

/** `2022-12-20T03:04:47.000Z`, what JSON importers (Ghost) expect. */
export function utcIso(iso: string | null): string | null {
  return parsed(iso)?.toISOString() ?? null;
}

/** RFC 822, as RSS `pubDate` wants it. */
export function rfc822(iso: string | null): string | null {
  return parsed(iso)?.toUTCString() ?? null;
}
