/**
 * A bucket's rate gate whose state lives in Redis (see gate-script.ts): the same contract as the
 * in-process `RateGate` (acquire / release / pause / snapshot), so every process sharing a
 * credential shares one announced quota, one pause, one adaptive rate and one usage window.
 *
 * What stays in the process: the FIFO queue of this process's waiters, its concurrency (requests in
 * flight at once from this process), and the circuit breaker (a process's own view of the
 * platform's health). Each admission is one script call; a waiter held back sleeps until the time
 * the script named, or polls briefly while another process's probe is out.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { CircuitBreaker } from '../engine/circuit-breaker.js';
import {
  type BucketGate,
  type CoordinatedGateOptions,
  CoordinatorError,
} from '../engine/coordinator.js';
import {
  GateDeadlineError,
  GateRefusedError,
  type GateSnapshot,
  type Outcome,
  type Permit,
  RateGate,
  type WaitReason,
} from '../engine/rate-gate.js';
import { WaiterQueue } from '../engine/waiter-queue.js';

/** What the shared gate needs of a Redis connection: running the gate script. */
export interface ScriptRunner {
  /** Runs the gate script on `keys` with `args`; resolves with its reply. */
  run(keys: readonly string[], args: readonly (string | number)[]): Promise<string[]>;
}

/** Settings of a {@link SharedGate} beyond the gate's own options. */
export interface SharedGateSettings {
  runner: ScriptRunner;
  /** Key prefix for this bucket, including its hash tag: `social-reach:{x:abc}`. */
  keyPrefix: string;
  /** This process's id in Redis. */
  clientId: string;
  leaseMs: number;
  /** How long Redis keeps an idle bucket's state. */
  ttlMs: number;
  /** On an unreachable Redis: fail (default) or continue on a private in-process gate. */
  fallback: 'fail' | 'private-gate';
  /** Polling interval while another process's probe is out. */
  pollMs: number;
}

interface Tail {
  limit: number | undefined;
  remaining: number | undefined;
  resetIn: number | undefined;
  pausedIn: number;
  rate: number | undefined;
  inFlight: number;
  window: number;
}

const TAIL = 7;

/** The shared gate of one bucket. Internal: created by `redisCoordinator().gate()`. */
export class SharedGate implements BucketGate {
  readonly key: string;
  readonly #options: CoordinatedGateOptions;
  readonly #settings: SharedGateSettings;
  readonly #keys: string[];
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #concurrency: number;
  readonly #breaker: CircuitBreaker;
  readonly #queue = new WaiterQueue<Permit>();
  readonly #leases = new WeakMap<Permit, string>();
  readonly #pending = new Set<Promise<unknown>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pumping = false;
  #again = false;
  #closed = false;
  #refused = false;
  #failure: CoordinatorError | undefined;
  #fallback: RateGate | undefined;
  #inFlight = 0;
  #expected = 0;
  /** The last state Redis answered with, and the local time it was read. */
  #tail: Tail | undefined;
  #tailAt = 0;
  #admitted = 0;
  #throttles = 0;
  #waitedMs = 0;
  #waitStartedAt: number | undefined;

  constructor(options: CoordinatedGateOptions, settings: SharedGateSettings) {
    this.key = options.key;
    this.#options = options;
    this.#settings = settings;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#concurrency = Math.max(1, Math.floor(options.concurrency));
    this.#breaker = new CircuitBreaker(
      options.failureThreshold ?? 5,
      options.circuitCooldownMs ?? 30_000,
      this.#random,
    );
    this.#keys = ['g', 'l', 'li', 'd', 'u', 'm'].map((k) => `${settings.keyPrefix}:${k}`);
  }

  expect(requests: number): void {
    this.#expected = Math.max(0, requests);
    this.#fallback?.expect(requests);
  }

  acquire(signal?: AbortSignal, deadline = Number.POSITIVE_INFINITY, cost = 1): Promise<Permit> {
    if (this.#fallback) return this.#fallback.acquire(signal, deadline, cost);
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#refused) return Promise.reject(new GateRefusedError(this.key));
    if (this.#closed) return Promise.reject(new Error(`rate gate ${this.key} is closed`));
    return this.#queue.wait(signal, deadline, cost, () => this.#pump());
  }

  release(permit: Permit, outcome: Outcome): void {
    const lease = this.#leases.get(permit);
    if (lease === undefined) {
      // A permit of the private fallback gate.
      this.#fallback?.release(permit, outcome);
      return;
    }
    this.#leases.delete(permit);
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    const now = this.#now();
    if (outcome.type === 'transient-failure') this.#breaker.failed(now, permit.probe);
    else if (outcome.type === 'response') {
      this.#breaker.succeeded();
      const kind = outcome.observation.kind;
      if (kind === 'throttled' || kind === 'quota-exhausted') this.#throttles++;
    } else this.#breaker.ended(permit.probe);
    if (this.#failure || this.#fallback) return;
    const o = outcome.type === 'response' ? outcome.observation : undefined;
    const args: (string | number)[] = [
      lease,
      outcome.type === 'response'
        ? 'response'
        : outcome.type === 'transient-failure'
          ? 'transient'
          : 'other',
      o?.kind ?? '',
      finite(o?.limit),
      finite(o?.remaining),
      // Times cross the wire as delays: Redis adds them to its own clock.
      o?.resetAt === undefined ? '' : finite(Math.round(o.resetAt - now)),
      finite(o?.retryAfterMs),
      finite(o?.usagePct),
      this.#options.adaptive?.minRate ?? 0.5,
    ];
    // The next acquire goes at once: Redis runs the calls of one connection in order, so it sees
    // this release first (one round trip saved per request).
    this.#track(this.#call('release', args));
    this.#pump();
  }

  pause(until: number, reason: WaitReason = 'throttled'): void {
    if (this.#fallback) {
      this.#fallback.pause(until, reason);
      return;
    }
    if (this.#failure) return;
    const delay = Math.max(0, Math.round(until - this.#now()));
    this.#track(this.#call('pause', [delay, reason]).then(() => this.#pump()));
  }

  /** Reads the shared state now (one script call), then returns {@link snapshot}. */
  async refresh(): Promise<GateSnapshot> {
    if (!this.#failure && !this.#fallback) await this.#call('snapshot', []);
    return this.snapshot();
  }

  snapshot(): GateSnapshot {
    if (this.#fallback) return this.#fallback.snapshot();
    const tail = this.#tail;
    const at = this.#tailAt;
    return {
      key: this.key,
      inFlight: this.#inFlight,
      queued: this.#queue.length,
      limit: tail?.limit,
      remaining: tail?.remaining,
      resetAt: tail?.resetIn === undefined ? undefined : at + tail.resetIn,
      pausedUntil: tail && tail.pausedIn > 0 ? at + tail.pausedIn : 0,
      rate: tail?.rate,
      circuit: this.#breaker.state,
      admitted: this.#admitted,
      throttles: this.#throttles,
      waitedMs:
        this.#waitedMs +
        (this.#waitStartedAt === undefined ? 0 : this.#now() - this.#waitStartedAt),
    };
  }

  /** Waits until the releases and pauses sent so far have reached Redis. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  close(reason: unknown = new Error(`rate gate ${this.key} is closed`)): void {
    this.#closed = true;
    this.#clearTimer();
    this.#queue.unwatch();
    this.#queue.rejectAll(reason);
    this.#endWait(this.#now());
    this.#fallback?.close(reason);
  }

  // -------------------------------------------------------------------------------------------

  #track(promise: Promise<unknown>): void {
    const tracked = promise.catch((error: unknown) => this.#fail(error));
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
  }

  async #call(op: string, extra: readonly (string | number)[]): Promise<string[]> {
    const random = this.#random;
    const args = [
      op,
      this.#settings.ttlMs,
      this.#options.usageWindowMs ?? 0,
      random(),
      random(),
      ...extra,
    ];
    const reply = await this.#settings.runner.run(this.#keys, args);
    if (!Array.isArray(reply) || reply.length < TAIL + 1) {
      throw new Error('the gate script answered with an unexpected reply');
    }
    const t = reply.slice(reply.length - TAIL).map((v) => (v === '' ? undefined : Number(v)));
    this.#tailAt = this.#now();
    this.#tail = {
      limit: t[0],
      remaining: t[1],
      resetIn: t[2],
      pausedIn: t[3] ?? 0,
      rate: t[4],
      inFlight: t[5] ?? 0,
      window: t[6] ?? 0,
    };
    return reply.slice(0, reply.length - TAIL);
  }

  /** Redis failed: fail fast (every waiter and later acquire), or continue on a private gate. */
  #fail(error: unknown): void {
    if (this.#failure || this.#fallback || this.#closed) return;
    const failure = new CoordinatorError(
      `the shared rate gate of bucket ${this.key} could not reach Redis (${describe(error)}); nothing more is sent through it, so that processes sharing the credential do not overrun its quota`,
      { coordinator: 'redis', bucket: this.key },
    );
    this.#clearTimer();
    if (this.#settings.fallback === 'private-gate') {
      // Documented choice: carry on alone, counting only this process's requests.
      const fallback = new RateGate({ ...this.#options, key: this.key });
      fallback.expect(this.#expected);
      this.#fallback = fallback;
      for (const waiter of this.#queue.takeAll()) {
        fallback
          .acquire(waiter.signal, waiter.deadline, waiter.cost)
          .then(waiter.resolve, waiter.reject);
      }
      return;
    }
    this.#failure = failure;
    // The collection hears first (it stops sending), then the waiters get the same error.
    try {
      this.#options.onUnavailable?.(failure);
    } catch {
      // a listener must not break the gate
    }
    this.#queue.rejectAll(failure);
    this.#endWait(this.#now());
  }

  #pump(): void {
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    if (this.#closed || this.#failure || this.#fallback) return;
    this.#pumping = true;
    void this.#drain()
      .catch((error: unknown) => this.#fail(error))
      .finally(() => {
        this.#pumping = false;
        if (this.#again && !this.#closed) {
          this.#again = false;
          this.#pump();
        }
      });
  }

  async #drain(): Promise<void> {
    this.#again = false;
    while (this.#queue.length > 0 && !this.#closed && !this.#failure && !this.#fallback) {
      const now = this.#now();
      const circuit = this.#breaker.blocked(now, this.#inFlight);
      if (typeof circuit === 'number') {
        this.#hold(now, circuit, 'circuit-open');
        return;
      }
      if (circuit === 'slot') return;
      const halfOpen = this.#breaker.state === 'half-open';
      if (!halfOpen && this.#inFlight >= this.#concurrency) return;
      // Waiters at the head of the queue with the same cost are admitted in one call, as many as
      // this process's free slots.
      const cost = this.#queue.at(0)!.cost;
      const slots = halfOpen ? 1 : this.#concurrency - this.#inFlight;
      let wanted = 0;
      while (wanted < slots && this.#queue.at(wanted)?.cost === cost) wanted++;
      const lease = randomUUID();
      const adaptive = this.#options.adaptive;
      const reply = await this.#call('acquire', [
        lease,
        cost,
        // requests of this process waiting or expected, for pacing
        this.#queue.length + this.#expected,
        this.#settings.clientId,
        this.#settings.leaseMs,
        this.#options.reserve ?? 0,
        adaptive?.initialRate ?? '',
        adaptive?.minRate ?? 0.5,
        adaptive?.maxRate ?? 1_000,
        wanted,
      ]);
      const at = this.#now();
      const verdict = reply[0];
      if (verdict === 'ok') {
        const window = Number(reply[1]);
        const admitted = Math.max(1, Math.min(wanted, Number(reply[2]) || 1));
        for (let i = 1; i <= admitted; i++) {
          const waiter = this.#queue.shift();
          const probe = this.#breaker.admitted();
          const permit: Permit = { admittedAt: at, probe, window, cost };
          this.#leases.set(permit, `${lease}:${i}`);
          this.#inFlight++;
          this.#admitted++;
          if (waiter === undefined || this.#closed) {
            // Its waiter left while the script ran: hand the permit straight back.
            this.release(permit, { type: 'other-failure' });
            continue;
          }
          waiter.resolve(permit);
        }
        this.#endWait(at);
        continue;
      }
      if (verdict === 'wait') {
        const until = at + Number(reply[1]);
        const reason = (reply[2] ?? '') === '' ? undefined : (reply[2] as WaitReason);
        this.#hold(at, until, reason);
        return;
      }
      if (verdict === 'slot') {
        // Another process's probe (or the first request of a window) is out: look again shortly.
        this.#arm(at + this.#settings.pollMs);
        return;
      }
      if (verdict === 'refused') {
        this.#refused = true;
        this.#queue.rejectAll(new GateRefusedError(this.key));
        return;
      }
      throw new Error('the gate script answered with an unknown verdict');
    }
    if (this.#queue.length === 0) this.#endWait(this.#now());
  }

  /** Holds the queue until `until`: waiters whose deadline comes first are rejected. */
  #hold(now: number, until: number, reason: WaitReason | undefined): void {
    this.#queue.rejectBefore(until, () => new GateDeadlineError(until, reason ?? 'quota'));
    if (this.#queue.length === 0) {
      this.#endWait(now);
      return;
    }
    if (reason !== undefined) {
      if (this.#waitStartedAt === undefined) this.#waitStartedAt = now;
      try {
        this.#options.onWait?.(until, reason);
      } catch {
        // a listener must not break the gate
      }
    }
    this.#arm(until);
  }

  #arm(at: number): void {
    this.#clearTimer();
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#pump();
      },
      Math.max(0, at - this.#now()),
    );
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #endWait(now: number): void {
    if (this.#waitStartedAt !== undefined) {
      this.#waitedMs += now - this.#waitStartedAt;
      this.#waitStartedAt = undefined;
    }
  }
}

function finite(value: number | undefined): string | number {
  return value === undefined || !Number.isFinite(value) ? '' : value;
}

/** A Redis failure, described without anything a URL or a server might carry (bounded). */
function describe(error: unknown): string {
  if (error instanceof CoordinatorError) return 'an earlier failure';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code;
  const message = error instanceof Error ? error.message : String(error);
  if (/timed? ?out/i.test(message)) return 'timeout';
  if (/closed|not writeable|offline|max retries/i.test(message)) return 'connection closed';
  if (/NOSCRIPT|ERR|WRONGTYPE/.test(message))
    return message.slice(0, 120).replace(/redis:\/\/\S+/g, 'redis://…');
  return 'connection failed';
}
