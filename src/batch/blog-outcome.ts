import type { ChangeReport, ExportResult, PostStatus } from '../types.js';
import { singlePostNotExported } from '../cli/single-post.js';

/**
 * What a blog's run came to, for the summary and for monitoring:
 * - `failed`: the run stopped with an error, or a post failed or was kept (the blog showed less), the
 *   cases that make the single-blog command exit 1;
 * - `ok`: a first export into the folder (every post it holds is new);
 * - `updated`: posts were added, updated, gone, or got new comments since the last run;
 * - `unchanged`: nothing changed, so a byte-stable archive has nothing to commit.
 */
export type BlogStatus = 'ok' | 'updated' | 'unchanged' | 'failed';
export const BLOG_STATUSES: readonly BlogStatus[] = ['ok', 'updated', 'unchanged', 'failed'];

type ChangeGroup = Exclude<keyof ChangeReport, 'full' | 'since' | 'until'>;
const CHANGE_GROUPS: readonly ChangeGroup[] = [
  'added',
  'updated',
  'unchanged',
  'failed',
  'kept',
  'unavailable',
  'newComments',
  'skipped',
];

export interface BlogOutcome {
  name: string;
  source: string;
  out: string;
  status: BlogStatus;
  /** Why it failed, one line; null otherwise. */
  error: string | null;
  elapsedMs: number;
  /** Posts per status in the manifest; null when the run stopped before writing one. */
  posts: Record<PostStatus, number> | null;
  /** How many posts are in each group of the blog's changes.json; null when the run stopped before. */
  changes: Record<ChangeGroup, number> | null;
}

export function outcomeOfResult(result: ExportResult): Pick<BlogOutcome, 'status' | 'error' | 'posts' | 'changes'> {
  const report = result.changes;
  const changes = report ? countChanges(report) : null;
  const posts = result.counts;
  const notExported = singlePostNotExported(result);
  const failedPosts = posts.failed + (changes?.failed ?? 0) > 0 || (changes?.kept ?? 0) > 0;
  if (failedPosts || notExported !== null) {
    const error = notExported ?? failureLine(changes, posts);
    return { status: 'failed', error, posts, changes };
  }
  if (!changes) return { status: 'unchanged', error: null, posts, changes };
  const changed = changes.added + changes.updated + changes.unavailable + changes.newComments;
  const status = changed === 0 ? 'unchanged' : changes.unchanged + changes.updated === 0 ? 'ok' : 'updated';
  return { status, error: null, posts, changes };
}

function countChanges(report: ChangeReport): Record<ChangeGroup, number> {
  return Object.fromEntries(CHANGE_GROUPS.map((group) => [group, report[group].length])) as Record<ChangeGroup, number>;
}

function failureLine(changes: Record<ChangeGroup, number> | null, posts: Record<PostStatus, number>): string {
  const failed = Math.max(posts.failed, changes?.failed ?? 0);
  const parts = [
    failed > 0 && `${failed} failed`,
    (changes?.kept ?? 0) > 0 && `${changes?.kept} kept (the blog showed less)`,
  ];
  return `posts ${parts.filter(Boolean).join(', ')}: see its changes.json`;
}
