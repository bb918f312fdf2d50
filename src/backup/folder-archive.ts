import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_FOLDER } from '../state/post-state.js';
import { resolveInside } from '../util/safe-path.js';
import { BackupFileTooLargeError, collect, limitBytes, type BackupArchive } from './archive.js';
import { EntrySpellings } from './duplicate-entries.js';
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
  const spellings = new EntrySpellings();
  const pending: string[] = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    // Sorted, so that of two spellings of one name (NFD and NFC) the same one is read on every disk.
    const dirents = (await readdir(join(root, folder), { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    // An export this tool wrote (its state folder says so) is never part of the backup: its layouts and
    // pages would come back as posts. Only a subfolder: the backup itself is read whatever it holds.
    if (folder !== '' && dirents.some((dirent) => dirent.isDirectory() && dirent.name === STATE_FOLDER)) continue;
    for (const dirent of dirents) {
      const relativePath = folder ? `${folder}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) pending.push(relativePath);
      else if (dirent.isFile()) {
        const normalised = normaliseEntryPath(relativePath);
        if (normalised === null) refused.push(relativePath);
        else {
          files.set(normalised, (await lstat(join(root, relativePath))).size);
          onDisk.set(normalised, relativePath);
          spellings.add(normalised, relativePath);
        }
      }
    }
  }
  const open = async (path: string, maxBytes: number) => {
    const size = files.get(path);
    if (size === undefined) throw new Error(`${path} is not in the backup`);
    if (size > maxBytes) throw new BackupFileTooLargeError(path, size, maxBytes);
    const stream = createReadStream(resolveInside(root, onDisk.get(path) ?? path));
    // Opened before it is handed out, so a file gone since the listing rejects here rather than mid-copy.
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
    return limitBytes(stream, path, maxBytes);
  };
  return {
    files,
    refused,
    duplicates: spellings.duplicates(),
    open,
    read: async (path, maxBytes) => collect(await open(path, maxBytes), path, maxBytes),
    async close() {},
  };
}
