import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { loadPageFixture } from '../helpers/page-fixtures.js';

describe('page status', () => {
  it('reports a password-protected post with its metadata and no body', () => {
    const page = loadPageFixture('protected');
    const result = extractPost(page.html, page.fetchedUrl);
    expect(result).toEqual({ status: 'protected', meta: page.meta });
  });

  it('reports a deleted post as missing', () => {
    const page = loadPageFixture('missing');
    expect(extractPost(page.html, page.fetchedUrl)).toEqual({ status: 'missing' });
  });

  it('keeps a post whose sidebar mentions "존재하지 않는" a post', () => {
    const ray = loadPageFixture('ray');
    const html = ray.html.replace(
      '도커 이미지 크기 줄이기 실전</a></li></ul>',
      '존재하지 않는 키 처리하기</a></li></ul>',
    );
    expect(html).not.toBe(ray.html);
    expect(extractPost(html, ray.fetchedUrl).status).toBe('ok');
  });

  it('fails with what was tried, and the metadata, when no body can be found', () => {
    // Only page chrome around an empty post area: not even the paragraph scorer finds a post.
    const page = loadPageFixture('handmade-no-body');
    const result = extractPost(page.html, page.fetchedUrl);
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.error).toMatch(
      /^no post body found; tried Tistory's body mark .*; known skin containers .*; generic containers .*; paragraph scoring/,
    );
    expect(result.meta?.title).toBe('주간 백업 설정 (작성 중)');
  });

  it('fails rather than exporting a body that only held an ad', () => {
    const ray = loadPageFixture('ray');
    const emptied = ray.html.replace(
      /(<div class="tt_article_useless_p_margin contents_style">)[\s\S]*?(<\/div>\n<!-- System - START -->)/,
      '$1<center><ins class="adsbygoogle" data-ad-slot="1"></ins></center>$2',
    );
    expect(emptied).not.toBe(ray.html);
    const result = extractPost(emptied, ray.fetchedUrl);
    expect(result.status).toBe('failed');
    if (result.status === 'failed') expect(result.error).toMatch(/empty/);
  });
});

describe('purity', () => {
  it('gives the same result for the same input, whatever ran in between', () => {
    const ray = loadPageFixture('ray');
    const other = loadPageFixture('unknown-no-contents-style');
    const first = extractPost(ray.html, ray.fetchedUrl);
    extractPost(other.html, other.fetchedUrl);
    expect(extractPost(ray.html, ray.fetchedUrl)).toEqual(first);
  });
});
