import { load, type CheerioAPI } from 'cheerio';
import { flattenDeepNesting, shallowerHtml } from '../util/deep-nesting/index.js';

/**
 * A whole page parsed for extraction. A page nested too deep for the parser and for cheerio's recursive calls
 * (a hostile page, or old-editor text pasted over and over) is flattened first: its text and formatting stay,
 * the repeated wrappers go (see `flattenDeepNesting`). Anything that reads pages with cheerio's `.text()`,
 * `.html()` or `.clone()` needs to load them here.
 */
export function loadPage(html: string): CheerioAPI {
  const $ = load(shallowerHtml(html));
  flattenDeepNesting($.root().toArray());
  return $;
}
