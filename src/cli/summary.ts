import { relative } from 'node:path';
import type { ExportResult } from '../types.js';
import { printableUrl, withoutSignedQueries } from '../assets/asset-url.js';
import { MISSING_FROM_BACKUP } from '../backup/missing-file.js';
import { isCommentsWarning } from '../run/post-comments.js';
import { POST_STATUSES } from '../state/manifest.js';
import { cappedList } from '../util/capped-list.js';
import { plural } from './plural.js';

/**
 * The closing report: counts per status, where the files went, how long it took, and what failed.
 * `ended` opens it: `Done`, or `Stopped` for a run that could not finish (a full disk).
 */
export function formatSummary(result: ExportResult, dryRun: boolean, ended = 'Done'): string {
  const lines: string[] = [];
  if (dryRun) {
    const count = result.discovered.length;
    lines.push(`Dry run: ${plural(count, 'post')} would be exported${count === 0 ? '.' : ':'}`);
    for (const post of result.discovered) lines.push(`  ${post.id ?? '-'}\t${post.url}`);
    if (result.wordpressPlan) {
      const plan = result.wordpressPlan;
      const creates = plan.filter((item) => item.action === 'create').length;
      lines.push(
        `WordPress: ${plural(creates, 'post')} would be created, ${plural(plan.length - creates, 'post')} updated if changed${plan.length === 0 ? '.' : ':'}`,
      );
      for (const item of plan) lines.push(`  ${item.action}\t${item.id}\t${item.url}`);
    }
    return `${lines.join('\n')}\n`;
  }
  const counts = POST_STATUSES.map((status) => `${status} ${result.counts[status]}`).join(' · ');
  lines.push(`${ended} ${ended === 'Done' ? 'in' : 'after'} ${(result.elapsedMs / 1000).toFixed(1)}s: ${counts}`);
  lines.push(`Output: ${result.outDir}`);
  if (result.manifestPath)
    lines.push(`Manifest: ${relative(process.cwd(), result.manifestPath) || result.manifestPath}`);
  // Entries skipped for leading outside the backup, names held twice: warned of at the start, long scrolled away.
  const sourceWarnings = result.manifest.warnings ?? [];
  if (sourceWarnings.length > 0) {
    lines.push(
      `Backup entries not read as they are (${sourceWarnings.length}):`,
      ...cappedList(
        sourceWarnings.map((warning) => `  ${warning}`),
        'manifest.json',
      ),
    );
  }
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
  // Only a reader can tell whether a guessed body holds the whole post and nothing of the page around it.
  const guessed = result.manifest.posts
    .filter((post) => post.bodyFoundBy === 'scored')
    .map((post) => `  ${post.id}\t${post.url}`);
  if (guessed.length > 0) {
    lines.push(
      `Posts whose body was guessed from the page's paragraph text, to check (${guessed.length}):`,
      ...cappedList(guessed, 'manifest.json'),
    );
  }
  // An image left on Tistory's CDN is one the next CDN change loses. Said here only, once per file and
  // post (the run prints nothing for it as it goes), and without the URL's query: a signed URL's query is
  // a credential. The manifest keeps the whole URL.
  const remote = result.manifest.posts.flatMap((post) =>
    (post.assets ?? [])
      .filter((asset) => asset.error !== undefined && asset.error !== MISSING_FROM_BACKUP)
      .map((asset) => `  ${post.id}\t${printableUrl(asset.url)}\t${withoutSignedQueries(asset.error ?? '')}`),
  );
  if (remote.length > 0) {
    lines.push(
      `Images and files not downloaded, left at their original URL (${remote.length}; the next run tries again those that may still come):`,
    );
    lines.push(...cappedList(remote, 'manifest.json'));
  }
  // No run can bring these back: a backup is what it is. Listed apart, so nobody waits for a retry.
  const notInBackup = result.manifest.posts.flatMap((post) =>
    (post.assets ?? [])
      .filter((asset) => asset.error === MISSING_FROM_BACKUP)
      .map((asset) => `  ${post.id}\t${asset.url}`),
  );
  if (notInBackup.length > 0) {
    lines.push(`Files the backup does not have (${notInBackup.length}), kept as the posts wrote them:`);
    lines.push(...cappedList(notInBackup, 'manifest.json'));
  }
  return `${lines.join('\n')}\n`;
}
