// Slugs become file names and URL paths on the new platform. Tistory titles are mostly Hangul, so an
// ASCII-only slugifier would leave them empty; keep every letter and digit of every script instead.

const MAX_SLUG_BYTES = 120;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file-name-safe slug: letters and digits of any script, joined by single hyphens; may be empty. */
export function slugify(text: string): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’"“”]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (Buffer.byteLength(next) > MAX_SLUG_BYTES) {
      if (!slug) slug = truncateToBytes(word, MAX_SLUG_BYTES);
      break;
    }
    slug = next;
  }
  return WINDOWS_RESERVED.test(slug) ? `${slug}-post` : slug;
}

function truncateToBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

/** The slug Tistory itself shows in `/entry/<slug>` URLs, when the post has one. */
export function entrySlugFromUrl(url: string): string | null {
  const match = /\/entry\/([^/?#]+)/.exec(url);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * Hands out unique slugs for one export. A taken slug gets the post id appended, which keeps the
 * result independent of how many other posts share the title.
 */
export class SlugAllocator {
  private readonly taken = new Map<string, string>();

  allocate(preferred: string, id: string): string {
    const base = slugify(preferred) || slugify(id) || 'post';
    for (const candidate of [base, `${base}-${id}`]) {
      const owner = this.taken.get(candidate);
      if (owner === undefined || owner === id) {
        this.taken.set(candidate, id);
        return candidate;
      }
    }
    let counter = 2;
    while (this.taken.has(`${base}-${id}-${counter}`)) counter++;
    const slug = `${base}-${id}-${counter}`;
    this.taken.set(slug, id);
    return slug;
  }
}
