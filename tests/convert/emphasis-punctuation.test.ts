import * as cheerio from 'cheerio';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

// Emphasis that ends next to punctuation, everyday in Korean, where CommonMark's flanking rules would leave
// `**` as text. Each case is rendered back with markdown-it (CommonMark + GFM strikethrough): the emphasis
// must be an element with the expected text, and the paragraph must read as the source did.
// Raw HTML on, as the sites the Markdown goes to render it.
const renderer = new MarkdownIt({ html: true });

interface Case {
  html: string;
  /** The emphasis element the reader must get, and its text. */
  tag: 'strong' | 'em' | 's';
  text: string;
  /** Whether only an HTML tag can say it (nothing Markdown has renders there). */
  htmlOnly?: boolean;
}

const CASES: Case[] = [
  { html: '“<strong>스택”</strong>을 쓴다', tag: 'strong', text: '스택' },
  { html: '<b>“스택”</b>을 쓴다', tag: 'strong', text: '스택' },
  { html: '이것이 <b>‘작은따옴표’</b>로 감싼 말', tag: 'strong', text: '작은따옴표' },
  { html: '<b>"큰따옴표"</b>가 붙은 단어', tag: 'strong', text: '큰따옴표' },
  { html: "<b>'파이썬'</b>은 쉽다", tag: 'strong', text: '파이썬' },
  { html: '<b>(괄호)</b>다', tag: 'strong', text: '괄호' },
  { html: '설정은 <b>[고급]</b>에서', tag: 'strong', text: '고급' },
  { html: '<b>「낫표」</b>라는 제목', tag: 'strong', text: '낫표' },
  { html: '책 <b>『겹낫표』</b>를 읽었다', tag: 'strong', text: '겹낫표' },
  { html: '<b>끝났습니다.</b>그리고 다시', tag: 'strong', text: '끝났습니다' },
  { html: '정말 <b>그럴까요?</b>라고 물었다', tag: 'strong', text: '그럴까요' },
  { html: '<b>“왜요?”</b>하고 되물었다', tag: 'strong', text: '왜요?' },
  { html: '시간은 <b>O(1)!</b>이다', tag: 'strong', text: 'O(1)' },
  { html: '<i>“기울인 인용”</i>을 보라', tag: 'em', text: '기울인 인용' },
  { html: '<em>(참고)</em>로 적음', tag: 'em', text: '참고' },
  { html: '<s>(취소된 일정)</s>이 있다', tag: 's', text: '취소된 일정' },
  { html: '<strike>“옛 이름”</strike>은 버렸다', tag: 's', text: '옛 이름' },
  { html: '<span style="font-weight: bold">“스타일로 굵게”</span>를 쓴 글', tag: 'strong', text: '스타일로 굵게' },
  { html: '<b>“<span style="color: #ff0000">빨간 인용</span>”</b>은 눈에 띈다', tag: 'strong', text: '빨간 인용' },
  { html: '<b>“<a href="https://a.example/">링크</a>”</b>를 눌러라', tag: 'strong', text: '링크' },
  { html: '끝에 붙은 <b>“인용”</b>', tag: 'strong', text: '“인용”' },
  { html: '감탄<b>!?</b>이다', tag: 'strong', text: '!?', htmlOnly: true },
  { html: '빈 따옴표<b>“”</b>는', tag: 'strong', text: '“”', htmlOnly: true },
  { html: '점<i>…</i>점', tag: 'em', text: '…', htmlOnly: true },
];

function sourceText(html: string): string {
  return cheerio.load(`<p>${html}</p>`, null, false)('p').text();
}

describe('emphasis next to punctuation renders as emphasis', () => {
  test.each(CASES)('$html', ({ html, tag, text, htmlOnly }) => {
    const markdown = toMarkdown(`<p>${html}</p>`);
    const $ = cheerio.load(renderer.render(markdown), null, false);
    expect($(tag).length).toBe(1);
    expect($(tag).text()).toBe(text);
    expect($('p').text()).toBe(sourceText(html));
    expect(markdown.includes(`<${tag === 's' ? 'del' : tag}>`)).toBe(Boolean(htmlOnly));
  });

  test('emphasis inside emphasis keeps both once the quotes move out', () => {
    const markdown = toMarkdown('<p><b>“<i>스택</i>”</b>을</p>');
    expect(markdown).toBe('“***스택***”을');
    const $ = cheerio.load(renderer.render(markdown), null, false);
    expect([$('strong').text(), $('em').text(), $('p').text()]).toEqual(['스택', '스택', '“스택”을']);
  });

  test('moved characters stay text: an escaped bracket, a backslash, a tilde, a "!" before a link', () => {
    expect(toMarkdown('<p><b>[공지]</b>사항</p>')).toBe('\\[**공지**\\]사항');
    expect(toMarkdown('<p><b>경로\\</b>다</p>')).toBe('**경로**\\\\다');
    expect(toMarkdown('<p><i>좋아요~</i>요</p>')).toBe('*좋아요*\\~요');
    const beforeLink = toMarkdown('<p><b>왜!</b><a href="https://a.example/">링크</a></p>');
    expect(beforeLink).toBe('**왜**\\![링크](https://a.example/)');
    expect(renderer.render(beforeLink)).toBe('<p><strong>왜</strong>!<a href="https://a.example/">링크</a></p>\n');
  });

  test('text that only looks like a block start keeps its escape and its emphasis', () => {
    expect(toMarkdown('<p>가<b>-1</b></p>')).toBe('가-**1**');
    expect(toMarkdown('<p><b>- 항목</b>처럼</p>')).toBe('**- 항목**처럼');
    expect(renderer.render(toMarkdown('<p><b>- 항목</b>처럼</p>'))).toBe('<p><strong>- 항목</strong>처럼</p>\n');
  });
});
