/**
 * The FIFO queue of requests waiting for a bucket's permit, shared by the in-process `RateGate`
 * and the Redis `SharedGate`: who waits, in order, and what happens when a waiter's signal
 * aborts, its deadline cannot be met or the gate ends. What a gate admits, and when, stays the
 * gate's own. Internal.
 *
 * @module
 */

/** One request waiting for a permit (`P`: the gate's permit). */
export interface Waiter<P> {
  resolve(permit: P): void;
  reject(error: unknown): void;
  /** Epoch ms after which the request would rather fail than wait. */
  deadline: number;
  signal: AbortSignal | undefined;
  /** What the request counts as in usage mode. */
  cost: number;
}

/** Waiters in arrival order. */
export class WaiterQueue<P> {
  readonly #waiters: Waiter<P>[] = [];
  readonly #watched = new Map<AbortSignal, () => void>();
  readonly #afterAbort: () => void;

  /** `afterAbort` runs after an aborted signal's waiters have left (a gate may admit others). */
  constructor(afterAbort: () => void = () => {}) {
    this.#afterAbort = afterAbort;
  }

  get length(): number {
    return this.#waiters.length;
  }

  /** The waiter at `index` from the head (0: the next to admit). */
  at(index: number): Waiter<P> | undefined {
    return this.#waiters[index];
  }

  /**
   * A request joins the end of the queue, then `joined` runs (the gate looks at its queue). The
   * promise is the permit the gate resolves it with; it is rejected with the signal's reason when
   * the signal aborts, and at once if it already has.
   */
  wait(
    signal: AbortSignal | undefined,
    deadline: number,
    cost: number,
    joined: () => void,
  ): Promise<P> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<P>((resolve, reject) => {
      if (signal) this.#watch(signal);
      this.#waiters.push({ resolve, reject, deadline, signal, cost });
      joined();
    });
  }

  /** Takes the waiter at the head. */
  shift(): Waiter<P> | undefined {
    return this.#waiters.shift();
  }

  /** Takes every waiter out, in order (to reject them, or hand them to another gate). */
  takeAll(): Waiter<P>[] {
    return this.#waiters.splice(0);
  }

  /** Rejects every waiter with `reason`. */
  rejectAll(reason: unknown): void {
    for (const waiter of this.takeAll()) waiter.reject(reason);
  }

  /** Rejects the waiters whose deadline comes before `until`, each with an error of `error()`. */
  rejectBefore(until: number, error: () => unknown): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.deadline < until) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.reject(error());
      }
    }
  }

  /** Stops listening to the waiters' signals (the gate is closing). */
  unwatch(): void {
    for (const [signal, onAbort] of this.#watched) signal.removeEventListener('abort', onAbort);
    this.#watched.clear();
  }

  /**
   * Listens to a signal once per queue, however many waiters share it (hundreds of them would
   * otherwise trip Node's listener-leak warning). On abort, that signal's waiters leave.
   */
  #watch(signal: AbortSignal): void {
    if (this.#watched.has(signal)) return;
    const onAbort = () => {
      this.#watched.delete(signal);
      for (const waiter of this.#waiters.filter((w) => w.signal === signal)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.reject(signal.reason);
      }
      this.#afterAbort();
    };
    this.#watched.set(signal, onAbort);
    signal.addEventListener('abort', onAbort, { once: true });
  }
}
