// Property test: front matter is valid YAML for any title, and reads back exactly what was written.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderDocument } from '../../src/targets/front-matter.js';

/** What breaks hand-written YAML: quotes, colons, `#`, leading indicators, newlines, look-alike scalars. */
const YAML_TROUBLE = [
  '"',
  "'",
  ': ',
  ':',
  ' #',
  '#',
  '- ',
  '-',
  '> ',
  '>',
  '* ',
  '*',
  '& ',
  '! ',
  '% ',
  '@',
  '`',
  '|',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
  '\n',
  '\n---\n',
  '---',
  '...',
  '\r\n',
  '\t',
  ' ',
  'yes',
  'No',
  'on',
  'null',
  '~',
  '0x1F',
  '1e3',
  '010',
  '2024-01-01',
  '\\',
  '\u0000',
  '\u0085',
  '\u2028',
  '\ufeff',
  'C++: 포인터',
  '한글',
];
const title = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(fc.oneof(fc.constantFrom(...YAML_TROUBLE), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 20 })
    .map((parts) => parts.join('')),
);

function frontMatterOf(text: string): string {
  expect(text.startsWith('---\n')).toBe(true);
  const end = text.indexOf('\n---\n', 3);
  expect(end).toBeGreaterThan(0);
  return text.slice(4, end + 1);
}

describe('front matter', () => {
  it('round-trips every text field through YAML 1.1 and 1.2 readers, and the fence stays intact', () => {
    fc.assert(
      fc.property(title, fc.array(title, { maxLength: 3 }), (text, list) => {
        const fields = {
          title: text,
          date: '2024-03-01T10:00:00+09:00',
          categories: list,
          tags: list,
          author: text,
          description: text,
          source: 'https://a.tistory.com/1',
          tistory_id: '1',
        };
        const body = '본문 첫 줄\n\n---\n\n구분선 다음';
        const document = renderDocument(fields, body);
        const yaml = frontMatterOf(document);
        expect(parse(yaml, { version: '1.1' })).toEqual(fields);
        expect(parse(yaml)).toEqual(fields);
        expect(document.endsWith(`---\n\n${body}\n`)).toBe(true);
      }),
      // A value opening with a blank-looking line was once written as a `|+` block that lost its space.
      {
        numRuns: 3000,
        examples: [
          ['', [' \n']],
          [' \n ', []],
        ],
      },
    );
  });
});
