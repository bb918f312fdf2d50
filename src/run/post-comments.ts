import pLimit from 'p-limit';
import { CommentsError, fetchComments } from '../comments/fetch-comments.js';
import type { Comment } from '../comments/types.js';
import { errorMessage } from '../errors.js';
import { isWithinDates } from '../selection/date-range.js';
import type { PostState, StateStore } from '../state/post-state.js';
import type { Fetcher } from '../types.js';

/**
 * What asking for one post's comments gave: the comments (with `incomplete`, why they are not all the
 * API's: a cap reached, replies moved up), or why there are none to show.
 */
export type CommentsOutcome = { comments: Comment[]; incomplete?: string[] } | { error: string };

/**
 * Where `--comments` gets a post's comments from. `fetch` never rejects: a post never fails for its
 * comments. It answers null for a post it cannot ask about at all (see `liveCommentsSource`).
 */
export interface CommentsSource {
  fetch(postId: string, signal?: AbortSignal): Promise<CommentsOutcome | null>;
}

/** Tistory's comment API on the blog's own host, through the same polite client (and cache) as the pages. */
export function liveCommentsSource(fetcher: Fetcher, blogOrigin: string): CommentsSource {
  return {
    async fetch(postId, signal) {
      // The API is addressed by the post's number. An entry known only by its URL (a static page whose
      // head states no id) has nothing to ask with; a warning on every run would only be noise.
      if (!/^\d+$/.test(postId)) return null;
      try {
        const thread = await fetchComments(fetcher, blogOrigin, postId, signal);
        return thread.warnings.length > 0
          ? { comments: thread.comments, incomplete: thread.warnings }
          : { comments: thread.comments };
      } catch (error) {
        return { error: error instanceof CommentsError ? error.reason : errorMessage(error) };
      }
    },
  };
}

// The warnings start alike, so the summary can list comment trouble apart from other warnings.
const NOT_FETCHED = 'comments not fetched';
const NOT_REFRESHED = 'comments not refreshed';
const INCOMPLETE = 'comments incomplete';

function commentsNotFetched(reason: string): string {
  return `${NOT_FETCHED} (${reason}); the post is exported without them`;
}

/** The post's warnings about its comments: none when they all came, one per reason when not. */
export function commentsOutcomeWarnings(outcome: CommentsOutcome | null): string[] {
  if (outcome === null) return [];
  if ('error' in outcome) return [commentsNotFetched(outcome.error)];
  return (outcome.incomplete ?? []).map((reason) => `${INCOMPLETE} (${reason})`);
}

/**
 * A post that never had its comments is told of as the first run told of it: the same failure each
 * night leaves its manifest row, and a backup kept in git, unchanged.
 */
function commentsNotRefreshed(reason: string, hadComments: boolean): string {
  return hadComments ? `${NOT_REFRESHED} (${reason}); the ones fetched before are kept` : commentsNotFetched(reason);
}

export function isCommentsWarning(warning: string): boolean {
  return [NOT_FETCHED, NOT_REFRESHED, INCOMPLETE].some((start) => warning.startsWith(`${start} (`));
}

interface RefreshJob {
  store: StateStore;
  source: CommentsSource;
  /** Posts whose comments are asked for at once; the client's per-host limits still apply. */
  concurrency: number;
  signal: AbortSignal | undefined;
  onWarning: (message: string) => void;
  /** `--since`: a run narrowed to recent posts asks only about those (by the date they were exported with). */
  since: string | null;
  /** `--until`, likewise. */
  until: string | null;
  /** A run narrowed to a category or tag asks only about the posts in it (see `PostsJob.inScope`). */
  inScope?: (state: PostState) => boolean;
  /** This run, recorded on a post whose comments it found changed (see `ChangeReport.newComments`). */
  runId: string;
}

/**
 * New comments arrive without the post changing, so a kept post (not fetched again this run) gets its
 * comments asked for again: one request per post (more for a long thread). A post whose comments
 * changed gets them in its saved record, which the replay then hands to the targets; a failure keeps
 * the comments fetched before and says so on the post's manifest row. Returns the states, updated.
 */
export async function refreshKeptComments(states: readonly PostState[], job: RefreshJob): Promise<PostState[]> {
  const limit = pLimit(Math.max(1, job.concurrency));
  const asked = (state: PostState) =>
    (job.inScope?.(state) ?? true) &&
    ((job.since === null && job.until === null) || isWithinDates(state.lastmod ?? state.updated, job.since, job.until));
  return Promise.all(
    states.map((state) =>
      limit(async () => {
        if (!state.linked || state.entry.status !== 'ok' || job.signal?.aborted || !asked(state)) return state;
        const outcome = await job.source.fetch(state.entry.id, job.signal);
        // An interrupted request says nothing about the comments.
        if (outcome === null || job.signal?.aborted) return state;
        try {
          return await saveRefreshed(state, outcome, job);
        } catch (error) {
          job.onWarning(`${state.entry.url}: ${commentsNotRefreshed(errorMessage(error), false)}`);
          return state;
        }
      }),
    ),
  );
}

async function saveRefreshed(state: PostState, outcome: CommentsOutcome, job: RefreshJob): Promise<PostState> {
  const record = await job.store.readRecord(state.entry.id);
  const otherWarnings = (state.entry.warnings ?? []).filter((warning) => !isCommentsWarning(warning));
  let warnings = otherWarnings;
  let updatedRecord: typeof record | undefined;
  if ('comments' in outcome) {
    if (JSON.stringify(record.comments ?? null) !== JSON.stringify(outcome.comments))
      updatedRecord = { ...record, comments: outcome.comments };
    const incomplete = commentsOutcomeWarnings(outcome);
    for (const warning of incomplete) job.onWarning(`${state.entry.url}: ${warning}`);
    warnings = [...otherWarnings, ...incomplete];
  } else {
    const warning = commentsNotRefreshed(outcome.error, record.comments !== undefined);
    job.onWarning(`${state.entry.url}: ${warning}`);
    warnings = [...otherWarnings, warning];
  }
  const sameWarnings = JSON.stringify(warnings) === JSON.stringify(state.entry.warnings ?? []);
  if (!updatedRecord && sameWarnings) return state;
  const { warnings: _previous, ...entry } = state.entry;
  const updated: PostState = {
    ...state,
    entry: warnings.length > 0 ? { ...entry, warnings } : entry,
    ...(updatedRecord ? { commentsRun: job.runId } : {}),
  };
  await job.store.savePost(updated, updatedRecord);
  return updated;
}
