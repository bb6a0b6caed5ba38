import type { AdaptiveRate, LimitObservation } from '../spec/v1/index.js';
import { AdaptivePacer } from './adaptive-rate.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { UsageWindow } from './usage-window.js';
import { WaiterQueue } from './waiter-queue.js';

/** Why a gate holds its requests back; reported in `waiting` progress events. */
export type WaitReason = 'quota' | 'throttled' | 'quota-exhausted' | 'circuit-open';

/** Options of a {@link RateGate}. */
export interface RateGateOptions {
  /** The bucket's key, for messages and events. */
  key: string;
  /** Requests in flight at once, at most. */
  concurrency: number;
  /** Pacing when the platform announces no quota. Without it, only announced quotas pace. */
  adaptive?: AdaptiveRate;
  /**
   * The length of the rolling window a platform's usage percentage covers (Facebook's
   * `X-App-Usage`: one hour). With it, the gate learns the limit from the percentages and its own
   * sends, and never lets the usage reach 100 %.
   */
  usageWindowMs?: number;
  /** Requests kept back from an announced quota for other users of the same credential. @default 0 */
  reserve?: number;
  /** Consecutive transient failures that open the circuit. @default 5 */
  failureThreshold?: number;
  /** First wait before a half-open probe, before jitter. @default 30_000 */
  circuitCooldownMs?: number;
  now?: () => number;
  random?: () => number;
  /** Called when the gate starts holding requests back until a time. */
  onWait?: (until: number, reason: WaitReason) => void;
}

/** An admission: the holder may send one request, then must {@link RateGate.release} it. */
export interface Permit {
  readonly admittedAt: number;
  readonly probe: boolean;
  /** The quota window the request was admitted in (internal bookkeeping). */
  readonly window: number;
  /** Units the request counts as in usage mode (a Graph batch: its sub-requests). */
  readonly cost: number;
}

/** How a request ended, for {@link RateGate.release}. */
export type Outcome =
  | { readonly type: 'response'; readonly observation: LimitObservation }
  | { readonly type: 'transient-failure' }
  | { readonly type: 'other-failure' };

/** A gate's state, for observability and tests. */
export interface GateSnapshot {
  readonly key: string;
  readonly inFlight: number;
  readonly queued: number;
  readonly limit: number | undefined;
  readonly remaining: number | undefined;
  readonly resetAt: number | undefined;
  readonly pausedUntil: number;
  readonly rate: number | undefined;
  readonly circuit: 'closed' | 'open' | 'half-open';
  /** Requests admitted so far. */
  readonly admitted: number;
  /** Throttle answers received (429 and the platforms' equivalents). */
  readonly throttles: number;
  /** Milliseconds during which requests waited for a pause or a quota. */
  readonly waitedMs: number;
}

/** Thrown to waiters once the platform refused the bucket's credential. */
export class GateRefusedError extends Error {
  constructor(readonly key: string) {
    super(`the platform refused the credential of bucket ${key}; nothing more is sent with it`);
    this.name = 'GateRefusedError';
  }
}

/** Thrown to a waiter that would have to wait past its deadline. */
export class GateDeadlineError extends Error {
  constructor(
    readonly resumeAt: number,
    readonly reason: WaitReason,
  ) {
    super(
      `the bucket accepts requests again only at ${new Date(resumeAt).toISOString()} (${reason})`,
    );
    this.name = 'GateDeadlineError';
  }
}

const SAFETY_MS = 10;
const SPREAD_MARGIN = 0.1;

/**
 * The rate gate of one bucket (platform + credential + host). It decides when each request may be
 * sent:
 * - never more than `concurrency` in flight (one until the first answer, and after a window
 *   rolls over, so the new window's figures are learnt before spending it);
 * - while a quota is announced, never past it: each admission reserves a unit, so concurrent
 *   requests cannot overshoot; when more requests wait than the window has left, the rest of the
 *   window is spread evenly, otherwise they go at once;
 * - on a throttle answer, the whole bucket pauses until the announced time plus jitter (or a
 *   jittered backoff), and an adaptive rate is cut;
 * - where nothing is announced and an adaptive rate is configured, it paces at that rate, cut by
 *   30 % on a throttle and grown back CUBIC-style on success;
 * - after `failureThreshold` consecutive transient failures the circuit opens; a single probe is
 *   let through after a jittered cool-down, and its outcome closes or re-opens the circuit.
 *
 * Waiting requests hold nothing: they sit in a FIFO queue, and one timer wakes the queue when the
 * next admission is possible. `close()` rejects waiters and clears the timer.
 */
export class RateGate {
  readonly key: string;
  readonly #concurrency: number;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #options: RateGateOptions;
  readonly #queue = new WaiterQueue<Permit>(() => this.#pump());
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #closed = false;
  #refused = false;

  #inFlight = 0;
  /** Quota windows seen so far, and the requests in flight that were sent in the current one. */
  #window = 0;
  #inFlightThisWindow = 0;
  #probing = true;
  #limit: number | undefined;
  #remaining: number | undefined;
  #resetAt: number | undefined;
  #pausedUntil = 0;
  #pauseReason: WaitReason = 'throttled';
  #nextSendAt = 0;
  #exhaustedWindow: number | undefined;
  #spreadUntil: number | undefined;
  #resumeJitter = 0;
  #throttleStreak = 0;
  #lastThrottleSeen = Number.NEGATIVE_INFINITY;

  /** Pacing where nothing is announced: configured, or turned on by the first throttle. */
  #adaptive: AdaptivePacer | undefined;
  /** Whether the platform has ever announced a quota for this bucket. */
  #announced = false;
  readonly #usage: UsageWindow | undefined;
  readonly #breaker: CircuitBreaker;
  /** Sends within the last second, for the rate a throttle turns adaptive pacing on at. */
  readonly #measured = new AdaptivePacer(1, { slowStart: false });

  #admitted = 0;
  #throttles = 0;
  #waitedMs = 0;
  #waitStartedAt: number | undefined;
  /** Requests expected soon but not yet queued (batches not yet started), for pacing. */
  #expected = 0;

  constructor(options: RateGateOptions) {
    this.key = options.key;
    this.#options = options;
    this.#concurrency = Math.max(1, Math.floor(options.concurrency));
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#breaker = new CircuitBreaker(
      options.failureThreshold ?? 5,
      options.circuitCooldownMs ?? 30_000,
      this.#random,
    );
    if (options.adaptive) {
      this.#adaptive = new AdaptivePacer(options.adaptive.initialRate, {
        ...options.adaptive,
        slowStart: true,
      });
    }
    if (options.usageWindowMs !== undefined) this.#usage = new UsageWindow(options.usageWindowMs);
  }

  /** Tells the gate how many more requests are expected beyond those waiting (for pacing). */
  expect(requests: number): void {
    this.#expected = Math.max(0, requests);
  }

  /**
   * Waits for a permit to send one request. Rejects with the signal's reason when it aborts, and
   * with a {@link GateDeadlineError} when the bucket will not open before `deadline` (epoch ms).
   * `cost` is what the request counts as in usage mode (a Graph batch of 50 counts 50 calls);
   * announced quotas and pacing count requests.
   */
  acquire(signal?: AbortSignal, deadline = Number.POSITIVE_INFINITY, cost = 1): Promise<Permit> {
    if (this.#refused) return Promise.reject(new GateRefusedError(this.key));
    if (this.#closed) return Promise.reject(new Error(`rate gate ${this.key} is closed`));
    return this.#queue.wait(signal, deadline, cost, () => this.#pump());
  }

  /** Ends a request admitted by {@link acquire}, with what its answer said. */
  release(permit: Permit, outcome: Outcome): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    if (permit.window === this.#window)
      this.#inFlightThisWindow = Math.max(0, this.#inFlightThisWindow - 1);
    const now = this.#now();
    this.#usage?.answered(permit.admittedAt, now, outcome.type === 'response');
    if (outcome.type === 'transient-failure') {
      this.#breaker.failed(now, permit.probe);
    } else if (outcome.type === 'response') {
      this.#breaker.succeeded();
      this.#observe(outcome.observation, now, permit);
    } else {
      this.#breaker.ended(permit.probe);
    }
    this.#pump();
  }

  /** Pauses the whole bucket until `until` (epoch ms). */
  pause(until: number, reason: WaitReason = 'throttled'): void {
    if (until > this.#pausedUntil) {
      this.#pausedUntil = until;
      this.#pauseReason = reason;
    }
    this.#pump();
  }

  /** The gate's state. */
  snapshot(): GateSnapshot {
    return {
      key: this.key,
      inFlight: this.#inFlight,
      queued: this.#queue.length,
      limit: this.#limit,
      remaining: this.#remaining,
      resetAt: this.#resetAt,
      pausedUntil: this.#pausedUntil,
      rate: this.#adaptive?.rate,
      circuit: this.#breaker.state,
      admitted: this.#admitted,
      throttles: this.#throttles,
      waitedMs:
        this.#waitedMs +
        (this.#waitStartedAt === undefined ? 0 : this.#now() - this.#waitStartedAt),
    };
  }

  /** Rejects every waiter with `reason` and clears the timer. The gate cannot be used afterwards. */
  close(reason: unknown = new Error(`rate gate ${this.key} is closed`)): void {
    this.#closed = true;
    this.#clearTimer();
    this.#queue.unwatch();
    this.#queue.rejectAll(reason);
    this.#endWait(this.#now());
  }

  // -------------------------------------------------------------------------------------------

  #observe(observation: LimitObservation, now: number, permit: Permit): void {
    const { kind, limit, remaining, resetAt, retryAfterMs } = observation;
    if (kind === 'refused') {
      this.#refuse();
      return;
    }
    if (limit !== undefined) this.#limit = limit;
    if (observation.usagePct !== undefined)
      this.#usage?.learn(observation.usagePct, permit.admittedAt, now, permit.cost);
    if (resetAt !== undefined && remaining !== undefined && resetAt > now) {
      // (An answer about a window that has already ended says nothing about the current one.)
      this.#announced = true;
      const known = this.#resetAt;
      if (known === undefined || resetAt > known + 1_000 || now >= known) {
        // A new window: trust the server, minus what we have sent in it that it has not counted
        // yet (requests still in flight from the previous window count there, not here).
        if (known !== undefined && now >= known) this.#startWindow();
        this.#resetAt = resetAt;
        this.#remaining = Math.max(0, remaining - this.#inFlightThisWindow);
        // Spreading ends a little before the reset (a tenth of the window), so that sends delayed
        // by a busy event loop can still catch up before it instead of losing their units.
        this.#spreadUntil = resetAt - SPREAD_MARGIN * (resetAt - now);
      } else if (resetAt >= known - 1_000) {
        // The same window: never trust a figure above our own count (answers arrive out of order),
        // but follow the server down (another client may share the credential).
        this.#remaining = Math.min(this.#remaining ?? remaining, remaining);
      }
      this.#probing = false;
    } else {
      this.#probing = false;
    }

    if (kind === 'ok') {
      this.#throttleStreak = 0;
      this.#adaptive?.grow(now);
      return;
    }
    this.#throttles++;
    // A throttle for a request sent before the last throttle was seen is the same event (it was
    // already in flight): it must not pause the bucket again, nor cut the rate twice.
    if (kind === 'throttled' && permit.admittedAt <= this.#lastThrottleSeen) return;
    this.#lastThrottleSeen = now;
    this.#throttleStreak++;
    if (kind === 'quota-exhausted') {
      const until = resetAt ?? now + (retryAfterMs ?? 3_600_000);
      this.#remaining = 0;
      this.#resetAt = until;
      this.pause(until + this.#jitter(1_000), 'quota-exhausted');
      return;
    }
    // Throttled: pause the whole bucket until the announced time, or back off with full jitter.
    let wait: number;
    if (retryAfterMs !== undefined) {
      wait = retryAfterMs + this.#jitter(Math.min(1_000, retryAfterMs * 0.1));
    } else if (resetAt !== undefined && resetAt > now) {
      wait = resetAt - now + this.#jitter(Math.min(1_000, (resetAt - now) * 0.1));
      this.#remaining = 0;
    } else {
      // No hint. Under an adaptive rate the limit was just overstepped, most likely near the end of
      // the platform's window, so the first backoff is short (a few send intervals); otherwise it
      // is a second. Either doubles with each throttle in a row (full jitter, capped at 20 s).
      const base = this.#adaptive === undefined ? 1_000 : Math.max(50, 2 * this.#adaptive.spacing);
      const cap = Math.min(20_000, base * 2 ** (this.#throttleStreak - 1));
      wait = this.#random() * cap;
    }
    // Where nothing is announced, a throttle turns adaptive pacing on (as AWS's adaptive retry mode
    // does): the rate starts from what was actually being sent.
    // Throttles in a row mean the platform's window is still spent, not that the rate is still too
    // high: only the first of them cuts it; the others lengthen the pause.
    if (this.#throttleStreak === 1) {
      if (!this.#adaptive && !this.#announced) {
        this.#adaptive = new AdaptivePacer(
          Math.max(this.#options.adaptive?.minRate ?? 0.5, this.#measured.measured(now)),
          { slowStart: false },
        );
      }
      this.#adaptive?.cut(now);
    }
    // After the pause, one request goes first to see whether the throttle is over.
    this.#probing = true;
    this.pause(now + wait, 'throttled');
  }

  /** The credential is refused: reject every waiter now, and every later request. */
  #refuse(): void {
    this.#refused = true;
    this.#queue.rejectAll(new GateRefusedError(this.key));
  }

  #jitter(max: number): number {
    return this.#random() * Math.max(0, max);
  }

  /** Admits as many waiters as the rules allow now, and arms the timer for the next chance. */
  #pump(): void {
    if (this.#closed) return;
    while (this.#queue.length > 0) {
      const now = this.#now();
      const blocked = this.#blockedUntil(now);
      if (blocked === 'slot') {
        this.#clearTimer();
        return;
      }
      if (blocked !== undefined) {
        this.#expire(blocked.until, blocked.reason);
        if (this.#queue.length === 0) break;
        this.#arm(blocked.until);
        if (blocked.reason !== undefined) this.#startWait(now, blocked.until, blocked.reason);
        return;
      }
      this.#admit(now);
    }
    this.#clearTimer();
    this.#endWait(this.#now());
  }

  /** Why nothing can be admitted now: `'slot'` (wait for a release) or a time; `undefined` if free. */
  #blockedUntil(
    now: number,
  ): 'slot' | { until: number; reason: WaitReason | undefined } | undefined {
    if (now < this.#pausedUntil) return { until: this.#pausedUntil, reason: this.#pauseReason };
    const circuit = this.#breaker.blocked(now, this.#inFlight);
    if (typeof circuit === 'number') return { until: circuit, reason: 'circuit-open' };
    if (circuit === 'slot') return 'slot';
    if (this.#breaker.state === 'half-open') return undefined;

    const slots = this.#probing ? 1 : this.#concurrency;
    if (this.#inFlight >= slots) return 'slot';
    if (this.#resetAt !== undefined && now >= this.#resetAt) this.#rollOver();
    const reserve = this.#options.reserve ?? 0;
    if (
      this.#remaining !== undefined &&
      this.#resetAt !== undefined &&
      this.#remaining <= reserve
    ) {
      if (this.#exhaustedWindow !== this.#resetAt) {
        // Spread the resumption of buckets that reset at the same moment (no herd), by a jitter
        // small against the window: up to 5 % of what is left of it, at most 1 s.
        this.#exhaustedWindow = this.#resetAt;
        this.#resumeJitter = this.#jitter(Math.min(1_000, 0.05 * (this.#resetAt - now)));
      }
      return {
        until: this.#resetAt + SAFETY_MS + this.#resumeJitter,
        reason: 'quota',
      };
    }
    if (now < this.#nextSendAt) return { until: this.#nextSendAt, reason: undefined };
    // Usage mode: our sends in the rolling window stay below the learnt limit.
    const usage = this.#usage?.blockedUntil(now, this.#queue.at(0)?.cost ?? 1);
    if (usage !== undefined) return { until: usage + SAFETY_MS, reason: 'quota' };
    return undefined;
  }

  #rollOver(): void {
    // The window ended: its figures are stale. Send one request to learn the new window's.
    this.#startWindow();
    this.#spreadUntil = undefined;
    this.#remaining = undefined;
    this.#resetAt = undefined;
    this.#probing = true;
  }

  #startWindow(): void {
    this.#window++;
    this.#inFlightThisWindow = 0;
  }

  #admit(now: number): void {
    const waiter = this.#queue.shift()!;
    const probe = this.#breaker.admitted();
    this.#endWait(now);
    this.#inFlight++;
    this.#inFlightThisWindow++;
    this.#admitted++;
    this.#measured.sent(now);
    this.#adaptive?.sent(now);
    this.#usage?.sent(now, waiter.cost);
    if (this.#remaining !== undefined) this.#remaining--;
    this.#nextSendAt = now + this.#spacing(now);
    waiter.resolve({ admittedAt: now, probe, window: this.#window, cost: waiter.cost });
  }

  /** Milliseconds before the next admission. */
  #spacing(now: number): number {
    let spacing = this.#adaptive?.spacing ?? 0;
    const demand = this.#queue.length + this.#expected;
    if (this.#remaining !== undefined && this.#resetAt !== undefined && demand > this.#remaining) {
      // More wait than the window has left: spread what is left over the rest of the window.
      const until = this.#spreadUntil ?? this.#resetAt;
      if (until > now) spacing = Math.max(spacing, (until - now) / (this.#remaining + 1));
    }
    return spacing;
  }

  /** Rejects waiters whose deadline comes before `until`. */
  #expire(until: number, reason: WaitReason | undefined): void {
    this.#queue.rejectBefore(until, () => new GateDeadlineError(until, reason ?? 'quota'));
  }

  #startWait(now: number, until: number, reason: WaitReason): void {
    if (this.#waitStartedAt === undefined) this.#waitStartedAt = now;
    this.#options.onWait?.(until, reason);
  }

  #endWait(now: number): void {
    if (this.#waitStartedAt !== undefined) {
      this.#waitedMs += now - this.#waitStartedAt;
      this.#waitStartedAt = undefined;
    }
  }

  #arm(at: number): void {
    if (this.#timer !== undefined && this.#timerAt === at) return;
    this.#clearTimer();
    this.#timerAt = at;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.max(0, at - this.#now()),
    );
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }
}
