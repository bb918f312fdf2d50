import { describe, expect, test } from 'vitest';
import { finishMarkdown } from '../../src/convert/finish.js';

describe('finishMarkdown', () => {
  test('removes trailing spaces and extra blank lines outside code', () => {
    expect(finishMarkdown('\n\na  \n\n\n\nb\t\n\n\n')).toBe('a\n\nb');
  });

  test('leaves fenced code alone, even indented or quoted', () => {
    const code = '```js\nx  \n\n\n\ny\n```';
    expect(finishMarkdown(`${code}\n\n\n\nz`)).toBe(`${code}\n\nz`);
    expect(finishMarkdown('- a\n\n  ````\n  ```\n  k  \n\n\n  ````\n\n\nb')).toBe(
      '- a\n\n  ````\n  ```\n  k  \n\n\n  ````\n\nb',
    );
  });

  test('a backtick run with backticks after it is inline code, not a fence', () => {
    expect(finishMarkdown('```` ``` ````\n\n\n\nx  ')).toBe('```` ``` ````\n\nx');
  });

  test('collapses repeated blank quote lines', () => {
    expect(finishMarkdown('> a\n>\n>\n> b')).toBe('> a\n>\n> b');
  });
});
