// A backup names no blog: its pages carry post ids and titles, nothing else (see the anatomy). Ids are
// per-blog counters, so two blogs' backups share many; an id with the same title in both is what says
// they are one blog. A sample of the backup's posts, recorded with the run, tells the next backup
// exported into the folder whether it is the same blog's, without reading every page again.

import type { Backup } from './index.js';
import type { BackupPage } from './layout.js';

/** Post id → title, for a sample of a backup's posts. */
export type BackupIdentity = Record<string, string>;

/** Enough posts that a few retitled or deleted ones between two backups of one blog do not matter. */
const SAMPLE_SIZE = 24;

/** A sample spread over the whole backup (oldest to newest), with each post's title. */
export async function backupIdentity(backup: Backup): Promise<BackupIdentity> {
  const pages = backup.pages.filter((page) => page.id !== null);
  const step = Math.max(1, pages.length / SAMPLE_SIZE);
  const sample = new Set<BackupPage>();
  for (let at = 0; at < pages.length && sample.size < SAMPLE_SIZE; at += step) sample.add(pages[Math.floor(at)]!);
  return titlesOf(backup, [...sample]);
}

/**
 * Why `backup` is another blog's than the one `recorded` came from, or null when it is the same blog's
 * or nothing tells: among the recorded posts it also holds, fewer than half keep their title. A backup
 * sharing no post id with the record cannot be told apart, and its posts cannot be mistaken for the
 * folder's either.
 */
export async function anotherBlogsBackup(recorded: BackupIdentity, backup: Backup): Promise<string | null> {
  const pages = backup.pages.filter((page) => page.id !== null && Object.hasOwn(recorded, page.id));
  const titles = await titlesOf(backup, pages);
  const shared = Object.keys(titles);
  const differing = shared.filter((id) => !sameTitle(titles[id]!, recorded[id]!));
  if (shared.length === 0 || differing.length * 2 <= shared.length) return null;
  const id = differing[0]!;
  return `post ${id} is "${recorded[id]}" there and "${titles[id]}" in ${backup.source} (${differing.length} of ${shared.length} sampled posts differ)`;
}

async function titlesOf(backup: Backup, pages: readonly BackupPage[]): Promise<BackupIdentity> {
  const titles: BackupIdentity = {};
  for (const page of pages) {
    // Only the title is wanted: the body is left as it is found.
    const { extraction } = await backup.read(page, () => ({}));
    const title = 'meta' in extraction ? extraction.meta?.title : undefined;
    if (title) titles[page.id!] = title;
  }
  return titles;
}

function sameTitle(a: string, b: string): boolean {
  return a.normalize('NFC').trim() === b.normalize('NFC').trim();
}
