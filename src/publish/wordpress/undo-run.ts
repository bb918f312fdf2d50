import { resolve } from 'node:path';
import type { ExportSettings } from '../../options.js';
import { UsageError } from '../../errors.js';
import { acquireRunLock } from '../../state/run-lock.js';
import { readAppPassword } from './app-password.js';
import { openSite } from './open.js';
import { parseSiteUrl } from './site-url.js';
import { hasSiteRecord } from './state.js';
import { undoPublished } from './undo.js';

/**
 * `--wp-undo`: what the output folder's record says was made on `--wp-url`, deleted; returns the line that
 * says so. No blog is read: the record is all it needs, so a folder without one is refused before the site is asked.
 */
export async function runWordPressUndo(settings: ExportSettings): Promise<string> {
  const outDir = resolve(settings.out);
  const siteUrl = parseSiteUrl(settings.wpUrl ?? '');
  const password = await readAppPassword(settings.wpAppPassword, process.env, '--wp-undo');
  if (!(await hasSiteRecord(outDir, siteUrl))) {
    throw new UsageError(
      `--wp-undo: ${outDir} holds no record of a -f wordpress run to ${siteUrl}; give -o the output folder of that run`,
    );
  }
  const lock = await acquireRunLock(outDir);
  try {
    const site = await openSite(settings, outDir, { password });
    const counts = await undoPublished(site.client, site.state);
    const said = Object.entries(counts)
      .map(([what, count]) => `${count} ${what}`)
      .join(', ');
    return `Removed from ${site.client.siteUrl}: ${said}.\n`;
  } finally {
    await lock.release();
  }
}
