import { resolve } from 'node:path';
import { errorMessage } from '../errors.js';
import { exportBlog, type ExportOptions } from '../export.js';
import type { ExportSettings } from '../options.js';
import { ExportInterrupted } from '../run/interrupted.js';
import { idleProgress, progressAfter, type Progress } from './progress-state.js';

/** What the library accepts beyond the settings; tests pass `hostMap` for their local CDN. */
export type JobExtras = Pick<ExportOptions, 'hostMap'>;

export interface ExportJobs {
  /** Starts a run; false when one is already going (the app runs one at a time). */
  start(source: string, settings: ExportSettings): boolean;
  /** Stops the current run: posts in flight finish, and the same form into the same folder resumes it. */
  cancel(): void;
  progress(): Progress;
  /** The output folder of the current or last run; null before any. */
  outDir(): string | null;
  running(): boolean;
  /** Calls `listener` on every change of the progress until the returned function is called. */
  subscribe(listener: (progress: Progress) => void): () => void;
  /** Resolves once no run is going (stopping the current one first). */
  stop(): Promise<void>;
}

/**
 * The app's export runs, one at a time, each reporting its progress to every open page. The settings
 * (and with them the cookie) live only in this run's memory.
 */
export function createExportJobs(extras: JobExtras = {}, now: () => number = Date.now): ExportJobs {
  let progress = idleProgress();
  let outDir: string | null = null;
  let controller: AbortController | null = null;
  let finished: Promise<void> = Promise.resolve();
  const listeners = new Set<(progress: Progress) => void>();

  const update = (next: Progress) => {
    progress = next;
    for (const listener of listeners) listener(progress);
  };

  async function run(source: string, settings: ExportSettings, signal: AbortSignal): Promise<void> {
    let postsBegan: number | null = null;
    try {
      const result = await exportBlog({
        ...extras,
        ...settings,
        source,
        signal,
        onEvent: (event) => {
          if (event.type === 'discovered') postsBegan = now();
          update(progressAfter(progress, event, postsBegan === null ? 0 : now() - postsBegan));
        },
      });
      update({ ...progress, phase: 'done', etaMs: 0, counts: { ...result.counts } });
    } catch (error) {
      if (error instanceof ExportInterrupted) update({ ...progress, phase: 'cancelled', etaMs: null });
      else update({ ...progress, phase: 'failed', etaMs: null, error: errorMessage(error) });
    } finally {
      controller = null;
    }
  }

  return {
    start(source, settings) {
      if (controller) return false;
      controller = new AbortController();
      outDir = resolve(settings.out);
      update({ ...idleProgress(), run: progress.run + 1, phase: 'discovering' });
      finished = run(source, settings, controller.signal);
      return true;
    },
    cancel() {
      if (!controller || controller.signal.aborted) return;
      controller.abort();
      update({ ...progress, phase: 'cancelling' });
    },
    progress: () => progress,
    outDir: () => outDir,
    running: () => controller !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      controller?.abort();
      await finished;
    },
  };
}
