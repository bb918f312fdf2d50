import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { CASES_DIR, POST_URL, caseNames, convertAsExport } from './golden-case-set.js';

// Each case is `cases/<name>/input.html` (a post body as extraction returns it) and `expected.md`,
// written by hand from the markup the anatomy describes (real old- and new-editor pages).

describe('golden conversions', () => {
  test('there are enough cases to cover the editor markup', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(30);
    // Posts of 2010–2018 are most of an old blog, and their markup is the most varied.
    expect(caseNames.filter((name) => name.startsWith('old-editor-')).length).toBeGreaterThanOrEqual(25);
  });

  test.each(caseNames)('%s', (name) => {
    const input = readFileSync(join(CASES_DIR, name, 'input.html'), 'utf8');
    // Expected files end with a newline like any text file; the converter returns none.
    const expected = readFileSync(join(CASES_DIR, name, 'expected.md'), 'utf8').replace(/\n$/, '');
    expect(toMarkdown(input, { baseUrl: POST_URL })).toBe(expected);
  });
});

describe('the export path converts every case the same', () => {
  // Exports parse the body once (codes expanded first, as `templateBody` does) and convert that fragment.
  test.each(caseNames)('%s', (name) => {
    const input = readFileSync(join(CASES_DIR, name, 'input.html'), 'utf8');
    const expected = readFileSync(join(CASES_DIR, name, 'expected.md'), 'utf8').replace(/\n$/, '');
    // With the clean HTML made from the same fragment on the way (see body-html.test.ts).
    expect(convertAsExport(input).markdown).toBe(expected);
  });
});
