// The facts Tistory writes into inline scripts rather than meta tags.

export interface EntryInfo {
  entryId: string | null;
  categoryLabel: string | null;
}

export interface BlogAddresses {
  url: string | null;
  tistoryUrl: string | null;
}

/** `window.T.entryInfo = {...}` is JSON; the category path is its `categoryLabel`. */
export function readEntryInfo(scripts: string): EntryInfo | null {
  const match = /T\.entryInfo\s*=\s*(\{[^;]*?\})\s*;/.exec(scripts);
  if (!match?.[1]) return null;
  try {
    const info = JSON.parse(match[1]) as { entryId?: unknown; categoryLabel?: unknown };
    return {
      entryId: info.entryId === undefined || info.entryId === null ? null : String(info.entryId),
      categoryLabel: typeof info.categoryLabel === 'string' ? info.categoryLabel : null,
    };
  } catch {
    return null;
  }
}

/** `window.TistoryBlog = { url: "…", tistoryUrl: "…" }` is a JS object literal, not JSON: read the two fields. */
export function readBlogAddresses(scripts: string): BlogAddresses {
  const block = /TistoryBlog\s*=\s*\{([\s\S]*?)\}/.exec(scripts)?.[1] ?? '';
  const field = (name: string) => new RegExp(`\\b${name}\\s*:\\s*["']([^"']+)["']`).exec(block)?.[1] ?? null;
  return { url: field('url'), tistoryUrl: field('tistoryUrl') };
}
