// The look of the default layouts the site formats ship (Hugo, Jekyll, Hexo, Astro): one stylesheet,
// inlined in each page's <head>, so a site reads well on a phone before the user picks a theme.

/** The `<meta>` lines every default page starts its head with. */
export const HEAD_META = '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">';

/**
 * System fonts that carry Hangul on every platform before the Latin fallbacks, a line height and
 * `keep-all` line breaking suited to Korean text, and nothing in a post (image, video, table, code)
 * wider than the screen.
 */
export const SITE_CSS = `*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 46rem; padding: 1.5rem 1.25rem 4rem;
  font-family: -apple-system, BlinkMacSystemFont, "Apple SD Gothic Neo", "Malgun Gothic", "맑은 고딕",
    "Noto Sans KR", "Noto Sans CJK KR", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem; line-height: 1.8; color: #222; background: #fff;
  word-break: keep-all; overflow-wrap: break-word;
}
a { color: #1d5fbf; }
.site-header { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: baseline;
  padding-bottom: .75rem; margin-bottom: 2rem; border-bottom: 1px solid #e5e5e5; }
.site-title { font-size: 1.25rem; font-weight: 700; color: inherit; text-decoration: none; }
.site-header nav a { margin-right: .75rem; color: #555; }
h1, h2, h3, h4, h5, h6 { line-height: 1.4; margin: 2rem 0 1rem; }
article > h1 { margin-top: 0; }
.meta { color: #777; font-size: .9rem; margin-top: -.5rem; }
.meta a { color: inherit; }
.post-list { list-style: none; padding: 0; }
.post-list li { display: flex; gap: 1rem; justify-content: space-between; align-items: baseline;
  padding: .5rem 0; border-bottom: 1px solid #f0f0f0; }
.post-list time { color: #777; font-size: .9rem; white-space: nowrap; font-variant-numeric: tabular-nums; }
.label { font-size: .8rem; color: #b45309; margin-right: .4rem; }
img, video { max-width: 100%; height: auto; }
iframe { max-width: 100%; }
figure { margin: 1.5rem 0; text-align: center; }
figcaption { font-size: .875rem; color: #777; }
blockquote { margin: 1.5rem 0; padding: .25rem 1rem; border-left: 4px solid #ddd; color: #555; }
pre { overflow-x: auto; padding: 1rem; background: #f6f8fa; border-radius: 6px; line-height: 1.5; word-break: normal; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "D2Coding", monospace; font-size: .9em; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #ddd; padding: .4rem .7rem; }
hr { border: 0; border-top: 1px solid #e5e5e5; margin: 2rem 0; }
`;
