import { join } from 'node:path';
import type { DiscoveredPost, ManifestEntry, PostStatus } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { cappedList } from '../util/capped-list.js';
import { compareIds } from '../names.js';
import { manifestEntryOf, type PostState } from './post-state.js';

export const CHANGES_FILE = 'changes.json';

export interface ChangedPost {
  id: string;
  url: string;
  title: string;
  status: PostStatus;
  /** Why it failed, or why the previous export was kept. */
  error?: string;
}

/**
 * What a run did to the folder, relative to the export that was there when it started (a run resumed
 * after a crash reports what the whole run did, not only its last part).
 */
export interface ChangeReport {
  full: boolean;
  since: string | null;
  /** `--until`; absent when not given. */
  until?: string;
  /** Exported for the first time (or for the first time successfully). */
  added: ChangedPost[];
  /** Exported before, fetched again, and its export changed (with `--full`: every post fetched again). */
  updated: ChangedPost[];
  /** Fetched and failed; a post exported before keeps that export. */
  failed: ChangedPost[];
  /**
   * Exported before and fetched again, but the blog showed less: now protected or private for this
   * visitor (no `--cookie`, or an expired one), a page without the article (maintenance, a placeholder),
   * an empty body. The export is kept as it was (`--accept-losses` writes the poorer view instead).
   */
  kept: ChangedPost[];
  /**
   * Fetched, but the blog shows nothing to export: deleted (404, though a list or the sitemap still names
   * it) or private to a visitor without `--cookie`. Nothing was added; a post exported before is under
   * `failed` or `kept` instead, its export kept.
   */
  unavailable: ChangedPost[];
  /**
   * Kept as the folder had it, without a request for its page; or fetched again (named on the command
   * line, dated newer by the sitemap) and written byte for byte the same.
   */
  unchanged: ChangedPost[];
  /** Of the unchanged posts, those whose comments changed (new, edited or removed ones; `--comments`). */
  newComments: ChangedPost[];
  /** Found but left out by `--since` or `--until`. */
  skipped: { id: string | null; url: string }[];
}

const NOTHING_TO_EXPORT: ReadonlySet<PostStatus> = new Set(['missing', 'private']);

export function buildChanges(
  states: readonly PostState[],
  runId: string,
  skipped: readonly DiscoveredPost[],
  options: { full: boolean; since: string | null; until?: string | null },
): ChangeReport {
  const { until, ...always } = options;
  const report: ChangeReport = { ...always, ...(until ? { until } : {}), added: [], updated: [], failed: [], kept: [], unavailable: [], unchanged: [], newComments: [], skipped: [] };
  const sorted = [...states].sort((a, b) => compareIds(a.entry.id, b.entry.id) || a.entry.url.localeCompare(b.entry.url));
  for (const state of sorted) {
    const group = report[groupOf(state, runId)];
    const entry = manifestEntryOf(state);
    group.push(changedPost(entry, group === report.failed || group === report.kept));
    if (group === report.unchanged && state.commentsRun === runId) report.newComments.push(changedPost(entry, false));
  }
  report.skipped = skipped.map((post) => ({ id: post.id, url: post.url }));
  return report;
}

export async function writeChanges(outDir: string, report: ChangeReport): Promise<string> {
  const path = join(outDir, CHANGES_FILE);
  await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

/** The lines the CLI prints after the summary. */
export function formatChanges(report: ChangeReport): string {
  const counts = (['added', 'updated', 'unchanged', 'failed'] as const).map((group) => `${report[group].length} ${group}`);
  if (report.kept.length > 0) counts.push(`${report.kept.length} kept (the blog showed less)`);
  if (report.unavailable.length > 0) counts.push(`${report.unavailable.length} unavailable (deleted or private)`);
  if (report.newComments.length > 0) counts.push(`${report.newComments.length} with changed comments`);
  if (report.skipped.length > 0) counts.push(`${report.skipped.length} skipped (${datesGiven(report)})`);
  const lines = [`Changes: ${counts.join(' · ')} (${CHANGES_FILE})`];
  const listed = [
    ...report.added.map((post) => ['added', post] as const),
    ...report.updated.map((post) => ['updated', post] as const),
    ...report.failed.map((post) => ['failed', post] as const),
    ...report.kept.map((post) => ['kept', post] as const),
  ];
  lines.push(...cappedList(listed.map(([group, post]) => `  ${group.padEnd(8)}${post.id}\t${post.title || post.url}${post.error ? `\t${post.error}` : ''}`)));
  if (report.kept.length > 0) lines.push(keptWarning(report.kept.length));
  return `${lines.join('\n')}\n`;
}

function datesGiven(report: ChangeReport): string {
  if (report.until === undefined) return '--since';
  return report.since === null ? '--until' : '--since/--until';
}

/** Said last, where a nightly job's log ends: the run exits 1 for it. */
function keptWarning(count: number): string {
  const posts = count === 1 ? '1 post now shows' : `${count} posts now show`;
  return (
    `Warning: ${posts} less than the export, which is kept (listed as kept above). Is --cookie missing or expired, or is the blog down? ` +
    'To write a post now protected, private or empty as the blog shows it, run with --accept-losses.'
  );
}

/** A post this run did not write, or wrote the same, is unchanged; one it found with nothing to export (and no export kept) is unavailable. */
function groupOf(state: PostState, runId: string): 'unchanged' | 'unavailable' | PostState['change'] {
  if (state.run !== runId) return 'unchanged';
  const exportKept = state.change === 'failed' || state.change === 'kept';
  return NOTHING_TO_EXPORT.has(state.entry.status) && !exportKept ? 'unavailable' : state.change;
}

function changedPost(entry: ManifestEntry, failed: boolean): ChangedPost {
  const post: ChangedPost = { id: entry.id, url: entry.url, title: entry.title, status: entry.status };
  const error = entry.error ?? entry.warnings?.at(-1);
  if (failed && error !== undefined) post.error = error;
  return post;
}
