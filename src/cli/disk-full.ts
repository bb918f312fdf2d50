import { ExportDiskFull } from '../run/disk-full.js';
import { MANIFEST_FILE } from '../state/manifest.js';
import { isDiskFull } from '../util/write-errors.js';
import { plural } from './plural.js';
import { formatSummary } from './summary.js';

const AGAIN = 'free some space and run the same command again';

/**
 * How a run the disk stopped is told: the summary of what was saved (stdout) and one line naming the
 * folder (stderr); null for any other error.
 */
export function diskFullReport(error: unknown, outDir: string): { summary: string; line: string } | null {
  if (error instanceof ExportDiskFull) {
    const saved = error.result.manifest.posts.length;
    const listed =
      error.result.manifestPath === null
        ? 'but the manifest could not be written either'
        : `listed in ${MANIFEST_FILE}`;
    return {
      summary: formatSummary(error.result, false, 'Stopped'),
      line: `disk full: ${error.outDir}: stopped with ${plural(saved, 'post')} saved, ${listed}; ${AGAIN}`,
    };
  }
  // Full before the first post was saved (the run's own state), or a write outside the posts.
  if (isDiskFull(error)) return { summary: '', line: `disk full: ${outDir}: nothing could be saved; ${AGAIN}` };
  return null;
}
