import type { CheerioAPI } from 'cheerio';
import { BLOCK_START_MARK } from '../escape.js';

/**
 * Non-breaking spaces become plain spaces before whitespace is collapsed: the editor writes `&nbsp;` for
 * every extra space, and one left at the start of a line would hide a `#` or `-` from escaping. The
 * escaping mark is removed so that text cannot fake one.
 */
export function normaliseText($: CheerioAPI): void {
  $.root()
    .find('*')
    .addBack()
    .contents()
    .each((_, node) => {
      if (node.type === 'text') node.data = node.data.replace(/\u00a0/g, ' ').split(BLOCK_START_MARK).join('');
    });
}
