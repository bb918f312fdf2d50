import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, realpath, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { STATE_FOLDER } from './post-state.js';

const LOCK_FILE = 'lock';
/** A lock file is written right after it is created; one that stays unreadable this long was left half-made. */
const UNREADABLE_GRACE_MS = 1_000;
/** Takeovers that lose a race start over; more rounds than this means something else keeps changing the file. */
const MAX_ATTEMPTS = 100;

/** What `<out>/.tistory-export/lock` holds: which process is exporting into the folder right now. */
interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  /** Tells this holding apart from a later one by a process that happens to get the same pid. */
  token: string;
}

interface RunLock {
  readonly path: string;
  /** Removes the lock file if it is still this run's; safe to call more than once. */
  release(): Promise<void>;
}

/** A live run holds the folder: exporting into it too would interleave two runs' writes and state. */
export class FolderInUseError extends UsageError {
  constructor(
    readonly outDir: string,
    readonly holder: LockHolder,
    lockPath: string,
  ) {
    super(
      `${outDir} is in use by another tistory-export run (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, ` +
        `started ${holder.startedAt}); wait for it to finish or choose another output folder (if no run is exporting there, delete ${lockPath})`,
    );
    this.name = 'FolderInUseError';
  }
}

/** Lock paths this process holds, with their tokens: a lock naming our own pid is ours only if listed here. */
const heldHere = new Map<string, string>();

/**
 * Claims the output folder for one run: the lock file is created only if absent (O_EXCL), so of two
 * runs starting together exactly one gets it. A lock whose process has ended (killed, crashed, power
 * cut) is taken over; one whose process is alive is refused with its pid. The lock goes when the run
 * ends, with its result, an error or a Ctrl-C, and when the process exits at once (a second Ctrl-C).
 */
export async function acquireRunLock(outDir: string): Promise<RunLock> {
  await mkdir(join(outDir, STATE_FOLDER), { recursive: true });
  // The real path: two calls in one process reaching the folder by different names hold one lock.
  const path = join(await realpath(join(outDir, STATE_FOLDER)), LOCK_FILE);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const holder = newHolder();
    if (await createExclusively(path, holder)) return holdLock(path, holder);
    const existing = await readLock(path);
    if (existing === 'gone') continue;
    if (existing.holder && isRunning(path, existing.holder)) throw new FolderInUseError(outDir, existing.holder, path);
    await removeIfUnchanged(path, existing.text);
  }
  throw new UsageError(
    `${outDir}: could not take the lock ${path}; if no other run is exporting there, delete that file`,
  );
}

function newHolder(): LockHolder {
  return {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
}

async function createExclusively(path: string, holder: LockHolder): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  // Ours from this moment: another call in this process that reads the holder next finds it held.
  heldHere.set(path, holder.token);
  try {
    try {
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
    } finally {
      await handle.close();
    }
  } catch (error) {
    heldHere.delete(path);
    await rm(path, { force: true });
    throw error;
  }
  return true;
}

function holdLock(path: string, holder: LockHolder): RunLock {
  // process.exit() (a second Ctrl-C) skips every `finally`; 'exit' listeners still run, synchronously.
  const onExit = (): void => releaseSync(path, holder.token);
  process.once('exit', onExit);
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      releaseSync(path, holder.token);
    },
  };
}

function releaseSync(path: string, token: string): void {
  if (heldHere.get(path) !== token) return;
  heldHere.delete(path);
  try {
    // A run that lost its lock to a takeover (its process looked dead from another machine) leaves the new one alone.
    if (parseHolder(readFileSync(path, 'utf8'))?.token === token) unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}

type ReadLock = 'gone' | { text: string; holder: LockHolder | null };

/**
 * The lock's content. A file just created by another run may be empty for a moment before its holder
 * is written, so an unreadable one is read again for a while before it counts as left half-made.
 */
async function readLock(path: string): Promise<ReadLock> {
  const deadline = Date.now() + UNREADABLE_GRACE_MS;
  for (;;) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
      throw error;
    }
    const holder = parseHolder(text);
    if (holder || Date.now() > deadline) return { text, holder };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0 || typeof value.token !== 'string') return null;
    return {
      pid: value.pid as number,
      host: String(value.host ?? ''),
      startedAt: String(value.startedAt ?? ''),
      token: value.token,
    };
  } catch {
    return null;
  }
}

/**
 * Our own pid counts only for a lock this process holds: a container restarted after a kill often
 * runs the tool under the same pid as before. EPERM means the process exists under another user.
 */
function isRunning(path: string, holder: LockHolder): boolean {
  if (holder.pid === process.pid) return heldHere.get(path) === holder.token;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** A takeover guard older than this was left by a run killed in the middle of its takeover. */
const STALE_GUARD_MS = 5_000;

/**
 * Removes a stale lock, unless another run replaced it since it was read. Only one run at a time may do
 * that, holding the guard `lock.takeover` (a folder: mkdir is atomic): while the stale file is there no run
 * can create a lock, and only the guard's holder may remove it, so what it read is what it removes. (Moving
 * the file aside and putting back a fresh one by mistake left a moment with no lock, in which a third run
 * took it while the fresh one's owner still thought it held it.) A run that finds the guard taken comes
 * back to the lock after a moment.
 */
async function removeIfUnchanged(path: string, staleText: string): Promise<void> {
  const guard = `${path}.takeover`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await clearStaleGuard(guard);
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    return;
  }
  try {
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === staleText) await rm(path, { force: true });
  } finally {
    await rm(guard, { recursive: true, force: true });
  }
}

async function clearStaleGuard(guard: string): Promise<void> {
  const made = await stat(guard).catch(() => null);
  if (made && Date.now() - made.mtimeMs > STALE_GUARD_MS) await rm(guard, { recursive: true, force: true });
}
