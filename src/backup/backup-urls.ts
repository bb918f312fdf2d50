// The addresses a backup's posts and files get. Files use a host under `.invalid` (RFC 2606: it never
// resolves), so the pipeline can treat them as ordinary URLs and the backup's fetcher answers them; if
// one ever reached the network by mistake it would fail, never hit somebody's server.

import type { BackupPage } from './layout.js';

export const BACKUP_ORIGIN = 'https://tistory-backup.invalid';
const FILES_PREFIX = `${BACKUP_ORIGIN}/files/`;

export function backupFileUrl(path: string): string {
  return FILES_PREFIX + path.split('/').map(encodeURIComponent).join('/');
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
 * The post's old address on the blog: `/entry/<slug>` when the file is named after the slug, else
 * `/<id>`. On `blogOrigin` when the user says where the blog lived, else on the backup's own origin.
 */
export function backupPostUrl(page: BackupPage, blogOrigin: string = BACKUP_ORIGIN): string {
  const origin = blogOrigin.replace(/\/+$/, '');
  if (page.slug !== null) return `${origin}/entry/${encodeURIComponent(page.slug)}`;
  return `${origin}/${page.id ?? ''}`;
}
