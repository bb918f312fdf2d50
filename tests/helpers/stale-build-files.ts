import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes from `dir` every file the last build did not write, and the folders left empty: tsc never
 * deletes, so a moved module or a source map from an older setting would otherwise stay in dist/, run
 * in the CLI tests and ship in the packed tarball.
 */
export async function removeStaleBuildFiles(dir: string, emitted: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removed.push(...(await removeStaleBuildFiles(path, emitted)));
      if ((await readdir(path)).length === 0) await rmdir(path);
    } else if (!emitted.has(path)) {
      await rm(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}

/** The files a `tsc --listEmittedFiles` run wrote, from its output (`TSFILE: /abs/path` lines). */
export function emittedFiles(tscOutput: string): Set<string> {
  return new Set(
    tscOutput
      .split(/\r?\n/)
      .filter((line) => line.startsWith('TSFILE: '))
      .map((line) => line.slice('TSFILE: '.length).trim()),
  );
}
