import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/report/sanitize-html.js';

describe('sanitizeHtml', () => {
  it('drops scripts, styles, comments and event handlers, keeping the text around them', () => {
    const html =
      '<p onclick="alert(1)" style="color: red">글<script>alert(1)</script><!-- note --></p><style>p{}</style><noscript>x</noscript>';
    expect(sanitizeHtml(html)).toBe('<p style="color: red">글</p>');
  });

  it('keeps local images and turns remote ones into a link that loads nothing', () => {
    expect(sanitizeHtml('<img src="../../assets/책상.jpg" alt="책상" onerror="x()" srcset="a.jpg 2x">')).toBe(
      '<img src="../../assets/책상.jpg" alt="책상">',
    );
    expect(sanitizeHtml('<p><img src="https://blog.kakaocdn.net/dn/a/img.jpg"></p>')).toBe(
      '<p><span class="not-loaded">[image not downloaded <a href="https://blog.kakaocdn.net/dn/a/img.jpg" target="_blank" rel="noopener noreferrer">https://blog.kakaocdn.net/dn/a/img.jpg</a>]</span></p>',
    );
    expect(sanitizeHtml('<img src="//cdn.example/a.png">')).toBe(
      '<span class="not-loaded">[image not downloaded]</span>',
    );
  });

  it('shows frames and players as links instead of loading them', () => {
    expect(sanitizeHtml('<iframe src="https://www.youtube.com/embed/abc"></iframe>')).toContain(
      '[embedded content <a href="https://www.youtube.com/embed/abc"',
    );
    expect(sanitizeHtml('<iframe src="javascript:alert(1)"></iframe>')).toBe(
      '<span class="not-loaded">[embedded content]</span>',
    );
    expect(sanitizeHtml('<video src="../../assets/clip.mp4" autoplay onplay="x()"></video>')).toBe(
      '<video src="../../assets/clip.mp4" controls=""></video>',
    );
    expect(sanitizeHtml('<video><source src="https://example.com/clip.mp4"></video>')).toContain(
      '[video not downloaded',
    );
  });

  it('keeps web, mail and relative links, and removes script and data ones', () => {
    expect(sanitizeHtml('<a href="JavaScript:alert(1)">a</a><a href="data:text/html,x">b</a>')).toBe(
      '<a>a</a><a>b</a>',
    );
    expect(sanitizeHtml('<a href="mailto:a@b.c">m</a><a href="#note">n</a>')).toBe(
      '<a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer">m</a><a href="#note">n</a>',
    );
  });

  it('drops a style that could load something', () => {
    expect(sanitizeHtml('<div style="background: url(https://x.example/a.png)">t</div>')).toBe('<div>t</div>');
  });
});
