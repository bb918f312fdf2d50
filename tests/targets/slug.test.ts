import { describe, expect, it } from 'vitest';
import { SlugAllocator, entrySlugFromUrl, slugify } from '../../src/util/slug.js';

describe('slugify', () => {
  it('keeps Hangul and joins words with single hyphens', () => {
    expect(slugify('파이썬 비동기 프로그래밍: asyncio 입문')).toBe('파이썬-비동기-프로그래밍-asyncio-입문');
  });

  it('drops punctuation that breaks file names or URLs', () => {
    expect(slugify('"따옴표" #해시 / 슬래시 \\ 역슬래시 ?물음표')).toBe('따옴표-해시-슬래시-역슬래시-물음표');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });

  it('normalises decomposed Hangul to NFC', () => {
    const decomposed = '한글'.normalize('NFD');
    expect(slugify(decomposed)).toBe('한글'.normalize('NFC'));
  });

  it('returns an empty string when nothing usable is left, so callers can fall back', () => {
    expect(slugify('🎉✨ !!!')).toBe('');
  });

  it('stays within a file-name byte budget without splitting a character', () => {
    const slug = slugify('가나다라마바사 '.repeat(40));
    expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(120);
    expect(slug).not.toMatch(/-$/);
    expect(slug.normalize('NFC')).toBe(slug);
  });

  it('keeps reserved Windows device names from becoming file names', () => {
    expect(slugify('CON')).toBe('con-post');
  });
});

describe('entrySlugFromUrl', () => {
  it('decodes the percent-encoded Tistory entry slug', () => {
    expect(entrySlugFromUrl('https://a.tistory.com/entry/%ED%8C%8C%EC%9D%B4%EC%8D%AC-%EC%9E%85%EB%AC%B8')).toBe(
      '파이썬-입문',
    );
  });

  it('returns null for numeric post and notice URLs', () => {
    expect(entrySlugFromUrl('https://a.tistory.com/123')).toBeNull();
    expect(entrySlugFromUrl('https://a.tistory.com/notice/123')).toBeNull();
  });

  it('reads a static page’s own slug, so /pages/about becomes /about/', () => {
    expect(entrySlugFromUrl('https://a.tistory.com/pages/about')).toBe('about');
    expect(entrySlugFromUrl('https://a.tistory.com/pages/%EC%97%B0%EB%9D%BD%EC%B2%98')).toBe('연락처');
  });
});

describe('SlugAllocator', () => {
  it('gives the same post the same slug and a colliding post its id appended', () => {
    const slugs = new SlugAllocator();
    expect(slugs.allocate('같은 제목', '10')).toBe('같은-제목');
    expect(slugs.allocate('같은 제목', '11')).toBe('같은-제목-11');
    expect(slugs.allocate('같은 제목', '10')).toBe('같은-제목');
  });

  it('keeps a new post off the paths the outputs use for their lists, but lets an exported post keep its slug', () => {
    const slugs = new SlugAllocator();
    expect(slugs.allocate('Tags', '7')).toBe('tags-7');
    expect(slugs.allocate('posts', '8')).toBe('posts-8');
    expect(slugs.allocate('pages', '9', true)).toBe('pages');
    expect(slugs.allocate('Tagged', '10')).toBe('tagged');
  });

  it('falls back to the post id when the title has no letters', () => {
    const slugs = new SlugAllocator();
    expect(slugs.allocate('🎉🎉', '42')).toBe('42');
  });
});
