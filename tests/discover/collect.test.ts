import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '../../src/discover/collect.js';
import type { Candidate } from '../../src/discover/source.js';

const BLOG = 'https://export-demo.tistory.com';
const candidate = (href: string, source: Candidate['source'], id: string | null = null): Candidate => ({
  href,
  id,
  lastmod: null,
  source,
});

describe('mergeCandidates', () => {
  it('keeps notices and pages, one entry each, after the posts with ids', () => {
    const merged = mergeCandidates(
      [
        candidate('/notice/16', 'list'),
        candidate('/m/notice/16?page=1', 'list'),
        candidate(`${BLOG}/notice/16`, 'sitemap'),
        candidate('/pages/about', 'list'),
        candidate('/m/pages/about', 'sitemap'),
        candidate('/notice', 'list'),
        candidate('/pages', 'list'),
        candidate('/41', 'list'),
      ],
      BLOG,
      [],
    );
    expect(merged).toEqual([
      { url: `${BLOG}/41`, id: '41', lastmod: null, sources: ['list'] },
      { url: `${BLOG}/notice/16`, id: null, lastmod: null, sources: ['sitemap', 'list'] },
      { url: `${BLOG}/pages/about`, id: null, lastmod: null, sources: ['sitemap', 'list'] },
    ]);
  });

  it('never merges a notice with the post whose number its address shows; only the page says which entry it is', () => {
    const merged = mergeCandidates([candidate('/16', 'rss'), candidate('/notice/16', 'list')], BLOG, []);
    expect(merged.map((post) => [post.url, post.id])).toEqual([
      [`${BLOG}/16`, '16'],
      [`${BLOG}/notice/16`, null],
    ]);
  });
});
