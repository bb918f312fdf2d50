import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

const ORIGINAL = 'https://blog.kakaocdn.net/dn/bA1/btsX2/Cc3Dd4/img.png';
const proxied = (url: string, size = 'R1280x0') =>
  `https://img1.daumcdn.net/thumb/${size}/?scode=mtistory2&fname=${encodeURIComponent(url)}`;

describe('images', () => {
  test('a proxy URL in src is unwrapped to the original by its fname', () => {
    expect(toMarkdown(`<p><img src="${proxied(ORIGINAL).replace(/&/g, '&amp;')}" alt="a"></p>`)).toBe(`![a](${ORIGINAL})`);
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
    const thumbnailOnly = toMarkdown('<p>앞 <img srcset="https://thumb.example/small.png 1x, https://thumb.example/big.png 2x"> 뒤</p>');
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
    expect(toMarkdown('<img src="//t1.daumcdn.net/cfile/tistory/99AB">')).toBe('![](https://t1.daumcdn.net/cfile/tistory/99AB)');
  });

  test('alt text and URLs are made safe for Markdown', () => {
    expect(toMarkdown('<img src="https://a.example/x (1).png" alt="그림 [1]\n둘째">')).toBe(
      '![그림 \\[1\\] 둘째](https://a.example/x%20\\(1\\).png)',
    );
  });

  test('the caption is an italic line right under the image, and a linked image keeps its link', () => {
    const html = `<figure class="imageblock"><a href="https://example.com"><img src="${ORIGINAL}"></a><figcaption>캡션<br>둘째 줄</figcaption></figure>`;
    expect(toMarkdown(html)).toBe(`[![](${ORIGINAL})](https://example.com)\n*캡션 둘째 줄*`);
  });
});
