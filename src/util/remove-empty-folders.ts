import { rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';

/** The folders `mkdir -p deepest` made when it returned `first`: `deepest` and its parents up to `first`. */
export function foldersMade(first: string | undefined, deepest: string): string[] {
  if (first === undefined) return [];
  const made: string[] = [];
  for (let folder = deepest; isWithin(folder, first); folder = dirname(folder)) {
    made.push(folder);
    if (folder === first) break;
  }
  return made;
}

/**
 * Removes `folders` in order while each is empty: `rmdir` refuses a folder with anything in it, so no
 * file is ever removed, nor a folder above one that stays.
 */
export async function removeEmptyFolders(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    try {
      await rmdir(folder);
    } catch {
      return;
    }
  }
}

function isWithin(folder: string, top: string): boolean {
  const path = relative(top, folder);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
