// Whether a page was rendered by Tistory. Custom domains hide the tistory.com name, but every skin's
// page still carries Tistory's own body ids, scripts and metadata.

const TISTORY_MARKERS: readonly RegExp[] = [
  /<body\b[^>]*\bid\s*=\s*["']?tt-body-/i,
  /window\.TistoryBlog\b/,
  /\bT\.(?:config|entryInfo)\b/,
  /\/tistory_admin\//,
  /<meta\b[^>]*property\s*=\s*["']article:txid["']/i,
  /\bclass\s*=\s*["'][^"']*\bcontents_style\b/,
  /https?:\/\/[a-z0-9-]+\.tistory\.com\b/i,
];

export function looksLikeTistoryPage(html: string): boolean {
  return TISTORY_MARKERS.some((marker) => marker.test(html));
}
