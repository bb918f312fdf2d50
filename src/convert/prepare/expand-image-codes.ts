import type { CheerioAPI } from 'cheerio';
import { escapeHtml } from '../../util/html-escape.js';
import { type CodeImage, IMAGE_CODE, parseImageCode } from './image-codes.js';
import { eachProseTextNode } from './prose-text.js';

/**
 * Old substitution codes that Tistory no longer renders (`[##_Image|kage@…_##]`, `[##_1C|…_##]`) become the
 * figures they stood for, so the images are exported instead of the code text.
 */
export function expandImageCodes($: CheerioAPI): void {
  eachProseTextNode($, (node) => {
    const text = node.data;
    if (!text.includes('[##_')) return;
    let html = '';
    let last = 0;
    for (const match of text.matchAll(IMAGE_CODE)) {
      const images = parseImageCode(match[1]!, match[2]!);
      if (images.length === 0) continue;
      html += escapeHtml(text.slice(last, match.index)) + images.map(figure).join('');
      last = match.index + match[0].length;
    }
    if (last === 0) return;
    $(node).replaceWith(html + escapeHtml(text.slice(last)));
  });
}

function figure(image: CodeImage): string {
  const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
  return `<figure class="imageblock"><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}">${caption}</figure>`;
}
