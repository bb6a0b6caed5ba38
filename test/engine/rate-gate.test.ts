import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  GateDeadlineError,
  type Permit,
  RateGate,
  type RateGateOptions,
} from '../../src/engine/rate-gate.js';
import type { LimitObservation } from '../../src/spec/v1/index.js';

const T0 = Date.parse('2026-11-28T12:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const gate = (options: Partial<RateGateOptions> = {}) =>
  new RateGate({ key: 'test', concurrency: 4, random: () => 0.5, ...options });
const ok = (fields: Partial<LimitObservation> = {}) => ({
  type: 'response' as const,
  observation: { kind: 'ok' as const, ...fields },
});
const throttled = (fields: Partial<LimitObservation> = {}) => ({
  type: 'response' as const,
  observation: { kind: 'throttled' as const, ...fields },
});

/** Starts `n` acquisitions and records when each is admitted. */
function race(g: RateGate, n: number) {
  const admitted: number[] = [];
  const permits: Permit[] = [];
  const all = Array.from({ length: n }, (_, i) =>
    g.acquire().then((p) => {
      admitted.push(i);
      permits.push(p);
      return p;
    }),
  );
  return { admitted, permits, all };
}

describe('RateGate', () => {
  it('sends one request until the first answer, then up to its concurrency, in FIFO order', async () => {
    const g = gate();
    const { admitted, permits } = race(g, 10);
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toEqual([0]);
    g.release(permits[0]!, ok());
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toEqual([0, 1, 2, 3, 4]);
    expect(g.snapshot().inFlight).toBe(4);
  });

  it('announced quota: with remaining = k < N waiting, exactly k are sent before the reset', async () => {
    const g = gate();
    const first = await g.acquire();
    const { admitted, permits } = race(g, 6);
    g.release(first, ok({ limit: 10, remaining: 3, resetAt: T0 + 2_000 }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(admitted).toHaveLength(2); // spread: 3 left over 2 s, at 0, 667 and 1333 ms
    await vi.advanceTimersByTimeAsync(500);
    expect(admitted).toHaveLength(3);
    for (const p of permits.splice(0))
      g.release(p, ok({ limit: 10, remaining: 0, resetAt: T0 + 2_000 }));
    await vi.advanceTimersByTimeAsync(400);
    expect(admitted).toHaveLength(3); // nothing before the reset
    await vi.advanceTimersByTimeAsync(200);
    expect(admitted).toHaveLength(4); // after the reset: one request to learn the new window
    g.release(permits[0]!, ok({ limit: 10, remaining: 9, resetAt: T0 + 4_000 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toHaveLength(6);
    expect(g.snapshot().remaining).toBe(7);
  });

  it('spreads what is left of a window when more requests wait than it allows', async () => {
    const g = gate();
    const first = await g.acquire();
    g.expect(20);
    const { admitted } = race(g, 4);
    g.release(first, ok({ limit: 11, remaining: 10, resetAt: T0 + 10_000 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(899);
    expect(admitted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    // 0.9 s apart: 9 left, 10 gaps in the first 9 s (the last tenth of the window is kept free
    // so that late sends can catch up before the reset)
    expect(admitted).toHaveLength(2);
  });

  it('never trusts a higher remaining from the same window, but follows a lower one (shared token)', async () => {
    const g = gate();
    const p0 = await g.acquire();
    g.release(p0, ok({ remaining: 10, resetAt: T0 + 60_000 }));
    const p1 = await g.acquire();
    const p2 = await g.acquire();
    expect(g.snapshot().remaining).toBe(8);
    g.release(p1, ok({ remaining: 9, resetAt: T0 + 60_000 })); // stale: p2 is still in flight
    expect(g.snapshot().remaining).toBe(8);
    g.release(p2, ok({ remaining: 3, resetAt: T0 + 60_000 })); // someone else spends the same quota
    expect(g.snapshot().remaining).toBe(3);
  });

  it('a throttle with Retry-After pauses the whole bucket until then plus jitter', async () => {
    const g = gate({ random: () => 1 });
    const p = await g.acquire();
    const { admitted } = race(g, 3);
    g.release(p, throttled({ retryAfterMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(admitted).toEqual([]);
    await vi.advanceTimersByTimeAsync(501); // jitter: up to min(1 s, 10 % of the hint)
    expect(admitted).toEqual([0]); // one request first, to see whether the throttle is over
    expect(g.snapshot().throttles).toBe(1);
  });

  it('a throttle without hints backs off with full jitter, growing with each throttle in a row', async () => {
    const g = gate({ random: () => 0.999 });
    let p = await g.acquire();
    g.release(p, throttled());
    const first = g.snapshot().pausedUntil - Date.now();
    expect(first).toBeCloseTo(999, -1);
    // nothing is announced: the throttle turns adaptive pacing on, from the rate actually sent
    expect(g.snapshot().rate).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(first + 1);
    p = await g.acquire();
    g.release(p, throttled());
    expect(g.snapshot().pausedUntil - Date.now()).toBeGreaterThan(1.9 * first);
  });

  it('a throttle for a request sent before the last throttle is the same event: no second pause', async () => {
    const g = gate({ random: () => 0.5 });
    g.release(await g.acquire(), ok());
    const [a, b] = [await g.acquire(), await g.acquire()];
    g.release(a, throttled({ retryAfterMs: 1_000 }));
    const pausedUntil = g.snapshot().pausedUntil;
    await vi.advanceTimersByTimeAsync(10);
    g.release(b, throttled({ retryAfterMs: 5_000 }));
    expect(g.snapshot().pausedUntil).toBe(pausedUntil);
    expect(g.snapshot().throttles).toBe(2);
  });

  it('adaptive rate: paces, is cut by 30 % on a throttle, and grows back on success', async () => {
    const g = gate({ adaptive: { initialRate: 10 }, random: () => 0 });
    const p0 = await g.acquire();
    g.release(p0, ok());
    expect(g.snapshot().rate).toBe(10);
    // 100 ms apart at 10/s
    const { admitted, permits, all } = race(g, 3);
    await vi.advanceTimersByTimeAsync(50);
    expect(admitted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(admitted).toHaveLength(1);
    g.release(permits[0]!, throttled());
    expect(g.snapshot().rate).toBeCloseTo(7, 5);
    // the other two go after the pause, one at a time, 1/7 s apart
    for (let i = 0; i < 2; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      g.release(permits[i + 1]!, ok());
    }
    await all;
    for (let i = 0; i < 40; i++) {
      const p = g.acquire();
      await vi.advanceTimersByTimeAsync(200);
      g.release(await p, ok());
    }
    expect(g.snapshot().rate).toBeGreaterThan(7);
  });

  it('a waiter that would wait past its deadline is told when the bucket reopens', async () => {
    const g = gate();
    const p = await g.acquire();
    g.release(p, {
      type: 'response',
      observation: { kind: 'quota-exhausted', resetAt: T0 + 3_600_000 },
    });
    const error = await g.acquire(undefined, T0 + 60_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateDeadlineError);
    expect((error as GateDeadlineError).resumeAt).toBeGreaterThanOrEqual(T0 + 3_600_000);
    expect((error as GateDeadlineError).reason).toBe('quota-exhausted');
  });

  it('an abort removes a waiter, which then holds nothing', async () => {
    const g = gate({ concurrency: 1 });
    const p = await g.acquire();
    const controller = new AbortController();
    const waiting = g.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(g.snapshot().queued).toBe(0);
    g.release(p, ok());
    await expect(g.acquire()).resolves.toBeDefined();
  });

  it('opens the circuit after consecutive transient failures; one probe closes it', async () => {
    const g = gate({ failureThreshold: 3, circuitCooldownMs: 1_000, random: () => 0 });
    for (let i = 0; i < 3; i++) g.release(await g.acquire(), { type: 'transient-failure' });
    expect(g.snapshot().circuit).toBe('open');
    const { admitted, permits } = race(g, 3);
    await vi.advanceTimersByTimeAsync(499);
    expect(admitted).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(admitted).toEqual([0]); // the probe, alone
    g.release(permits[0]!, ok());
    await vi.advanceTimersByTimeAsync(0);
    expect(g.snapshot().circuit).toBe('closed');
    expect(admitted).toEqual([0, 1, 2]);
  });

  it('a failed probe re-opens the circuit for twice as long', async () => {
    const g = gate({ failureThreshold: 1, circuitCooldownMs: 1_000, random: () => 1 });
    g.release(await g.acquire(), { type: 'transient-failure' });
    const probe = g.acquire();
    await vi.advanceTimersByTimeAsync(1_000);
    g.release(await probe, { type: 'transient-failure' });
    expect(g.snapshot().pausedUntil).toBe(0);
    const next = g.acquire();
    let admitted = false;
    void next.then(() => {
      admitted = true;
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(admitted).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(admitted).toBe(true);
  });

  it('close() rejects waiters and leaves no timer behind', async () => {
    const g = gate();
    g.release(await g.acquire(), throttled({ retryAfterMs: 60_000 }));
    const waiting = g.acquire();
    expect(vi.getTimerCount()).toBe(1);
    g.close(new Error('closed'));
    await expect(waiting).rejects.toThrow('closed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts the time requests spent waiting', async () => {
    const g = gate({ random: () => 0 });
    g.release(await g.acquire(), throttled({ retryAfterMs: 3_000 }));
    const waiting = g.acquire();
    await vi.advanceTimersByTimeAsync(3_000);
    await waiting;
    expect(g.snapshot().waitedMs).toBe(3_000);
  });
});

describe('RateGate usage mode (Facebook-style percentages over a rolling window)', () => {
  it('learns the limit from the percentages and never lets the usage reach 100 %', async () => {
    const limit = 10;
    const windowMs = 1_000;
    const served: number[] = [];
    const server = () => {
      const now = Date.now();
      const inWindow = served.filter((t) => t > now - windowMs).length;
      if (inWindow >= limit) return { throttled: true, usage: 100 };
      served.push(now);
      return { throttled: false, usage: Math.floor((100 * (inWindow + 1)) / limit) };
    };
    const g = gate({ concurrency: 3, usageWindowMs: windowMs });
    let throttles = 0;
    const job = async () => {
      const permit = await g.acquire();
      await vi.advanceTimersByTimeAsync(5); // the request's round trip
      const answer = server();
      if (answer.throttled) throttles++;
      g.release(permit, ok({ usagePct: answer.usage }));
    };
    const jobs = Array.from({ length: 40 }, job);
    for (let i = 0; i < 1_000 && g.snapshot().admitted < 40; i++)
      await vi.advanceTimersByTimeAsync(10);
    await Promise.all(jobs);
    expect(throttles).toBe(0);
    expect(served).toHaveLength(40);
    // 40 requests, at most 9 of 10 per rolling second: a little over 4 windows
    expect(Date.now() - T0).toBeLessThan(5_000);
  });
});

describe('RateGate properties', () => {
  it('never exceeds its concurrency, never sends while paused or past an announced quota, always drains', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom('ok', 'ok', 'ok', 'throttled', 'throttled-no-hint', 'transient'),
            remaining: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (s, concurrency, outcomes) => {
          vi.setSystemTime(T0);
          const g = new RateGate({
            key: 'p',
            concurrency,
            random: () => 0.5,
            failureThreshold: 1_000,
          });
          let inFlight = 0;
          let peak = 0;
          const violations: string[] = [];
          const jobs = outcomes.map(async (outcome) => {
            const permit = await g.acquire();
            const state = g.snapshot();
            if (Date.now() < state.pausedUntil) violations.push('sent while paused');
            if (state.remaining !== undefined && state.remaining < 0)
              violations.push('sent past quota');
            inFlight++;
            peak = Math.max(peak, inFlight);
            await s.schedule(Promise.resolve(), 'answer');
            inFlight--;
            if (outcome.kind === 'transient') {
              g.release(permit, { type: 'transient-failure' });
              return;
            }
            const observation: LimitObservation =
              outcome.kind === 'throttled'
                ? { kind: 'throttled', retryAfterMs: 10 }
                : outcome.kind === 'throttled-no-hint'
                  ? { kind: 'throttled' }
                  : {
                      kind: 'ok',
                      remaining: outcome.remaining,
                      resetAt: outcome.remaining === undefined ? undefined : Date.now() + 20,
                    };
            g.release(permit, { type: 'response', observation });
          });
          let finished = false;
          void Promise.all(jobs).then(() => {
            finished = true;
          });
          // Drive answers and time (jumping to the gate's next timer) until everything is done.
          for (let i = 0; i < 2_000 && !finished; i++) {
            if (s.count() > 0) await s.waitOne();
            else await vi.advanceTimersToNextTimerAsync();
          }
          g.close();
          expect(finished).toBe(true);
          expect(violations).toEqual([]);
          expect(peak).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 100 },
    );
  });
});
