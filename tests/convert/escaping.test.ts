import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { BLOCK_START_MARK, escapeMarkdownText, resolveBlockStartMarks } from '../../src/convert/escape.js';

const paragraph = (text: string) => toMarkdown(`<p data-ke-size="size16">${text}</p>`);

describe('escaping of text', () => {
  test('leaves alone what Markdown would not read as syntax', () => {
    expect(paragraph('2 * 3 = 6')).toBe('2 * 3 = 6');
    expect(paragraph('snake_case_name 과 한글_단어')).toBe('snake_case_name 과 한글_단어');
    expect(paragraph('10 - 3 = 7, 중간-하이픈')).toBe('10 - 3 = 7, 중간-하이픈');
    expect(paragraph('a &lt; b &amp;&amp; c &gt; d')).toBe('a < b && c > d');
    expect(paragraph('정말요~~ 좋아요~')).toBe('정말요~~ 좋아요~');
    expect(paragraph('C:\\Users\\me')).toBe('C:\\Users\\me');
  });

  test('escapes what would become emphasis, code, links, HTML or entities', () => {
    expect(paragraph('*별*과 **굵게 아님**')).toBe('\\*별\\*과 \\*\\*굵게 아님\\*\\*');
    expect(paragraph('_앞뒤_')).toBe('\\_앞뒤\\_');
    expect(paragraph('`tick` [a](b)')).toBe('\\`tick\\` \\[a\\](b)');
    expect(paragraph('&lt;script&gt;')).toBe('\\<script>');
    expect(paragraph('&amp;nbsp;')).toBe('\\&nbsp;');
    expect(paragraph('~~취소 아님~~')).toBe('\\~\\~취소 아님~~');
    expect(paragraph('\\*')).toBe('\\\\\\*');
  });

  test('escapes text that would start a block, whatever the block marker', () => {
    expect(paragraph('# 제목 아님')).toBe('\\# 제목 아님');
    expect(paragraph('- 목록 아님')).toBe('\\- 목록 아님');
    expect(paragraph('+ 목록 아님')).toBe('\\+ 목록 아님');
    expect(paragraph('1. 목록 아님')).toBe('1\\. 목록 아님');
    expect(paragraph('7) 목록 아님')).toBe('7\\) 목록 아님');
    expect(paragraph('&gt; 인용 아님')).toBe('\\> 인용 아님');
    expect(paragraph('2024. 5. 3. 일기')).toBe('2024\\. 5. 3. 일기');
    expect(paragraph('3.14')).toBe('3.14');
  });

  test('escapes a block start only where it really starts a line', () => {
    expect(paragraph('<b>굵게</b>- 뒤에 붙은 하이픈')).toBe('**굵게**- 뒤에 붙은 하이픈');
    expect(paragraph('<span></span># 빈 요소 뒤')).toBe('\\# 빈 요소 뒤');
    expect(paragraph('첫 줄<br>- 둘째 줄')).toBe('첫 줄\\\n\\- 둘째 줄');
    expect(paragraph('&nbsp;&nbsp;# 공백 뒤')).toBe('\\# 공백 뒤');
    expect(toMarkdown('<ul><li>- 항목</li><li>2. 항목</li></ul>')).toBe('- \\- 항목\n- 2\\. 항목');
    expect(toMarkdown('<blockquote><p># 인용</p></blockquote>')).toBe('> \\# 인용');
    expect(toMarkdown('<h2>- 제목</h2>')).toBe('## - 제목');
    expect(toMarkdown('<p><b># 굵게</b></p>')).toBe('**# 굵게**');
  });

  test('text cannot smuggle in the escaping mark', () => {
    expect(paragraph(`a${BLOCK_START_MARK}# b`)).toBe('a# b');
  });
});

describe('escapeMarkdownText and resolveBlockStartMarks', () => {
  test('marks possible block starts instead of escaping them', () => {
    expect(escapeMarkdownText('- x')).toBe(`${BLOCK_START_MARK}- x`);
    expect(escapeMarkdownText('x - y')).toBe('x - y');
  });

  test('resolves a mark after container markers and drops it elsewhere', () => {
    expect(resolveBlockStartMarks(`${BLOCK_START_MARK}# x`)).toBe('\\# x');
    expect(resolveBlockStartMarks(`> - ${BLOCK_START_MARK}12. x`)).toBe('> - 12\\. x');
    expect(resolveBlockStartMarks(`   ${BLOCK_START_MARK}> x`)).toBe('   \\> x');
    expect(resolveBlockStartMarks(`**${BLOCK_START_MARK}- x**`)).toBe('**- x**');
    expect(resolveBlockStartMarks(`| ${BLOCK_START_MARK}- x |`)).toBe('| - x |');
  });
});
