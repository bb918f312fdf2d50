// A placeholder served in a post's place is told from the post by the head facts every post page has.

import { describe, expect, it } from 'vitest';
import { statesAPost } from '../../src/read/article-marks.js';

const page = (head: string, body = '<div class="contents_style"><p>본문</p></div>') =>
  `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>제목 :: 블로그</title>${head}</head><body id="tt-body-page">${body}</body></html>`;

describe('statesAPost', () => {
  it('finds any one of the facts, in either attribute order', () => {
    expect(statesAPost(page('<meta property="og:title" content="제목"/>'))).toBe(true);
    expect(statesAPost(page('<meta content="제목" property="og:title">'))).toBe(true);
    expect(statesAPost(page("<meta property='article:txid' content='7654321_12'>"))).toBe(true);
    expect(statesAPost(page('<meta property="article:published_time" content="2024-03-01T10:00:00+09:00">'))).toBe(
      true,
    );
    expect(
      statesAPost(page('<script>window.T.entryInfo = {"entryId":12,"categoryId":0,"categoryLabel":""};</script>')),
    ).toBe(true);
  });

  it('says no for a page whose head has none of them, whatever its body quotes', () => {
    expect(statesAPost(page('<meta name="viewport" content="width=device-width">'))).toBe(false);
    expect(statesAPost(page('<meta property="og:type" content="website"><meta name="title" content="점검 중">'))).toBe(
      false,
    );
    const quoting =
      '<div class="contents_style"><pre><code>&lt;meta property="og:title"&gt; T.entryInfo = {}</code></pre><meta property="og:title" content="x"></div>';
    expect(statesAPost(page('', quoting))).toBe(false);
  });
});
