import type { PostStatus } from '../types.js';
import { escapeHtml } from '../util/html-escape.js';
import type { ReportRow } from './report-rows.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_STYLE } from './report-style.js';
import { documentHead } from './document-head.js';

export interface ReportSummary {
  source: string;
  /** The manifest's time: that of the last run that changed the export (see `timeOfLastChange`). */
  lastChanged: string;
  toolVersion: string;
  counts: Record<PostStatus, number>;
  /** The source's warnings, kept in the manifest (a backup's refused entries); each post's are in its row. */
  warnings: string[];
  rows: ReportRow[];
}

/**
 * Its own inline script and style only; the per-post views come from files beside it, in a frame
 * sandboxed without scripts (same origin kept: an opaque one may not load the images from file://).
 */
const PAGE_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-src 'self' file:; img-src data:";

const STATUS_LABELS: Record<PostStatus, string> = {
  ok: 'exported',
  protected: 'protected',
  missing: 'missing',
  failed: 'failed',
};

/** `report.html`: the counts, the source's warnings and the table of every post, in one file that needs no network. */
export function reportPageHtml(summary: ReportSummary): string {
  const problems = summary.rows.filter((row) => row.problem).length;
  return `${documentHead({ lang: 'en', policy: PAGE_POLICY, title: `Export report: ${summary.source}`, style: REPORT_STYLE })}
<header class="page">
<h1>Export report</h1>
<p class="source">${escapeHtml(summary.source)} · last changed <time>${escapeHtml(summary.lastChanged)}</time> · tistory-export ${escapeHtml(summary.toolVersion)}</p>
</header>
${countsHtml(summary, problems)}
${warningsHtml(summary.warnings)}
<section class="posts">
<div class="controls">
<label><input type="checkbox" id="only-problems"> Only problems (${problems})</label>
<input type="search" id="search" placeholder="Search titles, ids, categories" aria-label="Search">
<span id="shown"></span>
</div>
<table>
<thead><tr><th>Status</th><th>Title</th><th>Date</th><th>Category</th><th>Body found by</th><th>Warnings</th><th>Links</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<nav id="pager"></nav>
</section>
<section id="viewer" hidden>
<div class="viewer-bar"><strong id="viewer-title"></strong><a id="viewer-open" target="_blank">open on its own</a><button type="button" id="viewer-close">Close</button></div>
<iframe id="viewer-frame" title="Side-by-side view" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
</section>
<script type="application/json" id="report-data">${jsonForScript(summary.rows)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

export function countsHtml(summary: ReportSummary, problems: number): string {
  const total = Object.values(summary.counts).reduce((sum, count) => sum + count, 0);
  const statuses = (Object.keys(STATUS_LABELS) as PostStatus[]).map((status) =>
    count(STATUS_LABELS[status], summary.counts[status], `status-${status}`),
  );
  return `<section class="counts">
<ul class="cards">${count('posts', total, 'total')}${statuses.join('')}${count('problems', problems, 'problems')}</ul>
</section>`;
}

function count(label: string, value: number, className: string): string {
  return `<li class="card ${className}" data-count="${escapeHtml(className)}"><strong>${value}</strong><span>${escapeHtml(label)}</span></li>`;
}

export function warningsHtml(warnings: readonly string[]): string {
  if (warnings.length === 0) return '<section class="warnings"><h2>Warnings</h2><p>None.</p></section>';
  const items = warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('');
  return `<section class="warnings"><h2>Warnings (${warnings.length})</h2><ul>${items}</ul></section>`;
}

/** JSON inside `<script>`: no `</script>` or `<!--` can end or bend it, whatever a title holds. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
