import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { BLOG_STATUSES, type BlogOutcome, type BlogStatus } from './blog-outcome.js';
import type { BatchReport } from './run-batch.js';

export const SUMMARY_FILE = 'batch-summary.json';

/** What a monitor reads: one record per blog, the counts per status, and whether anything failed. */
export interface BatchSummary {
  tool: { name: string; version: string };
  config: string;
  shard: string | null;
  startedAt: string;
  elapsedMs: number;
  interrupted: boolean;
  counts: Record<BlogStatus, number>;
  blogs: BlogOutcome[];
}

export function batchSummary(report: BatchReport, config: string, shard: string | null): BatchSummary {
  const counts = Object.fromEntries(BLOG_STATUSES.map((status) => [status, 0])) as Record<BlogStatus, number>;
  for (const blog of report.blogs) counts[blog.status]++;
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    config,
    shard,
    startedAt: report.startedAt,
    elapsedMs: report.elapsedMs,
    interrupted: report.interrupted,
    counts,
    blogs: report.blogs,
  };
}

/** Through a temp file and a rename: a monitor polling the file never reads half of it. */
export async function writeBatchSummary(path: string, summary: BatchSummary): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(summary, null, 2)}\n`);
}

/** The closing lines: the counts, then one line per blog in the config's order. */
export function formatBatchSummary(summary: BatchSummary, summaryPath: string): string {
  const counts = BLOG_STATUSES.map((status) => `${summary.counts[status]} ${status}`).join(' · ');
  const width = Math.max(...summary.blogs.map((blog) => blog.name.length), 4);
  const lines = [
    `Batch done in ${seconds(summary.elapsedMs)}: ${counts} (${summaryPath})`,
    ...summary.blogs.map((blog) => `  ${blog.status.padEnd(9)} ${blog.name.padEnd(width)}  ${blogDetail(blog)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A blog's line as it finishes, so a long batch shows it is moving. */
export function formatBlogEnd(outcome: BlogOutcome, done: number, total: number): string {
  return `[${done}/${total}] ${outcome.status} ${outcome.name}: ${blogDetail(outcome)}\n`;
}

function blogDetail(blog: BlogOutcome): string {
  const time = seconds(blog.elapsedMs);
  if (blog.error !== null) return `${blog.error} (${time})`;
  const changes = blog.changes;
  if (!changes) return time;
  const parts = (['added', 'updated', 'unavailable', 'newComments'] as const)
    .filter((group) => changes[group] > 0)
    .map((group) => `${changes[group]} ${group === 'newComments' ? 'with new comments' : group}`);
  return `${parts.length > 0 ? parts.join(' · ') : `${changes.unchanged} posts unchanged`} (${time})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
