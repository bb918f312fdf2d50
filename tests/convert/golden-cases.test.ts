import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

// Each case is `cases/<name>/input.html` (a post body as extraction returns it) and `expected.md`,
// written by hand from the markup in /work/shared/tistory-anatomy.md.
const CASES_DIR = fileURLToPath(new URL('./cases', import.meta.url));
const POST_URL = 'https://blog.tistory.com/entry/%ED%85%8C%EC%8A%A4%ED%8A%B8';

const caseNames = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('golden conversions', () => {
  test('there are enough cases to cover the editor markup', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(30);
  });

  test.each(caseNames)('%s', (name) => {
    const input = readFileSync(join(CASES_DIR, name, 'input.html'), 'utf8');
    // Expected files end with a newline like any text file; the converter returns none.
    const expected = readFileSync(join(CASES_DIR, name, 'expected.md'), 'utf8').replace(/\n$/, '');
    expect(toMarkdown(input, { baseUrl: POST_URL })).toBe(expected);
  });
});
