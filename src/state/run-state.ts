import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_ORIGIN } from '../backup/backup-urls.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { STATE_FOLDER } from './post-state.js';

const RUN_FILE = 'run.json';

/** One export into a folder, from its start to its end, across however many interruptions. */
interface RunState {
  /** The blog's origin: a folder holds one blog. */
  source: string;
  runId: string;
  startedAt: string;
  /** Null while the run has not ended: the next run into the folder resumes it. */
  finishedAt: string | null;
  /**
   * With a backup as the source: a sample of its post ids and titles (see `backupIdentity`), since a backup
   * read without `--blog-url` has the same placeholder `source` whichever blog it came from.
   */
  backupPosts?: Record<string, string>;
}

interface BegunRun {
  run: RunState;
  /** The previous run was killed or interrupted; this one carries on with its id. */
  resumed: boolean;
}

async function readRunState(outDir: string): Promise<RunState | null> {
  try {
    const run = JSON.parse(await readFile(runPath(outDir), 'utf8')) as RunState;
    return typeof run.runId === 'string' && typeof run.source === 'string' ? run : null;
  } catch {
    return null;
  }
}

/** Refuses a folder that holds another blog's export; returns the folder's last run, if any. */
export async function assertSameBlog(outDir: string, source: string): Promise<RunState | null> {
  const previous = await readRunState(outDir);
  if (previous && previous.source !== source) {
    throw new UsageError(
      `${outDir} holds an export of ${sourceName(previous.source)}; choose another output folder for ${sourceName(source)}`,
    );
  }
  return previous;
}

function sourceName(source: string): string {
  return source === BACKUP_ORIGIN ? 'a backup read without --blog-url' : source;
}

/**
 * Marks a run as started. An unfinished previous run is resumed under its own id, so what it already did
 * is reported as this run's work; a folder holding another blog's export is refused rather than mixed.
 */
export async function beginRun(
  outDir: string,
  source: string,
  backupPosts: Record<string, string> | null = null,
): Promise<BegunRun> {
  const previous = await assertSameBlog(outDir, source);
  const resumed = previous !== null && previous.finishedAt === null;
  const begun: RunState = resumed
    ? previous
    : {
        source,
        runId: `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
        startedAt: new Date().toISOString(),
        finishedAt: null,
      };
  // A run from the blog itself keeps the last backup's sample: the folder still holds those posts.
  const sample = backupPosts ?? previous?.backupPosts;
  const run: RunState = sample === undefined ? begun : { ...begun, backupPosts: sample };
  await writeRunState(outDir, run);
  return { run, resumed };
}

export async function finishRun(outDir: string, run: RunState): Promise<void> {
  await writeRunState(outDir, { ...run, finishedAt: new Date().toISOString() });
}

async function writeRunState(outDir: string, run: RunState): Promise<void> {
  await writeFileAtomic(runPath(outDir), `${JSON.stringify(run, null, 2)}\n`);
}

function runPath(outDir: string): string {
  return join(outDir, STATE_FOLDER, RUN_FILE);
}
