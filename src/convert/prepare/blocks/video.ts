import type { CheerioAPI } from 'cheerio';
import { firstUrlOf } from '../../../util/url-list.js';
import { selectAll } from '../../../util/select.js';

/**
 * A YouTube or kakaoTV block (`figure[data-ke-type=video]`) holds a player no Markdown renderer runs. It
 * becomes its thumbnail linked to the video (or a plain link when there is no thumbnail), with its caption.
 * An uploaded video (`<video>` inside) is left to the media rule.
 */
export function convertVideoBlocks($: CheerioAPI): void {
  selectAll($, 'figure[data-ke-type="video" i]').each((_, block) => {
    const $block = $(block);
    const url = $block.attr('data-video-url')?.trim() || $block.find('iframe[src]').attr('src')?.trim();
    if (!url) return;
    const title = $block.attr('data-video-title')?.trim() ?? '';
    // The attribute can hold two URLs joined by a comma: one image, the first that is a URL.
    const thumbnail = $block.find('img[src]').attr('src')?.trim() || firstUrlOf($block.attr('data-video-thumbnail'));
    const link = $('<a></a>').attr('href', url);
    if (thumbnail) link.append($('<img>').attr('src', thumbnail).attr('alt', title));
    else link.text(title || url);
    const caption = $block.children('figcaption').first();
    // The editor often captions a video with its own title, which the link already shows.
    const repeatsLink = !thumbnail && caption.text().trim() === link.text().trim();
    $block.empty().append(link);
    if (!repeatsLink) $block.append(caption);
  });
}
