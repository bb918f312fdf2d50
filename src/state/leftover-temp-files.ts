import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** `<file>.<pid>.<8 hex>.tmp` (writeFileAtomic, placeAsset) and `<file>.<pid>.tmp` (a spool's assembled file). */
const TEMP_FILE = /\.(\d+)(?:\.[0-9a-f]{8})?\.tmp$/;
/** `.spool-<pid>`, `.spool-<format>-<pid>`: the pieces of one-file formats (see `PostSpool`). */
const SPOOL_FOLDER = /^\.spool-(?:[a-z]+-)?(\d+)$/;

/**
 * Removes the temp files a killed run left under `dir` (a rename never happened, so no real file is
 * half-written; these are the halves). A temp file whose writer is still alive belongs to another run
 * working in the same folder right now, and is left alone. Returns the paths removed, relative to `dir`.
 */
export async function removeLeftoverTempFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = (entry.isFile() ? TEMP_FILE : entry.isDirectory() ? SPOOL_FOLDER : null)?.exec(entry.name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    const path = join(entry.parentPath, entry.name);
    // A spool folder's own pieces were listed too; gone with it, they are simply not there any more.
    await rm(path, { force: true, recursive: true });
    removed.push(path.slice(dir.length + 1));
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
