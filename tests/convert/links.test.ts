import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

describe('links', () => {
  test('relative hrefs are resolved against the post URL; absolute ones are kept as written', () => {
    const html = '<p><a href="/tag/맛집">태그</a> <a href="https://x.tistory.com/entry/한글">글</a></p>';
    expect(toMarkdown(html, { baseUrl: 'https://x.tistory.com/12' })).toBe(
      '[태그](https://x.tistory.com/tag/%EB%A7%9B%EC%A7%91) [글](https://x.tistory.com/entry/한글)',
    );
  });

  test('without a base URL a relative href stays relative', () => {
    expect(toMarkdown('<a href="/123">글</a>')).toBe('[글](/123)');
  });

  test('titles are kept with their quotes escaped; javascript links keep only their text', () => {
    expect(toMarkdown('<a href="https://a.example" title=\'말 "인용"\'>a</a> <a href="javascript:;">b</a>')).toBe(
      '[a](https://a.example "말 \\"인용\\"") b',
    );
  });

  test('link text with markup-like characters is escaped, the destination is not', () => {
    expect(toMarkdown('<a href="https://a.example/a_b*c">[공지] a_b</a>')).toBe(
      '[\\[공지\\] a_b](https://a.example/a_b*c)',
    );
  });
});
