// No script, event handler or javascript: URL survives from a post page into the clean HTML or the
// Markdown, however the author (or an attacker) spelled it; the writing around it stays.

import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { extractPost } from '../../src/extract/index.js';

const URL = 'https://victim.tistory.com/7';

function page(body: string): string {
  return `<!doctype html><html><head><meta property="og:title" content="위험한 글"><meta property="article:txid" content="1_7"></head>
<body id="tt-body-page"><div class="article-view"><div class="tt_article_useless_p_margin contents_style">
<p data-ke-size="size16">안전한 문장은 남는다.</p>${body}</div></div></body></html>`;
}

/** Strips what browsers ignore inside a scheme, as they do before deciding what a URL runs. */
const squeeze = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
const ACTIVE = /^(javascript|vbscript|livescript):|^data:text\/html/;

function expectInert(html: string, markdown: string): void {
  const $ = load(html);
  expect($('script, base').length).toBe(0);
  $('*').each((_, element) => {
    for (const [name, value] of Object.entries((element as { attribs: Record<string, string> }).attribs)) {
      expect(name, `${name}="${value}"`).not.toMatch(/^on/i);
      expect(name).not.toBe('srcdoc');
      expect(squeeze(value), `${name}="${value}"`).not.toMatch(ACTIVE);
    }
  });
  // Inside a fenced code block a tag is text the author wrote about, not markup.
  expect(markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')).not.toMatch(/<script/i);
  for (const match of markdown.matchAll(/\]\(([^)]*)\)/g)) expect(squeeze(match[1] ?? '')).not.toMatch(ACTIVE);
}

function exportBody(body: string) {
  const extraction = extractPost(page(body), URL);
  expect(extraction.status).toBe('ok');
  if (extraction.status !== 'ok') throw new Error('not ok');
  return { html: extraction.bodyHtml, markdown: toMarkdown(extraction.bodyHtml, { baseUrl: URL }) };
}

describe('active content', () => {
  it('removes scripts, handlers and javascript: links from a hostile post and keeps its writing', () => {
    const { html, markdown } = exportBody(`
<p onclick="steal()">클릭하면 <a href="javascript:alert(1)">이 링크</a>가 실행된다.</p>
<p><a href=" JaVaScRiPt&#x3A;alert(2)">대소문자 섞은 링크</a> <a href="java&#x09;script:alert(3)">탭 넣은 링크</a></p>
<img src="https://blog.kakaocdn.net/dn/a/b/c/img.png" onerror="alert(4)" alt="그림">
<svg><script>alert(5)</script><a href="javascript:alert(6)"><text>svg 링크</text></a></svg>
<iframe src="javascript:alert(7)"></iframe><iframe srcdoc="<script>alert(8)</script>"></iframe>
<figure data-ke-type="opengraph" data-og-url="javascript:alert(9)"><a href="vbscript:msgbox(1)"><p class="og-title">카드 제목</p></a></figure>
<form action="javascript:alert(10)"><button formaction="javascript:alert(11)">버튼</button></form>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=">데이터 링크</a>
<base href="https://evil.example/"><object data="javascript:alert(13)"></object>
<pre data-ke-language="javascript"><code>&lt;script&gt;console.log("코드 속 태그는 글이다")&lt;/script&gt;</code></pre>
<p><a href="https://example.com/safe">안전한 링크</a></p>`);
    expectInert(html, markdown);
    for (const text of [
      '안전한 문장은 남는다',
      '클릭하면',
      '이 링크',
      '대소문자 섞은 링크',
      '카드 제목',
      '데이터 링크',
    ]) {
      expect(markdown).toContain(text);
    }
    expect(markdown).toContain('[안전한 링크](https://example.com/safe)');
    expect(markdown).toContain('```javascript');
    expect(markdown).toContain('<script>console.log("코드 속 태그는 글이다")</script>');
    expect(html).toContain('data-ke-language="javascript"');
  });

  it('leaves nothing active for any mix of attributes and URL spellings', () => {
    const scheme = fc
      .tuple(
        fc.constantFrom('javascript', 'vbscript', 'JavaScript', 'jAvAsCrIpT'),
        fc.array(fc.constantFrom('', '\t', '\n', ' ', '\u0000'), { maxLength: 3 }),
      )
      .map(([name, junk]) => {
        const at = Math.floor(name.length / 2);
        return `${junk.join('')}${name.slice(0, at)}${junk.join('')}${name.slice(at)}:alert(1)`;
      });
    const attribute = fc.oneof(
      fc.tuple(
        fc.constantFrom('href', 'src', 'data-url', 'data-og-url', 'action', 'formaction', 'poster', 'xlink:href'),
        scheme,
      ),
      fc.tuple(fc.constantFrom('onclick', 'onerror', 'onload', 'ONMOUSEOVER', 'onfocus'), fc.constant('alert(1)')),
      fc.tuple(
        fc.constantFrom('href', 'title', 'class'),
        fc.constantFrom('https://example.com/', '본문', 'javascript', 'note: javascript:x'),
      ),
    );
    const element = fc
      .tuple(
        fc.constantFrom('a', 'img', 'iframe', 'p', 'span', 'figure', 'video', 'embed'),
        fc.array(attribute, { maxLength: 4 }),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
      )
      .map(([tag, attributes, text]) => {
        const attrs = attributes
          .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
          .join('');
        return `<${tag}${attrs}>${text.replace(/[<&]/g, '')}</${tag}>`;
      });
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 8 }), (elements) => {
        const { html, markdown } = exportBody(`<p>${elements.join(' ')}</p>`);
        expectInert(html, markdown);
      }),
      { numRuns: 500 },
    );
  });
});
