import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { STATE_FOLDER } from '../state/post-state.js';

/** Every file under `folder` (links left out: one may lead anywhere), as paths relative to it with `/`, without the run's own state. */
export async function filesToZip(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== STATE_FOLDER && !path.startsWith(`${STATE_FOLDER}/`))
    .sort();
}

/**
 * The output folder as one zip, streamed to `out` as it is made: nothing is written to disk, and a blog
 * of many GB needs no more memory than one file's read buffer.
 */
export async function streamFolderZip(folder: string, out: Writable): Promise<void> {
  const zip = new ZipFile();
  // addFile opens each file only when its turn comes: a folder of 10,000 images holds one open at a time.
  for (const path of await filesToZip(folder)) zip.addFile(join(folder, path), path);
  zip.end();
  await new Promise<void>((resolveDone, reject) => {
    zip.outputStream.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolveDone);
    zip.outputStream.pipe(out);
  });
}
