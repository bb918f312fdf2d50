import { resolve } from 'node:path';
import type { ExportSettings } from '../../options.js';
import { acquireRunLock } from '../../state/run-lock.js';
import { openSite } from './open.js';
import { undoPublished } from './undo.js';

/** `--wp-undo`: what the output folder's record says was made on `--wp-url`, deleted; returns the line that says so. */
export async function runWordPressUndo(settings: ExportSettings): Promise<string> {
  const outDir = resolve(settings.out);
  const lock = await acquireRunLock(outDir);
  try {
    const site = await openSite(settings, outDir);
    const counts = await undoPublished(site.client, site.state);
    const said = Object.entries(counts)
      .map(([what, count]) => `${count} ${what}`)
      .join(', ');
    return `Removed from ${site.client.siteUrl}: ${said}.\n`;
  } finally {
    await lock.release();
  }
}
