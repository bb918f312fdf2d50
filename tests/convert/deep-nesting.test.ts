// Posts pasted through old editors can nest wrappers thousands deep, and a hostile page 100 000 deep.
// Turndown, domino and cheerio's serialiser recurse once per level: without flattening such a post
// fails with "Maximum call stack size exceeded". Every body converts through both entries: the library's
// `toMarkdown` and the export path (codes rendered, the fragment converted as `templateBody` hands it over).

import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { exportedMarkdown } from '../helpers/convert-body.js';

function nested(open: string, close: string, depth: number, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

const BLOG = { blogOrigin: 'https://blog.tistory.com', origins: [] };

const ENTRIES = [
  ['toMarkdown', (html: string) => toMarkdown(html)],
  // The export makes the clean HTML from the same fragment on the way: it must survive the depth too.
  ['the export path', (html: string) => exportedMarkdown(html, 'https://blog.tistory.com/1', BLOG)],
] as const;

describe.each(ENTRIES)('through %s', (_, convert) => {
  test('100 000 nested divs keep their paragraphs and the text around them', () => {
    const html = `<p>첫 문단</p>${nested('<div>', '</div>', 100_000, '<p>가장 깊은 곳의 글</p><p>둘째 문단</p>')}<p>끝 문단</p>`;
    expect(convert(html)).toBe('첫 문단\n\n가장 깊은 곳의 글\n\n둘째 문단\n\n끝 문단');
  });

  test('a link and an image at the bottom of 100 000 styled divs are kept', () => {
    const inner = '<a href="https://example.com/a">링크</a> 옆의 <img src="https://example.com/b.png" alt="그림">';
    const html = nested('<div style="text-align: left;">', '</div>', 100_000, inner);
    expect(convert(html)).toBe('[링크](https://example.com/a) 옆의 ![그림](https://example.com/b.png)');
  });

  test('2 000 nested spans and fonts of the old editor keep the text, and a bold span around them stays bold once', () => {
    const deep = nested(
      '<span style="font-size: 10pt;">',
      '</span>',
      1_000,
      nested('<font face="돋움" size="2">', '</font>', 1_000, '굵은 글'),
    );
    const html = `<p>앞 ${nested('<span style="font-weight: bold;">', '</span>', 1, deep)} 뒤</p>`;
    expect(convert(html)).toBe('앞 **굵은 글** 뒤');
  });

  test('bold in the middle of 2 000 alternating spans and fonts applies once, to what it wraps', () => {
    const pair = ['<span style="font-size: 10pt;"><font face="돋움">', '</font></span>'] as const;
    const html = `<p>${nested(...pair, 500, `보통 ${nested('<span style="font-weight: bold;">', '</span>', 1, nested(...pair, 500, '굵게'))} 보통`)}</p>`;
    expect(convert(html)).toBe('보통 **굵게** 보통');
  });

  test('2 000 nested bold spans are one bold run', () => {
    expect(convert(`<p>${nested('<span style="font-weight: bold;">', '</span>', 2_000, '굵게')}</p>`)).toBe('**굵게**');
  });

  test('text at every one of 2 000 levels stays, in order', () => {
    const words = Array.from({ length: 2_000 }, (_, index) => `w${index}`);
    const html = `<p>${words.map((word, index) => `<span${index % 2 ? ' style="color: red;"' : ''}>${word} `).join('')}${'</span>'.repeat(2_000)}</p>`;
    expect(convert(html)).toBe(words.join(' '));
  });

  test('lists nested 1 000 deep keep every item, a space apart where the nesting had to go', () => {
    const markdown = convert(nested('<ul><li>항목', '</li></ul>', 1_000, ''));
    expect(markdown.match(/항목/g)).toHaveLength(1_000);
    expect(markdown).toMatch(/^- 항목\n {2}- 항목\n/);
    expect(markdown).not.toContain('항목항목');
  });

  test('a link and code deep inside 2 000 alternating wrappers stay a link and code', () => {
    const pair = ['<span style="color: red;"><font face="돋움">', '</font></span>'] as const;
    const inner = `<a href="https://example.com/">${nested(...pair, 500, '링크')}</a> 와 <code>${nested(...pair, 100, 'x = 1')}</code>`;
    expect(convert(`<p>${nested(...pair, 500, inner)}</p>`)).toBe('[링크](https://example.com/) 와 `x = 1`');
  });

  test('quotes nested 2 000 deep keep their text', () => {
    const markdown = convert(nested('<blockquote>', '</blockquote>', 2_000, '<p>인용</p>'));
    expect(markdown).toMatch(/^(?:> )+인용$/);
  });
});
