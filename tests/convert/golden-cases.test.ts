import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as cheerio from 'cheerio';
import { fragmentToMarkdownAndHtml, toMarkdown } from '../../src/convert/index.js';
import { renderSubstitutionCodes } from '../../src/convert/prepare/index.js';

// Each case is `cases/<name>/input.html` (a post body as extraction returns it) and `expected.md`,
// written by hand from the markup the anatomy describes (real old- and new-editor pages).
const CASES_DIR = fileURLToPath(new URL('./cases', import.meta.url));
const POST_URL = 'https://blog.tistory.com/entry/%ED%85%8C%EC%8A%A4%ED%8A%B8';

const caseNames = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

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
    const fragment = cheerio.load(renderSubstitutionCodes(input), null, false);
    // With the clean HTML made from the same fragment on the way (see body-html.test.ts).
    expect(fragmentToMarkdownAndHtml(fragment, { baseUrl: POST_URL }).markdown).toBe(expected);
  });
});
