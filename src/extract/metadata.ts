import type { CheerioAPI } from 'cheerio';
import type { PostMeta } from '../types.js';
import { isGenericOgImage, originalImageUrl } from '../util/image-url.js';
import { firstUrlOf } from '../util/url-list.js';
import { normaliseDate, parseRegDate, parseSkinDate } from './dates.js';
import { specialEntryOf } from './entry-kind.js';
import { readHead } from './head.js';
import { readEntryInfo } from './inline-scripts.js';
import { NO_CATEGORY_LABELS, type SkinProfile } from './skins.js';
import { selectAll } from '../util/select.js';

/**
 * Head first (og, article:*, JSON-LD, T.entryInfo), the skin's printed values second. Only public facts are
 * read: `T.config.USER`, `initData` and the blog token (present when the owner saved the page) never are.
 */
/**
 * The original behind og:image. When the post's first picture is a video thumbnail whose attribute held
 * two comma-joined URLs, the proxy's `fname` holds both: the first is the image.
 */
function coverUrl(candidate: string, pageUrl: string): string | null {
  return firstUrlOf(originalImageUrl(absolute(candidate, pageUrl) ?? candidate)) || null;
}

export function readMetadata($: CheerioAPI, pageUrl: string, skin: SkinProfile | null): PostMeta {
  const head = readHead($);
  const ld = head.jsonLd;
  const skinText = (selector: string | undefined) =>
    selector ? selectAll($, selector).first().text().replace(/\s+/g, ' ').trim() : '';
  const inlineScripts = selectAll($, 'script:not([src])')
    .map((_, element) => $(element).text())
    .get()
    .join('\n');
  const entryInfo = readEntryInfo(inlineScripts);
  const declaredUrl = absolute(
    head.meta('og:url') ?? selectAll($, 'link[rel="canonical"]').attr('href') ?? null,
    pageUrl,
  );
  const url = desktopUrl(declaredUrl ?? withoutQuery(pageUrl));
  const skinDate = parseSkinDate(skinText(skin?.date));
  const special = specialEntryOf([url, pageUrl]);

  const coverCandidate = head.meta('og:image') ?? ld?.imageUrl ?? null;
  return {
    id:
      idFromTxid(head.meta('article:txid')) ??
      entryInfo?.entryId ??
      idFromUrl(url) ??
      idFromUrl(pageUrl) ??
      special?.idFromAddress ??
      null,
    url,
    title:
      head.meta('og:title') ??
      ld?.headline ??
      (skinText(skin?.title) || titleFromDocumentTitle(selectAll($, 'title').first().text())),
    published:
      normaliseDate(head.meta('article:published_time')) ??
      normaliseDate(ld?.datePublished) ??
      parseRegDate(head.meta('og:regDate'), skinDate) ??
      skinDate?.iso ??
      null,
    updated: normaliseDate(head.meta('article:modified_time')) ?? normaliseDate(ld?.dateModified),
    categories:
      entryInfo?.categoryLabel != null ? splitCategoryPath(entryInfo.categoryLabel) : categoriesFromSkin($, skin),
    tags: readTags($),
    author:
      head.meta('by') ?? head.meta('og.article.author') ?? head.meta('og:article:author') ?? ld?.authorName ?? null,
    description: head.meta('description') ?? head.meta('og:description'),
    cover: coverCandidate && !isGenericOgImage(coverCandidate) ? coverUrl(coverCandidate, pageUrl) : null,
    blogName: head.meta('og:site_name'),
    ...(special ? { kind: special.kind } : {}),
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

/** `/m/77` and `/77` are one post; the desktop address is the one other pages and exports link to. */
function desktopUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!/^\/m(\/|$)/.test(parsed.pathname)) return url;
    parsed.pathname = parsed.pathname.slice(2) || '/';
    return parsed.href;
  } catch {
    return url;
  }
}

/** Post addresses never need a query (list links add `?category=…`) or a fragment. */
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** `개발/Python` → `["개발", "Python"]`; "no category" labels are not a category. */
export function splitCategoryPath(label: string): string[] {
  return label
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part && !NO_CATEGORY_LABELS.includes(part));
}

function categoriesFromSkin($: CheerioAPI, skin: SkinProfile | null): string[] {
  if (!skin) return [];
  const link = $(skin.category).first();
  const href = link.attr('href') ?? link.find('a').attr('href') ?? '';
  // The link's path carries the whole hierarchy even when a skin prints only the last part.
  const path = /^(?:https?:\/\/[^/]+)?(?:\/m)?\/category(\/[^?#]*)?/.exec(href);
  if (path) {
    // "카테고리 없음" links to the bare /category list: that is not a category.
    const segments = (path[1] ?? '').split('/').filter(Boolean).map(decodeSegment);
    return splitCategoryPath(segments.join('/'));
  }
  return splitCategoryPath(link.text());
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readTags($: CheerioAPI): string[] {
  const tags = selectAll($, 'a[rel~="tag"]')
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
