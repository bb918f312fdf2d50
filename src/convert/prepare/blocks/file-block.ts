import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../../../util/select.js';

/**
 * An attachment (`figure.fileblock`) is a link wrapped around icon, name and size divs. It becomes one
 * link named by the real file name, with the size after it: `[여행 일정.xlsx](url) (0.01MB)`.
 */
export function convertFileBlocks($: CheerioAPI): void {
  selectAll($, 'figure.fileblock').each((_, block) => {
    const $block = $(block);
    const url = $block.find('a[href]').first().attr('href')?.trim() ?? '';
    const name =
      $block.find('.name').first().text().trim() || $block.attr('data-filename')?.trim() || fileNameFromUrl(url);
    const size = $block.find('.size').first().text().trim();
    const paragraph = $('<p></p>').append(
      url
        ? $('<a></a>')
            .attr('href', url)
            .text(name || url)
        : $('<span></span>').text(name),
    );
    if (size) paragraph.append($('<span></span>').text(` (${size})`));
    $block.replaceWith(paragraph);
  });
}

/** The URL's last path segment; `knm` is Tistory's stored name, often a generic `tfile.zip`, so it comes last. */
function fileNameFromUrl(href: string): string {
  try {
    const url = new URL(href, 'https://base.invalid/');
    // Only a web address has a file name in its path (the pipeline may hand over placeholder tokens).
    if (!/^https?:$/.test(url.protocol)) return '';
    const segment = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    return segment || url.searchParams.get('knm') || '';
  } catch {
    return '';
  }
}
