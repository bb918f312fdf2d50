import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { assetKey, isAttachmentUrl, printableUrl, withoutSignedQueries } from '../../src/assets/asset-url.js';
import { filenameFromContentDisposition, storedFileName } from '../../src/assets/file-name.js';
import { extensionFromBytes } from '../../src/assets/file-type.js';
import { gifImage, jpegImage, pngImage, zipArchive } from '../../demo/blog/fixture-images.js';
import { templateBody, type TemplateOptions } from '../../src/body/body-template.js';
import { firstUrlOf } from '../../src/util/url-list.js';

const HASH = 'ab12cd34'.padEnd(64, '0');
const sources = {
  hint: null,
  contentType: undefined,
  contentDisposition: undefined,
  body: Buffer.alloc(0),
  sha256: HASH,
};

describe('stored file names', () => {
  it('keep Hangul, drop the query and anything a link would have to escape', () => {
    expect(storedFileName({ ...sources, hint: '여행 일정 (최종).xlsx', url: 'https://x/a?attach=1' })).toBe(
      '여행-일정-최종-ab12cd34.xlsx',
    );
    expect(
      storedFileName({ ...sources, url: 'https://blog.kakaocdn.net/dna/a/b/c/img.png?credential=x&signature=y' }),
    ).toBe('img-ab12cd34.png');
  });

  it('take the extension from Content-Type, then the magic bytes, when the name has none', () => {
    const url = 'https://t1.daumcdn.net/cfile/tistory/2459C14C56E6B2F633';
    expect(storedFileName({ ...sources, url, contentType: 'image/jpeg' })).toBe('2459C14C56E6B2F633-ab12cd34.jpg');
    expect(storedFileName({ ...sources, url, contentType: 'application/octet-stream', body: gifImage('x') })).toBe(
      '2459C14C56E6B2F633-ab12cd34.gif',
    );
    expect(storedFileName({ ...sources, url, body: Buffer.from('???') })).toBe('2459C14C56E6B2F633-ab12cd34.bin');
  });

  it('read Content-Disposition, the RFC 6266 form first', () => {
    expect(
      filenameFromContentDisposition(`attachment; filename="a.zip"; filename*=UTF-8''%EC%97%AC%ED%96%89.zip`),
    ).toBe('여행.zip');
    expect(filenameFromContentDisposition('attachment; filename="report.pdf"')).toBe('report.pdf');
    expect(
      storedFileName({
        ...sources,
        url: 'https://x/dn/a/tfile',
        contentDisposition: 'attachment; filename="자료.pdf"',
      }),
    ).toBe('자료-ab12cd34.pdf');
  });

  it('take the extension from bytes that prove an image type, over the name, keeping the name’s stem', () => {
    const url = 'https://blog.kakaocdn.net/dn/a/b/c/img.png';
    expect(
      storedFileName({ ...sources, url, hint: 'edited.jpeg', contentType: 'image/jpeg', body: pngImage('a') }),
    ).toBe('edited-ab12cd34.png');
    expect(
      storedFileName({
        ...sources,
        url: 'https://t1.daumcdn.net/cfile/tistory/99AB',
        contentType: 'image/jpeg',
        body: gifImage('a'),
      }),
    ).toBe('99AB-ab12cd34.gif');
    // The same type under another spelling keeps the author's spelling.
    expect(storedFileName({ ...sources, url, hint: 'photo.JPEG', body: jpegImage('a') })).toBe('photo-ab12cd34.jpeg');
    // Bytes that are no image type leave the name alone: an .xlsx is a zip.
    expect(storedFileName({ ...sources, url, hint: '일정.xlsx', body: zipArchive('a') })).toBe('일정-ab12cd34.xlsx');
  });

  it('take "BM" for a bitmap only when the length it states is the file’s', () => {
    const bitmap = Buffer.alloc(30);
    bitmap.write('BM', 0, 'latin1');
    bitmap.writeUInt32LE(bitmap.length, 2);
    expect(extensionFromBytes(bitmap)).toBe('bmp');
    const text = Buffer.from('BMW 320d 정비 기록\n', 'utf8');
    expect(extensionFromBytes(text)).toBeNull();
    expect(storedFileName({ ...sources, url: 'https://x/dn/a', hint: '정비.txt', body: text })).toBe(
      '정비-ab12cd34.txt',
    );
  });

  it('recognise the files the fixture CDN makes by their bytes', () => {
    expect([pngImage('a'), jpegImage('a'), gifImage('a'), zipArchive('a')].map(extensionFromBytes)).toEqual([
      'png',
      'jpg',
      'gif',
      'zip',
    ]);
  });
});

describe('asset URLs', () => {
  it('recognise a signed URL across signatures', () => {
    const path = 'https://blog.kakaocdn.net/dna/a/b/c/img.png';
    expect(assetKey(`${path}?credential=1&expires=2&allow_ip=&signature=3`)).toBe(
      assetKey(`${path}?credential=9&expires=8&allow_ip=&signature=7`),
    );
    expect(assetKey('https://x/dn/a.png?w=1')).toBe('https://x/dn/a.png?w=1');
  });

  it('print without the query, and take a signed query out of any text', () => {
    const signed = 'https://blog.kakaocdn.net/dna/a/b/c/img.png?credential=K1&expires=2&allow_ip=&signature=Zx%3D';
    expect(printableUrl(signed)).toBe('https://blog.kakaocdn.net/dna/a/b/c/img.png');
    expect(printableUrl('https://x/dn/a.png#top')).toBe('https://x/dn/a.png');
    expect(withoutSignedQueries(`not in the cache (--offline): ${signed}; again ${signed}`)).toBe(
      'not in the cache (--offline): https://blog.kakaocdn.net/dna/a/b/c/img.png; again https://blog.kakaocdn.net/dna/a/b/c/img.png',
    );
    // A page's query says which page: only signed ones go.
    expect(withoutSignedQueries('retry https://name.tistory.com/category?page=2 in 1s')).toBe(
      'retry https://name.tistory.com/category?page=2 in 1s',
    );
  });

  it('take the first URL of a comma-joined list, and keep a comma inside one URL', () => {
    expect(firstUrlOf('https://scrap.kakaocdn.net/dn/a.jpg?width=640,https://scrap.kakaocdn.net/dn/b.jpg')).toBe(
      'https://scrap.kakaocdn.net/dn/a.jpg?width=640',
    );
    expect(firstUrlOf('//scrap.kakaocdn.net/dn/a.jpg, //scrap.kakaocdn.net/dn/b.jpg')).toBe(
      '//scrap.kakaocdn.net/dn/a.jpg',
    );
    expect(firstUrlOf('https://x.example/a.jpg?size=1,2')).toBe('https://x.example/a.jpg?size=1,2');
    expect(firstUrlOf('not a url,https://x.example/b.jpg')).toBe('https://x.example/b.jpg');
    expect(firstUrlOf('')).toBe('');
  });

  it('tell uploads from pages', () => {
    expect(isAttachmentUrl('https://blog.kakaocdn.net/dn/a/b/c/tfile.zip?attach=1&knm=tfile.zip')).toBe(true);
    expect(isAttachmentUrl('https://cfile9.uf.tistory.com/attachment/1234')).toBe(true);
    expect(isAttachmentUrl('https://docs.python.org/3/')).toBe(false);
  });
});

/** The template of a body, and the body HTML it leaves. */
function templated(bodyHtml: string, options: TemplateOptions) {
  const $ = load(bodyHtml, null, false);
  return { ...templateBody($, options), html: $.html() };
}

describe('body templates', () => {
  const baseUrl = 'https://name.tistory.com/30';
  const options = {
    baseUrl,
    images: 'download' as const,
    postKeyOf: (url: string) =>
      /name\.tistory\.com\/(\d+)/.exec(url) ? `/${/\/(\d+)/.exec(new URL(url).pathname)![1]}` : null,
  };

  it('take the original over the srcset thumbnail and tokenise every place it appears', () => {
    const original = 'https://blog.kakaocdn.net/dn/a/b/c/img.png';
    const thumb = `https://img1.daumcdn.net/thumb/R1280x0/?fname=${encodeURIComponent(original)}`;
    const template = templated(
      `<figure class="imageblock" data-filename="지도.png"><span data-url="${original}" data-lightbox="lightbox"><img src="${thumb}" srcset="${thumb}"></span></figure><a href="${original}">원본</a>`,
      options,
    );
    expect(template.assets).toEqual([{ url: original, kind: 'image', hint: '지도.png' }]);
    expect(template.html).not.toContain('daumcdn');
    expect(template.html).not.toContain('kakaocdn');
  });

  it('keep Tistory UI images remote and make post links tokens that remember the fragment', () => {
    const template = templated(
      '<img src="https://t1.daumcdn.net/tistory_admin/static/images/no-image-v1.png"><a href="/12#intro">앞 글</a><a href="https://other.example/12">남의 글</a>',
      options,
    );
    expect(template.assets).toEqual([]);
    expect(template.links).toEqual([{ url: 'https://name.tistory.com/12#intro', key: '/12', fragment: '#intro' }]);
    expect(template.html).toContain('https://other.example/12');
  });
  it('download Kakao emoticons like any image the author put in: they vanish with the CDN', () => {
    const emoticon = 'https://t1.daumcdn.net/keditor/emoticon/friends1/large/004.gif';
    const template = templated(
      `<figure data-ke-type="emoticon" data-emoticon-src="${emoticon}"><img src="${emoticon}" width="150"></figure><p>중간 <img src="${emoticon}" width="60"> 또</p>`,
      options,
    );
    expect(template.assets).toEqual([{ url: emoticon, kind: 'image', hint: null }]);
    expect(template.html.match(/src="tistory-export:asset:0"/g)).toHaveLength(2);
  });

  it('take the first URL of a comma-joined video thumbnail', () => {
    const first = 'https://scrap.kakaocdn.net/dn/a1B2c3/hyZ9/AbCd/img.jpg?width=640&height=360';
    const template = templated(
      `<figure data-ke-type="video" data-video-url="https://tv.kakao.com/v/1" data-video-thumbnail="${first.replace(/&/g, '&amp;')},https://scrap.kakaocdn.net/dn/x/y/img.jpg"></figure>`,
      options,
    );
    expect(template.assets).toEqual([{ url: first, kind: 'image', hint: null }]);
    expect(template.html).toContain('data-video-thumbnail="tistory-export:asset:0"');
  });

  it('give the HTML the alt text the Markdown gets: no file names', () => {
    const src = 'https://t1.daumcdn.net/cfile/tistory/99E2A4415A3B7C1D22';
    const template = templated(
      `<span class="imageblock"><img src="${src}" alt="IMG_1234.JPG" filename="IMG_1234.JPG"></span>` +
        `<figure class="imageblock" data-filename="a.png"><span data-url="${src}2" data-alt=""><img src="${src}2"></span><figcaption>알림 설정<br>화면</figcaption></figure>`,
      options,
    );
    expect(template.html).toContain('<img src="tistory-export:asset:0" alt="" filename="IMG_1234.JPG">');
    expect(template.html).toContain('<img src="tistory-export:asset:1" alt="알림 설정 화면">');
    expect(template.assets.map((asset) => asset.hint)).toEqual(['IMG_1234.JPG', 'a.png']);
  });

  it('download the images of old substitution codes and video thumbnails too', () => {
    const template = templated(
      '<p>[##_Image|kage@bW3x/btq1/Ab9c/img.jpg|alignCenter|data-filename="야경.jpg"|야경_##]</p>' +
        '<figure data-ke-type="video" data-video-host="youtube" data-video-url="https://www.youtube.com/watch?v=abc"' +
        ' data-video-thumbnail="https://scrap.kakaocdn.net/dn/v1/thumb.jpg?width=640&amp;height=360"></figure>',
      options,
    );
    expect(template.assets.map((asset) => asset.url)).toEqual([
      'https://blog.kakaocdn.net/dn/bW3x/btq1/Ab9c/img.jpg',
      'https://scrap.kakaocdn.net/dn/v1/thumb.jpg?width=640&height=360',
    ]);
    expect(template.html).not.toContain('kakaocdn');
    expect(template.html).not.toContain('[##_');
  });
});
