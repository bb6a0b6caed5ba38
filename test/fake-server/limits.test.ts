import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import { LimitBook, pacificDay, resolveLimits } from '../../src/testing/fake-server/limits.js';
import { call, fakeClock, headerObject, start } from './helpers.js';

const account = { platform: 'x', handle: 'IndoreCollector', followers: 1 } as const;

describe('limit windows', () => {
  it('throttles past the limit and allows again from the next window', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 0, 0, 100));
    const server = await start({
      accounts: [account],
      clock: clock.read,
      limits: { x: { limit: 2, windowMs: 1_000 } },
    });
    const url = `${server.baseUrl('x')}/2/users/by?usernames=IndoreCollector`;
    const statuses = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await call(url)).status);
      return out;
    };
    expect(await statuses(3)).toEqual([200, 200, 429]);
    clock.now = Date.UTC(2026, 6, 2, 12, 0, 0, 999);
    expect(await statuses(1)).toEqual([429]);
    clock.now = Date.UTC(2026, 6, 2, 12, 0, 1, 0);
    expect(await statuses(3)).toEqual([200, 200, 429]);
    expect(server.stats().x).toMatchObject({ requests: 7, throttled: 3, peakInWindow: 4 });
  });

  it('announces a reset on a whole epoch second at the end of the window, for any time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: 1, max: 3_600 }),
        (t, seconds) => {
          const book = new LimitBook(resolveLimits({ x: { limit: 1, windowMs: seconds * 1000 } }));
          const { window } = book.admit('x', {}, t)!;
          return (
            window.resetAt % 1000 === 0 &&
            window.resetAt > t &&
            window.resetAt - t <= seconds * 1000
          );
        },
      ),
    );
  });

  it('counts rejected requests unless told not to', async () => {
    const strict = await start({ limits: { x: { limit: 1, windowMs: 60_000 } } });
    const lenient = await start({
      limits: { x: { limit: 1, windowMs: 60_000, countRejected: false } },
    });
    for (const server of [strict, lenient]) {
      for (let i = 0; i < 3; i++) await call(`${server.baseUrl('x')}/2/users/by?usernames=a`);
    }
    expect(strict.stats().x.peakInWindow).toBe(3);
    expect(lenient.stats().x.peakInWindow).toBe(1);
    expect(lenient.stats().x.throttled).toBe(2);
  });

  it('keeps one window per token with scope token', async () => {
    const server = await start({ limits: { x: { limit: 1, windowMs: 60_000, scope: 'token' } } });
    const url = `${server.baseUrl('x')}/2/users/by?usernames=a`;
    const as = (token: string) => call(url, { headers: { authorization: `Bearer ${token}` } });
    expect((await as('one')).status).toBe(200);
    expect((await as('two')).status).toBe(200);
    expect((await as('one')).status).toBe(429);
  });

  it('sends no headers and no hint for an unannounced limit (any window length)', async () => {
    const server = await start({
      limits: {
        x: { limit: 1, windowMs: 10_000, announce: false },
        bluesky: { limit: 0, windowMs: 10, announce: false },
      },
    });
    await call(`${server.baseUrl('x')}/2/users/by?usernames=a`);
    const x = await call(`${server.baseUrl('x')}/2/users/by?usernames=a`);
    expect(x.status).toBe(429);
    expect(Object.keys(headerObject(x.headers)).filter((name) => /rate|retry/.test(name))).toEqual(
      [],
    );
    const bsky = await call(
      `${server.baseUrl('bluesky')}/xrpc/app.bsky.actor.getProfile?actor=a.b`,
    );
    expect(bsky.status).toBe(429);
    expect(
      Object.keys(headerObject(bsky.headers)).filter((name) => /rate|retry/.test(name)),
    ).toEqual([]);
  });

  it('refuses an announced window that is not whole seconds, and bad numbers', () => {
    expect(() => resolveLimits({ x: { limit: 1, windowMs: 1_500 } })).toThrow(OptionError);
    expect(() => resolveLimits({ x: { limit: 1, windowMs: 1_500 } })).toThrow(
      /limits\.x\.windowMs/,
    );
    expect(() => resolveLimits({ x: { limit: -1, windowMs: 1_000 } })).toThrow(/limits\.x\.limit/);
    expect(() =>
      resolveLimits({ x: { limit: 1, windowMs: 1_500, announce: false } }),
    ).not.toThrow();
  });
});

describe('rolling windows', () => {
  it('allows a request while fewer than `limit` were counted in the window before it', () => {
    const book = new LimitBook(
      resolveLimits({ facebook: { limit: 2, windowMs: 1_000, rolling: true } }),
    );
    const at = (t: number) => book.admit('facebook', {}, t)!;
    expect(at(0).allowed).toBe(true);
    expect(at(600).allowed).toBe(true);
    // a fixed window of [0, 1000) would have opened again at 1000; a rolling one still counts
    // 0 and 600 at 999, until 0 leaves at 1000
    const third = at(999);
    expect(third.allowed).toBe(false);
    expect(third.window).toMatchObject({ remaining: 0, resetAt: 1_000 });
    // the rejected request at 999 is counted (countRejected): 600 and 999 are in (500, 1500]
    expect(at(1_500).allowed).toBe(false);
    expect(at(2_001).allowed).toBe(true);
    expect(book.peak('facebook')).toBe(3);
  });

  it('never counts more than `limit` accepted requests in any window, for any arrivals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (times, limit, countRejected) => {
          const book = new LimitBook(
            resolveLimits({ x: { limit, windowMs: 1_000, rolling: true, countRejected } }),
          );
          const sorted = [...times].sort((a, b) => a - b);
          const accepted = sorted.filter((t) => book.admit('x', {}, t)!.allowed);
          return accepted.every(
            (t) => accepted.filter((u) => u > t - 1_000 && u <= t).length <= limit,
          );
        },
      ),
    );
  });

  it('announces when the oldest counted request leaves, on a whole second', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 0, 0, 100));
    const server = await start({
      accounts: [account],
      clock: clock.read,
      limits: { x: { limit: 1, windowMs: 2_000, rolling: true } },
    });
    const url = `${server.baseUrl('x')}/2/users/by?usernames=IndoreCollector`;
    expect((await call(url)).status).toBe(200);
    clock.now += 1_500;
    const refused = await call(url);
    expect(refused.status).toBe(429);
    // 12:00:00.100 + 2 s, rounded up
    expect(refused.headers.get('x-rate-limit-reset')).toBe(
      String(Date.UTC(2026, 6, 2, 12, 0, 3) / 1000),
    );
    expect(() => resolveLimits({ x: { limit: 1, windowMs: 1_000, rolling: 1 as never } })).toThrow(
      /limits\.x\.rolling/,
    );
  });
});

describe('server clock', () => {
  it('sends a Date header and resets from its own (skewed) clock', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 34, 56, 789));
    const server = await start({
      clock: clock.read,
      dateSkewMs: 5 * 60_000,
      limits: { x: { limit: 5, windowMs: 60_000 } },
    });
    const answer = await call(`${server.baseUrl('x')}/2/users/by?usernames=a`);
    expect(answer.headers.get('date')).toBe('Thu, 02 Jul 2026 12:39:56 GMT');
    expect(answer.headers.get('x-rate-limit-reset')).toBe(
      String(Date.UTC(2026, 6, 2, 12, 40, 0) / 1000),
    );
    expect(server.requests[0]?.at).toBe(Date.UTC(2026, 6, 2, 12, 39, 56, 789));

    const behind = await start({ clock: clock.read, dateSkewMs: -5 * 60_000 });
    const late = await call(`${behind.baseUrl('x')}/2/users/by?usernames=a`);
    expect(late.headers.get('date')).toBe('Thu, 02 Jul 2026 12:29:56 GMT');
  });

  it('knows the Pacific calendar day across daylight saving changes', () => {
    expect(pacificDay(Date.UTC(2026, 2, 8, 7, 59))).toBe('2026-03-07'); // PST until 10:00 UTC
    expect(pacificDay(Date.UTC(2026, 2, 8, 8, 0))).toBe('2026-03-08');
    expect(pacificDay(Date.UTC(2026, 10, 1, 6, 59))).toBe('2026-10-31'); // PDT
    expect(pacificDay(Date.UTC(2026, 10, 1, 7, 0))).toBe('2026-11-01');
  });
});
