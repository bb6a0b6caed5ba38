// The shared rate gate against a real Redis: several coordinators stand for several processes
// (each its own connection and process id), each gate with its own, possibly skewed, clock.
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import type { BucketGate } from '../../src/engine/coordinator.js';
import { CoordinatorError } from '../../src/engine/coordinator.js';
import type { RateGateOptions } from '../../src/engine/rate-gate.js';
import { type RedisCoordinator, redisCoordinator } from '../../src/redis/index.js';
import { describeWithRedis, freePort, redisUrl, startOwnRedis, uniquePrefix } from './env.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('shared-gate.test.ts', 'shared rate gate (Redis)', () => {
  const opened: RedisCoordinator[] = [];
  const processes = (n: number, prefix: string, extra: { leaseMs?: number } = {}) =>
    Array.from({ length: n }, () => {
      const c = redisCoordinator({ redis: redisUrl, prefix, ...extra });
      opened.push(c);
      return c;
    });
  afterAll(async () => {
    for (const c of opened) await c.close();
  });

  const gateOf = (
    c: RedisCoordinator,
    options: Partial<RateGateOptions> & { skew?: number } = {},
  ): BucketGate => {
    const skew = options.skew ?? 0;
    return c.gate({ key: 'x:token', concurrency: 4, now: () => Date.now() + skew, ...options });
  };

  /**
   * A fake platform counting requests in fixed windows aligned to the epoch on the real clock (the
   * server's), announcing limit, remaining and reset; each gate gets the reset on its own clock,
   * as the limit parsers give it after correcting for the server's Date header.
   */
  function fakeServer(limit: number, windowMs: number) {
    const counts = new Map<number, number>();
    let over = 0;
    let sent = 0;
    return {
      get over() {
        return over;
      },
      get sent() {
        return sent;
      },
      /** Counts a request arriving now; returns the answer's observation for a gate skewed by `skew`. */
      hit(skew: number) {
        const now = Date.now();
        const window = Math.floor(now / windowMs);
        const count = (counts.get(window) ?? 0) + 1;
        counts.set(window, count);
        sent++;
        if (count > limit) over++;
        return {
          kind: count > limit ? ('throttled' as const) : ('ok' as const),
          limit,
          remaining: Math.max(0, limit - count),
          resetAt: (window + 1) * windowMs + skew,
        };
      },
    };
  }

  async function send(
    gate: BucketGate,
    server: ReturnType<typeof fakeServer>,
    skew: number,
    latency: number,
    late = 0,
  ) {
    const permit = await gate.acquire();
    // A busy process may hold a send for a while between admission and the wire.
    if (late > 0) await sleep(Math.random() * late);
    const observation = server.hit(skew);
    await sleep(latency);
    gate.release(permit, { type: 'response', observation });
  }

  it('keeps N processes with skewed clocks and late sends inside one announced quota (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: -300_000, max: 300_000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 20 }),
        async (n, skews, concurrency, latency, late) => {
          const prefix = uniquePrefix('quota');
          const server = fakeServer(8, 300);
          const gates = processes(n, prefix).map((c, i) =>
            gateOf(c, { skew: skews[i]!, concurrency }),
          );
          const perGate = 7;
          await Promise.all(
            gates.flatMap((gate, i) =>
              Array.from({ length: perGate }, () => send(gate, server, skews[i]!, latency, late)),
            ),
          );
          for (const gate of gates) gate.close();
          expect(server.over).toBe(0);
          expect(server.sent).toBe(n * perGate);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);

  it('spends nothing in the last moments of a window (a late send would land in the next)', async () => {
    const prefix = uniquePrefix('guard');
    const [a, b] = processes(2, prefix);
    const gateA = gateOf(a!, { skew: -30_000 });
    const gateB = gateOf(b!, { skew: 45_000 });
    const p = await gateA.acquire();
    const resetAt = Date.now() + 600; // real clock; A sees it 30 s earlier
    gateA.release(p, {
      type: 'response',
      observation: { kind: 'ok', limit: 10, remaining: 8, resetAt: resetAt - 30_000 },
    });
    await (gateA as unknown as { flush(): Promise<void> }).flush();
    // Quota is left and nobody else waits, but 20 ms before the reset (the guard is 5 % of the
    // window, at least 50 ms) B is held until the window has rolled over.
    await sleep(resetAt - Date.now() - 20);
    const permit = await gateB.acquire();
    expect(Date.now()).toBeGreaterThanOrEqual(resetAt);
    gateB.release(permit, { type: 'response', observation: { kind: 'ok' } });
    gateA.close();
    gateB.close();
  });

  it('a bucket paused by one process is paused for all, on each one’s clock', async () => {
    const prefix = uniquePrefix('pause');
    const [a, b] = processes(2, prefix);
    const gateA = gateOf(a!, { skew: 120_000 });
    const gateB = gateOf(b!, { skew: -90_000 });
    // A learns the window and then meets a throttle: 400 ms from now on A's clock.
    const pa = await gateA.acquire();
    gateA.release(pa, {
      type: 'response',
      observation: { kind: 'throttled', retryAfterMs: 400 },
    });
    await sleep(50);
    const started = Date.now();
    const snapshot = await (
      gateB as unknown as { refresh(): Promise<{ pausedUntil: number }> }
    ).refresh();
    // B sees the pause on its own clock (90 s behind), not on A's.
    const left = snapshot.pausedUntil - (Date.now() - 90_000);
    expect(left).toBeGreaterThan(250);
    expect(left).toBeLessThan(500);
    const pb = await gateB.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(left - 20);
    gateB.release(pb, { type: 'response', observation: { kind: 'ok' } });
    gateA.close();
    gateB.close();
  });

  it('pause() from one process holds the other', async () => {
    const prefix = uniquePrefix('pause2');
    const [a, b] = processes(2, prefix);
    const gateA = gateOf(a!, { skew: 5_000 });
    const gateB = gateOf(b!);
    const waits: string[] = [];
    const gateC = gateOf(b!, { onWait: (_until, reason) => waits.push(reason) });
    gateA.pause(Date.now() + 5_000 + 300, 'throttled');
    await (gateA as unknown as { flush(): Promise<void> }).flush();
    const started = Date.now();
    const permit = await gateC.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(270);
    expect(waits).toContain('throttled');
    gateC.release(permit, { type: 'response', observation: { kind: 'ok' } });
    for (const g of [gateA, gateB, gateC]) g.close();
  });

  it('frees the permits of a process that never releases them when their lease expires', async () => {
    const prefix = uniquePrefix('lease');
    const [a, b] = processes(2, prefix, { leaseMs: 400 });
    const gateA = gateOf(a!);
    const gateB = gateOf(b!);
    // A takes the cold-start probe and "dies" holding it.
    await gateA.acquire();
    const started = Date.now();
    const permit = await gateB.acquire();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(350);
    expect(waited).toBeLessThan(1_500);
    gateB.release(permit, { type: 'response', observation: { kind: 'ok' } });
    gateA.close();
    gateB.close();
  });

  it('counts the lease of a dead process in its window until it expires, then frees the slot only', async () => {
    const prefix = uniquePrefix('lease2');
    const [a, b] = processes(2, prefix, { leaseMs: 300 });
    const gateA = gateOf(a!);
    const gateB = gateOf(b!);
    const resetAt = Date.now() + 5_000;
    // The window is learnt: 3 left.
    const p = await gateA.acquire();
    gateA.release(p, {
      type: 'response',
      observation: { kind: 'ok', limit: 10, remaining: 3, resetAt },
    });
    await (gateA as unknown as { flush(): Promise<void> }).flush();
    await gateA.acquire(); // never released: A dies with it
    const b1 = await gateB.acquire();
    const b2 = await gateB.acquire();
    // The dead lease still holds its unit: nothing is left for a fourth request in this window.
    await expect(gateB.acquire(undefined, Date.now() + 1_000)).rejects.toThrow(
      /accepts requests again/,
    );
    gateB.release(b1, {
      type: 'response',
      observation: { kind: 'ok', limit: 10, remaining: 1, resetAt },
    });
    gateB.release(b2, {
      type: 'response',
      observation: { kind: 'ok', limit: 10, remaining: 0, resetAt },
    });
    gateA.close();
    gateB.close();
  });

  it('shares the usage-window mode: a limit learnt by one process holds the others', async () => {
    const prefix = uniquePrefix('usage');
    const [a, b] = processes(2, prefix);
    const usageWindowMs = 2_000;
    const gateA = gateOf(a!, { usageWindowMs, skew: 60_000, concurrency: 8 });
    const gateB = gateOf(b!, { usageWindowMs, skew: -60_000, concurrency: 8 });
    // A sends 5 requests one after the other; each answer shows 10 % more: the limit is about 10.
    for (let i = 1; i <= 5; i++) {
      const permit = await gateA.acquire();
      gateA.release(permit, {
        type: 'response',
        observation: { kind: 'ok', usagePct: 10 * i },
      });
      await (gateA as unknown as { flush(): Promise<void> }).flush();
    }
    // B may add 4 (never the last unit); the fifth waits until A's first answer leaves the window.
    const started = Date.now();
    const mine = [];
    for (let i = 0; i < 4; i++) mine.push(await gateB.acquire());
    expect(Date.now() - started).toBeLessThan(500);
    await expect(gateB.acquire(undefined, Date.now() - 60_000 + 800)).rejects.toThrow(
      /accepts requests again/,
    );
    for (const permit of mine) {
      gateB.release(permit, { type: 'response', observation: { kind: 'ok', usagePct: 90 } });
    }
    gateA.close();
    gateB.close();
  });

  it('shares the adaptive rate: a throttle seen by one process slows the others', async () => {
    const prefix = uniquePrefix('adaptive');
    const [a, b] = processes(2, prefix);
    const adaptive = { initialRate: 20 };
    const gateA = gateOf(a!, { adaptive });
    const gateB = gateOf(b!, { adaptive });
    const p = await gateA.acquire();
    gateA.release(p, { type: 'response', observation: { kind: 'throttled', retryAfterMs: 10 } });
    await (gateA as unknown as { flush(): Promise<void> }).flush();
    const snapshot = await (
      gateB as unknown as { refresh(): Promise<{ rate?: number }> }
    ).refresh();
    expect(snapshot.rate).toBeCloseTo(14, 5);
    gateA.close();
    gateB.close();
  });

  it('stops every process once the platform refused the credential', async () => {
    const prefix = uniquePrefix('refused');
    const [a, b] = processes(2, prefix);
    const gateA = gateOf(a!);
    const gateB = gateOf(b!);
    const p = await gateA.acquire();
    gateA.release(p, { type: 'response', observation: { kind: 'refused' } });
    await (gateA as unknown as { flush(): Promise<void> }).flush();
    await expect(gateB.acquire()).rejects.toThrow(/refused the credential/);
    gateA.close();
    gateB.close();
  });

  it('fails fast with a CoordinatorError when Redis cannot be reached', async () => {
    const port = await freePort(); // nothing listens there
    const c = redisCoordinator({ redis: `redis://127.0.0.1:${port}`, commandTimeoutMs: 500 });
    opened.push(c);
    await expect(c.ping()).rejects.toBeInstanceOf(CoordinatorError);
    const failures: CoordinatorError[] = [];
    const gate = c.gate({
      key: 'x:token',
      concurrency: 2,
      onUnavailable: (error) => failures.push(error),
    });
    const started = Date.now();
    const error = await gate.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoordinatorError);
    expect(String((error as Error).message)).toMatch(/could not reach Redis/);
    expect(String((error as Error).message)).not.toContain(String(port));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(failures).toHaveLength(1);
    // Later requests fail at once too.
    await expect(gate.acquire()).rejects.toBeInstanceOf(CoordinatorError);
    gate.close();
  });

  it('continues on a private gate when Redis is unreachable and onUnavailable is private-gate', async () => {
    const port = await freePort();
    const c = redisCoordinator({
      redis: `redis://127.0.0.1:${port}`,
      commandTimeoutMs: 300,
      onUnavailable: 'private-gate',
    });
    opened.push(c);
    const gate = c.gate({ key: 'x:token', concurrency: 2 });
    const permit = await gate.acquire();
    gate.release(permit, { type: 'response', observation: { kind: 'ok' } });
    expect(gate.snapshot().admitted).toBe(1);
    gate.close();
  });

  it('fails the waiters with a CoordinatorError when Redis stops in the middle', async () => {
    const own = await startOwnRedis();
    const c = redisCoordinator({ redis: own.url, commandTimeoutMs: 500 });
    opened.push(c);
    const gate = c.gate({ key: 'x:token', concurrency: 2, now: Date.now });
    const permit = await gate.acquire();
    gate.release(permit, {
      type: 'response',
      observation: { kind: 'ok', limit: 10, remaining: 0, resetAt: Date.now() + 3_000 },
    });
    await (gate as unknown as { flush(): Promise<void> }).flush();
    const waiting = gate.acquire().catch((e: unknown) => e); // held for the quota
    await sleep(100);
    await own.stop();
    gate.release(permit, { type: 'other-failure' }); // unknown permit: ignored
    gate.pause(Date.now() + 10); // a call that fails
    const error = await waiting;
    expect(error).toBeInstanceOf(CoordinatorError);
    gate.close();
  });
});
