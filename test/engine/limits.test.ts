import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockOffset,
  genericLimits,
  ietfLimits,
  MAX_HINT_MS,
  parseRetryAfter,
} from '../../src/engine/limits.js';
import { blueskyLimits } from '../../src/providers/bluesky.js';
import { mastodonLimits } from '../../src/providers/mastodon.js';
import { xLimits } from '../../src/providers/x.js';
import type { LimitParser } from '../../src/spec/v1/index.js';

const now = Date.parse('2026-11-28T12:00:00.000Z');
const at = (headers: Record<string, string>, status = 200) => ({
  status,
  headers: new Headers(headers),
});

describe('limit parsers: every reset encoding', () => {
  it('X: x-rate-limit-* with an epoch-seconds reset', () => {
    expect(
      xLimits(
        at({
          'x-rate-limit-limit': '300',
          'x-rate-limit-remaining': '299',
          'x-rate-limit-reset': String(now / 1000 + 900),
        }),
        now,
      ),
    ).toEqual({
      kind: 'ok',
      limit: 300,
      remaining: 299,
      resetAt: now + 900_000,
      source: 'x-rate-limit',
    });
    expect(xLimits(at({}, 429), now).kind).toBe('throttled');
  });

  it('Mastodon: X-RateLimit-* with an ISO 8601 reset (microseconds)', () => {
    const o = mastodonLimits(
      at({
        'X-RateLimit-Limit': '300',
        'X-RateLimit-Remaining': '12',
        'X-RateLimit-Reset': '2026-11-28T12:05:00.000000Z',
      }),
      now,
    );
    expect(o).toMatchObject({ limit: 300, remaining: 12, resetAt: now + 300_000 });
  });

  it('Bluesky: RateLimit-* with an epoch reset and a policy window', () => {
    const o = blueskyLimits(
      at({
        'RateLimit-Limit': '3000',
        'RateLimit-Remaining': '2999',
        'RateLimit-Reset': String(now / 1000 + 300),
        'RateLimit-Policy': '3000;w=300',
      }),
      now,
    );
    expect(o).toMatchObject({
      limit: 3000,
      remaining: 2999,
      resetAt: now + 300_000,
      windowMs: 300_000,
    });
  });

  it('IETF: RateLimit and RateLimit-Policy as structured fields, tightest policy, delta seconds', () => {
    const o = ietfLimits(
      at({
        RateLimit: '"burst";r=50;t=30, "daily";r=900;t=40000',
        'RateLimit-Policy': '"burst";q=100;w=60, "daily";q=1000;w=86400',
      }),
      now,
    );
    expect(o).toMatchObject({ limit: 100, remaining: 50, resetAt: now + 30_000, windowMs: 60_000 });
  });

  it('the generic parser reads the legacy triples in their three reset encodings', () => {
    expect(
      genericLimits(at({ 'RateLimit-Remaining': '5', 'RateLimit-Reset': '30' }), now).resetAt,
    ).toBe(now + 30_000);
    expect(
      genericLimits(
        at({ 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': String(now / 1000 + 60) }),
        now,
      ).resetAt,
    ).toBe(now + 60_000);
    expect(
      genericLimits(
        at({ 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': '2026-11-28T12:01:00Z' }),
        now,
      ).resetAt,
    ).toBe(now + 60_000);
    expect(genericLimits(at({ RateLimit: '"default";r=3;t=9' }), now)).toMatchObject({
      remaining: 3,
      resetAt: now + 9_000,
    });
  });
});

describe('Retry-After', () => {
  it.each([
    ['2', 2_000],
    ['0', 0],
    ['1.5', 1_500],
    ['Sat, 28 Nov 2026 12:00:30 GMT', 30_000],
    ['Sat, 28 Nov 2026 11:59:00 GMT', 0], // a date in the past: go now, never a negative wait
    ['999999999', MAX_HINT_MS], // huge: clamped to a day; the scheduler decides whether to wait
    ['soon', undefined], // malformed: ignored, never NaN
    ['-5', undefined],
    ['', undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('clock skew', () => {
  it('reads the server clock from Date, ignoring rounding under 2 s', () => {
    expect(clockOffset(new Headers({ date: new Date(now + 300_000).toUTCString() }), now)).toBe(
      300_000,
    );
    expect(clockOffset(new Headers({ date: new Date(now - 300_000).toUTCString() }), now)).toBe(
      -300_000,
    );
    expect(clockOffset(new Headers({ date: new Date(now + 900).toUTCString() }), now)).toBe(0);
    expect(clockOffset(new Headers({ date: 'not a date' }), now)).toBe(0);
  });

  it('corrects absolute resets by the offset: a server 5 minutes ahead', () => {
    const serverNow = now + 300_000;
    const o = xLimits(
      at({
        date: new Date(serverNow).toUTCString(),
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(serverNow / 1000 + 60),
      }),
      now,
    );
    expect(o.resetAt).toBe(now + 60_000);
  });

  it('a reset already in the past means now, not a negative wait', () => {
    const o = xLimits(
      at({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(now / 1000 - 100) }),
      now,
    );
    expect(o.resetAt).toBe(now);
  });
});

describe('every parser is total', () => {
  const parsers: [string, LimitParser][] = [
    ['x', xLimits],
    ['mastodon', mastodonLimits],
    ['bluesky', blueskyLimits],
    ['ietf', ietfLimits],
    ['generic', genericLimits],
  ];
  const names = fc.constantFrom(
    'x-rate-limit-limit',
    'x-rate-limit-remaining',
    'x-rate-limit-reset',
    'X-RateLimit-Reset',
    'X-RateLimit-Remaining',
    'RateLimit-Reset',
    'RateLimit-Remaining',
    'RateLimit-Limit',
    'RateLimit-Policy',
    'RateLimit',
    'Retry-After',
    'Date',
  );
  const values = fc.oneof(
    fc.string(),
    fc.integer({ min: -1e12, max: 1e13 }).map(String),
    fc.double().map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
    fc.constantFrom('"default";r=5;t=10', 'x;r=-1', '10;w=abc', 'NaN', 'Infinity', '1e400'),
  );
  it('never yields NaN, a negative wait, a reset in the past, or a wait over a day', () => {
    fc.assert(
      fc.property(
        fc.dictionary(names, values, { maxKeys: 6 }),
        fc.constantFrom(200, 429, 503),
        (raw, status) => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(raw)) {
            try {
              headers.set(k, v);
            } catch {
              // not a valid header value: a server could not send it either
            }
          }
          for (const [, parse] of parsers) {
            const o = parse({ status, headers }, now);
            for (const value of [o.limit, o.remaining, o.resetAt, o.retryAfterMs, o.windowMs]) {
              if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
            }
            if (o.retryAfterMs !== undefined) expect(o.retryAfterMs).toBeGreaterThanOrEqual(0);
            if (o.retryAfterMs !== undefined)
              expect(o.retryAfterMs).toBeLessThanOrEqual(MAX_HINT_MS);
            if (o.resetAt !== undefined) expect(o.resetAt).toBeGreaterThanOrEqual(now);
            if (o.resetAt !== undefined) expect(o.resetAt).toBeLessThanOrEqual(now + MAX_HINT_MS);
            if (o.remaining !== undefined) expect(o.remaining).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
