import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../../../util/select.js';

/**
 * The "더보기" block (`div[data-ke-type=moreLess]`): a toggle button and hidden content. It becomes
 * `<details><summary>`, the collapsible block Markdown renderers show the same way.
 */
export function convertMoreLess($: CheerioAPI): void {
  selectAll($, 'div[data-ke-type="moreLess" i]').each((_, block) => {
    const $block = $(block);
    const button = $block.find('.btn-toggle-moreless').first();
    const label = button.text().trim() || $block.attr('data-text-more')?.trim() || '더보기';
    const hidden = $block.find('.moreless-content').first();
    button.remove();
    const content = hidden.length > 0 ? hidden.contents() : $block.contents();
    const details = $('<details></details>').append($('<summary></summary>').text(label)).append(content);
    $block.replaceWith(details);
  });
}
