import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

describe('video blocks', () => {
  test('with no thumbnail, the title links to the video; with neither, the address does', () => {
    const titled =
      '<figure data-ke-type="video" data-video-host="kakaotv" data-video-url="https://tv.kakao.com/v/1" data-video-title="제목 *별*"><iframe src="https://play-tv.kakao.com/embed/player/cliplink/1"></iframe></figure>';
    expect(toMarkdown(titled)).toBe('[제목 \\*별\\*](https://tv.kakao.com/v/1)');
    const bare = '<figure data-ke-type="video"><iframe src="https://www.youtube.com/embed/abc"></iframe></figure>';
    expect(toMarkdown(bare)).toBe('<https://www.youtube.com/embed/abc>');
  });

  test('a caption that only repeats the title the link shows is not written twice; any other caption is kept', () => {
    const video = (caption: string) =>
      `<figure data-ke-type="video" data-video-host="youtube" data-video-url="https://www.youtube.com/watch?v=abc" data-video-title="여행 브이로그"><iframe src="https://www.youtube.com/embed/abc"></iframe><figcaption>${caption}</figcaption></figure>`;
    expect(toMarkdown(video('여행 브이로그'))).toBe('[여행 브이로그](https://www.youtube.com/watch?v=abc)');
    expect(toMarkdown(video('제주 둘째 날'))).toBe(
      '[여행 브이로그](https://www.youtube.com/watch?v=abc)\n*제주 둘째 날*',
    );
  });

  test('a video figure whose player is gone and which names nothing is left as it is, not invented', () => {
    expect(toMarkdown('<figure data-ke-type="video"><figcaption>캡션만</figcaption></figure>')).toBe('*캡션만*');
  });

  test('an uploaded video inside the video figure goes to the media rule', () => {
    const html =
      '<figure data-ke-type="video"><video src="https://blog.kakaocdn.net/dn/a/b/v.mp4?attach=1"></video></figure>';
    expect(toMarkdown(html)).toBe('<https://blog.kakaocdn.net/dn/a/b/v.mp4?attach=1>');
  });
});

describe('embeds', () => {
  test('an iframe becomes a link to what it embedded; an empty one disappears', () => {
    expect(toMarkdown('<p>지도 <iframe src="//map.kakao.com/?q=a b"></iframe></p>')).toBe(
      '지도 <https://map.kakao.com/?q=a%20b>',
    );
    expect(toMarkdown('<p>앞<iframe src="about:blank"></iframe>뒤</p>')).toBe('앞뒤');
  });
});

describe('link cards', () => {
  test('the data attributes are used when the card has no text inside', () => {
    const html =
      '<figure data-ke-type="opengraph" data-og-title="제목" data-og-description="설명" data-og-host="a.example" data-og-url="https://a.example/x"><a href="https://a.example/x"><div class="og-image"></div></a></figure>';
    expect(toMarkdown(html)).toBe('[제목](https://a.example/x) (a.example)\\\n설명');
  });

  test('a card with no title is named by its host, and one without a link keeps its text', () => {
    const hostOnly =
      '<figure data-ke-type="opengraph" data-og-host="b.example"><a href="https://b.example/"></a></figure>';
    expect(toMarkdown(hostOnly)).toBe('[b.example](https://b.example/)');
    expect(toMarkdown('<figure data-ke-type="opengraph" data-og-title="링크 없음"></figure>')).toBe('링크 없음');
  });
});

describe('file blocks', () => {
  test('without a name on the block, the file name comes from the URL, not from the generic knm', () => {
    const html =
      '<figure class="fileblock"><a href="https://blog.kakaocdn.net/dn/a/b/%EB%B3%B4%EA%B3%A0%EC%84%9C.hwp?attach=1&amp;knm=tfile.hwp"><div class="image"></div></a></figure>';
    expect(toMarkdown(html)).toBe(
      '[보고서.hwp](https://blog.kakaocdn.net/dn/a/b/%EB%B3%B4%EA%B3%A0%EC%84%9C.hwp?attach=1&knm=tfile.hwp)',
    );
  });

  test('a file name with Markdown characters is escaped in the link text', () => {
    const html =
      '<figure class="fileblock"><a href="https://x.example/f.zip"><span class="name">[초안]_v1*.zip</span><span class="size">1KB</span></a></figure>';
    expect(toMarkdown(html)).toBe('[\\[초안\\]\\_v1\\*.zip](https://x.example/f.zip) (1KB)');
  });
});

describe('collapsible blocks', () => {
  test('a moreLess block without a content wrapper keeps everything but the button', () => {
    const html =
      '<div data-ke-type="moreLess" data-text-more="열기"><a class="btn-toggle-moreless">열기</a><p>숨김</p></div>';
    expect(toMarkdown(html)).toBe('<details>\n<summary>열기</summary>\n\n숨김\n\n</details>');
  });

  test('the summary is escaped HTML text, not Markdown', () => {
    const html = '<details><summary>a &lt;b&gt; *c*</summary><p>x</p></details>';
    expect(toMarkdown(html)).toBe('<details>\n<summary>a &lt;b&gt; *c*</summary>\n\nx\n\n</details>');
  });

  test('a collapsible block in a list item stays inside the item', () => {
    const html =
      '<ul><li>항목<div data-ke-type="moreLess"><a class="btn-toggle-moreless">더보기</a><div class="moreless-content"><p>안</p></div></div></li></ul>';
    expect(toMarkdown(html)).toBe('- 항목\n\n  <details>\n  <summary>더보기</summary>\n\n  안\n\n  </details>');
  });
});

describe('styled text of the old editor', () => {
  test('bold, italic, strike-through and underline styles become the tags they mean', () => {
    const html =
      '<p><span style="font-weight: 700">굵게</span> <font style="FONT-STYLE: italic">기울임</font> <span style="text-decoration: underline;">밑줄</span> <span style="color: red">색만</span></p>';
    expect(toMarkdown(html)).toBe('**굵게** *기울임* <u>밑줄</u> 색만');
  });
});

describe('links', () => {
  test('a link that shows its own address becomes an autolink', () => {
    expect(toMarkdown('<a href="https://a.example/x_y">https://a.example/x_y</a>')).toBe('<https://a.example/x_y>');
    expect(toMarkdown('<a href="https://a.example/" title="t">https://a.example/</a>')).toBe(
      '[https://a.example/](https://a.example/ "t")',
    );
  });

  test('an old image with only a file name has no alt text: a file name describes nothing', () => {
    expect(toMarkdown('<img src="https://t1.daumcdn.net/cfile/tistory/99AB" filename="화면 [1].png">')).toBe(
      '![](https://t1.daumcdn.net/cfile/tistory/99AB)',
    );
  });
});

describe('placeholder URLs from the pipeline', () => {
  test('a player or file whose URL is a token stays a bracket link, which any path can fill', () => {
    expect(toMarkdown('<video src="tistory-export:asset:0"></video>')).toBe(
      '[tistory-export:asset:0](tistory-export:asset:0)',
    );
    const file = '<figure class="fileblock"><a href="tistory-export:asset:1"><div class="image"></div></a></figure>';
    expect(toMarkdown(file)).toBe('[tistory-export:asset:1](tistory-export:asset:1)');
  });
});
