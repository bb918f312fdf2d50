import type { ExportResult } from '../types.js';

/**
 * A run for one post that found nothing to export: what to tell the user, or null. A mistyped address
 * must not look like success to a script: the CLI says this and exits 1. (A post exported before that
 * is gone now is a failed refresh, reported as such.)
 */
export function singlePostNotExported(result: Pick<ExportResult, 'postUrl' | 'changes'>): string | null {
  if (result.postUrl === null || result.changes === null) return null;
  // A one-post run fetches that post only: whatever this run found unavailable is it.
  return result.changes.unavailable.length > 0
    ? `${result.postUrl}: not found (the blog answers 404: a mistyped address, or a deleted post)`
    : null;
}
