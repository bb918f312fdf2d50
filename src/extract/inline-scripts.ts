// The facts Tistory writes into inline scripts rather than meta tags.

export interface EntryInfo {
  entryId: string | null;
  categoryLabel: string | null;
}

/** `window.T.entryInfo = {...}` is JSON; the category path is its `categoryLabel`. */
export function readEntryInfo(scripts: string): EntryInfo | null {
  const marker = /T\.entryInfo\s*=\s*\{/.exec(scripts);
  if (!marker) return null;
  const json = balancedObject(scripts, marker.index + marker[0].length - 1);
  if (!json) return null;
  try {
    const info = JSON.parse(json) as { entryId?: unknown; categoryLabel?: unknown };
    return {
      entryId: info.entryId === undefined || info.entryId === null || info.entryId === '' ? null : String(info.entryId),
      categoryLabel: typeof info.categoryLabel === 'string' ? info.categoryLabel : null,
    };
  } catch {
    return null;
  }
}

/** The `{…}` starting at `start`, matched brace for brace, so a `}` or `;` inside a category name does not cut it short. */
function balancedObject(text: string, start: number): string | null {
  let depth = 0;
  let quote: string | null = null;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '{') {
      depth++;
    } else if (char === '}' && --depth === 0) {
      return text.slice(start, index + 1);
    }
  }
  return null;
}
