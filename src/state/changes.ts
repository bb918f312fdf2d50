import { join } from 'node:path';
import type { ChangedPost, ChangeReport, DiscoveredPost, ManifestEntry, PostStatus } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { cappedList } from '../util/capped-list.js';
import { compareIds } from '../names.js';
import { manifestEntryOf, type PostState } from './post-state.js';

const CHANGES_FILE = 'changes.json';

const NOTHING_TO_EXPORT: ReadonlySet<PostStatus> = new Set(['missing']);

export function buildChanges(
  states: readonly PostState[],
  runId: string,
  skipped: readonly DiscoveredPost[],
  options: { full: boolean; since: string | null; until?: string | null },
): ChangeReport {
  const { until, ...always } = options;
  const report: ChangeReport = {
    ...always,
    ...(until ? { until } : {}),
    added: [],
    updated: [],
    failed: [],
    kept: [],
    unavailable: [],
    unchanged: [],
    newComments: [],
    skipped: [],
  };
  const sorted = [...states].sort(
    (a, b) => compareIds(a.entry.id, b.entry.id) || a.entry.url.localeCompare(b.entry.url),
  );
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
  const counts = (['added', 'updated', 'unchanged', 'failed'] as const).map(
    (group) => `${report[group].length} ${group}`,
  );
  if (report.kept.length > 0) counts.push(`${report.kept.length} kept (the blog showed less)`);
  if (report.unavailable.length > 0) counts.push(`${report.unavailable.length} unavailable (not found)`);
  if (report.newComments.length > 0) counts.push(`${report.newComments.length} with changed comments`);
  if (report.skipped.length > 0) counts.push(`${report.skipped.length} skipped (${datesGiven(report)})`);
  const lines = [`Changes: ${counts.join(' · ')} (${CHANGES_FILE})`];
  const listed = [
    ...report.added.map((post) => ['added', post] as const),
    ...report.updated.map((post) => ['updated', post] as const),
    ...report.failed.map((post) => ['failed', post] as const),
    ...report.kept.map((post) => ['kept', post] as const),
  ];
  lines.push(
    ...cappedList(
      listed.map(
        ([group, post]) =>
          `  ${group.padEnd(8)}${post.id}\t${post.title || post.url}${post.error ? `\t${post.error}` : ''}`,
      ),
    ),
  );
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
    'To write a post now protected or empty as the blog shows it, run with --accept-losses.'
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
