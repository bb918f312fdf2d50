// The editor has been seen writing two URLs, joined by a comma, into an attribute that should hold one
// (a video block's `data-video-thumbnail`: `https://…/a.jpg?width=…,https://…/b.jpg`). Taken whole, that
// is one broken URL.

/** Splits only where a comma starts another URL, so a comma inside one URL's query stays in it. */
const BEFORE_ANOTHER_URL = /,(?=\s*(?:[a-z][a-z\d+.-]*:|\/\/))/i;

/** The first valid URL of such an attribute (absolute, protocol-relative or relative), or ''. */
export function firstUrlOf(value: string | null | undefined): string {
  for (const candidate of (value ?? '').split(BEFORE_ANOTHER_URL)) {
    const url = candidate.trim();
    if (isValidUrl(url)) return url;
  }
  return '';
}

function isValidUrl(url: string): boolean {
  if (!url || /\s/.test(url)) return false;
  try {
    const parsed = new URL(url, 'https://base.invalid/');
    return !/^https?:$/.test(parsed.protocol) || parsed.hostname !== '';
  } catch {
    return false;
  }
}
