import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element, Text } from 'domhandler';
import { closestAncestor, parentNamed, removeNode } from '../extract/walk.js';
import { resolveUrl } from '../convert/url.js';
import { renderSubstitutionCodes } from '../convert/prepare/index.js';
import { isAttachmentUrl, isDownloadableUrl, knmOf } from '../assets/asset-url.js';
import { isBackupFileAddress } from '../backup/backup-urls.js';
import type { AssetKind } from '../types.js';
import type { ImagesMode } from '../names.js';
import { imageAltText } from '../convert/image-alt.js';
import { originalImageUrl } from '../util/image-url.js';
import { firstUrlOf } from '../util/url-list.js';
import { assetToken, linkToken } from './url-tokens.js';
import { elementsWithin, selectAll, selectWithin } from '../util/select.js';

/** A file the post shows or offers, before it is downloaded. */
export interface AssetRef {
  /** The original's URL (proxy unwrapped, signed query kept), as the converter would print it. */
  url: string;
  kind: AssetKind;
  /** What the page calls the file (`data-filename`, `filename`, a file block's name, `knm`). */
  hint: string | null;
}

/** A link to a post of the same blog. */
export interface LinkRef {
  /** The link as written, made absolute: what the output keeps when the post is not exported. */
  url: string;
  /** The linked post, spelled as `/123` or `/entry/<slug>` (see `PostRegistry`). */
  key: string;
  /** `#…` of the link, kept on the rewritten link. */
  fragment: string;
}

/** What `templateBody` found: token `asset:N` is `assets[N]`, token `link:N` is `links[N]`. */
export interface BodyTemplate {
  assets: AssetRef[];
  links: LinkRef[];
}

export interface TemplateOptions {
  baseUrl: string;
  images: ImagesMode;
  /** The post key a URL links to (`/123`, `/entry/slug`), or null when it is not a post of this blog. */
  postKeyOf(url: string): string | null;
}

/** Attributes that hold a URL the converter may print: the editor puts the original in several. */
const URL_ATTRIBUTES = ['src', 'data-src', 'data-url', 'data-phocus', 'href', 'poster'];

/**
 * Finds every image, attachment and link to another post in a post body and replaces its URL by a
 * token, so the body is converted once and each target later fills in its own paths. Pure; mutates the
 * fragment, which the converter takes next.
 */
export function templateBody($: CheerioAPI, options: TemplateOptions): BodyTemplate {
  // Old `[##_Image|…_##]` codes are images too: expand them first so they are downloaded like the rest.
  renderSubstitutionCodes($);
  const assets: AssetRef[] = [];
  const links: LinkRef[] = [];
  const assetIndex = new Map<string, number>();
  const addAsset = (ref: AssetRef): string => {
    let index = assetIndex.get(ref.url);
    if (index === undefined) {
      index = assets.push(ref) - 1;
      assetIndex.set(ref.url, index);
    } else if (!assets[index]!.hint && ref.hint) {
      assets[index]!.hint = ref.hint;
    }
    return assetToken(index);
  };

  selectAll($, 'img').each((_, element) => {
    const img = $(element);
    const span = parentNamed(element, 'span');
    const wrapper = $(span ? [span] : ([] as Element[]));
    const figure = closestAncestor(element, 'figure');
    settleAltText($, img, wrapper, figure);
    templateImage(img, wrapper, figure, options, addAsset);
  });
  // The 2023 video block carries its thumbnail only as an attribute, and the converter shows it; the
  // attribute may hold two URLs joined by a comma, of which the first is the image.
  selectAll($, '[data-video-thumbnail]').each((_, element) => {
    const first = firstUrlOf(element.attribs['data-video-thumbnail']);
    const url = first && originalImageUrl(resolveUrl(first, options.baseUrl));
    if (options.images === 'none' || !isDownloadableUrl(url)) return;
    element.attribs['data-video-thumbnail'] = addAsset({ url, kind: 'image', hint: null });
  });
  // Anything else pointing at an image already found (the lightbox link around it, a data-phocus).
  selectAll($, URL_ATTRIBUTES.map((name) => `[${name}]`).join(', ')).each((_, node) => {
    const element = node as Element;
    for (const name of URL_ATTRIBUTES) {
      const value = element.attribs[name];
      if (!value) continue;
      const index = assetIndex.get(originalImageUrl(resolveUrl(value, options.baseUrl)));
      if (index !== undefined) element.attribs[name] = assetToken(index);
    }
  });
  selectAll($, 'video[src], video source[src], audio[src], audio source[src]').each((_, element) => {
    const url = resolveUrl(element.attribs['src'] ?? '', options.baseUrl);
    if (isDownloadableUrl(url)) element.attribs['src'] = addAsset({ url, kind: 'attachment', hint: knmOf(url) });
  });
  selectAll($, 'a[href]').each((_, element) => {
    const href = element.attribs['href'] ?? '';
    if (href.startsWith('tistory-export:')) return;
    const url = resolveUrl(href, options.baseUrl);
    const fileBlock = closestAncestor(element, 'figure', 'fileblock');
    // A backup's file linked by name has no address but the backup's placeholder: it must be stored (or kept as written).
    if (fileBlock || isAttachmentUrl(url) || isBackupFileAddress(url)) {
      if (!isDownloadableUrl(url)) return;
      const shownName = fileBlock ? selectWithin($, fileBlock, '.name').first().text().trim() : '';
      element.attribs['href'] = addAsset({ url, kind: 'attachment', hint: shownName || knmOf(url) });
      return;
    }
    const key = options.postKeyOf(url);
    if (key === null) return;
    const hashAt = url.indexOf('#');
    element.attribs['href'] = linkToken(links.push({ url, key, fragment: hashAt >= 0 ? url.slice(hashAt) : '' }) - 1);
  });
  return { assets, links };
}

function templateImage(
  img: Cheerio<Element>,
  wrapper: Cheerio<Element>,
  figure: Element | null,
  options: TemplateOptions,
  addAsset: (ref: AssetRef) => string,
): void {
  const url = imageUrl(img, wrapper, options.baseUrl);
  if (!url || !isDownloadableUrl(url)) return;
  if (options.images === 'none') {
    removeKeepingTextWhole(img);
    return;
  }
  const hint = img.attr('filename') || img.attr('data-filename') || figure?.attribs['data-filename'] || null;
  const token = addAsset({ url, kind: 'image', hint });
  img.attr('src', token);
  // Thumbnails of the proxy: a reader of the output must not fetch them from the old CDN.
  img.removeAttr('srcset');
  if (img.attr('data-src')) img.attr('data-src', token);
  for (const name of ['data-url', 'data-phocus']) if (wrapper.attr(name)) wrapper.attr(name, token);
}

/**
 * The HTML outputs get the alt text the Markdown gets, by the same rule (`imageAltText`): never the
 * file name old editors wrote into `alt`.
 */
function settleAltText($: CheerioAPI, img: Cheerio<Element>, wrapper: Cheerio<Element>, figure: Element | null): void {
  const alone = figure !== null && elementsWithin(figure, 'img').length === 1;
  const alt = imageAltText({
    dataAlt: wrapper.attr('data-alt'),
    alt: img.attr('alt'),
    // A line break in the caption is a space, not nothing.
    caption: alone ? $(figure).children('figcaption').first().clone().find('br').replaceWith(' ').end().text() : null,
    fileNames: [img.attr('filename'), img.attr('data-filename'), figure?.attribs['data-filename']],
  });
  if (alt) img.attr('alt', alt);
  else if (img.attr('alt') !== undefined) img.attr('alt', '');
}

/** The same choice as the converter's image rule: the editor's original, the img's source, a proxy's fname. */
function imageUrl(img: Cheerio<Element>, wrapper: Cheerio<Element>, baseUrl: string): string {
  const source = [wrapper.attr('data-url'), img.attr('src'), img.attr('data-src')]
    .map((candidate) => candidate?.trim() ?? '')
    .find((candidate) => candidate !== '');
  if (source) return originalImageUrl(resolveUrl(source, baseUrl));
  for (const candidate of (img.attr('srcset') ?? '').split(',')) {
    const url = candidate.trim().split(/\s+/)[0] ?? '';
    const original = url ? originalImageUrl(url) : '';
    if (original && original !== url) return original;
  }
  return '';
}

/**
 * Removes an element; text on both sides becomes one text node, as parsing the serialised body would
 * leave it, so the converter sees the same tree whether or not it parses the body again.
 */
function removeKeepingTextWhole(element: Cheerio<Element>): void {
  for (const node of element.toArray()) {
    const before = node.prev;
    const after = node.next;
    removeNode(node);
    if (before?.type === 'text' && after?.type === 'text') {
      (before as Text).data += (after as Text).data;
      removeNode(after);
    }
  }
}
