// Worker threads for the pure stages. Parsing and converting pages makes most of an export's garbage;
// in the main thread V8 lets that garbage grow the heap with the run's length, while a worker's heap
// is capped, so memory stays flat over ten thousand posts. A page too big for a worker's heap (or any
// worker that dies) is not lost: that task runs again in this thread, which has no such cap.

import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { BackupExtractJob } from '../backup/extract-backup-post.js';
import {
  inThreadStages,
  runStageTask,
  type ConvertSettings,
  type PureStages,
  type ReadBackupPage,
  type ReadPage,
  type StageTask,
} from './pure-stages.js';
import { POOL_THRESHOLD } from '../names.js';
import type { StageReply } from './stage-worker.js';

export interface StagePoolOptions {
  size: number;
  /** Per worker; the defaults hold a page of about 2 MB of HTML (far beyond a usual post); larger pages fall back to this thread. */
  resourceLimits?: ResourceLimits;
  /** The worker script; tests point it at the compiled one. */
  workerUrl?: URL;
  /** A task still running after this long is given up: see `TASK_TIMEOUT_MS`. */
  taskTimeoutMs?: number;
}

/**
 * Far beyond any real page (the largest take a few seconds). A page that runs the converter into a loop
 * fails alone, its worker is replaced, and the run goes on; in the main thread it would stop the run.
 */
export const TASK_TIMEOUT_MS = 120_000;

const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/**
 * `--workers`: 0 runs the stages in this thread; null (auto) uses one thread when the run fetches enough
 * posts to be worth it. One is enough: a polite crawl fetches a few pages a second and one thread converts
 * dozens, and each thread costs its own heap. More help only runs that do not wait on the network (`--offline`).
 */
export function createStages(workers: number | null, postsToFetch: number): PureStages {
  if (workers === 0) return inThreadStages;
  if (workers === null && postsToFetch < POOL_THRESHOLD) return inThreadStages;
  return new StagePool({ size: workers ?? 1 });
}

interface QueuedTask {
  task: StageTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  timer: NodeJS.Timeout | null;
  /** The worker loaded its modules; one that dies before this cannot run here at all. */
  ready: boolean;
  current: QueuedTask | null;
}

export class StagePool implements PureStages {
  /** Tasks a worker could not finish (out of memory, crashed) or could not start, run in this thread. */
  tasksRunInThread = 0;
  private readonly slots = new Set<Slot>();
  private readonly queue: QueuedTask[] = [];
  private readonly workerUrl: URL;
  private readonly resourceLimits: ResourceLimits;
  private readonly taskTimeoutMs: number;
  /** Workers cannot start here (the script is missing, as when running from sources): no more are tried. */
  private unavailable = false;
  private closed = false;

  constructor(private readonly options: StagePoolOptions) {
    this.workerUrl = options.workerUrl ?? new URL('./stage-worker.js', import.meta.url);
    this.resourceLimits = options.resourceLimits ?? DEFAULT_LIMITS;
    this.taskTimeoutMs = options.taskTimeoutMs ?? TASK_TIMEOUT_MS;
  }

  read(html: string, url: string, settings: ConvertSettings): Promise<ReadPage> {
    return this.run({ stage: 'read', html, url, settings }) as Promise<ReadPage>;
  }

  readBackup(job: BackupExtractJob, settings: ConvertSettings): Promise<ReadBackupPage> {
    return this.run({ stage: 'readBackup', job, settings }) as Promise<ReadBackupPage>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    this.slots.clear();
    // A caller that stops early (an error in another post) may still await these: they finish here.
    for (const slot of slots) {
      const queued = this.release(slot);
      if (queued) this.settleInThread(queued);
    }
    this.drainInThread();
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private run(task: StageTask): Promise<unknown> {
    if (this.unavailable || this.closed) return runInThread(task);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot() ?? (this.slots.size < this.options.size ? this.spawn() : null);
      if (!slot) return;
      const queued = this.queue.shift()!;
      slot.current = queued;
      slot.worker.ref();
      slot.worker.postMessage(queued.task);
      slot.timer = setTimeout(() => this.giveUp(slot), this.taskTimeoutMs);
    }
  }

  private idleSlot(): Slot | null {
    for (const slot of this.slots) if (slot.current === null) return slot;
    return null;
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { resourceLimits: this.resourceLimits });
    const slot: Slot = { worker, timer: null, ready: false, current: null };
    this.slots.add(slot);
    worker.on('message', (reply: StageReply | 'ready') => {
      if (reply === 'ready') {
        slot.ready = true;
        return;
      }
      const queued = this.release(slot);
      worker.unref();
      if (queued) {
        if (reply.ok) queued.resolve(reply.value);
        else queued.reject(new Error(reply.error));
      }
      this.dispatch();
    });
    worker.on('error', () => this.lose(slot));
    worker.on('exit', () => this.lose(slot));
    return slot;
  }

  /** The slot's task, which it no longer runs. */
  private release(slot: Slot): QueuedTask | null {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const queued = slot.current;
    slot.current = null;
    return queued;
  }

  /** A task that never ends fails, not the run: it is not tried again in this thread, where it would hang. */
  private giveUp(slot: Slot): void {
    const queued = this.release(slot);
    this.slots.delete(slot);
    void slot.worker.terminate();
    const seconds = Math.round(this.taskTimeoutMs / 1000);
    queued?.reject(new Error(`reading and converting the page took longer than ${seconds}s and was given up`));
    this.dispatch();
  }

  /** A worker died: its task runs in this thread, and a new worker takes the next one. */
  private lose(slot: Slot): void {
    if (!this.slots.delete(slot)) return;
    if (!slot.ready) this.unavailable = true;
    const queued = this.release(slot);
    if (queued) this.settleInThread(queued);
    if (this.unavailable) this.drainInThread();
    else this.dispatch();
  }

  private drainInThread(): void {
    for (const queued of this.queue.splice(0)) this.settleInThread(queued);
  }

  private settleInThread(queued: QueuedTask): void {
    this.tasksRunInThread++;
    runInThread(queued.task).then(queued.resolve, queued.reject);
  }
}

function runInThread(task: StageTask): Promise<unknown> {
  return Promise.resolve().then(() => runStageTask(task));
}
