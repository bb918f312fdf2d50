import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

// Markup of the old editor (2010–2018) that the golden cases show in whole posts, one form at a time.
const render = (markdown: string) => new MarkdownIt({ html: true }).render(markdown);

describe('a list placed directly inside a list', () => {
  test('hangs under the item before it, as browsers show it', () => {
    expect(toMarkdown('<ul><li><p>a</p></li><ul><li><p>b</p></li></ul><li><p>c</p></li></ul>')).toBe('- a\n  - b\n- c');
    expect(toMarkdown('<ol><li>a</li><ol><li>b</li></ol><li>c</li></ol>')).toBe('1. a\n   1. b\n2. c');
  });

  test('mixed kinds and deeper levels keep their nesting', () => {
    expect(toMarkdown('<ol><li>a</li><ul><li>b</li><ol><li>c</li></ol></ul><li>d</li></ol>')).toBe(
      '1. a\n   - b\n     1. c\n2. d',
    );
  });

  test('joins a sublist the item already has, without making the list loose', () => {
    const markdown = toMarkdown('<ul><li>a<ul><li>b</li></ul></li><ul><li>c</li></ul><li>d</li></ul>');
    expect(markdown).toBe('- a\n  - b\n  - c\n- d');
    expect(render(markdown)).not.toContain('<p>');
  });

  test('with no item before it, keeps its items in the outer list', () => {
    expect(toMarkdown('<ul><ul><li>x</li><li>y</li></ul><li>a</li></ul>')).toBe('- x\n- y\n- a');
  });
});

describe('old collapsible codes', () => {
  test('a separator before the closing mark is not left in the hidden text', () => {
    const markdown = toMarkdown(
      '<p>[#M_더보기|접기|<span>숨은 글</span>|_M#]</p><p>[#M_열기|닫기|</p><p>둘째</p><p>|_M#]</p>',
    );
    expect(markdown).not.toContain('|');
    expect(markdown).toBe(
      '<details>\n<summary>더보기</summary>\n\n숨은 글\n\n</details>\n\n<details>\n<summary>열기</summary>\n\n둘째\n\n</details>',
    );
  });

  test('a separator inside the hidden text stays', () => {
    expect(toMarkdown('<p>[#M_더보기|접기|가 | 나_M#]</p>')).toBe(
      '<details>\n<summary>더보기</summary>\n\n가 | 나\n\n</details>',
    );
  });

  test('a block inside a block is expanded from the inside out', () => {
    expect(toMarkdown('<p>[#M_바깥|접기|앞 [#M_안|접기|속_M#] 뒤_M#]</p>')).toBe(
      '<details>\n<summary>바깥</summary>\n\n앞\n\n<details>\n<summary>안</summary>\n\n속\n\n</details>\n\n뒤\n\n</details>',
    );
  });
});

describe('Flash-era players', () => {
  test('an <object> with its <embed> becomes one link; a YouTube player, the watch page', () => {
    const object =
      '<object width="425" height="344"><param name="movie" value="http://www.youtube.com/v/Ab3dE5gH7jK&amp;hl=ko&amp;fs=1"></param>' +
      '<embed src="http://www.youtube.com/v/Ab3dE5gH7jK&amp;hl=ko&amp;fs=1" type="application/x-shockwave-flash"></embed></object>';
    expect(toMarkdown(object)).toBe('<https://www.youtube.com/watch?v=Ab3dE5gH7jK>');
  });

  test('any other player is linked as written; one with no address disappears', () => {
    expect(toMarkdown('<p>영상 <embed src="http://flvs.daum.net/flvPlayer.swf?vid=Ab12Cd34$"> 끝</p>')).toBe(
      '영상 <http://flvs.daum.net/flvPlayer.swf?vid=Ab12Cd34$> 끝',
    );
    expect(
      toMarkdown('<object data="http://videofarm.daum.net/controller/player/VodPlayer.swf?vid=v1"></object>'),
    ).toBe('<http://videofarm.daum.net/controller/player/VodPlayer.swf?vid=v1>');
    expect(toMarkdown('<p>앞<object><param name="quality" value="high"></object>뒤</p>')).toBe('앞뒤');
  });
});

describe('literal text and code', () => {
  test('<xmp> is a code block of its text as typed: tags, entities and codes are not read', () => {
    expect(
      toMarkdown('<xmp class="brush:html">\n<b>굵게</b> &amp; [##_Image|kage@a/b/c/img.png|alignCenter_##]\n</xmp>'),
    ).toBe('```html\n<b>굵게</b> &amp; [##_Image|kage@a/b/c/img.png|alignCenter_##]\n```');
  });

  test('<br> inside <pre> is a line of the code', () => {
    expect(toMarkdown('<pre>a<br />&nbsp;&nbsp;b<br /><br />c</pre>')).toBe('```\na\n  b\n\nc\n```');
  });
});

describe('editor placeholders', () => {
  test('the link card still loading is dropped, the same words written by the author are not', () => {
    expect(
      toMarkdown('<p>앞</p><figure class="og-loading">불러오는 중입니다...</figure><p>불러오는 중입니다...</p>'),
    ).toBe('앞\n\n불러오는 중입니다...');
  });
});

describe('wrappers nested deep (pasted content)', () => {
  test('a thousand levels still convert, emphasis included', () => {
    const depth = 500;
    const html = `<div>${'<span style="font-size: 10pt"><font face="돋움">'.repeat(depth)}<b>“굵게”</b>다${'</font></span>'.repeat(depth)}</div>`;
    expect(toMarkdown(html)).toBe('“**굵게**”다');
  });
});
