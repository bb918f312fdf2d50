// A whole post page whose body nests wrappers 100 000 deep (a hostile page) or 2 000 deep (old-editor
// pasting) is extracted and exported like any other: nothing on the way (parsing, the page checks, body
// cleaning, the export's conversion) may overflow the stack, and the post keeps its text.

import { describe, expect, test } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { readPage } from '../../src/read/pure-stages.js';
import { bodyText } from '../helpers/body-text.js';
import { loadPageFixture } from '../helpers/page-fixtures.js';

const page = loadPageFixture('old-editor-ray');
const BODY_MARK = '<div class="contents_style">';

function nested(open: string, close: string, depth: number, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** The old-editor fixture page, chrome and all, with `body` in place of its post. */
function pageWithBody(body: string): string {
  const start = page.html.indexOf(BODY_MARK) + BODY_MARK.length;
  const end = page.html.indexOf('</div>', page.html.indexOf('꽃이 피면 다시 기록해야지.'));
  expect(start).toBeGreaterThan(BODY_MARK.length);
  expect(end).toBeGreaterThan(start);
  return page.html.slice(0, start) + body + page.html.slice(end);
}

/** The same page without the facts that say it is a post, so the "deleted post" check reads its text. */
function withoutPostFacts(html: string): string {
  const stripped = html
    .replace(/<meta property="article:(?:txid|published_time)"[^>]*>/g, '')
    .replace(/window\.T\.entryInfo = [^\n]*\n/, '');
  expect(stripped).not.toContain('article:txid');
  expect(stripped).not.toContain('T.entryInfo');
  return stripped;
}

/** The page as the export reads it: parsed once, the body converted where it was found. */
function exported(html: string): string {
  const names = { blogOrigin: 'https://gardenlog.tistory.com', origins: ['https://gardenlog.tistory.com'] };
  const read = readPage(html, page.fetchedUrl, { images: 'none', names });
  if (read.status !== 'ok') throw new Error(`extraction ${read.status}`);
  return read.body.markdown;
}

const DEEP_DIVS = `<p>첫 문단</p>${nested('<div>', '</div>', 100_000, '<p>가장 깊은 곳의 글</p>')}<p>끝 문단</p>`;

describe('a page whose body nests 100 000 divs', () => {
  test('is extracted with its metadata and all its text, and exported', () => {
    const extraction = extractPost(pageWithBody(DEEP_DIVS), page.fetchedUrl);
    expect(extraction.status).toBe('ok');
    if (extraction.status !== 'ok') return;
    expect(extraction.meta.id).toBe('57');
    expect(extraction.meta.title).toBe('방울토마토 모종 옮겨 심기');
    expect(extraction.bodyFoundBy).toBe('skin');
    // The 100 000 bare divs around one paragraph add nothing to it: one stays.
    expect(extraction.bodyHtml).toBe('<p>첫 문단</p><div><p>가장 깊은 곳의 글</p></div><p>끝 문단</p>');
    expect(exported(pageWithBody(DEEP_DIVS))).toBe('첫 문단\n\n가장 깊은 곳의 글\n\n끝 문단');
  });

  test('that states no post facts is still read as a post, not as a deleted one', () => {
    const html = withoutPostFacts(pageWithBody(DEEP_DIVS));
    expect(extractPost(html, page.fetchedUrl).status).toBe('ok');
    expect(exported(html)).toBe('첫 문단\n\n가장 깊은 곳의 글\n\n끝 문단');
  });

  test('in a deleted-post page is still the deleted post', () => {
    const missing = loadPageFixture('missing-tistory-error-page');
    const deep = missing.html.replace('<body>', `<body>${nested('<div>', '</div>', 100_000, '')}`);
    expect(deep.length).toBeGreaterThan(missing.html.length);
    expect(extractPost(deep, missing.fetchedUrl).status).toBe('missing');
  });
});

describe('a page whose body nests 2 000 styled spans and fonts', () => {
  const pair = ['<span style="font-size: 10pt;"><font face="돋움">', '</font></span>'] as const;
  const body = `<p>${nested(...pair, 500, `보통 ${nested('<span style="font-weight: bold;">', '</span>', 1, nested(...pair, 500, '굵게'))} 보통`)}</p>`;

  test('is extracted and exported with the bold part bold once', () => {
    const extraction = extractPost(pageWithBody(body), page.fetchedUrl);
    expect(extraction.status).toBe('ok');
    if (extraction.status !== 'ok') return;
    expect(bodyText(extraction.bodyHtml).trim()).toBe('보통 굵게 보통');
    expect(exported(pageWithBody(body))).toBe('보통 **굵게** 보통');
  });

  test('without post facts is read as a post', () => {
    expect(extractPost(withoutPostFacts(pageWithBody(body)), page.fetchedUrl).status).toBe('ok');
  });
});
