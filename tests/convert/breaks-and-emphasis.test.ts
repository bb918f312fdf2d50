import { describe, expect, test } from 'vitest';
import MarkdownIt from 'markdown-it';
import { toMarkdown } from '../../src/convert/index.js';

describe('line breaks', () => {
  test('one <br> is a hard break, a run of them a paragraph break', () => {
    expect(toMarkdown('<p>a<br>b<br /><br />c<br><br><br><br>d</p>')).toBe('a\\\nb\n\nc\n\nd');
  });

  test('breaks at the edges of a block are dropped, so no stray backslash is printed', () => {
    expect(toMarkdown('<p><br>a<br></p><p><br></p><div><span>b<br></span></div>')).toBe('a\n\nb');
  });

  test('a break inside inline markup still sees the text around it', () => {
    expect(toMarkdown('<p><font>a<br></font><span>b</span></p>')).toBe('a\\\nb');
    expect(toMarkdown('<p>a<b><br></b>b</p>')).toBe('a\\\nb');
  });

  test('a break in a heading is a space', () => {
    expect(toMarkdown('<h3>a<br>b</h3>')).toBe('### a b');
  });
});

describe('emphasis', () => {
  test('uses * and ** so part of a word can be emphasised', () => {
    expect(toMarkdown('<p>반<i>쯤</i> <b>굵</b>게</p>')).toBe('반*쯤* **굵**게');
  });

  test('moves edge punctuation outside where CommonMark would not see the delimiters, and only there', () => {
    expect(toMarkdown('<p><b>"따옴표"</b>는</p>')).toBe('"**따옴표**"는');
    expect(toMarkdown('<p>문장 <b>"따옴표"</b> 다음</p>')).toBe('문장 **"따옴표"** 다음');
    expect(toMarkdown('<p>앞<i>(괄호)</i></p>')).toBe('앞(*괄호*)');
  });

  test('falls back to HTML where no delimiter could be seen, as for punctuation alone between letters', () => {
    expect(toMarkdown('<p>가<b>!?</b>나</p>')).toBe('가<strong>!?</strong>나');
    expect(toMarkdown('<p>가<i>“”</i>나</p>')).toBe('가<em>“”</em>나');
  });

  test('spaces inside the tags move outside the delimiters', () => {
    expect(toMarkdown('<p>a<b> b </b>c</p>')).toBe('a **b** c');
  });

  test('emphasis cut by a paragraph break is closed in each paragraph', () => {
    expect(toMarkdown('<div><b>하나<br><br>둘</b></div>')).toBe('**하나**\n\n**둘**');
  });

  test('empty emphasis disappears', () => {
    expect(toMarkdown('<p>a<b></b><i> </i>b</p>')).toBe('a b');
  });
});

describe('strikethrough next to a tilde of the text', () => {
  const render = (markdown: string) => new MarkdownIt().render(markdown);

  test('moves the tilde outside, escaped, so it neither opens a code fence nor breaks the strikethrough', () => {
    const listed = toMarkdown('<ol><li><del>~ 환경</del> 그 뒤의 글</li><li>다음 항목</li></ol><p>다음 문단</p>');
    expect(listed).toBe('1. \\~ ~~환경~~ 그 뒤의 글\n2. 다음 항목\n\n다음 문단');
    expect(render(listed)).not.toContain('<pre>');
    expect(render(listed)).toContain('<s>환경</s> 그 뒤의 글');
    expect(render(listed)).toContain('다음 문단');
    const trailing = toMarkdown('<p>정말 <del>좋아요~</del> 끝</p>');
    expect(trailing).toBe('정말 ~~좋아요~~\\~ 끝');
    expect(render(trailing)).toBe('<p>정말 <s>좋아요</s>~ 끝</p>\n');
  });

  test('uses the HTML tag when the tilde is all there is', () => {
    expect(toMarkdown('<p>물결<del>~</del>표</p>')).toBe('물결<del>~</del>표');
  });

  test('keeps the Markdown delimiter everywhere else', () => {
    expect(toMarkdown('<p>정말 <del>좋아요</del> 끝</p>')).toBe('정말 ~~좋아요~~ 끝');
    expect(toMarkdown('<p><del>~~중간~~ 물결</del></p>')).toBe('~~\\~\\~중간~~ 물결~~');
  });
});
