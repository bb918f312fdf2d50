import { performance } from 'node:perf_hooks';

type ReleaseSlot = () => void;

interface Waiter {
  grant: (release: ReleaseSlot) => void;
  reject: (reason: unknown) => void;
  detachAbort: () => void;
}

/**
 * Admits requests to one host in FIFO order, at most `concurrency` at a time and starts spaced at
 * least `minIntervalMs` apart (a min-interval scheduler: one timer for the queue head, no polling).
 * `pauseFor` holds every start back, which is how a 429/Retry-After silences the whole host.
 */
export class HostLimiter {
  private readonly queue: Waiter[] = [];
  private inFlight = 0;
  private nextStartAt = 0;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private closedReason: unknown;

  constructor(
    private readonly concurrency: number,
    private readonly minIntervalMs: number,
  ) {}

  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (this.closedReason !== undefined) return Promise.reject(this.closedReason);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: resolve,
        reject,
        detachAbort: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Holds back new starts for `delayMs` (never shortens an existing pause). */
  pauseFor(delayMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + delayMs);
    this.pump();
  }

  /** How long from now new starts are still paused, in ms (0 when not paused). */
  remainingPauseMs(): number {
    return Math.max(0, this.pausedUntil - performance.now());
  }

  /** Rejects every queued request with `reason`; later `acquire` calls reject too. */
  close(reason: unknown): void {
    this.closedReason = reason;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.queue.splice(0)) {
      waiter.detachAbort();
      waiter.reject(reason);
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.concurrency) {
      const now = performance.now();
      const readyAt = Math.max(this.nextStartAt, this.pausedUntil);
      if (now < readyAt) {
        this.wakeAt(readyAt - now);
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      waiter.detachAbort();
      this.inFlight += 1;
      this.nextStartAt = now + this.minIntervalMs;
      waiter.grant(this.releaseOnce());
    }
  }

  private wakeAt(delayMs: number): void {
    // A new pause may push the wake-up later, so the timer is always re-armed rather than kept.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.ceil(delayMs));
  }

  private releaseOnce(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.pump();
    };
  }
}

/** One `HostLimiter` per host name, created on first use, so hosts never block each other. */
export class HostLimiters {
  private readonly byHost = new Map<string, HostLimiter>();

  constructor(
    private readonly concurrency: number,
    /** Requests per second; 0 means no spacing. */
    private readonly rate: number,
  ) {}

  forHost(host: string): HostLimiter {
    let limiter = this.byHost.get(host);
    if (!limiter) {
      limiter = new HostLimiter(this.concurrency, this.rate > 0 ? 1000 / this.rate : 0);
      this.byHost.set(host, limiter);
    }
    return limiter;
  }

  close(reason: unknown): void {
    for (const limiter of this.byHost.values()) limiter.close(reason);
  }
}
