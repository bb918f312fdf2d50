import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../bench/corpus/pages.js';
import { generateBody } from '../../bench/corpus/posts.js';
import { idealMs } from '../../bench/crawl.js';
import { toMarkdown } from '../../src/convert/index.js';
import { extractPost } from '../../src/extract/index.js';

// The benchmark is only worth its figures if its pages are what the exporter meets on Tistory: every
// editor block, the page chrome around them, and a body that comes out whole and clean.
describe('benchmark corpus', () => {
  const corpus = createCorpus({ size: 40 });
  const pages = Array.from({ length: corpus.size }, (_, index) => corpus.page(index));

  it('holds whole pages with chrome, from the fixture blog and from other skins', () => {
    for (const page of pages) {
      expect(page.html).toContain('<body');
      expect(page.html).toMatch(/contents_style/);
    }
    expect(new Set(pages.map((page) => page.source)).size).toBeGreaterThan(3);
    expect(
      pages
        .filter((page) => page.source === 'fixture-blog')
        .every((page) => page.html.includes('티스토리툴바') && page.html.includes('revenue_unit_wrap')),
    ).toBe(true);
  });

  it('shows every block type of both editors', () => {
    const all = pages.map((page) => page.html).join('\n');
    for (const marker of [
      'data-ke-size="size16"',
      'data-ke-size="size26"',
      'data-ke-list-type="disc"',
      'data-ke-list-type="decimal"',
      'figure class="imageblock',
      'data-phocus=',
      'imagegridblock',
      'figure class="fileblock"',
      'data-ke-type="codeblock"',
      'class="language-',
      'blockquote data-ke-style',
      'data-ke-type="horizontalRule"',
      'data-ke-style="style',
      'data-ke-type="opengraph"',
      'data-video-host="youtube"',
      'data-video-thumbnail',
      '<video src=',
      'data-ke-type="moreLess"',
      'data-ke-type="emoticon"',
      'data-ke-type="map"',
      'data-ke-type="html"',
      '$$',
      'class="adsbygoogle"',
      'span class="imageblock"',
      '/cfile/tistory/',
      '[##_Image|kage@',
      '[#M_더보기|접기|',
      '<font color=',
    ]) {
      expect(all, marker).toContain(marker);
    }
  });

  it('converts every page without page chrome leaking into the Markdown', () => {
    for (const page of pages) {
      const extraction = extractPost(page.html, page.url);
      expect(extraction.status, page.source).toBe('ok');
      if (extraction.status !== 'ok') continue;
      const markdown = toMarkdown(extraction.bodyHtml, { baseUrl: extraction.meta.url });
      expect(markdown.length).toBeGreaterThan(500);
      for (const chrome of ['티스토리툴바', '카테고리의 다른 글', '공유하기', '구독하기', 'adsbygoogle', '728x90']) {
        expect(markdown, `${page.source}: ${chrome}`).not.toContain(chrome);
      }
    }
  });

  it('makes the same page every time', () => {
    expect(corpus.page(7).html).toBe(createCorpus({ size: 40 }).page(7).html);
  });
});

describe('crawl posts', () => {
  it('show exactly two images from the CDN and no other file', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const body = generateBody({ seed, bytes: 20_000, kind: 'two-images', editor: 'new' });
      expect(body.match(/<img /g)).toHaveLength(2);
      expect(body).not.toMatch(/attach=1|data-video-thumbnail|<video/);
    }
  });

  it('have an ideal set by the rate or by latency over concurrency, whichever binds', () => {
    expect(idealMs(101, 50, 4, 20)).toBe(5000);
    expect(idealMs(100, 50, 1, 20)).toBe(5000);
    expect(idealMs(100, 50, 2, 0)).toBe(2500);
  });
});
