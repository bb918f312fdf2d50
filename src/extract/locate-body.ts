import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { PAGE_CHROME } from './chrome.js';
import { GENERIC_CONTAINERS, SKINS } from './skins.js';

export interface LocatedBody {
  node: Cheerio<AnyNode>;
  /** The body came from a skin or generic container, which holds chrome around the post to strip. */
  fromContainer: boolean;
  /** How it was found, for error messages. */
  selector: string;
}

/**
 * `.contents_style` is what `[##_article_rep_desc_##]` renders in every skin; match the one class, not the
 * two-class string, because old-editor posts carry it alone. Skin containers, then generic ones, are the
 * fallback for custom skins.
 */
export function locateBody($: CheerioAPI): LocatedBody | null {
  // Other posts' previews (related boxes, sidebars, comments) may carry the class too.
  const candidates = $('.contents_style')
    .toArray()
    .filter((element) => $(element).parents('.contents_style').length === 0 && $(element).closest(PAGE_CHROME).length === 0);
  if (candidates.length > 0) {
    const inSkin = candidates.filter((element) => SKINS.some((skin) => $(element).closest(skin.container).length > 0));
    const pool = inSkin.length > 0 ? inSkin : candidates;
    const largest = pool.reduce((best, element) => (contentSize($, element) > contentSize($, best) ? element : best));
    return { node: $(largest), fromContainer: false, selector: '.contents_style' };
  }
  const containers = [...new Set(SKINS.map((skin) => skin.container)), ...GENERIC_CONTAINERS];
  for (const selector of containers) {
    const found = $(selector).toArray().filter((element) => $(element).closest(PAGE_CHROME).length === 0);
    const container = found.find((element) => contentSize($, element) > 0);
    if (container) return { node: $(container), fromContainer: true, selector };
  }
  return null;
}

/** Text length plus media, so an image-only post still counts as content. */
function contentSize($: CheerioAPI, element: AnyNode): number {
  return $(element).text().trim().length + $(element).find('img, video, iframe').length;
}
