import { escapeHtml } from '../util/html-escape.js';
import type { ReportRow } from './report-rows.js';
import { encodePath } from './view-path.js';
import { documentHead } from './document-head.js';

export interface PostViewInput {
  row: ReportRow;
  /** Both already sanitised, with URLs relative to the view's own file. */
  originalHtml: string;
  markdownHtml: string;
  markdown: string;
}

/**
 * Loads nothing but local files even if the sanitiser missed something, and runs no script: the page
 * only lays out two bodies.
 */
const VIEW_POLICY = "default-src 'none'; img-src 'self' file: data:; media-src 'self' file:; style-src 'unsafe-inline'";

const VIEW_STYLE = `
:root { color-scheme: light; font-family: system-ui, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", sans-serif; }
body { margin: 0; color: #1f2328; background: #fff; }
header { padding: 12px 20px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
header h1 { margin: 0 0 4px; font-size: 1.25rem; }
header p { margin: 0; color: #59636e; font-size: 0.875rem; }
.compare { display: grid; grid-template-columns: 1fr 1fr; }
.compare > section { min-width: 0; padding: 0 20px 24px; }
.compare > section + section { border-left: 1px solid #d0d7de; }
.compare h2 { position: sticky; top: 0; margin: 0 -20px 12px; padding: 8px 20px; font-size: 0.8125rem;
  text-transform: uppercase; letter-spacing: 0.04em; color: #59636e; background: #fff; border-bottom: 1px solid #d0d7de; }
.body { line-height: 1.7; overflow-wrap: anywhere; }
.body img, .body video { max-width: 100%; height: auto; }
.body pre { overflow-x: auto; padding: 8px; background: #f6f8fa; }
.body table { border-collapse: collapse; }
.body th, .body td { border: 1px solid #d0d7de; padding: 4px 8px; }
.body blockquote { margin-left: 0; padding-left: 12px; border-left: 4px solid #d0d7de; color: #59636e; }
.not-loaded { display: inline-block; padding: 2px 6px; font-size: 0.8125rem; color: #9a6700; background: #fff8c5; border-radius: 4px; }
details.source { margin-top: 24px; }
details.source pre { white-space: pre-wrap; font-size: 0.8125rem; }
`;

/** A post's original body (as extracted) beside its Markdown rendered, in one small page of its own. */
export function postViewHtml({ row, originalHtml, markdownHtml, markdown }: PostViewInput): string {
  const facts = [row.date?.slice(0, 10) ?? '', row.category, row.bodyFoundBy ? `body found by ${row.bodyFoundBy}` : '']
    .filter(Boolean)
    .map(escapeHtml);
  const original = /^https?:\/\//i.test(row.url)
    ? `<a href="${escapeHtml(row.url)}" target="_blank" rel="noopener noreferrer">original</a>`
    : '';
  // The view sits two folders below the output folder (`report/posts/`).
  const files = row.files.map((file) => `<a href="../../${escapeHtml(encodePath(file))}">${escapeHtml(file)}</a>`);
  return `${documentHead({ lang: 'ko', policy: VIEW_POLICY, title: row.title, style: VIEW_STYLE })}
<header>
<h1>${escapeHtml(row.title)}</h1>
<p>${[...facts, original, ...files].filter(Boolean).join(' · ')}</p>
</header>
<main class="compare">
<section class="original"><h2>Original, as extracted</h2><div class="body">${originalHtml}</div></section>
<section class="markdown"><h2>Markdown, rendered</h2><div class="body">${markdownHtml}</div>
<details class="source"><summary>Markdown source</summary><pre>${escapeHtml(markdown)}</pre></details></section>
</main>
</body>
</html>
`;
}
