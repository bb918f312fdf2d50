import { describe, expect, it } from 'vitest';
import { normalizePostUrl, postIdFromUrl } from '../../src/discover/post-url.js';

const BLOG = 'https://export-demo.tistory.com';

describe('normalizePostUrl', () => {
  it('recognises numeric and slug post paths, relative or absolute', () => {
    expect(normalizePostUrl('/41', BLOG)).toBe(`${BLOG}/41`);
    expect(normalizePostUrl('https://export-demo.tistory.com/41', BLOG)).toBe(`${BLOG}/41`);
    expect(normalizePostUrl('/entry/Python-%EA%B8%B0%EC%B4%88', BLOG)).toBe(`${BLOG}/entry/Python-%EA%B8%B0%EC%B4%88`);
  });

  it('removes /m/, the query, comment anchors and a trailing slash', () => {
    expect(normalizePostUrl('/m/41', BLOG)).toBe(`${BLOG}/41`);
    expect(normalizePostUrl('/m/entry/abc', BLOG)).toBe(`${BLOG}/entry/abc`);
    expect(normalizePostUrl('/41?category=1028402', BLOG)).toBe(`${BLOG}/41`);
    expect(normalizePostUrl('/41#comment18203311', BLOG)).toBe(`${BLOG}/41`);
    expect(normalizePostUrl('/entry/abc?x=1#entry41comment', BLOG)).toBe(`${BLOG}/entry/abc`);
    expect(normalizePostUrl('/41/', BLOG)).toBe(`${BLOG}/41`);
  });

  it('spells one slug one way however it was encoded', () => {
    const spellings = [
      '/entry/파이썬-기초',
      '/entry/%ED%8C%8C%EC%9D%B4%EC%8D%AC-%EA%B8%B0%EC%B4%88',
      '/entry/%ed%8c%8c%ec%9d%b4%ec%8d%ac-%ea%b8%b0%ec%b4%88',
      '/entry/%ED%8C%8C%EC%9D%B4%EC%8D%AC-기초',
    ];
    const normalised = new Set(spellings.map((href) => normalizePostUrl(href, BLOG)));
    expect([...normalised]).toEqual([`${BLOG}/entry/%ED%8C%8C%EC%9D%B4%EC%8D%AC-%EA%B8%B0%EC%B4%88`]);
    expect(normalizePostUrl('/entry/C-(2023.10)-%F0%9F%9A%80', BLOG)).toBe(
      normalizePostUrl('/entry/C-%282023.10%29-🚀', BLOG),
    );
    expect(normalizePostUrl('/entry/a:b', BLOG)).toBe(normalizePostUrl('/entry/a%3Ab', BLOG));
  });

  it('keeps a slug that is not UTF-8 (old EUC-KR links) instead of dropping it', () => {
    expect(normalizePostUrl('/entry/%c6%c4%c0%cc%bd%e3', BLOG)).toBe(`${BLOG}/entry/%C6%C4%C0%CC%BD%E3`);
  });

  it('recognises notices and static pages, desktop and mobile, and spells them one way', () => {
    expect(normalizePostUrl('/notice/12', BLOG)).toBe(`${BLOG}/notice/12`);
    expect(normalizePostUrl('/m/notice/12?page=2#comment5', BLOG)).toBe(`${BLOG}/notice/12`);
    expect(normalizePostUrl('https://export-demo.tistory.com/notice/12/', BLOG)).toBe(`${BLOG}/notice/12`);
    expect(normalizePostUrl('/pages/about', BLOG)).toBe(`${BLOG}/pages/about`);
    expect(normalizePostUrl('/m/pages/about/', BLOG)).toBe(`${BLOG}/pages/about`);
    const contact = `${BLOG}/pages/%EC%97%B0%EB%9D%BD%EC%B2%98`;
    expect(normalizePostUrl('/pages/연락처', BLOG)).toBe(contact);
    expect(normalizePostUrl('/pages/%ec%97%b0%eb%9d%bd%ec%b2%98', BLOG)).toBe(contact);
    expect(normalizePostUrl('https://blog.example.kr/notice/3', BLOG, ['https://blog.example.kr'])).toBe(
      `${BLOG}/notice/3`,
    );
  });

  it('ignores everything that is not a post', () => {
    for (const href of [
      '/',
      '/category',
      '/category/%EA%B0%9C%EB%B0%9C/Python',
      '/tag/Python',
      '/guestbook',
      '/guestbook/12',
      '/notice',
      '/notice/',
      '/notice?page=2',
      '/notice/abc',
      '/notice/12/x',
      '/m/notice',
      '/pages',
      '/pages/',
      '/pages/a/b',
      '/m/pages',
      '/tag/notice',
      '/category/pages',
      '/archive/202504',
      '/manage/newpost/41?type=post',
      '/manage/newpost/?type=notice',
      '/entry/',
      '/entry/a/b',
      '/41a',
      '?page=2',
      '#comment',
      'javascript:void(0)',
      'mailto:me@example.com',
      '/m',
      '/m/category',
      '/rss',
      '/toolbar/popup/abuseReport/?entryId=41',
    ]) {
      expect(normalizePostUrl(href, BLOG), href).toBeNull();
    }
  });

  it('accepts only the blog itself and the names it answers on', () => {
    expect(normalizePostUrl('https://other.tistory.com/41', BLOG)).toBeNull();
    expect(normalizePostUrl('https://www.tistory.com/41', BLOG)).toBeNull();
    expect(normalizePostUrl('http://export-demo.tistory.com/41', BLOG)).toBe(`${BLOG}/41`);
    expect(normalizePostUrl('https://blog.example.kr/entry/abc', BLOG)).toBeNull();
    expect(normalizePostUrl('https://blog.example.kr/entry/abc', BLOG, ['https://blog.example.kr'])).toBe(
      `${BLOG}/entry/abc`,
    );
  });
});

describe('postIdFromUrl', () => {
  it('reads the id of numeric post URLs only, not of notices', () => {
    expect(postIdFromUrl('https://export-demo.tistory.com/41')).toBe('41');
    expect(postIdFromUrl('https://export-demo.tistory.com/m/7?category=3#comment1')).toBe('7');
    expect(postIdFromUrl('/123')).toBe('123');
    expect(postIdFromUrl('https://export-demo.tistory.com/notice/16')).toBeNull();
    expect(postIdFromUrl('https://export-demo.tistory.com/pages/41')).toBeNull();
    expect(postIdFromUrl('https://export-demo.tistory.com/entry/41')).toBeNull();
    expect(postIdFromUrl('https://export-demo.tistory.com/category/41')).toBeNull();
    expect(postIdFromUrl('https://export-demo.tistory.com/')).toBeNull();
  });
});
