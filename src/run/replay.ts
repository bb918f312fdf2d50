import { errorMessage } from '../errors.js';
import { DiskFullError } from '../util/write-errors.js';
import type { PostState, StateStore } from '../state/post-state.js';
import type { Target } from '../targets/index.js';
import { convertedPost, type LinkLookup } from '../body/post-body.js';

/** Writes with every target; returns the files written, relative to the output folder. */
export async function writeAll(
  targets: readonly Target[],
  write: (target: Target) => Promise<string[]>,
): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) files.push(...(await write(target)));
  return files;
}

/**
 * Hands a post this run did not fetch to every target again, from its saved record: a target that
 * builds files across posts (posts.jsonl, a site's config) then holds the whole blog, and the post's
 * own files get the links to posts exported since. Returns the state, updated when what it says of
 * the files changed (an added format, links now resolved).
 */
export async function replayPost(
  state: PostState,
  targets: readonly Target[],
  store: StateStore,
  lookup: LinkLookup,
): Promise<PostState> {
  let files: string[] = [];
  let pendingLinks = false;
  if (state.linked) {
    const post = convertedPost(await store.readRecord(state.entry.id), lookup);
    pendingLinks = post.pendingLinks;
    files = await writeAll(targets, (target) => target.writePost(post));
  } else if (state.protectedMeta) {
    const meta = state.protectedMeta;
    files = await writeAll(targets, (target) => target.writeProtected(meta, state.entry.id));
  }
  const allFiles = [...new Set([...state.entry.files, ...files])];
  if (allFiles.length === state.entry.files.length && pendingLinks === state.pendingLinks) return state;
  const updated: PostState = { ...state, entry: { ...state.entry, files: allFiles }, pendingLinks };
  await store.savePost(updated);
  return updated;
}

/**
 * Now that every post of the run is known, writes again the posts whose links pointed at posts exported
 * after them, and records in their state that nothing more is owed (links to posts that were never
 * exported keep their Tistory URL).
 */
export async function fixPendingLinks(
  states: readonly PostState[],
  targets: readonly Target[],
  store: StateStore,
  lookup: LinkLookup,
  onWarning: (message: string) => void,
): Promise<PostState[]> {
  const fixed: PostState[] = [];
  for (const state of states) {
    if (!state.pendingLinks || !state.linked) {
      fixed.push(state);
      continue;
    }
    try {
      const record = await store.readRecord(state.entry.id);
      if (!record.links.some((link) => lookup(link.key) !== null)) {
        fixed.push(state);
        continue;
      }
      const post = convertedPost(record, lookup);
      for (const target of targets) await target.rewritePost?.(post);
      const updated: PostState = { ...state, pendingLinks: post.pendingLinks };
      await store.savePost(updated);
      fixed.push(updated);
    } catch (error) {
      if (error instanceof DiskFullError) throw error;
      onWarning(`${state.entry.url}: links to later posts could not be fixed (${errorMessage(error)})`);
      fixed.push(state);
    }
  }
  return fixed;
}
