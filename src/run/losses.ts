import type { PostState, StateStore } from '../state/post-state.js';

/**
 * Why a post fetched again keeps the export the folder holds: what the fetch gave is less than that
 * export. `failed`: the fetch itself went wrong (an error, a 404); `kept`: the blog answered, but with a
 * poorer view of the post (protected for this visitor, a page without the article, an empty body).
 */
export interface Loss {
  /** Said in the manifest row's warnings, in changes.json and in the run's output. */
  reason: string;
  change: 'failed' | 'kept';
}

/** What one fetch of a post showed, as far as weighing it against an earlier export goes. */
export type PageView =
  /** The fetch failed: an HTTP error other than 404, the network, a write. */
  | { shows: 'error'; error: string }
  /** 404 or 410, or Tistory's "no such post" page. */
  | { shows: 'nothing' }
  /** A password form in place of the body. */
  | { shows: 'hidden'; status: 'protected' }
  /** A page that is not the post (see `statesAPost`), or one whose body could not be extracted (`why`). */
  | { shows: 'no-article'; why: string | null }
  /** The article, with a body that converts to nothing. */
  | { shows: 'empty-body' };

/** The part of the export a poorer view would replace. */
export interface PriorExport {
  /** The slug the earlier export gave the post, which it keeps. */
  slug: string | null;
  /** Null when `view` may replace the export (nothing to lose, or `--accept-losses`); else why it may not. */
  lossOf(view: PageView): Promise<Loss | null>;
}

export const NO_PRIOR_EXPORT: PriorExport = { slug: null, lossOf: async () => null };

/**
 * One rule for every fetch that shows less than the folder holds: a worse view never replaces a better
 * export. A failed fetch or a 404 keeps any export; a post now protected for this visitor
 * (a run without the owner's cookie, or with an expired one) keeps its full export; a page without the
 * article (a maintenance page, a body that is not there) keeps the post's export, full or protected; an
 * empty body keeps a body. `acceptLosses` (`--accept-losses`) lets the visitor's view and an empty
 * body in, as the blog now shows the post; a failure or a page that is not the post never replaces it.
 */
export function priorExport(
  previous: PostState | null,
  options: { acceptLosses: boolean; store: StateStore },
): PriorExport {
  if (previous === null) return NO_PRIOR_EXPORT;
  return { slug: previous.linked?.slug ?? null, lossOf: (view) => lossOf(previous, view, options) };
}

export async function lossOf(
  previous: PostState,
  view: PageView,
  options: { acceptLosses: boolean; store: StateStore },
): Promise<Loss | null> {
  const had = previous.entry.status;
  if (had === 'failed') return null;
  switch (view.shows) {
    case 'error':
      return { reason: `fetching it again failed (${view.error}); the previous export is kept`, change: 'failed' };
    case 'nothing':
      return had === 'missing'
        ? null
        : { reason: 'not found (the blog answers 404 for it now); the previous export is kept', change: 'failed' };
    case 'hidden': {
      return had === 'ok' && !options.acceptLosses
        ? { reason: `kept: now ${view.status} for this visitor`, change: 'kept' }
        : null;
    }
    case 'no-article':
      if (had === 'ok' || had === 'protected')
        return { reason: `kept: page had no article${view.why ? ` (${view.why})` : ''}`, change: 'kept' };
      // A post known gone: a page that fails extraction is a failed fetch; a placeholder is written as a first export would be.
      return view.why === null ? null : lossOf(previous, { shows: 'error', error: view.why }, options);
    case 'empty-body':
      return had === 'ok' && !options.acceptLosses && (await hadBody(previous, options.store))
        ? { reason: 'kept: the body is empty now', change: 'kept' }
        : null;
  }
}

/** A saved body that cannot be read is no body to keep: the new one is written. */
async function hadBody(previous: PostState, store: StateStore): Promise<boolean> {
  const record = await store.readRecord(previous.entry.id).catch(() => null);
  return record !== null && (record.markdown.trim() !== '' || record.assets.length > 0);
}
