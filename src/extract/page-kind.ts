import type { CheerioAPI } from 'cheerio';
import { PAGE_CHROME } from './chrome.js';
import { selectAll } from '../util/select.js';

/** Password form Tistory renders in place of a protected post's body. */
export function isProtectedPage($: CheerioAPI): boolean {
  if (selectAll($, 'input[type="password"][id^="entry"][id$="password"]').length > 0) return true;
  const reloadsEntry =
    selectAll($, '[onclick*="reloadEntry("], [onkeydown*="reloadEntry("], [onsubmit*="reloadEntry("]').length > 0;
  return reloadsEntry && selectAll($, 'body').text().includes('보호되어 있는 글입니다');
}

/**
 * Tistory's "no such post" page for deleted posts. Only a page that states no post facts counts, and the
 * sidebar is left out of the search, so a live post whose sidebar lists "존재하지 않는 키 처리" stays a post.
 */
export function isNotFoundPage($: CheerioAPI): boolean {
  const statesAPost =
    selectAll($, 'meta[property="article:txid"], meta[property="article:published_time"]').length > 0 ||
    selectAll($, 'script:not([src])').text().includes('T.entryInfo');
  if (statesAPost) return false;
  const main = selectAll($, 'body').clone();
  main.find(PAGE_CHROME).remove();
  main.find('script, style, noscript').remove();
  return (
    /존재하지 않는|삭제되었거나|찾을 수 없습니다|페이지를 찾을 수 없/.test(main.text()) ||
    /\b404\b/.test(selectAll($, 'title').text())
  );
}
