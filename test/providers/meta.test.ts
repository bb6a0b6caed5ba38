import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HINT_MS } from '../../src/engine/limits.js';
import {
  describeGraphError,
  isThrottleCode,
  metaLimits,
  readGraphError,
} from '../../src/providers/meta.js';
import type { LimitResponse } from '../../src/spec/v1/index.js';

const NOW = Date.UTC(2026, 6, 2, 12, 0, 0);
const read = (status: number, headers: Record<string, string> = {}, body?: unknown) =>
  metaLimits({ status, headers: new Headers(headers), body } satisfies LimitResponse, NOW);
const graphError = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: `(#${code}) Something`, type: 'OAuthException', code, ...extra },
});
const buc = (entries: Record<string, unknown[]>) => ({
  'x-business-use-case-usage': JSON.stringify(entries),
});

describe('metaLimits: usage headers', () => {
  it('reads X-App-Usage as the highest of its three percentages', () => {
    const app = JSON.stringify({ call_count: 28, total_time: 61, total_cputime: 25 });
    expect(read(200, { 'x-app-usage': app })).toEqual({
      kind: 'ok',
      usagePct: 61,
      source: 'fb-usage',
    });
  });

  it('takes the highest counter over X-App-Usage and every X-Business-Use-Case-Usage entry', () => {
    const observation = read(200, {
      'x-app-usage': JSON.stringify({ call_count: 10, total_time: 5, total_cputime: 5 }),
      ...buc({
        '111': [{ type: 'pages', call_count: 40, total_time: 3, total_cputime: 3 }],
        '222': [
          { type: 'pages', call_count: 2, total_time: 2, total_cputime: 2 },
          { type: 'instagram', call_count: 7, total_time: 77, total_cputime: 9 },
        ],
      }),
    });
    expect(observation.usagePct).toBe(77);
    expect(observation.retryAfterMs).toBeUndefined();
  });

  it('turns estimated_time_to_regain_access (minutes) into retryAfterMs, the longest of all', () => {
    const observation = read(
      400,
      buc({
        '111': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 19 }],
        '222': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 3 }],
      }),
      graphError(80001, { is_transient: true }),
    );
    expect(observation).toMatchObject({ kind: 'throttled' });
    expect(observation.retryAfterMs).toBe(19 * 60_000);
    // the pause handles a throttle; only ordinary answers teach the limit
    expect(observation.usagePct).toBeUndefined();
  });

  it('a throttle without a regain time waits Retry-After, or five minutes (fetch-engine.md §10.6)', () => {
    const zero = buc({
      '1': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 0 }],
    });
    expect(read(400, { ...zero, 'retry-after': '2' }, graphError(4)).retryAfterMs).toBe(2_000);
    expect(read(400, zero, graphError(4)).retryAfterMs).toBe(300_000);
    expect(read(403, {}, graphError(17)).retryAfterMs).toBe(300_000);
    // an ordinary answer waits for nothing
    expect(read(200, zero).retryAfterMs).toBeUndefined();
  });

  it('ignores malformed, negative, non-finite and over-100 % values, and clamps regain to a day', () => {
    expect(read(200, { 'x-app-usage': '{not json' })).toEqual({ kind: 'ok', source: 'fb-usage' });
    expect(read(200, { 'x-app-usage': '[1,2,3]' }).usagePct).toBeUndefined();
    expect(read(200, { 'x-app-usage': '{"call_count":-5,"total_time":"NaN"}' }).usagePct).toBe(
      undefined,
    );
    expect(read(200, { 'x-app-usage': '{"call_count":1e400}' }).usagePct).toBeUndefined();
    expect(read(200, { 'x-app-usage': '{"call_count":250}' }).usagePct).toBeUndefined();
    expect(read(200, { 'x-app-usage': '{"call_count":"42"}' }).usagePct).toBe(42);
    const regain = (value: unknown) =>
      read(400, buc({ '1': [{ estimated_time_to_regain_access: value }] }), graphError(4))
        .retryAfterMs;
    // a malformed regain time is no regain time: the five-minute default
    expect(regain(-3)).toBe(300_000);
    expect(regain('soon')).toBe(300_000);
    expect(regain(null)).toBe(300_000);
    expect(regain(1e12)).toBe(MAX_HINT_MS);
    expect(regain(0.5)).toBe(30_000);
    expect(read(400, { 'x-business-use-case-usage': '"pages"' }, graphError(4))).toEqual({
      kind: 'throttled',
      source: 'fb-usage',
      retryAfterMs: 300_000,
    });
  });

  it('never throws, and never gives NaN, a negative or an over-long wait, for any header text', () => {
    const counter = fc.oneof(
      fc.integer({ min: -1_000, max: 1_000 }),
      fc.double(),
      fc.string(),
      fc.constant(null),
    );
    const usage = fc.record(
      { call_count: counter, total_time: counter, total_cputime: counter },
      { requiredKeys: [] },
    );
    const entry = fc
      .record({ type: fc.string(), estimated_time_to_regain_access: counter }, { requiredKeys: [] })
      .map((e) => ({ ...e }));
    const header = fc.oneof(
      fc.string(),
      usage.map((u) => JSON.stringify(u)),
      fc
        .dictionary(fc.string(), fc.array(fc.tuple(usage, entry).map(([u, e]) => ({ ...u, ...e }))))
        .map((d) => JSON.stringify(d)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(
        header,
        header,
        fc.option(fc.string(), { nil: undefined }),
        fc.constantFrom(200, 400, 403, 401, 500),
        fc.anything(),
        (app, business, retryAfter, status, body) => {
          const headers: Record<string, string> = {
            'x-app-usage': app,
            'x-business-use-case-usage': business,
          };
          if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
          let observation: ReturnType<typeof read>;
          try {
            observation = read(status, headers, body);
          } catch (error) {
            // Headers() itself refuses some strings (newlines): not the parser's concern
            if (error instanceof TypeError && /header/i.test(error.message)) return;
            throw error;
          }
          const { usagePct, retryAfterMs } = observation;
          if (usagePct !== undefined) {
            expect(Number.isFinite(usagePct) && usagePct >= 0 && usagePct <= 100).toBe(true);
          }
          if (retryAfterMs !== undefined) {
            expect(Number.isFinite(retryAfterMs)).toBe(true);
            expect(retryAfterMs >= 0 && retryAfterMs <= MAX_HINT_MS).toBe(true);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('metaLimits: error codes', () => {
  it.each([4, 17, 32, 613, 80001, 80002])('code %i is a throttle with 400 and 403', (code) => {
    expect(read(400, {}, graphError(code)).kind).toBe('throttled');
    expect(read(403, {}, graphError(code, { is_transient: true })).kind).toBe('throttled');
    expect(isThrottleCode(code)).toBe(true);
  });

  it('code 190 (with 400 or 401), or a bare 401, refuses the credential', () => {
    expect(read(400, {}, graphError(190, { error_subcode: 463 })).kind).toBe('refused');
    expect(read(401, {}, graphError(190)).kind).toBe('refused');
    expect(read(401, {}).kind).toBe('refused');
  });

  it('other codes, and throttle codes on a 200, are ordinary answers', () => {
    for (const code of [1, 2, 10, 100, 110, 200, 803]) {
      expect(read(400, {}, graphError(code)).kind, String(code)).toBe('ok');
    }
    expect(read(200, {}, graphError(4)).kind).toBe('ok');
    expect(read(400, {}, 'not json').kind).toBe('ok');
    expect(read(429, {}).kind).toBe('throttled');
  });
});

describe('metaLimits: a Graph batch answer, part by part', () => {
  const usageHeaders = (pct: number, regain = 0) => [
    { name: 'Content-Type', value: 'text/javascript; charset=UTF-8' },
    {
      name: 'X-App-Usage',
      value: JSON.stringify({ call_count: pct, total_time: 1, total_cputime: 1 }),
    },
    {
      name: 'X-Business-Use-Case-Usage',
      value: JSON.stringify({
        '1': [{ type: 'pages', call_count: pct, estimated_time_to_regain_access: regain }],
      }),
    },
  ];
  const ok = (pct: number) => ({ code: 200, headers: usageHeaders(pct), body: '{"id":"1"}' });
  const throttled = (regain = 0) => ({
    code: 400,
    headers: usageHeaders(100, regain),
    body: JSON.stringify(graphError(80001)),
  });
  const batch = (...parts: unknown[]) => read(200, {}, parts);

  it('takes the highest usage over the answer and every part', () => {
    const observation = metaLimits(
      {
        status: 200,
        headers: new Headers({ 'x-app-usage': JSON.stringify({ call_count: 12 }) }),
        body: [ok(30), ok(47), null, ok(41)],
      },
      NOW,
    );
    expect(observation).toEqual({ kind: 'ok', usagePct: 47, source: 'fb-usage' });
  });

  it('some parts throttled: a partial throttle, with the parts counted and the longest regain time', () => {
    expect(batch(ok(90), throttled(2), throttled(7), null)).toEqual({
      kind: 'throttled',
      partial: true,
      throttledParts: 2,
      retryAfterMs: 7 * 60_000,
      source: 'fb-usage',
    });
  });

  it('every part that answered throttled: an ordinary throttle (five minutes without a regain time)', () => {
    expect(batch(throttled(), null, throttled())).toEqual({
      kind: 'throttled',
      throttledParts: 2,
      retryAfterMs: 300_000,
      source: 'fb-usage',
    });
  });

  it('code 190 (or 401) in any part refuses the token', () => {
    const refused = { code: 400, headers: [], body: JSON.stringify(graphError(190)) };
    expect(batch(ok(1), refused, throttled()).kind).toBe('refused');
    expect(batch({ code: 401, body: '' }).kind).toBe('refused');
  });

  it('ignores parts that are not parts, headers that are not headers, and error bodies that are not JSON or too long', () => {
    const junk = [
      'text',
      42,
      { code: 'x' },
      { code: 400, body: '{not json' },
      { code: 400, body: `{"error":{"code":4,"pad":"${'x'.repeat(20_000)}"}}` },
      { code: 200, headers: [{ name: 'X-App-Usage' }, null, { name: 1, value: 2 }] },
      { code: 200, headers: 'X-App-Usage: 99' },
    ];
    expect(batch(...junk)).toEqual({ kind: 'ok', source: 'fb-usage' });
  });

  it('never throws on any batch-shaped junk', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant(null),
            fc.jsonValue(),
            fc.record({
              code: fc.integer(),
              headers: fc.array(
                fc.record({
                  name: fc.constantFrom('x-app-usage', 'X-Business-Use-Case-Usage', 'other'),
                  value: fc.string(),
                }),
              ),
              body: fc.string(),
            }),
          ),
        ),
        (parts) => {
          const observation = read(200, {}, parts);
          expect(['ok', 'throttled', 'refused']).toContain(observation.kind);
          if (observation.usagePct !== undefined)
            expect(observation.usagePct).toBeLessThanOrEqual(100);
          if (observation.retryAfterMs !== undefined) {
            expect(observation.retryAfterMs).toBeGreaterThanOrEqual(0);
            expect(observation.retryAfterMs).toBeLessThanOrEqual(MAX_HINT_MS);
          }
        },
      ),
    );
  });
});

describe('Graph error bodies', () => {
  it('reads code, subcode, type, message and trace id, each only when well-formed', () => {
    expect(
      readGraphError({
        error: {
          message: 'Invalid user id',
          type: 'OAuthException',
          code: 110,
          error_subcode: 2207013,
          is_transient: false,
          fbtrace_id: 'AbC',
        },
      }),
    ).toEqual({
      message: 'Invalid user id',
      type: 'OAuthException',
      code: 110,
      subcode: 2207013,
      fbtraceId: 'AbC',
    });
    expect(readGraphError({ error: { code: '190', message: 5 } })).toEqual({});
    expect(readGraphError({ error: 'nope' })).toBeUndefined();
    expect(readGraphError(undefined)).toBeUndefined();
  });

  it('describes an error readably, cut short, without the secrets it was given', () => {
    const token = 'EAAGsecretTokenValue123';
    const text = describeGraphError(
      {
        type: 'OAuthException',
        code: 190,
        subcode: 460,
        message: `Error validating access token ${token}: session expired ${'x'.repeat(500)}`,
        fbtraceId: 'AFake01',
      },
      [token],
    );
    expect(text).toMatch(/^OAuthException code 190 subcode 460: Error validating access token/);
    expect(text).toContain('(fbtrace_id AFake01)');
    expect(text).not.toContain(token);
    expect(text.length).toBeLessThan(300);
    expect(describeGraphError(undefined)).toBe('no Graph error in the body');
  });
});
