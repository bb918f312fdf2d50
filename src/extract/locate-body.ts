import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { GENERIC_CONTAINERS, SKINS } from './skins.js';

export interface LocatedBody {
  node: Cheerio<AnyNode>;
  /** `contents_style` when Tistory's own body wrapper was found, else the container it came from. */
  source: string;
  /** A skin container holds chrome around the post, which has to be stripped. */
  needsChromeStrip: boolean;
}

/** Places a `.contents_style` may appear that are not the post (other posts' previews, comments). */
const NOT_THE_POST = '.another_category, [data-tistory-react-app], .area_reply, #comments, .comments, aside, .area_aside, #sidebar';

/**
 * `.contents_style` is what `[##_article_rep_desc_##]` renders in every skin; match the one class, not the
 * two-class string, because old-editor posts carry it alone. Skin containers are the fallback.
 */
export function locateBody($: CheerioAPI): LocatedBody | null {
  const candidates = $('.contents_style')
    .toArray()
    .filter((element) => $(element).parents('.contents_style').length === 0 && $(element).closest(NOT_THE_POST).length === 0);
  if (candidates.length > 0) {
    const inSkin = candidates.filter((element) => SKINS.some((skin) => $(element).closest(skin.container).length > 0));
    const pool = inSkin.length > 0 ? inSkin : candidates;
    const largest = pool.reduce((best, element) => (textLength($, element) > textLength($, best) ? element : best));
    return { node: $(largest), source: 'contents_style', needsChromeStrip: false };
  }
  for (const skin of SKINS) {
    const container = $(skin.container).first();
    if (container.length > 0 && hasContent($, container)) return { node: container, source: skin.name, needsChromeStrip: true };
  }
  for (const selector of GENERIC_CONTAINERS) {
    const container = $(selector).filter((_, element) => $(element).closest(NOT_THE_POST).length === 0).first();
    if (container.length > 0 && hasContent($, container)) return { node: container, source: `generic ${selector}`, needsChromeStrip: true };
  }
  return null;
}

function textLength($: CheerioAPI, element: Element): number {
  return $(element).text().trim().length + $(element).find('img').length;
}

function hasContent($: CheerioAPI, node: Cheerio<AnyNode>): boolean {
  return node.text().trim().length > 0 || node.find('img, video, iframe').length > 0;
}
