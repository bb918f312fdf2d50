// The addresses a backup's posts and files get. Files use a host under `.invalid` (RFC 2606: it never
// resolves), so the pipeline can treat them as ordinary URLs and the backup's fetcher answers them; if
// one ever reached the network by mistake it would fail, never hit somebody's server.

import type { BackupPage } from './layout.js';

export const BACKUP_ORIGIN = 'https://tistory-backup.invalid';
const FILES_PREFIX = `${BACKUP_ORIGIN}/files/`;
const MISSING_PREFIX = `${BACKUP_ORIGIN}/missing/`;

export function backupFileUrl(path: string): string {
  return FILES_PREFIX + path.split('/').map(encodeURIComponent).join('/');
}

/**
 * A file of the backup, present (`backupFileUrl`) or missing (see `missing-file.ts`): always an asset of
 * its post, never a page a link leads to.
 */
export function isBackupFileAddress(url: string): boolean {
  return url.startsWith(FILES_PREFIX) || url.startsWith(MISSING_PREFIX);
}

/** The backup path a `backupFileUrl` names; null for any other URL. */
export function backupPathOfUrl(url: string): string | null {
  if (!url.startsWith(FILES_PREFIX)) return null;
  try {
    return url.slice(FILES_PREFIX.length).split(/[?#]/)[0]!.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

/**
 * A placeholder for a file the page names and the backup lacks, carrying `reference` as written: the
 * asset stage turns it back into that reference (see `missing-file.ts`), so it is never written out.
 */
export function missingFileUrl(reference: string): string {
  return MISSING_PREFIX + encodeURIComponent(reference);
}

/** The reference as written that a `missingFileUrl` carries; null for any other URL. */
export function missingReferenceOf(url: string): string | null {
  if (!url.startsWith(MISSING_PREFIX)) return null;
  try {
    return decodeURIComponent(url.slice(MISSING_PREFIX.length));
  } catch {
    return null;
  }
}

/**
 * The post's old address on the blog: `/entry/<slug>` when the file is named after the slug, else
 * `/<id>`. On `blogOrigin` when the user says where the blog lived, else on the backup's own origin.
 */
export function backupPostUrl(page: BackupPage, blogOrigin: string = BACKUP_ORIGIN): string {
  const origin = blogOrigin.replace(/\/+$/, '');
  if (page.slug !== null) return `${origin}/entry/${encodeURIComponent(page.slug)}`;
  return `${origin}/${page.id ?? ''}`;
}
