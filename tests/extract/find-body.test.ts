import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { findBody } from '../../src/extract/find-body.js';
import { extractPost } from '../../src/extract/index.js';

const URL = 'https://bear-dev.tistory.com/5';

function page(body: string): string {
  return `<!doctype html><html><head><title>글 :: 블로그</title></head><body id="tt-body-page">${body}</body></html>`;
}

const SIDEBAR = `<aside id="sidebar"><h3>공지사항</h3><ul><li><a href="/notice/3">블로그 이전 안내</a></li></ul>
<div class="box_aside"><h3>최근에 올라온 글</h3><ul><li><a href="/4">자바 제네릭 와일드카드 이해하기</a></li></ul></div></aside>`;

describe('finding the body', () => {
  it("takes an old hand-made skin's tt_article_useless_p_margin, which has no contents_style, as the body", () => {
    const result = extractPost(
      page(`<div class="article"><div class="tt_article_useless_p_margin"><p>본문</p></div></div>${SIDEBAR}`),
      URL,
    );
    expect(result).toMatchObject({ status: 'ok', bodyHtml: '<p>본문</p>', bodyFoundBy: 'skin', skin: 'unknown' });
  });

  it('prefers .contents_style to a tt_article_useless_p_margin elsewhere on the page', () => {
    const html = page(`<div class="preview"><div class="tt_article_useless_p_margin"><p>다른 글 미리보기</p></div></div>
<div class="tt_article_useless_p_margin contents_style"><p>진짜 본문</p></div>`);
    expect(extractPost(html, URL)).toMatchObject({ status: 'ok', bodyHtml: '<p>진짜 본문</p>', bodyFoundBy: 'skin' });
  });

  it('ignores a tt_article_useless_p_margin inside the page chrome', () => {
    const html = page(`<div class="post-content"><p>컨테이너 속 본문</p></div>
<aside><div class="tt_article_useless_p_margin"><p>사이드바에 든 글 미리보기</p></div></aside>`);
    expect(extractPost(html, URL)).toMatchObject({
      status: 'ok',
      bodyHtml: '<p>컨테이너 속 본문</p>',
      bodyFoundBy: 'container',
    });
  });

  it('moves on from a container that holds nothing once its chrome is gone', () => {
    const html =
      page(`<div class="entry-content"><div class="container_postbtn">공감 공유하기</div><div class="tags"><a href="/tag/a" rel="tag">a</a></div></div>
<div class="post-content"><p>두 번째 컨테이너의 본문</p></div>`);
    expect(extractPost(html, URL)).toMatchObject({
      status: 'ok',
      bodyHtml: '<p>두 번째 컨테이너의 본문</p>',
      bodyFoundBy: 'container',
    });
  });

  it('guesses with the scorer when no mark or container is on the page', () => {
    const html =
      page(`<table><tr><td><div id="post_body_wrap"><p>첫 문단입니다. 표로 짠 옛 스킨이라 본문을 감싸는 클래스가 없습니다.</p>
<p>둘째 문단입니다. 점수로만 찾을 수 있는 본문입니다.</p></div></td><td>${SIDEBAR}</td></tr></table>`);
    const result = extractPost(html, URL);
    expect(result).toMatchObject({ status: 'ok', bodyFoundBy: 'scored' });
    if (result.status === 'ok')
      expect(load(result.bodyHtml).root().text()).toMatch(/^첫 문단입니다\.[\s\S]*찾을 수 있는 본문입니다\.$/);
  });

  it('does not guess past an empty Tistory body mark: that post is empty', () => {
    const html = page(`<div class="contents_style"><p>&nbsp;</p></div>
<div id="wrap"><p>본문처럼 보이는 긴 문단이지만, 이 페이지의 글은 비어 있습니다.</p><p>둘째 문단도 마찬가지로 본문이 아닙니다.</p></div>`);
    const result = extractPost(html, URL);
    expect(result.status).toBe('failed');
    if (result.status === 'failed')
      expect(result.error).toBe('post body (.contents_style) is empty once ads and page chrome are removed');
  });

  it('says, when nothing is found, every way it tried and which containers were there but empty', () => {
    const $ = load(
      page(`<div class="entry-content"><div class="another_category"><h4>다른 글</h4></div></div>${SIDEBAR}`),
    );
    const search = findBody($);
    expect(search.found).toBe(false);
    if (search.found) return;
    expect(search.error).toBe(
      "no post body found; tried Tistory's body mark (.contents_style, .tt_article_useless_p_margin); " +
        'known skin containers (.area_view, div.entry-content#article-view, #article-view, div.article-view, div.article_view, article.content, div.blogview_content); ' +
        'generic containers ([itemprop="articleBody"], .entry-content, .article-content, .post-content, .article_content, #content article, article); ' +
        'paragraph scoring (no element outside the page chrome holds 2 paragraphs with 50 characters of text); ' +
        'on the page but empty once ads and page chrome were removed: .entry-content',
    );
  });
});
