import type { DiscoveredPost } from '../types.js';
import type { PostState } from './post-state.js';
import { failsForGood } from '../fetch/network-errors.js';
import { isWithinDates } from '../selection/date-range.js';

/** A post to fetch, with what the folder already holds of it (a failed attempt, or an older version). */
export interface PlannedPost {
  post: DiscoveredPost;
  previous: PostState | null;
}

export interface RunPlan {
  fetch: PlannedPost[];
  /** Exported before and not fetched again: handed to the targets from the state, without a request. */
  keep: PostState[];
  /** New posts left out by `--since` or `--until` (no date, or one outside them). */
  skipped: DiscoveredPost[];
  /** Discovered posts the folder already holds and this run does not fetch (what a re-run tells the user it skips). */
  alreadyExported: DiscoveredPost[];
}

interface PlanOptions {
  /** `--full`: fetch every discovered post again. */
  full: boolean;
  /** `--since`, ISO 8601. */
  since: string | null;
  /** `--until`, ISO 8601; absent, none. */
  until?: string | null;
  /** A state made with another key (tool version, images mode) is stale: fetch the post again. */
  recordKey: string;
}

/**
 * Which discovered posts this run fetches. A post the folder already holds is fetched again only when
 * discovery dates it (sitemap `lastmod`, RSS `pubDate`) after what was exported, when its stored form is
 * stale, when it last failed or an image of it could not be downloaded (see `isDone`), or with `--full`;
 * a post named on the command line always is. Posts the folder holds but discovery did not find (deleted
 * since, or beyond `--limit`) are kept: a run removes nothing a previous one wrote. Pure.
 */
export function planRun(
  discovered: readonly DiscoveredPost[],
  states: readonly PostState[],
  options: PlanOptions,
): RunPlan {
  const byId = new Map<string, PostState>();
  const byUrl = new Map<string, PostState>();
  for (const state of states) {
    byId.set(state.entry.id, state);
    for (const url of state.urls) byUrl.set(url, state);
  }
  const until = options.until ?? null;
  const dated = options.since !== null || until !== null;
  const fetch: PlannedPost[] = [];
  const skipped: DiscoveredPost[] = [];
  const alreadyExported: DiscoveredPost[] = [];
  for (const post of discovered) {
    const previous = (post.id === null ? undefined : byId.get(post.id)) ?? byUrl.get(post.url) ?? null;
    const done = previous !== null && isDone(previous, options.recordKey);
    const explicit = post.sources.includes('argument');
    if (done && !explicit && !options.full && !isNewer(post.lastmod, previous)) {
      alreadyExported.push(post);
      continue;
    }
    if (dated && !explicit && !isWithinDates(post.lastmod, options.since, until)) {
      (done ? alreadyExported : skipped).push(post);
      continue;
    }
    fetch.push({ post, previous });
  }
  const fetched = new Set(fetch.map((planned) => planned.previous));
  // A failed post has nothing to show; its state stays for a later run to try again. A stale record
  // of a post not fetched now is still the post, in an older form: better than leaving it out.
  const keep = states.filter((state) => !fetched.has(state) && state.entry.status !== 'failed');
  return { fetch, keep, skipped, alreadyExported };
}

/**
 * Exported (or known to be protected or gone) with the current tool and settings, and with
 * every image and file it could bring home: one whose download failed for a reason that may pass is
 * tried again by fetching the post again (which also renews a signed URL), or a CDN hiccup on one night
 * would leave that image on Tistory for good.
 */
function isDone(state: PostState, recordKey: string): boolean {
  return (
    state.entry.status !== 'failed' &&
    state.recordKey === recordKey &&
    !(state.entry.assets ?? []).some((asset) => asset.error !== undefined && mayPass(asset.url, asset.error))
  );
}

/**
 * Whether another run could download the file: a server error, a rate limit, a timeout or a dropped
 * connection may pass, and a 403 on a signed Tistory URL is the signature expiring (the page fetched
 * again carries a fresh one). Any other 4xx (a deleted file, a host that refuses hotlinking), a host
 * name that no longer resolves or a bad certificate (an image host long gone), a page instead of the
 * file, a file over the size limit, robots.txt, a backup read without the network or a file missing
 * from the backup would only repeat, and retrying them would fetch the post again on every run and report it updated every night.
 */
function mayPass(url: string, error: string): boolean {
  const status = /^HTTP (\d{3})/.exec(error)?.[1];
  if (status !== undefined)
    return status.startsWith('5') || status === '429' || status === '408' || (status === '403' && isSigned(url));
  if (failsForGood(error)) return false;
  return !/^(?:not an image|no network access|robots\.txt|response body larger than|invalid URL|unsupported protocol|missing from the backup)/.test(
    error,
  );
}

function isSigned(url: string): boolean {
  try {
    return new URL(url).searchParams.has('signature');
  } catch {
    return false;
  }
}

/** Discovery dates the post after everything the last export knew of it. */
function isNewer(lastmod: string | null, state: PostState): boolean {
  const discovered = timeOf(lastmod);
  if (Number.isNaN(discovered)) return false;
  const known = [state.lastmod, state.updated].map(timeOf).filter((time) => !Number.isNaN(time));
  return known.length === 0 ? false : discovered > Math.max(...known);
}

function timeOf(date: string | null): number {
  return date === null ? Number.NaN : Date.parse(date);
}
