/**
 * Makes a relative link absolute against the post's URL. Absolute URLs come back exactly as written, so
 * later stages can still match them against the blog's own addresses.
 */
export function resolveUrl(href: string, baseUrl: string | undefined): string {
  const url = href.trim();
  if (!url || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (!baseUrl) return url.startsWith('//') ? `https:${url}` : url;
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return url;
  }
}

/** A link destination that survives Markdown: no raw spaces, brackets or backslashes. */
export function markdownDestination(url: string): string {
  return url.replace(/[\s()<>\\]/g, (char) => (/\s/.test(char) ? encodeURIComponent(char) : `\\${char}`));
}

/** ` "title"` for a link or image title, or nothing. */
export function markdownTitle(title: string | null): string {
  const clean = (title ?? '').replace(/\s+/g, ' ').trim();
  return clean ? ` "${clean.replace(/["\\]/g, '\\$&')}"` : '';
}

/** Text inside `[…]` of a link or `![…]` of an image, from an attribute rather than from escaped text. */
export function bracketText(text: string | null): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, '\\$&');
}

/**
 * A link that shows its own address: `<https://…>`, which every renderer turns into a link. Characters an
 * autolink cannot hold are percent-encoded. Other URLs (relative ones, the pipeline's placeholder tokens
 * that later become relative paths) get the bracket form, which stays a link whatever they turn into.
 */
export function autolink(url: string): string {
  const safe = url.replace(/[\s<>]/g, (char) => encodeURIComponent(char));
  return /^https?:\/\//i.test(safe) ? `<${safe}>` : `[${bracketText(url)}](${markdownDestination(url)})`;
}
