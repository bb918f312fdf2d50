import type { ExportEvent } from '../types.js';

/** What the page shows while a run goes on; sent whole on every change, so a page that reconnects is current. */
export interface Progress {
  /** Which run of this launch it is (1 for the first): a page tells a new run's end from the last one's. */
  run: number;
  phase: 'idle' | 'discovering' | 'exporting' | 'done' | 'cancelling' | 'cancelled' | 'failed';
  /** Posts seen so far while discovering, then the posts the source holds. */
  found: number;
  /** Posts this run fetches. */
  total: number;
  done: number;
  failed: number;
  /** Milliseconds left at the pace so far; null before the first post is done. */
  etaMs: number | null;
  /** The last few warnings, newest last. */
  warnings: string[];
  /** The one-line reason a run failed or was refused. */
  error: string | null;
  /** The final counts per status, once done. */
  counts: Record<string, number> | null;
}

/** Warnings kept for the page: the report lists them all. */
const WARNINGS_SHOWN = 20;

export function idleProgress(): Progress {
  return {
    run: 0,
    phase: 'idle',
    found: 0,
    total: 0,
    done: 0,
    failed: 0,
    etaMs: null,
    warnings: [],
    error: null,
    counts: null,
  };
}

/** The progress after `event`; `elapsedMs`: time since the posts began to be fetched, for the ETA. */
export function progressAfter(progress: Progress, event: ExportEvent, elapsedMs: number): Progress {
  switch (event.type) {
    case 'discovering':
      return { ...progress, phase: 'discovering' };
    case 'discovery-progress':
      return { ...progress, found: event.postsFound };
    case 'discovered':
      return { ...progress, phase: 'exporting', found: event.found ?? event.total, total: event.total };
    case 'post':
    case 'duplicate':
    case 'outside': {
      const failed = progress.failed + (event.type === 'post' && event.entry.status === 'failed' ? 1 : 0);
      return {
        ...progress,
        done: event.done,
        total: event.total,
        failed,
        etaMs: etaMs(event.done, event.total, elapsedMs),
      };
    }
    case 'warning':
      return { ...progress, warnings: [...progress.warnings, event.message].slice(-WARNINGS_SHOWN) };
    default:
      return progress;
  }
}

/** Time left at the pace so far: the posts still to do, each taking the average of those done. */
export function etaMs(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  return Math.round(((total - done) * elapsedMs) / done);
}
