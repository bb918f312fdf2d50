// The library's `toMarkdown` and the export convert with the same code: every golden input, exported
// with its images left at their addresses and no linked post exported, comes out as `toMarkdown` says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { extractMarkdown, extractPost } from '../../src/extract/index.js';
import { loadPageFixtures } from '../helpers/page-fixtures.js';
import { exportedMarkdown } from '../helpers/convert-body.js';
import { CASES_DIR, POST_URL, caseNames } from './golden-case-set.js';

const BLOG = { blogOrigin: 'https://blog.tistory.com', origins: ['https://blog.tistory.com'] };

function exported(input: string): string {
  return exportedMarkdown(input, POST_URL, BLOG);
}

describe('one conversion path', () => {
  test.each(caseNames)('%s', (name) => {
    const input = readFileSync(join(CASES_DIR, name, 'input.html'), 'utf8');
    expect(exported(input)).toBe(toMarkdown(input, { baseUrl: POST_URL }));
  });

  test('a link to a post of the blog whose text is its address', () => {
    const input = '<p>다음 글: <a href="/12">https://blog.tistory.com/12</a></p>';
    expect(toMarkdown(input, { baseUrl: POST_URL })).toBe('다음 글: <https://blog.tistory.com/12>');
    expect(exported(input)).toBe('다음 글: <https://blog.tistory.com/12>');
  });
});

describe('Markdown straight from a page (extractMarkdown)', () => {
  const pages = loadPageFixtures();
  // The golden inputs inside a page, and every saved post page: one parse gives what two do.
  const wrapped = caseNames.map((name) => ({
    name,
    html: `<html><head><title>t</title></head><body><div class="tt_article_useless_p_margin contents_style">${readFileSync(join(CASES_DIR, name, 'input.html'), 'utf8')}</div></body></html>`,
    fetchedUrl: POST_URL,
  }));

  test.each([...pages, ...wrapped].map((page) => [page.name, page] as const))('%s', (_, page) => {
    const extraction = extractPost(page.html, page.fetchedUrl);
    const read = extractMarkdown(page.html, page.fetchedUrl);
    expect(read.status).toBe(extraction.status);
    if (extraction.status !== 'ok' || read.status !== 'ok') return;
    expect(read.meta).toEqual(extraction.meta);
    expect(read.markdown).toBe(toMarkdown(extraction.bodyHtml, { baseUrl: extraction.meta.url }));
  });
});
