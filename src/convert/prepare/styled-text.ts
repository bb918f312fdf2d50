import type { CheerioAPI } from 'cheerio';
import { MEANINGFUL_STYLES } from '../../util/text-styles.js';
import { selectAll } from '../../util/select.js';

/** Styled spans and fonts of the old editor get the tags their meaningful styles stand for, inside them. */
export function styledTextToTags($: CheerioAPI): void {
  selectAll($, 'span[style], font[style]').each((_, element) => {
    const style = $(element).attr('style') ?? '';
    for (const { tag, pattern } of MEANINGFUL_STYLES)
      if (pattern.test(style)) $(element).wrapInner(`<${tag}></${tag}>`);
  });
}
