import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { convertedPost } from '../body/post-body.js';
import { compareIds } from '../names.js';
import type { PostState, StateStore } from '../state/post-state.js';
import type { Manifest, PostStatus, UrlRewriter } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { TOOL_VERSION } from '../version.js';
import { postViewHtml } from './post-view.js';
import { renderMarkdown } from './render-markdown.js';
import { reportPageHtml } from './report-page.js';
import { type ReportRow, reportRow } from './report-rows.js';
import { sanitizeHtml } from './sanitize-html.js';
import { encodePath, REPORT_FILE, VIEWS_FOLDER } from './view-path.js';

export interface ReportInput {
  outDir: string;
  manifest: Manifest;
  counts: Record<PostStatus, number>;
  /** Every post the folder holds, as the manifest was built from. */
  states: readonly PostState[];
  store: StateStore;
}

/** Images as the downloaded copies, seen from `report/posts/`; links between posts keep their old addresses. */
const FROM_VIEW: UrlRewriter = {
  asset: (asset) => (asset.file === null ? null : `../../${encodePath(asset.file)}`),
  post: () => null,
};

/**
 * Writes `report.html` and one side-by-side view per exported post beside it (`report/posts/`), and
 * removes the views of posts the folder no longer holds. Returns the report's path. It shows what the
 * folder holds, never what this run did (that is `changes.json` and the run's summary): a run that
 * changes nothing writes it byte for byte the same, so a backup kept in git makes no commit.
 */
export async function writeReport(input: ReportInput): Promise<string> {
  // In the manifest's order: the run finishes posts in whatever order their requests answered.
  const rows = input.states.map(reportRow).sort((a, b) => compareIds(a.id, b.id) || a.url.localeCompare(b.url));
  for (const row of rows) if (row.view !== null) await writePostView(input, row, row.view);
  await removeStaleViews(input.outDir, rows);
  const path = join(input.outDir, REPORT_FILE);
  await writeFileAtomic(
    path,
    reportPageHtml({
      source: input.manifest.source,
      lastChanged: input.manifest.generatedAt,
      toolVersion: TOOL_VERSION,
      counts: input.counts,
      warnings: input.manifest.warnings ?? [],
      rows,
    }),
  );
  return path;
}

async function writePostView(input: ReportInput, row: ReportRow, view: string): Promise<void> {
  const record = await input.store.readRecord(row.id);
  const rendered = convertedPost(record, () => null).render(FROM_VIEW);
  const html = postViewHtml({
    row,
    originalHtml: sanitizeHtml(rendered.html),
    markdownHtml: sanitizeHtml(renderMarkdown(rendered.markdown)),
    markdown: rendered.markdown,
  });
  await writeFileAtomic(join(input.outDir, view), html);
}

async function removeStaleViews(outDir: string, rows: readonly ReportRow[]): Promise<void> {
  const wanted = new Set(rows.flatMap((row) => (row.view === null ? [] : [row.view])));
  const names = await readdir(join(outDir, VIEWS_FOLDER)).catch(() => [] as string[]);
  for (const name of names) {
    const view = `${VIEWS_FOLDER}/${name}`;
    if (!wanted.has(view)) await rm(join(outDir, view), { force: true });
  }
}
