import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import type { Extraction, PostMeta } from '../../src/types.js';
import { loadPageFixture } from '../helpers/page-fixtures.js';

// Each case takes a real fixture and removes the source the extractor prefers, to reach the next one.

function metaOf(result: Extraction): PostMeta {
  if (result.status !== 'ok' && result.status !== 'protected') throw new Error(`no metadata: ${result.status}`);
  return result.meta;
}

function without(html: string, ...patterns: RegExp[]): string {
  let edited = html;
  for (const pattern of patterns) {
    const next = edited.replace(pattern, '');
    if (next === edited) throw new Error(`fixture no longer contains ${pattern}`);
    edited = next;
  }
  return edited;
}

const OG_TITLE = /<meta property="og[:.]title"[^>]*>/g;
const JSON_LD = /<!-- BEGIN STRUCTURED_DATA -->[\s\S]*?<!-- END STRUCTURED_DATA -->/;
const ENTRY_INFO = /<script type="text\/javascript">window\.T\.entryInfo = [^<]*<\/script>/;
const TXID = /<meta property="article:txid"[^>]*>/;

describe('title', () => {
  const ray = loadPageFixture('ray');
  const expected = ray.meta!.title;

  it('prefers og:title over a <title> that carries the blog name', () => {
    expect(metaOf(extractPost(ray.html, ray.fetchedUrl)).title).toBe(expected);
  });

  it('falls back to the JSON-LD headline', () => {
    const html = without(ray.html, OG_TITLE).replace(/"headline": "[^"]*"/, '"headline": "JSON-LD 제목"');
    expect(metaOf(extractPost(html, ray.fetchedUrl)).title).toBe('JSON-LD 제목');
  });

  it('then to the title the skin prints', () => {
    const html = without(ray.html, OG_TITLE, JSON_LD).replace('<title>', '<title>다른 제목 :: ');
    expect(metaOf(extractPost(html, ray.fetchedUrl)).title).toBe(expected);
  });

  it('then to <title> without " :: Blog"', () => {
    const html = without(ray.html, OG_TITLE, JSON_LD, /<h3 class="tit_post">[\s\S]*?<\/h3>/);
    expect(metaOf(extractPost(html, ray.fetchedUrl)).title).toBe(expected);
  });
});

describe('id', () => {
  const odyssey = loadPageFixture('odyssey');

  it('comes from article:txid even on /entry/slug addresses', () => {
    const skin2 = loadPageFixture('skin2');
    expect(skin2.fetchedUrl).toContain('/entry/');
    expect(metaOf(extractPost(skin2.html, skin2.fetchedUrl)).id).toBe('41');
  });

  it('falls back to T.entryInfo.entryId', () => {
    expect(odyssey.html).not.toMatch(TXID);
    expect(metaOf(extractPost(odyssey.html, odyssey.fetchedUrl)).id).toBe('52');
  });

  it('then to a numeric address, and is null when nothing states it', () => {
    const ray = loadPageFixture('ray');
    const html = without(ray.html, TXID, ENTRY_INFO);
    expect(metaOf(extractPost(html, ray.fetchedUrl)).id).toBe('30');
    expect(metaOf(extractPost(without(odyssey.html, ENTRY_INFO), odyssey.fetchedUrl)).id).toBeNull();
  });

  it('reads T.entryInfo even when the category name holds braces and semicolons', () => {
    const ray = loadPageFixture('ray');
    const html = ray.html.replace('"categoryLabel":"IT/DevOps"', '"categoryLabel":"IT/C++ {기초}; 정리"');
    expect(metaOf(extractPost(without(html, TXID), ray.fetchedUrl))).toMatchObject({
      id: '30',
      categories: ['IT', 'C++ {기초}; 정리'],
    });
  });
});

describe('url', () => {
  it('drops /m/ from a mobile address', () => {
    const mobile = loadPageFixture('mobile');
    expect(metaOf(extractPost(mobile.html, mobile.fetchedUrl)).url).toBe('https://bear-dev.tistory.com/77');
  });

  it('keeps the custom domain the page declares, and falls back to the fetched address without its query', () => {
    const custom = loadPageFixture('custom-domain');
    expect(metaOf(extractPost(custom.html, 'https://bear-dev.tistory.com/88')).url).toBe('https://blog.bear.kr/88');
    const html = without(custom.html, /<meta property="og[:.]url"[^>]*>/g, /<link rel="canonical"[^>]*>/);
    expect(metaOf(extractPost(html, 'https://blog.bear.kr/88?category=515509#comment')).url).toBe(
      'https://blog.bear.kr/88',
    );
  });
});

describe('categories', () => {
  const nested = loadPageFixture('nested-category');

  it('fall back to the path of the skin category link', () => {
    expect(metaOf(extractPost(without(nested.html, ENTRY_INFO), nested.fetchedUrl)).categories).toEqual([
      '개발',
      'Python',
    ]);
  });

  it('are empty for the "no category" link to /category', () => {
    const none = loadPageFixture('no-category');
    expect(none.html).toContain('<a href="/category">분류없음</a>');
    expect(metaOf(extractPost(none.html, none.fetchedUrl)).categories).toEqual([]);
  });
});

describe('dates', () => {
  const ray = loadPageFixture('ray');

  it('read JSON-LD dates without a zone as KST', () => {
    const html = without(
      ray.html,
      /<meta property="article:published_time"[^>]*>/,
      /<meta property="article:modified_time"[^>]*>/,
    );
    expect(metaOf(extractPost(html, ray.fetchedUrl))).toMatchObject({
      published: '2022-12-20T12:04:47+09:00',
      updated: '2023-01-05T09:10:12+09:00',
    });
  });

  it('fall back to the skin date when the head states none', () => {
    const html = without(
      ray.html,
      /<meta property="article:published_time"[^>]*>/,
      JSON_LD,
      /<meta property="og:regDate"[^>]*>/,
    );
    expect(metaOf(extractPost(html, ray.fetchedUrl)).published).toBe('2022-12-20T12:04:00+09:00');
  });
});

describe('tags and cover', () => {
  it('lists each tag once, and not the sidebar tag cloud', () => {
    const hello = loadPageFixture('hello');
    expect((hello.html.match(/rel="tag">재즈</g) ?? []).length).toBe(2);
    expect(metaOf(extractPost(hello.html, hello.fetchedUrl)).tags).toEqual(['재즈', '음악추천']);
  });

  it('is null for the generic opengraph.png and unwrapped from the thumb proxy otherwise', () => {
    const generic = loadPageFixture('generic-og-image');
    expect(generic.html).toContain('openGraph/opengraph.png');
    expect(metaOf(extractPost(generic.html, generic.fetchedUrl)).cover).toBeNull();
    const ray = loadPageFixture('ray');
    expect(metaOf(extractPost(ray.html, ray.fetchedUrl)).cover).toBe(
      'https://blog.kakaocdn.net/dn/bXk3Qm/btr9AbCdEf/kQ1w2e3r4t5y6u7i8o9p0K/img.png',
    );
  });
});
