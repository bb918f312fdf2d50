import * as cheerio from 'cheerio';
import { normaliseText } from './normalise-text.js';
import { protectLeadingNewlines } from './protect-leading-newlines.js';
import { promoteTableHeaders } from './promote-table-headers.js';

/**
 * Fixes the HTML where a DOM edit is simpler than a rule. Turndown then parses the result again, so each
 * step must survive serialising.
 */
export function prepareHtml(html: string): string {
  const $ = cheerio.load(html, null, false);
  normaliseText($);
  promoteTableHeaders($);
  protectLeadingNewlines($);
  return $.html();
}
