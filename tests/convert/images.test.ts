import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

const ORIGINAL = 'https://blog.kakaocdn.net/dn/bA1/btsX2/Cc3Dd4/img.png';
const proxied = (url: string, size = 'R1280x0') =>
  `https://img1.daumcdn.net/thumb/${size}/?scode=mtistory2&fname=${encodeURIComponent(url)}`;

describe('images', () => {
  test('a proxy URL in src is unwrapped to the original by its fname', () => {
    expect(toMarkdown(`<p><img src="${proxied(ORIGINAL).replace(/&/g, '&amp;')}" alt="a"></p>`)).toBe(
      `![a](${ORIGINAL})`,
    );
  });

  test('a proxy wrapping a proxy is unwrapped all the way', () => {
    const html = `<img src="${proxied(proxied(ORIGINAL, 'R800x0')).replace(/&/g, '&amp;')}">`;
    expect(toMarkdown(html)).toBe(`![](${ORIGINAL})`);
  });

  test('the span data-url wins over src, and srcset is never used', () => {
    const html = `<figure class="imageblock alignCenter"><span data-url="${ORIGINAL}" data-lightbox="lightbox"><img src="${proxied(ORIGINAL, 'R800x0').replace(/&/g, '&amp;')}" srcset="https://img1.daumcdn.net/thumb/R1280x0/?fname=https%3A%2F%2Fthumb.example%2Fsmall.png"></span></figure>`;
    expect(toMarkdown(html)).toBe(`![](${ORIGINAL})`);
  });

  test('an img with only a srcset gives the original behind the proxy, never a bare thumbnail', () => {
    const unwrappable = `${proxied(ORIGINAL).replace(/&/g, '&amp;')} 1x`;
    expect(toMarkdown(`<p><img srcset="${unwrappable}"></p>`)).toBe(`![](${ORIGINAL})`);
    const thumbnailOnly = toMarkdown(
      '<p>앞 <img srcset="https://thumb.example/small.png 1x, https://thumb.example/big.png 2x"> 뒤</p>',
    );
    expect(thumbnailOnly).not.toContain('thumb.example');
    expect(thumbnailOnly).toMatch(/^앞 +뒤$/);
  });

  test('signed URLs keep their whole query', () => {
    const signed = 'https://blog.kakaocdn.net/dna/a/b/c/img.png?credential=K&expires=1&signature=Zx9%2Fab%3D';
    expect(toMarkdown(`<img src="${signed.replace(/&/g, '&amp;')}">`)).toBe(`![](${signed})`);
  });

  test('relative and protocol-relative sources', () => {
    expect(toMarkdown('<img src="/attachment/a.png">', { baseUrl: 'https://x.tistory.com/12' })).toBe(
      '![](https://x.tistory.com/attachment/a.png)',
    );
    expect(toMarkdown('<img src="./img/a.png">')).toBe('![](./img/a.png)');
    expect(toMarkdown('<img src="//t1.daumcdn.net/cfile/tistory/99AB">')).toBe(
      '![](https://t1.daumcdn.net/cfile/tistory/99AB)',
    );
  });

  test('alt text and URLs are made safe for Markdown', () => {
    expect(toMarkdown('<img src="https://a.example/x (1).png" alt="그림 [1]\n둘째">')).toBe(
      '![그림 \\[1\\] 둘째](https://a.example/x%20\\(1\\).png)',
    );
  });

  test('the caption is an italic line right under the image, and a linked image keeps its link', () => {
    const html = `<figure class="imageblock"><a href="https://example.com"><img src="${ORIGINAL}" alt="설명"></a><figcaption>캡션<br>둘째 줄</figcaption></figure>`;
    expect(toMarkdown(html)).toBe(`[![설명](${ORIGINAL})](https://example.com)\n*캡션 둘째 줄*`);
  });
});

describe('alt text: data-alt, then alt, then the caption of a lone image; never a file name', () => {
  const figure = (span: string, img: string, caption = '') =>
    `<figure class="imageblock" data-filename="diagram.png"><span data-url="${ORIGINAL}" ${span}><img src="${ORIGINAL}" ${img}></span>${caption}</figure>`;

  test('the editor’s data-alt wins over the img alt and the caption', () => {
    expect(toMarkdown(figure('data-alt="구성도"', 'alt="다른 설명"', '<figcaption>캡션</figcaption>'))).toBe(
      `![구성도](${ORIGINAL})\n*캡션*`,
    );
  });

  test('the img alt comes next, then the caption, whose line break reads as a space', () => {
    expect(toMarkdown(figure('data-alt=""', 'alt="다른 설명"', '<figcaption>캡션</figcaption>'))).toBe(
      `![다른 설명](${ORIGINAL})\n*캡션*`,
    );
    expect(toMarkdown(figure('', '', '<figcaption>첫 줄<br>둘째 줄</figcaption>'))).toBe(
      `![첫 줄 둘째 줄](${ORIGINAL})\n*첫 줄 둘째 줄*`,
    );
  });

  test('a file name is skipped wherever it stands, with or without its extension', () => {
    expect(toMarkdown(figure('data-alt="diagram.png"', 'alt="diagram"', '<figcaption>구성도</figcaption>'))).toBe(
      `![구성도](${ORIGINAL})\n*구성도*`,
    );
    expect(
      toMarkdown(`<span class="imageblock"><img src="${ORIGINAL}" alt="IMG_1234.JPG" filename="IMG_1234.JPG"></span>`),
    ).toBe(`![](${ORIGINAL})`);
    expect(toMarkdown(`<img src="${ORIGINAL}" alt="실행화면.png">`)).toBe(`![](${ORIGINAL})`);
    expect(toMarkdown(`<img src="${ORIGINAL}" alt="IMG_1234" filename="IMG_1234.JPG">`)).toBe(`![](${ORIGINAL})`);
    // A description that merely mentions a format is not a file name.
    expect(toMarkdown(`<img src="${ORIGINAL}" alt="png와 jpg 비교">`)).toBe(`![png와 jpg 비교](${ORIGINAL})`);
  });

  test('the caption of a figure holding several images describes none of them alone', () => {
    const grid = `<figure class="imagegridblock"><div class="image-container"><span><img src="${ORIGINAL}"></span><span><img src="${ORIGINAL}"></span></div><figcaption>전과 후</figcaption></figure>`;
    expect(toMarkdown(grid)).toBe(`![](${ORIGINAL})![](${ORIGINAL})\n*전과 후*`);
  });
});

describe('video thumbnails', () => {
  test('an attribute holding two comma-joined URLs gives the first, whole, not one broken URL', () => {
    const first = 'https://scrap.kakaocdn.net/dn/a1B2c3/hyZ9/AbCd/img.jpg?width=1280&height=720&face=0_0_1280_720';
    const second = 'https://scrap.kakaocdn.net/dn/d4E5f6/hyY8/EfGh/img.jpg';
    const html = `<figure data-ke-type="video" data-video-host="kakaotv" data-video-url="https://tv.kakao.com/v/4123" data-video-title="올레길" data-video-thumbnail="${`${first},${second}`.replace(/&/g, '&amp;')}"></figure>`;
    expect(toMarkdown(html)).toBe(`[![올레길](${first})](https://tv.kakao.com/v/4123)`);
  });

  test('an empty or broken first entry is passed over', () => {
    const second = 'https://scrap.kakaocdn.net/dn/d4E5f6/hyY8/EfGh/img.jpg';
    const html = `<figure data-ke-type="video" data-video-url="https://tv.kakao.com/v/4123" data-video-title="올레길" data-video-thumbnail=" ,https://,${second}"></figure>`;
    expect(toMarkdown(html)).toBe(`[![올레길](${second})](https://tv.kakao.com/v/4123)`);
  });
});
