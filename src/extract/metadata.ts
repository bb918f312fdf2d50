import type { CheerioAPI } from 'cheerio';
import type { PostMeta } from '../types.js';
import { isGenericOgImage, originalImageUrl } from '../util/image-url.js';
import { normaliseDate, parseRegDate, parseSkinDate } from './dates.js';
import { readHead } from './head.js';
import { readEntryInfo } from './inline-scripts.js';
import { NO_CATEGORY_LABELS, SKINS, type SkinProfile } from './skins.js';

/** The skin whose markers are on the page, for the facts the head does not carry. */
export function detectSkin($: CheerioAPI): SkinProfile | null {
  return SKINS.find((skin) => $(skin.container).length > 0 && $(skin.title).length > 0)
    ?? SKINS.find((skin) => $(skin.container).length > 0)
    ?? null;
}

/** Head first (og, article:*, JSON-LD, T.entryInfo), the skin's printed values second. */
export function readMetadata($: CheerioAPI, pageUrl: string): PostMeta {
  const head = readHead($);
  const ld = head.jsonLd;
  const skin = detectSkin($);
  const skinText = (selector: string | undefined) => (selector ? $(selector).first().text().replace(/\s+/g, ' ').trim() : '');
  const inlineScripts = $('script:not([src])').map((_, element) => $(element).text()).get().join('\n');
  const entryInfo = readEntryInfo(inlineScripts);
  const url = absolute(head.meta('og:url') ?? $('link[rel="canonical"]').attr('href') ?? null, pageUrl) ?? pageUrl;

  const published =
    normaliseDate(head.meta('article:published_time')) ??
    normaliseDate(ld?.datePublished) ??
    parseSkinDate(skinText(skin?.date)) ??
    parseRegDate(head.meta('og:regDate'));

  const coverCandidate = head.meta('og:image') ?? ld?.imageUrl ?? null;
  return {
    id: idFromTxid(head.meta('article:txid')) ?? entryInfo?.entryId ?? idFromUrl(url) ?? idFromUrl(pageUrl),
    url,
    title: head.meta('og:title') ?? ld?.headline ?? (skinText(skin?.title) || titleFromDocumentTitle($('title').first().text())),
    published,
    updated: normaliseDate(head.meta('article:modified_time')) ?? normaliseDate(ld?.dateModified),
    categories: entryInfo ? splitCategoryPath(entryInfo.categoryLabel ?? '') : categoriesFromSkin($, skin),
    tags: readTags($),
    author: head.meta('by') ?? head.meta('og.article.author') ?? head.meta('og:article:author') ?? ld?.authorName ?? null,
    description: head.meta('description') ?? head.meta('og:description'),
    cover: coverCandidate && !isGenericOgImage(coverCandidate) ? originalImageUrl(absolute(coverCandidate, pageUrl) ?? coverCandidate) : null,
    blogName: head.meta('og:site_name'),
  };
}

function idFromTxid(txid: string | null): string | null {
  return /^\d+_(\d+)$/.exec(txid ?? '')?.[1] ?? null;
}

function idFromUrl(url: string): string | null {
  try {
    return /^\/(?:m\/)?(\d+)\/?$/.exec(new URL(url).pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

function splitCategoryPath(label: string): string[] {
  return label
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part && !NO_CATEGORY_LABELS.includes(part));
}

function categoriesFromSkin($: CheerioAPI, skin: SkinProfile | null): string[] {
  if (!skin) return [];
  const link = $(skin.category).first();
  const href = link.attr('href') ?? link.find('a').attr('href') ?? '';
  // "카테고리 없음" links to the bare /category list: that is not a category.
  if (/\/category\/?$/.test(href)) return [];
  return splitCategoryPath(link.text());
}

function readTags($: CheerioAPI): string[] {
  const tags = $('a[rel="tag"]')
    .map((_, element) => $(element).text().replace(/\s+/g, ' ').trim().replace(/^#/, ''))
    .get()
    .filter(Boolean);
  return [...new Set(tags)];
}

/** `Title :: Blog` is the usual skin form of `<title>`. */
function titleFromDocumentTitle(text: string): string {
  return text.split(' :: ')[0]?.trim() ?? '';
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}
