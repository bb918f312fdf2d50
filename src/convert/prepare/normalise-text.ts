import type { CheerioAPI } from 'cheerio';
import { BLOCK_START_MARK } from '../escape.js';
import { textNodes } from './prose-text.js';

/**
 * Non-breaking spaces become plain spaces before whitespace is collapsed: the editor writes `&nbsp;` for
 * every extra space, and one left at the start of a line would hide a `#` or `-` from escaping. The
 * escaping mark is removed so that text cannot fake one.
 */
export function normaliseText($: CheerioAPI): void {
  for (const node of textNodes($)) {
    if (node.data.includes('\u00a0') || node.data.includes(BLOCK_START_MARK)) {
      node.data = node.data
        .replace(/\u00a0/g, ' ')
        .split(BLOCK_START_MARK)
        .join('');
    }
  }
}
