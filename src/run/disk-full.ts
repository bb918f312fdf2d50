import type { ExportResult } from '../types.js';
import { errorMessage } from '../errors.js';
import { buildManifest, countStatuses, writeManifest } from '../state/manifest.js';
import { manifestEntryOf, type PostState } from '../state/post-state.js';
import { DiskFullError } from '../util/write-errors.js';

/** The disk filled up while posts were written: the posts whose state was saved before it did. */
export class DiskFullDuringRun extends Error {
  constructor(
    readonly diskFull: DiskFullError,
    readonly saved: readonly PostState[],
    /** Set when the run's manifest was already written when the disk filled up. */
    readonly manifestPath: string | null = null,
  ) {
    super(diskFull.message);
    this.name = 'DiskFullDuringRun';
  }
}

/**
 * The run stopped because the disk is full. No post was started after that; every post saved before it
 * is in `result` and, unless `manifestError` says why not, in the folder's manifest. The run is left
 * unfinished, so the same command resumes it once there is room.
 */
export class ExportDiskFull extends Error {
  constructor(
    readonly outDir: string,
    /** The write that did not fit. */
    readonly diskFull: DiskFullError,
    /** What was saved; `manifestPath` is null when the manifest could not be written. */
    readonly result: ExportResult,
    readonly manifestError: string | null,
  ) {
    super(`disk full: ${outDir}: ${diskFull.message}`);
    this.name = 'ExportDiskFull';
  }
}

/** Writes the manifest of what `stopped` saved, if the disk still takes it, and says how the run ended. */
export async function stopOnFullDisk(
  stopped: DiskFullDuringRun,
  run: { source: string; outDir: string; startedAt: number } & Pick<ExportResult, 'discovered' | 'postUrl'>,
): Promise<ExportDiskFull> {
  const entries = stopped.saved.map(manifestEntryOf);
  const manifest = buildManifest(run.source, entries);
  let manifestPath = stopped.manifestPath;
  let manifestError: string | null = null;
  if (manifestPath === null) {
    try {
      manifestPath = await writeManifest(run.outDir, manifest);
    } catch (error) {
      manifestError = errorMessage(error);
    }
  }
  const result: ExportResult = {
    outDir: run.outDir,
    manifestPath,
    manifest,
    counts: countStatuses(entries),
    discovered: run.discovered,
    changes: null,
    postUrl: run.postUrl,
    elapsedMs: Date.now() - run.startedAt,
  };
  return new ExportDiskFull(run.outDir, stopped.diskFull, result, manifestError);
}

/**
 * For a `.catch` in the run: a full disk (from the posts, or from a write of their end, before which
 * `saved` were saved and `manifestPath` possibly written) ends the run as `ExportDiskFull`; any other
 * error goes on as it is.
 */
export function whenDiskFull(
  run: Parameters<typeof stopOnFullDisk>[1],
  saved?: readonly PostState[],
  manifestPath: string | null = null,
): (error: unknown) => Promise<never> {
  return async (error) => {
    if (error instanceof DiskFullDuringRun) throw await stopOnFullDisk(error, run);
    if (saved && error instanceof DiskFullError)
      throw await stopOnFullDisk(new DiskFullDuringRun(error, saved, manifestPath), run);
    throw error;
  };
}
