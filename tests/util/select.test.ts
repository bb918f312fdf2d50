// The compiled selectors the extractor and converter use must find exactly what cheerio's `$(selector)`
// and `.find(selector)` find, with and without the page's element index.
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { elementsWithin, selectAll, withElementIndex } from '../../src/util/select.js';
import { loadPageFixtures } from '../helpers/page-fixtures.js';

const SELECTORS = [
  'meta',
  'script:not([src])',
  'meta[property="article:txid"], meta[property="article:published_time"]',
  'a[rel~="tag"]',
  'div.article-view, article.content, div.article_view',
  'ul > li',
  'ul li a',
  '.contents_style',
  '[onclick*="reloadEntry("], a[href]',
  'figure[data-ke-type="video" i]',
  'p, h2, img',
  'body',
];

describe('compiled selectors', () => {
  const pages = loadPageFixtures();

  test.each(pages.map((page) => [page.name, page.html] as const))('%s: as cheerio finds them', (_, html) => {
    const $ = load(html);
    for (const selector of SELECTORS) {
      const expected = $(selector).toArray();
      expect(selectAll($, selector).toArray(), selector).toEqual(expected);
      expect(
        withElementIndex($, () => selectAll($, selector).toArray()),
        `${selector} (indexed)`,
      ).toEqual(expected);
    }
    const body = $('body')[0]!;
    for (const selector of SELECTORS)
      expect(elementsWithin(body, selector), selector).toEqual($(body).find(selector).toArray());
  });

  test('a fragment of many top-level paragraphs', () => {
    const $ = load(`${'<p>a</p>'.repeat(500)}<div><p>b</p></div>`, null, false);
    expect(selectAll($, 'p').length).toBe(501);
    expect(selectAll($, 'div > p').toArray()).toEqual($('div > p').toArray());
  });

  test('the index is gone after the read', () => {
    const $ = load('<p>a</p>');
    withElementIndex($, () => selectAll($, 'p'));
    $('body').append('<p>b</p>');
    expect(selectAll($, 'p').length).toBe(2);
  });
});
