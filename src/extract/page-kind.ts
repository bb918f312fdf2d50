import type { CheerioAPI } from 'cheerio';

/** Password form Tistory renders in place of a protected post's body. */
export function isProtectedPage($: CheerioAPI): boolean {
  if ($('input[type="password"][id^="entry"][id$="password"]').length > 0) return true;
  const reloadsEntry = $('[onclick*="reloadEntry("], [onkeydown*="reloadEntry("]').length > 0;
  return reloadsEntry && $('body').text().includes('보호되어 있는 글입니다');
}

/** Tistory's "no such post" page for deleted posts. */
export function isNotFoundPage($: CheerioAPI): boolean {
  const text = $('body').text();
  return /존재하지 않는|삭제되었거나|찾을 수 없습니다|페이지를 찾을 수 없/.test(text) || /404/.test($('title').text());
}
