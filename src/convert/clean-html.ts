import * as cheerio from 'cheerio';
import { originalImageUrl } from '../util/image-url.js';
import { resolveUrl } from './url.js';
import { selectAll } from '../util/select.js';

// What a reader needs of HTML kept in Markdown; styles, editor data and ids are page furniture.
const KEPT_ATTRIBUTES = new Set(['colspan', 'rowspan', 'href', 'src', 'alt', 'title', 'start']);
// Wrappers that only style their text.
const UNWRAPPED = 'span, font, colgroup';

/**
 * HTML kept as it is in the Markdown (a table Markdown cannot express), cleaned: editor attributes and
 * styling wrappers removed, links absolute, images at their original URL, no blank line that would end
 * the HTML block early.
 */
export function cleanHtml(html: string, baseUrl: string | undefined): string {
  const $ = cheerio.load(html, null, false);
  selectAll($, 'script, style, col').remove();
  selectAll($, 'img').each((_, img) => {
    const $img = $(img);
    const wrapperUrl = $img.parent('span[data-url]').attr('data-url');
    const source = wrapperUrl || $img.attr('src') || $img.attr('data-src') || '';
    if (source) $img.attr('src', originalImageUrl(resolveUrl(source, baseUrl)));
  });
  selectAll($, 'a[href]').each((_, anchor) => {
    $(anchor).attr('href', resolveUrl($(anchor).attr('href') ?? '', baseUrl));
  });
  selectAll($, UNWRAPPED).each((_, element) => {
    $(element).replaceWith($(element).contents());
  });
  selectAll($, '*').each((_, element) => {
    if (element.type !== 'tag') return;
    for (const name of Object.keys(element.attribs)) if (!KEPT_ATTRIBUTES.has(name)) $(element).removeAttr(name);
  });
  $.root()
    .find('*')
    .contents()
    .each((_, node) => {
      if (node.type === 'comment') $(node).remove();
    });
  return $.html()
    .replace(/>\s+</g, (gap) => (gap.includes('\n') ? '><' : gap))
    .replace(/\n[ \t]*(?=\n)/g, '');
}
