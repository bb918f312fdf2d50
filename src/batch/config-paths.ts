import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isBackupSource } from '../backup/index.js';
import { UsageError } from '../errors.js';
import { checkForSource, type ExportSettings } from '../options.js';
import { parseSource } from '../selection/source.js';

const WEB_ADDRESS = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Paths in a config are relative to the config's folder, not to where the batch is started: a cron job
 * and a CI runner start it from different places. A `cookie` or `wp-app-password` is a path only when
 * such a file exists; otherwise it is the value itself.
 */
export function resolveConfigPaths(options: Record<string, unknown>, folder: string): Partial<ExportSettings> {
  const resolved = { ...options };
  for (const key of ['out', 'cache'] as const) {
    if (typeof resolved[key] === 'string') resolved[key] = resolve(folder, resolved[key]);
  }
  for (const key of ['cookie', 'wpAppPassword'] as const) {
    const value = resolved[key];
    if (typeof value === 'string' && existsSync(resolve(folder, value))) resolved[key] = resolve(folder, value);
  }
  return resolved as Partial<ExportSettings>;
}

/**
 * A blog's `source` as `exportBlog` will read it: a backup .zip or folder (relative to the config's
 * folder), else a blog URL; with the same refusals of options that do not fit that kind of source.
 */
export async function resolveSource(written: string, folder: string, settings: ExportSettings): Promise<string> {
  const local = WEB_ADDRESS.test(written) ? null : resolve(folder, written);
  if (local !== null && (await isBackupSource(local))) {
    checkForSource(settings, 'backup');
    return local;
  }
  if (local !== null && (await stat(local).catch(() => null))) {
    throw new UsageError(
      `${written} is not a zip file (give Tistory's backup .zip, the folder it unpacks to, or a blog URL)`,
    );
  }
  parseSource(written);
  checkForSource(settings, 'blog');
  return written;
}
