import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

const row = (...cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;

describe('tables', () => {
  test('a table without thead gets its first row as the header, not an empty one', () => {
    const html = `<table data-ke-align="alignLeft" data-ke-style="style12"><tbody>${row('이름', '나이')}${row('철수', '20')}</tbody></table>`;
    expect(toMarkdown(html)).toBe('| 이름 | 나이 |\n| --- | --- |\n| 철수 | 20 |');
  });

  test('the first row is found behind a colgroup and without a tbody', () => {
    const html = `<table><colgroup><col><col></colgroup>${row('a', 'b')}${row('1', '2')}</table>`;
    expect(toMarkdown(html)).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });

  test('an existing thead is used as it is', () => {
    const html = `<table><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody>${row('x', 'y')}</tbody></table>`;
    expect(toMarkdown(html)).toBe('| h1 | h2 |\n| --- | --- |\n| x | y |');
  });

  test('a single row becomes a header-only table', () => {
    expect(toMarkdown(`<table>${row('a', 'b')}</table>`)).toBe('| a | b |\n| --- | --- |');
  });

  test('every pipe in a cell is escaped on its own, line breaks become <br>', () => {
    const html = `<table>${row('연산', '설명')}${row('<code>a || b</code>', '한 줄<br>두 줄')}${row('|', '<p>p1</p><p>p2</p>')}</table>`;
    expect(toMarkdown(html)).toBe(
      '| 연산 | 설명 |\n| --- | --- |\n| `a \\|\\| b` | 한 줄<br>두 줄 |\n| \\| | p1<br><br>p2 |',
    );
  });

  test('cell alignment from text-align becomes the delimiter row', () => {
    const html = `<table><tr><td style="text-align: center;">a</td><td style="text-align: right;">b</td></tr>${row('1', '2')}</table>`;
    expect(toMarkdown(html)).toBe('| a | b |\n| :---: | ---: |\n| 1 | 2 |');
  });

  test('a column takes the alignment most of its cells ask for; other values do not vote', () => {
    const cell = (align: string, text: string) => `<td style="text-align: ${align};">${text}</td>`;
    const html = `<table><tr><td>h1</td><td>h2</td></tr><tr>${cell('left', '1')}${cell('justify', '2')}</tr><tr>${cell('justify', '3')}${cell('justify', '4')}</tr><tr>${cell('right', '5')}${cell('center', '6')}</tr><tr>${cell('right', '7')}<td>8</td></tr></table>`;
    expect(toMarkdown(html)).toBe('| h1 | h2 |\n| ---: | --- |\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n| 7 | 8 |');
  });

  test('a long table converts row for row, with the header taken from its first row', () => {
    const rows = Array.from({ length: 400 }, (_, index) => row(`행${index}`, String(index * 2)));
    const lines = toMarkdown(`<table><tbody>${rows.join('')}</tbody></table>`).split('\n');
    expect(lines).toHaveLength(401);
    expect(lines.slice(0, 3)).toEqual(['| 행0 | 0 |', '| --- | --- |', '| 행1 | 2 |']);
    expect(lines.at(-1)).toBe('| 행399 | 798 |');
  });

  test('a one-cell box table is unwrapped into its blocks', () => {
    const html =
      '<p>앞</p><table><tbody><tr><td><p>상자 문단</p><ul><li>목록</li></ul></td></tr></tbody></table><p>뒤</p>';
    expect(toMarkdown(html)).toBe('앞\n\n상자 문단\n\n- 목록\n\n뒤');
  });

  test('a table whose cells hold lists stays HTML, with no blank line to cut it', () => {
    const html = `<table>${row('a', 'b')}${row('<ul><li>x</li></ul>', '<pre>1\n\n2</pre>')}</table>`;
    const markdown = toMarkdown(html);
    expect(markdown.startsWith('<table><thead><tr><th>a</th><th>b</th></tr></thead>')).toBe(true);
    expect(markdown).toContain('<ul><li>x</li></ul>');
    expect(markdown).not.toMatch(/\n\s*\n/);
    expect(markdown).not.toContain('joplin');
  });
});

describe('tables GFM cannot express', () => {
  test('merged cells keep the table as clean HTML: spans kept, editor attributes and styling gone', () => {
    const html = `<table data-ke-style="style12" style="width: 100%"><tbody>${row('a', 'b')}<tr><td colspan="2" style="width: 50%"><span style="color: red">합계</span> &amp; <a href="/x">링크</a></td></tr></tbody></table>`;
    expect(toMarkdown(html, { baseUrl: 'https://x.tistory.com/1' })).toBe(
      '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td colspan="2">합계 &amp; <a href="https://x.tistory.com/x">링크</a></td></tr></tbody></table>',
    );
  });

  test('a rowspan is kept too', () => {
    const html = `<table>${row('h1', 'h2')}<tr><td rowspan="2">x</td><td>1</td></tr>${row('2')}</table>`;
    expect(toMarkdown(html)).toContain('<td rowspan="2">x</td>');
  });
});
