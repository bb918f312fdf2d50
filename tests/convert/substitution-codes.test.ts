import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { parseImageCode } from '../../src/convert/prepare/image-codes.js';

describe('parseImageCode', () => {
  test('kage paths map to the original CDN, with the caption from the last plain field', () => {
    expect(parseImageCode('Image', 'kage@a/b/c/img.png|alignCenter|width="10"|캡션|')).toEqual([
      { url: 'https://blog.kakaocdn.net/dn/a/b/c/img.png', alt: '', caption: '캡션' },
    ]);
  });

  test('an image grid gives every image, the caption on the last', () => {
    const images = parseImageCode(
      'ImageGrid',
      'kage@a/1/img.png|data-origin-width="1"|,kage@a/2/img.png|data-origin-width="1"|둘',
    );
    expect(images.map((image) => [image.url, image.caption])).toEqual([
      ['https://blog.kakaocdn.net/dn/a/1/img.png', ''],
      ['https://blog.kakaocdn.net/dn/a/2/img.png', '둘'],
    ]);
  });

  test('old cfile codes: three fields per image, file name as alt, bare names as attachments', () => {
    expect(parseImageCode('1L', 'cfile2.uf@ABC123.gif|width="1" filename="움짤.gif"|')).toEqual([
      { url: 'https://cfile2.uf.tistory.com/image/ABC123', alt: '움짤.gif', caption: '' },
    ]);
    expect(parseImageCode('1C', '1234.jpg|alt="사진"|설명')).toEqual([
      { url: '/attachment/1234.jpg', alt: '사진', caption: '설명' },
    ]);
    expect(parseImageCode('1C', 'not a file|x|')).toEqual([]);
  });
});

describe('codes in posts', () => {
  test('an attachment code resolves against the post URL', () => {
    expect(toMarkdown('<p>[##_1C|1234.jpg|alt=""|_##]</p>', { baseUrl: 'https://x.tistory.com/5' })).toBe(
      '![](https://x.tistory.com/attachment/1234.jpg)',
    );
  });

  test('a collapsible code without a closing mark stays text', () => {
    expect(toMarkdown('<p>[#M_더보기|접기|끝이 없다</p>')).toBe('\\[#M_더보기|접기|끝이 없다');
  });
});
