import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveInside } from '../util/safe-path.js';
import { BackupFileTooLargeError, type BackupArchive } from './archive.js';
import { normaliseEntryPath } from './entry-path.js';

/**
 * An unpacked backup folder. Symbolic links are skipped: one pointing outside the folder would let a
 * crafted backup read any file of the user's into the export.
 */
export async function openFolderArchive(root: string): Promise<BackupArchive> {
  const files = new Map<string, number>();
  // Lookups use NFC paths; on disk the name may be NFD (macOS): how to reach each file.
  const onDisk = new Map<string, string>();
  const refused: string[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const dirent of await readdir(join(root, folder), { withFileTypes: true })) {
      const relativePath = folder ? `${folder}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) pending.push(relativePath);
      else if (dirent.isFile()) {
        const normalised = normaliseEntryPath(relativePath);
        if (normalised === null) refused.push(relativePath);
        else {
          files.set(normalised, (await lstat(join(root, relativePath))).size);
          onDisk.set(normalised, relativePath);
        }
      }
    }
  }
  return {
    files,
    refused,
    async read(path, maxBytes) {
      const size = files.get(path);
      if (size === undefined) throw new Error(`${path} is not in the backup`);
      if (size > maxBytes) throw new BackupFileTooLargeError(path, size, maxBytes);
      return readFile(resolveInside(root, onDisk.get(path) ?? path));
    },
    async close() {},
  };
}
