import { relative } from 'node:path';
import type { ExportResult } from '../export.js';
import { isCommentsWarning } from '../pipeline/post-comments.js';
import { POST_STATUSES } from '../state/manifest.js';
import { cappedList } from '../util/capped-list.js';

/** The closing report: counts per status, where the files went, how long it took, and what failed. */
export function formatSummary(result: ExportResult, dryRun: boolean): string {
  const lines: string[] = [];
  if (dryRun) {
    lines.push(`Dry run: ${result.discovered.length} post${result.discovered.length === 1 ? '' : 's'} would be exported:`);
    for (const post of result.discovered) lines.push(`  ${post.id ?? '-'}\t${post.url}`);
    return `${lines.join('\n')}\n`;
  }
  const counts = POST_STATUSES.map((status) => `${status} ${result.counts[status]}`).join(' · ');
  lines.push(`Done in ${(result.elapsedMs / 1000).toFixed(1)}s: ${counts}`);
  lines.push(`Output: ${result.outDir}`);
  if (result.manifestPath) lines.push(`Manifest: ${relative(process.cwd(), result.manifestPath) || result.manifestPath}`);
  const failures = result.manifest.posts.filter((post) => post.status === 'failed');
  if (failures.length > 0) {
    lines.push(`Failed posts (${failures.length}):`);
    for (const post of failures) lines.push(`  ${post.id}\t${post.url}\t${post.error ?? ''}`);
  }
  // The post itself is fine, so nothing else would tell that its comments are missing or out of date.
  const withoutComments = result.manifest.posts.flatMap((post) =>
    (post.warnings ?? []).filter(isCommentsWarning).map((warning) => `  ${post.id}\t${post.url}\t${warning}`),
  );
  if (withoutComments.length > 0) {
    lines.push(`Posts whose comments could not be fetched (${withoutComments.length}):`, ...withoutComments);
  }
  // An image left on Tistory's CDN is one the next CDN change loses: said at the end, not only mid-run.
  const remote = result.manifest.posts.flatMap((post) =>
    (post.assets ?? []).filter((asset) => asset.error !== undefined).map((asset) => `  ${post.id}\t${asset.url}\t${asset.error}`),
  );
  if (remote.length > 0) {
    lines.push(`Images and files not downloaded, left at their original URL (${remote.length}; the next run tries again those that may still come):`);
    lines.push(...cappedList(remote, 'manifest.json'));
  }
  return `${lines.join('\n')}\n`;
}
