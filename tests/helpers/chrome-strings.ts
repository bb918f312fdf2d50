// Text that only Tistory's page chrome prints (sidebar, buttons, ads, toolbar, footer), and the session values
// a page saved while logged in carries: none of it may reach an exported post. Shared by the extraction tests
// and the end-to-end tests.

export const CHROME_STRINGS: readonly string[] = [
  '공지사항',
  '최근에 올라온 글',
  '최근에 달린 댓글',
  'Total',
  'Today',
  'Yesterday',
  '글 보관함',
  '티스토리 뷰',
  '구독하기',
  '카테고리의 다른 글',
  '728x90',
  '반응형',
  '공감',
  '티스토리툴바',
  'Designed by Tistory',
];

/** What `fixtures/post-pages/owner-logged-in.html` carries for the logged-in owner (T.config.USER, initData, token). */
export const OWNER_SECRETS: readonly string[] = [
  'bear_owner_7781',
  'owner7781@kakao.com',
  '90817263',
  'Tk9xZ1Fw7781SECRETtoken',
];

/** The chrome strings found in `text`, except the ones the author legitimately wrote (`allowed`). */
export function chromeStringsIn(text: string, allowed: readonly string[] = []): string[] {
  return CHROME_STRINGS.filter((chrome) => !allowed.includes(chrome) && text.includes(chrome));
}

/**
 * Values a logged-in owner's (or a guest's) page carries that identify the session: the TistoryBlog
 * token, the login in `window.initData` and `T.config.USER`. Read from the page itself so every
 * fixture is checked for them.
 */
export function sessionSecrets(html: string): string[] {
  const patterns = [
    /\btoken\s*:\s*["']([^"']+)["']/g,
    /"loginId"\s*:\s*"([^"]+)"/g,
    /"USER"\s*:\s*\{\s*"name"\s*:\s*"([^"]+)"/g,
    /"userId"\s*:\s*"?([^",}]+)"?/g,
  ];
  const secrets = patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1] ?? ''));
  return [...new Set(secrets.filter((secret) => secret.length >= 4))];
}
