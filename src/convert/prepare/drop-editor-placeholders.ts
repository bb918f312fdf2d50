import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../../util/select.js';

/**
 * What the editor shows while it fetches something, saved into the post when the author published before
 * it finished (`<figure class="og-loading">불러오는 중입니다...</figure>`): not the author's words.
 */
export function dropEditorPlaceholders($: CheerioAPI): void {
  selectAll($, '.og-loading').remove();
}
