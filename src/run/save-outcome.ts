import type { PlannedPost } from '../state/plan.js';
import type { PostState, StateStore } from '../state/post-state.js';
import type { ManifestEntry } from '../types.js';
import type { ExportedPost } from './export-post.js';
import type { Loss } from './losses.js';

export interface SaveContext {
  store: StateStore;
  runId: string;
  recordKey: string;
  /** `--full`: every post fetched again counts as updated, even one whose export came out the same. */
  full: boolean;
}

/**
 * Keeps the folder's export of a post whose fetch showed less (see `lossOf`): a backup never loses a
 * post because one night's fetch went wrong or saw it through a visitor's eyes. The state says why, and
 * a later run that fetches the post again may replace it.
 */
export async function keepPrevious(previous: PostState, loss: Loss, context: SaveContext): Promise<PostState> {
  const state: PostState = {
    ...previous,
    run: context.runId,
    change: loss.change,
    refreshError: loss.reason,
    savedAt: new Date().toISOString(),
  };
  if (!onlyTheRunDiffers(previous, state)) await context.store.savePost(state);
  return state;
}

/** Saves one finished post in the folder's state, atomically: from this moment a re-run treats it as done. */
export async function saveOutcome(
  planned: PlannedPost,
  entry: ManifestEntry,
  exported: ExportedPost,
  context: SaveContext,
): Promise<PostState> {
  const previous = planned.previous;
  const hadExport = previous !== null && previous.entry.status !== 'failed';
  const savedAt = new Date().toISOString();
  const unchanged =
    hadExport &&
    !context.full &&
    entry.status !== 'failed' &&
    (await sameExport(previous, entry, exported, context.store));
  const state: PostState = {
    entry,
    urls: exported.urls,
    origins: exported.origins,
    lastmod: planned.post.lastmod,
    updated: exported.updated,
    linked: exported.linked,
    protectedMeta: exported.protectedMeta,
    pendingLinks: exported.pendingLinks,
    recordKey: context.recordKey,
    run: context.runId,
    change: entry.status === 'failed' ? 'failed' : unchanged ? 'unchanged' : hadExport ? 'updated' : 'added',
    savedAt,
  };
  if (previous !== null && onlyTheRunDiffers(previous, state)) return state;
  await context.store.savePost(state, exported.record ?? undefined);
  if (previous && previous.entry.id !== entry.id) await context.store.removePost(previous.entry.id);
  return state;
}

/**
 * Saving `state` over `previous` would record only that another run saw the post as it was (an
 * unchanged post fetched again, a post kept or failed again for the same reason): its file stays as it
 * is, byte for byte, so a backup kept in git sees no change. The run still reports the post from `state`.
 */
function onlyTheRunDiffers(previous: PostState, state: PostState): boolean {
  if (state.change !== 'unchanged' && state.change !== previous.change) return false;
  return JSON.stringify(withoutRun(previous)) === JSON.stringify(withoutRun(state));
}

function withoutRun({
  run: _run,
  change: _change,
  savedAt: _savedAt,
  ...kept
}: PostState): Omit<PostState, 'run' | 'change' | 'savedAt'> {
  return kept;
}

/**
 * The post came out as the folder already had it: the same manifest row and the same converted body,
 * which is all every format writes from. A post named on the command line is fetched on every run, and
 * one a sitemap dates newer may not have changed in any way its export shows.
 */
async function sameExport(
  previous: PostState,
  entry: ManifestEntry,
  exported: ExportedPost,
  store: StateStore,
): Promise<boolean> {
  if (JSON.stringify(previous.entry) !== JSON.stringify(entry)) return false;
  if (JSON.stringify(previous.protectedMeta) !== JSON.stringify(exported.protectedMeta)) return false;
  if (exported.record === null || previous.linked === null) return exported.record === null && previous.linked === null;
  const stored = await store.readRecord(previous.entry.id).catch(() => null);
  return stored !== null && JSON.stringify(stored) === JSON.stringify(exported.record);
}
