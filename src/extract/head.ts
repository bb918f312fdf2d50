import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../util/select.js';

/** Facts from `<head>`: meta tags by name or property, and the JSON-LD BlogPosting. */
export interface HeadFacts {
  meta(key: string): string | null;
  jsonLd: JsonLdPosting | null;
}

export interface JsonLdPosting {
  headline: string | null;
  authorName: string | null;
  imageUrl: string | null;
  datePublished: string | null;
  dateModified: string | null;
}

export function readHead($: CheerioAPI): HeadFacts {
  const metas = new Map<string, string>();
  selectAll($, 'meta').each((_, element) => {
    const key = $(element).attr('property') ?? $(element).attr('name');
    const content = $(element).attr('content');
    // The first occurrence wins: skins append a second `meta[name=title]` with the blog name.
    if (key && content !== undefined && !metas.has(key)) metas.set(key, content.trim());
  });
  return {
    meta: (key) => metas.get(key) || null,
    jsonLd: readJsonLd($),
  };
}

function readJsonLd($: CheerioAPI): JsonLdPosting | null {
  for (const element of selectAll($, 'script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      data = JSON.parse($(element).text());
    } catch {
      continue;
    }
    const posting = (Array.isArray(data) ? data : [data]).find(
      (item): item is Record<string, unknown> => isRecord(item) && /Posting|Article/.test(String(item['@type'])),
    );
    if (!posting) continue;
    const author = posting.author;
    const image = posting.image;
    return {
      headline: stringOrNull(posting.headline),
      authorName: stringOrNull(
        isRecord(author) ? author.name : Array.isArray(author) && isRecord(author[0]) ? author[0].name : author,
      ),
      imageUrl: stringOrNull(isRecord(image) ? image.url : image),
      datePublished: stringOrNull(posting.datePublished),
      dateModified: stringOrNull(posting.dateModified),
    };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
