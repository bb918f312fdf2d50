// What the HTML formats (WXR, Ghost) must not carry from Tistory's editors, and what they must keep.

import { expect } from 'vitest';

/** The fixture blog's old-editor post (`<font color>`, `<span style="FONT-SIZE: 12pt">`, imageblock spans). */
export const OLD_EDITOR_SLUG = '블로그를-시작하며';

/** No styling of the old site and no editor markup: only `text-align` and a code block's language survive. */
export function expectNoEditorMarkup(html: string, where: string): void {
  expect(html, where).not.toMatch(/<font\b/i);
  expect(html, where).not.toMatch(/font-size|font-family|font-weight/i);
  expect(html, where).not.toMatch(/<span\b/i);
  expect(html, where).not.toMatch(/\sstyle="(?!text-align: (?:center|right)")/);
  expect(html, where).not.toMatch(/\sclass="(?!language-)/);
  expect(html, where).not.toMatch(/\s(?:data-[\w-]+|id|filename|filemime|contenteditable|srcset)="/);
}

/** The old-editor post keeps what it says: its bold heading, both images, its collapsible list. */
export function expectOldEditorBodyKept(html: string): void {
  expect(html).toContain('<p><b>앞으로 쓸 것들</b><br>- 파이썬으로 만든 작은 도구들');
  expect(html.match(/<img src="[^"]+"/g)).toHaveLength(2);
  expect(html).toContain(
    '<details><summary>책 목록 더보기</summary><p>다 읽으면 한 권씩 따로 정리할 생각이다.</p></details>',
  );
  expect(html).toContain('<p>꾸준히 쓰는 것이 목표다. 일주일에 한 편만이라도!</p>');
}
