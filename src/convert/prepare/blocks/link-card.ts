import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../../../util/select.js';

/**
 * A link card (`figure[data-ke-type=opengraph]`) is a box of stacked divs inside one `<a>`, which would
 * turn into a link broken over several lines. It becomes `[title](url) (host)` with the description on
 * the next line. The card's picture is a CSS background, a preview rather than content, and is left out.
 */
export function convertLinkCards($: CheerioAPI): void {
  selectAll($, 'figure[data-ke-type="opengraph" i]').each((_, card) => {
    const $card = $(card);
    const anchor = $card.find('a[href]').first();
    const text = (selector: string, attribute: string) =>
      $card.find(selector).first().text().replace(/\s+/g, ' ').trim() || ($card.attr(attribute) ?? '').trim();
    const url =
      anchor.attr('href')?.trim() ||
      $card.attr('data-og-url')?.trim() ||
      $card.attr('data-og-source-url')?.trim() ||
      '';
    const title = text('.og-title', 'data-og-title');
    const description = text('.og-desc', 'data-og-description');
    const host = text('.og-host', 'data-og-host');
    const paragraph = $('<p></p>');
    const label = title || host || url;
    paragraph.append(url ? $('<a></a>').attr('href', url).text(label) : $('<span></span>').text(label));
    if (host && label !== host) paragraph.append($('<span></span>').text(` (${host})`));
    if (description) paragraph.append('<br>').append($('<span></span>').text(description));
    $card.replaceWith(paragraph);
  });
}
