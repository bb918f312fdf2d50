import { isSafeRelativePath } from '../util/safe-path.js';

// Entry names come from an archive someone handed us: `../../.ssh/x` or `/etc/passwd` inside a zip is an
// attack (zip slip), not a name to repair. Everything the backup reader looks up goes through here.

/**
 * The `/`-separated, NFC path of an archive entry or folder file, or null when it would leave the backup
 * (`..`, absolute, drive letter, NUL). Windows tools write `\`; macOS writes NFD Hangul, while the
 * pages refer to their images in NFC.
 */
export function normaliseEntryPath(raw: string): string | null {
  const path = raw
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .normalize('NFC');
  return isSafeRelativePath(path) ? path : null;
}

export function parentFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Paths by the folder that directly holds them. */
export function groupByFolder(paths: Iterable<string>): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const folder = parentFolder(path);
    const siblings = byFolder.get(folder);
    if (siblings) siblings.push(path);
    else byFolder.set(folder, [path]);
  }
  return byFolder;
}
