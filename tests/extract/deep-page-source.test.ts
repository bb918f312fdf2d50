// A page nested too deep is made shallower in its source before it is parsed (parse5 slows down with the
// depth of every block it opens). The source is read with a light scan, not a parser: these are the places
// where such a scan goes wrong (comments, raw text, quoted `>`, implied end tags), and the rule that only a
// wrapper repeating its parent loses its tags.

import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { MAX_NESTING, nestsTooDeep, shallowerHtml } from '../../src/util/deep-nesting/index.js';

function nested(open: string, close: string, depth: number, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

const TOO_DEEP = MAX_NESTING + 50;

/** The text of the parse; spaces aside, as blocks that had to go leave a space between their words. */
function parsedWords(html: string): string {
  return load(html).root().text().replace(/\s+/g, '');
}

describe('the depth a parse would build', () => {
  test('nested divs past the limit are too deep, up to it they are not', () => {
    expect(nestsTooDeep(nested('<div>', '</div>', TOO_DEEP, 'x'))).toBe(true);
    expect(nestsTooDeep(nested('<div>', '</div>', MAX_NESTING - 10, 'x'))).toBe(false);
  });

  test('paragraphs, items and cells left open are closed by the next one, not nested in it', () => {
    expect(nestsTooDeep(`<div>${'<p>문단'.repeat(TOO_DEEP)}</div>`)).toBe(false);
    expect(nestsTooDeep(`<ul>${'<li>항목'.repeat(TOO_DEEP)}</ul>`)).toBe(false);
    expect(nestsTooDeep(`<table>${'<tr><td>칸<td>칸'.repeat(TOO_DEEP)}</table>`)).toBe(false);
  });

  test('void elements and tags inside comments and scripts add no level', () => {
    expect(
      nestsTooDeep(`<p>${'<br><img src="a.png"><!-- <div> --><script>"<div>"</script>'.repeat(TOO_DEEP)}</p>`),
    ).toBe(false);
  });
});

describe('shallower source', () => {
  test('a page within the limit is returned as it is, redundant wrappers and all', () => {
    const html = nested('<span style="font-size: 10pt;">', '</span>', MAX_NESTING - 10, '글');
    expect(shallowerHtml(html)).toBe(html);
  });

  test('repeated bare and identical wrappers go; comments, scripts and quoted ">" inside stay untouched', () => {
    const inner = '<!-- </div><div> --><script>var s = "</div><div>";</script><span title="a > b">글</span>';
    expect(shallowerHtml(nested('<div>', '</div>', TOO_DEEP, inner))).toBe(`<div>${inner}</div>`);
    const styled = nested('<span style="font-size: 10pt;">', '</span>', TOO_DEEP, '글');
    expect(shallowerHtml(styled)).toBe('<span style="font-size: 10pt;">글</span>');
  });

  test('a wrapper with attributes of its own keeps them; the bare ones around it go', () => {
    const html = `<div class="a">${nested('<div>', '</div>', TOO_DEEP, '<div style="color: red;">글</div>')}</div>`;
    expect(shallowerHtml(html)).toBe('<div class="a"><div style="color: red;">글</div></div>');
  });

  test('wrappers that differ from one another stay up to the limit; past it they give way to their content', () => {
    const pair = ['<div class="a"><div class="b">', '</div></div>'] as const;
    const html = nested(...pair, TOO_DEEP, '글');
    expect(shallowerHtml(html)).toBe(nested(...pair, MAX_NESTING / 2, '글'));
  });

  test('past the limit, blocks leave their words a space apart; formatting, links and code stay', () => {
    const pair = ['<div class="a"><div class="b">', '</div></div>'] as const;
    const inner =
      '<p>하나</p><p>둘</p><h2>셋</h2><b>굵게</b><span style="font-weight: bold;">도</span><a href="/1">링크</a><code>x</code>';
    expect(shallowerHtml(nested(...pair, TOO_DEEP, inner))).toBe(
      nested(
        ...pair,
        MAX_NESTING / 2,
        '하나 둘 셋 <b>굵게</b><span style="font-weight: bold;">도</span><a href="/1">링크</a><code>x</code>',
      ),
    );
  });

  test('past the limit, formatting already in force goes', () => {
    const pair = ['<b><i>', '</i></b>'] as const;
    expect(shallowerHtml(nested(...pair, TOO_DEEP, '글'))).toBe(nested(...pair, MAX_NESTING / 2, '글'));
  });

  test('past the limit, wrappers left open (closed by the end of the page) go too', () => {
    const html = `<div class="a">${'<div class="b"><div class="c">'.repeat(TOO_DEEP)}글`;
    expect(shallowerHtml(html)).toBe(
      `<div class="a">${'<div class="b"><div class="c">'.repeat((MAX_NESTING - 2) / 2)}<div class="b">글`,
    );
  });

  test('a wrapper beside other content is not the whole content of its parent, and stays', () => {
    const html = `<section><div><div>${nested('<div>', '</div>', TOO_DEEP, '안')}</div>밖</div></section>`;
    expect(shallowerHtml(html)).toBe('<section><div><div>안</div>밖</div></section>');
  });

  // Misnested and unusual markup a scan may read differently from a parser: whatever is left out, the
  // parse of the result must hold the same words in the same order.
  test.each([
    ['paragraphs left open', '<p>하나<p>둘<div>셋</div>넷'],
    ['a div end tag inside a table cell', '<div><table><tr><td>칸</div>뒤</td></tr></table></div>'],
    ['misnested bold', '<div><b>굵게<div>안</b>뒤</div></div>'],
    ['svg holding a div', '<div><svg><div>밖으로</div><text>그림 글</text></svg></div>'],
    ['textarea and title holding tags', '<div><textarea></div><div>그대로</textarea><title></div>제목</title></div>'],
    ['a bare "<" and odd comments', '<div>1 < 2 <!--> 뒤 <!---> 또 <!-- x --></div>'],
    ['an attribute named "="', '<div><p =">">글</p></div>'],
    ['stray end tags', '<div></span></p>글</br></div>'],
  ])('%s', (_, inner) => {
    // Repeated wrappers merge, which leaves the inner markup within the limit; differing ones do not, and
    // the inner markup is cut down to its content.
    const wrappers = [
      ['<div>', '</div>'],
      ['<span>', '</span>'],
      ['<font size="2">', '</font>'],
      ['<div class="a"><div class="b">', '</div></div>'],
    ] as const;
    for (const [open, close] of wrappers) {
      const html = `<body>${nested(open, close, TOO_DEEP, inner)}</body>`;
      const shallower = shallowerHtml(html);
      expect(shallower.length).toBeLessThan(html.length);
      expect(parsedWords(shallower)).toBe(parsedWords(html));
    }
  });
});
