import { EncscanError } from './errors.js';

/** Counting semaphore whose waiters leave the queue when their signal aborts. */
export class Semaphore {
  private free: number;
  private readonly waiters: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    throwIfAborted(signal);
    if (this.free > 0) {
      this.free--;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(wake);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(abortError(signal));
      };
      this.waiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/**
 * Gives up an endpoint after `limit` consecutive timeouts, so a tarpit cannot eat the whole budget. Once
 * per `coolDownMs` an open breaker lets one attempt through (half-open): an answer closes it, a timeout
 * keeps it open, so a server that was only briefly slow is not lost for the rest of a long bulk scan.
 */
export class CircuitBreaker {
  private readonly endpoints = new Map<string, { timeouts: number; since: number }>();
  constructor(
    private readonly limit = 3,
    private readonly coolDownMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  check(key: string): void {
    const e = this.endpoints.get(key);
    if (!e || e.timeouts < this.limit) return;
    if (this.now() - e.since >= this.coolDownMs) {
      e.since = this.now(); // this caller is the trial; others wait for the next cool-down
      return;
    }
    throw new EncscanError('ENCSCAN_CIRCUIT_OPEN', `${key}: gave up after ${this.limit} consecutive timeouts (next try in ${Math.ceil((this.coolDownMs - (this.now() - e.since)) / 1000)} s)`);
  }
  timedOut(key: string): void {
    const e = this.endpoints.get(key) ?? { timeouts: 0, since: 0 };
    e.timeouts = Math.min(e.timeouts + 1, this.limit);
    if (e.timeouts === this.limit) e.since = this.now();
    this.endpoints.set(key, e);
  }
  succeeded(key: string): void {
    this.endpoints.delete(key);
  }
}

export function abortError(signal?: AbortSignal): EncscanError {
  const reason: unknown = signal?.reason;
  if (reason instanceof EncscanError) return reason;
  return new EncscanError('ENCSCAN_ABORTED', 'operation aborted');
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/** One signal for one operation: aborts with ENCSCAN_TIMEOUT after `ms`, or with the caller's reason. */
export class Deadline {
  private readonly ctl = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onAbort = (): void => this.ctl.abort(this.parent?.reason);

  constructor(ms: number, private readonly parent: AbortSignal | undefined, what: string) {
    this.timer = setTimeout(() => this.ctl.abort(new EncscanError('ENCSCAN_TIMEOUT', `${what}: no answer within ${ms / 1000}s`)), ms);
    if (parent?.aborted) this.onAbort();
    else parent?.addEventListener('abort', this.onAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.ctl.signal;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.parent?.removeEventListener('abort', this.onAbort);
  }
}

/** Runs `op` with a per-operation timeout that also honours the caller's signal. */
export async function withTimeout<T>(
  ms: number,
  signal: AbortSignal | undefined,
  what: string,
  op: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  throwIfAborted(signal);
  const deadline = new Deadline(ms, signal, what);
  try {
    return await new Promise<T>((resolve, reject) => {
      deadline.signal.addEventListener('abort', () => reject(abortError(deadline.signal)), { once: true });
      op(deadline.signal).then(resolve, reject);
    });
  } finally {
    deadline.clear();
  }
}
