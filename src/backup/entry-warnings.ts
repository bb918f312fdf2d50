import type { Backup } from './index.js';

/**
 * What the run says of the backup as a whole: each entry refused for leading outside it (zip slip, an
 * absolute path), and each name held more than once. Nothing of the archive is left out in silence.
 */
export function backupEntryWarnings(backup: Pick<Backup, 'refusedEntries' | 'duplicateEntries'>): string[] {
  return [
    ...backup.refusedEntries.map(
      (name) =>
        `backup entry ${JSON.stringify(name)} refused: its name leads outside the backup (an absolute path, "..", or an empty or NUL part)`,
    ),
    ...backup.duplicateEntries,
  ];
}
