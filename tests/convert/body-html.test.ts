// The clean HTML the HTML formats (WXR, Ghost, posts.jsonl) carry: made from the same prepared body as
// the Markdown, with the old editor's styling and Tistory's editor markup gone.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it, test } from 'vitest';
import { KEPT_ATTRIBUTES } from '../../src/convert/body-html.js';
import { CASES_DIR, caseNames, convertAsExport as convert } from './golden-case-set.js';

const htmlOf = (body: string) => convert(body).html;

describe('clean HTML of a post body', () => {
  it('an old-editor body loses its fonts, sizes, margins and image wrapper, and keeps bold, breaks, the image and centring', () => {
    const body = [
      '<p style="margin: 0px;"><font face="맑은 고딕" size="3"><span style="FONT-SIZE: 12pt">오랜만에 쓰는 글.</span></font><br /><br /></p>',
      '<p style="margin: 0px;"><font color="#ff0000"><span style="font-family: 돋움; FONT-WEIGHT: bold">빨간 굵은 글씨</span></font>와 <b>굵게</b></p>',
      '<p style="margin: 0px;">&nbsp;</p>',
      '<P style="MARGIN: 0px; TEXT-ALIGN: center" align=center><span class="imageblock" style="display: inline-block; width: 500px; max-width: 100%;">',
      '<img src="https://t1.daumcdn.net/cfile/tistory/1756AB3C4F1E2D3A0B" style="cursor: pointer; max-width: 100%;" width="500" height="375" filename="여행 사진 1.jpg" filemime="image/jpeg" /></span></P>',
      '<p style="margin: 0px;"><br /></p>',
    ].join('\n');
    expect(htmlOf(body)).toBe(
      [
        '<p>오랜만에 쓰는 글.<br><br></p>',
        '<p><b>빨간 굵은 글씨</b>와 <b>굵게</b></p>',
        '<p style="text-align: center"><img src="https://t1.daumcdn.net/cfile/tistory/1756AB3C4F1E2D3A0B"></p>',
      ].join('\n'),
    );
  });

  it('new-editor blocks become plain HTML: no data-ke attributes, a code block with its language, the figure and caption', () => {
    const body = [
      '<p data-ke-size="size16">설치 화면:</p>',
      '<p><figure class="imageblock alignCenter" data-ke-mobilestyle="widthOrigin" data-filename="setup.png" data-origin-width="1280">',
      '<span data-url="https://blog.kakaocdn.net/dn/a/b/c/img.png" data-lightbox="lightbox"><img src="https://blog.kakaocdn.net/dn/a/b/c/img.png" srcset="https://img1.daumcdn.net/thumb/R1280x0/?fname=x" loading="lazy" width="1280" height="800"></span>',
      '<figcaption>설치 완료</figcaption></figure></p>',
      '<pre id="code_1" class="swift" data-ke-language="swift" data-ke-type="codeblock"><code><span class="hljs-keyword">let</span> a = 1 &lt; 2</code></pre>',
      '<h2 data-ke-size="size26">표</h2>',
      '<table style="border-collapse: collapse; width: 100%;" border="1" data-ke-align="alignLeft"><tbody><tr><td style="width: 50%;" colspan="2">합친 칸</td></tr></tbody></table>',
      '<hr contenteditable="false" data-ke-type="horizontalRule" data-ke-style="style6">',
      '<p data-ke-size="size16"><a href="/category/%EA%B0%9C%EB%B0%9C" target="_blank" rel="noopener">개발</a> 글 모음</p>',
    ].join('\n');
    expect(htmlOf(body)).toBe(
      [
        '<p>설치 화면:</p>',
        // The caption becomes the alt text earlier, where the export finds the images (`templateBody`).
        '<figure><img src="https://blog.kakaocdn.net/dn/a/b/c/img.png"><figcaption>설치 완료</figcaption></figure>',
        '<pre><code class="language-swift">let a = 1 &lt; 2</code></pre>',
        '<h2>표</h2>',
        '<table><tbody><tr><td colspan="2">합친 칸</td></tr></tbody></table>',
        '<hr>',
        // Relative to the old blog, as the Markdown makes it: the new site has no such page.
        '<p><a href="https://blog.tistory.com/category/%EA%B0%9C%EB%B0%9C">개발</a> 글 모음</p>',
      ].join('\n'),
    );
  });

  it('keeps a player a web page can show (the YouTube iframe, an uploaded video) and makes a Flash player a link', () => {
    const html = htmlOf(
      [
        '<figure data-ke-type="video" data-ke-style="alignCenter" data-video-host="youtube" data-video-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ">',
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="860" height="484" frameborder="" allowfullscreen="true"></iframe><figcaption>설명 영상</figcaption></figure>',
        '<p><video src="https://blog.kakaocdn.net/dn/x/y/z/demo.mp4?attach=1&amp;knm=tfile.mp4" style="width: 100%"></video></p>',
        '<p><embed src="http://www.youtube.com/v/Ab3dE5gH7jK&amp;hl=ko_KR" type="application/x-shockwave-flash" width="425" height="344"></p>',
      ].join('\n'),
    );
    expect(html).toContain(
      '<figure><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="860" height="484" allowfullscreen="true"></iframe><figcaption>설명 영상</figcaption></figure>',
    );
    expect(html).toContain(
      '<video src="https://blog.kakaocdn.net/dn/x/y/z/demo.mp4?attach=1&amp;knm=tfile.mp4" controls=""></video>',
    );
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=Ab3dE5gH7jK">');
    expect(html).not.toMatch(/<embed|<object/);
  });

  it('puts running text on one line, so WordPress does not turn the source’s line breaks into <br>', () => {
    expect(htmlOf('<p>첫 문장이 길어서\n  편집기가 줄을 바꿨다.</p>\n\n\n<pre><code>줄 하나\n줄 둘</code></pre>')).toBe(
      '<p>첫 문장이 길어서 편집기가 줄을 바꿨다.</p>\n<pre><code>줄 하나\n줄 둘</code></pre>',
    );
  });

  test.each(caseNames)('%s: nothing of the old site’s styling or the editor’s markup is left', (name) => {
    const input = readFileSync(join(CASES_DIR, name, 'input.html'), 'utf8');
    const $ = cheerio.load(convert(input).html, null, false);
    expect($('font, span, script, style, object, embed, xmp').length, name).toBe(0);
    for (const element of $('*').toArray()) {
      if (element.type !== 'tag') continue;
      for (const [attribute, value] of Object.entries(element.attribs)) {
        const where = `${name}: <${element.name} ${attribute}="${value}">`;
        if (attribute === 'style') expect(value, where).toMatch(/^text-align: (?:center|right)$/);
        else if (attribute === 'class') expect(`${element.name} ${value}`, where).toMatch(/^code language-\S+$/);
        else expect(KEPT_ATTRIBUTES[element.name] ?? [], where).toContain(attribute);
      }
    }
  });
});
