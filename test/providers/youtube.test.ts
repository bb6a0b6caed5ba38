import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import type { CollectOptions } from '../../src/engine/collect-options.js';
import { OptionError, RateLimitError } from '../../src/errors.js';
import {
  type YoutubeProviderOptions,
  youtubeLimits,
  youtubeProvider,
} from '../../src/providers/youtube.js';
import { roundDown3 } from '../../src/testing/fake-server/youtube.js';
import type { FakeAccount, FakeFault, FakePlatformServer } from '../../src/testing/index.js';
import { start as fake } from '../fake-server/helpers.js';
import { assertNoLeak, describeProviderConformance, fastHttp, registryOf } from './conformance.js';

const KEY = 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY';
/** A channel id: UC + 22 characters. */
const channel = (i: number) => `UC${String(i).padStart(22, '0')}`;
const LA_MIDNIGHT_TEXT = 'midnight America/Los_Angeles';

describeProviderConformance('youtubeProvider', {
  platform: 'youtube',
  credentials: { youtube: KEY },
  secret: KEY,
  make: (server) => youtubeProvider({ apiKey: KEY, baseUrl: server.baseUrl('youtube') }),
  account: (i) => ({
    fake: {
      platform: 'youtube',
      handle: `@office${i}`,
      id: channel(i),
      followers: 123_456 + 1_000 * i,
    },
    handle: `https://www.youtube.com/channel/${channel(i)}`,
  }),
  unknownHandle: '@nobody-here',
  expected: (fake) => {
    const value = roundDown3(fake.followers);
    return { value, min: value, max: value + 10 ** (String(value).length - 3) - 1 };
  },
});

/** A provider of `server`, with the test key unless given another. */
function youtubeOf(server: FakePlatformServer, options: Partial<YoutubeProviderOptions> = {}) {
  return youtubeProvider({ apiKey: KEY, baseUrl: server.baseUrl('youtube'), ...options });
}

function run(
  provider: ReturnType<typeof youtubeProvider>,
  handles: readonly string[],
  options: Partial<CollectOptions> = {},
) {
  return collect(registryOf('youtube', handles), {
    providers: [provider],
    ...options,
    http: { ...fastHttp, ...options.http },
  });
}

/** n channels given by id only, with subscriber counts 1000 + i. */
function channels(n: number): FakeAccount[] {
  return Array.from({ length: n }, (_, i) => ({
    platform: 'youtube',
    handle: channel(i),
    followers: 1_000 + i,
  }));
}

const iso = (t: number | Date) => new Date(t).toISOString();

describe('youtubeProvider: counts', () => {
  it('turns the rounded subscriber count into its range, exact below 1,000; views, videos and the channel id come along', async () => {
    const counts = [0, 999, 1_000, 1_239, 99_999, 123_456, 36_249_999, 123_456_789];
    const server = await fake({
      accounts: counts.map((followers, i) => ({
        platform: 'youtube',
        handle: channel(i),
        followers,
        views: 21_105_203_801,
        posts: 512,
      })),
    });
    const result = await run(
      youtubeOf(server),
      counts.map((_, i) => channel(i)),
    );
    expect(result.failures).toEqual([]);
    expect(
      result.snapshots.map((s) => [s.followers.value, s.followers.min, s.followers.max]),
    ).toEqual([
      [0, 0, 0],
      [999, 999, 999],
      [1_000, 1_000, 1_009],
      [1_230, 1_230, 1_239],
      [99_900, 99_900, 99_999],
      [123_000, 123_000, 123_999],
      [36_200_000, 36_200_000, 36_299_999],
      [123_000_000, 123_000_000, 123_999_999],
    ]);
    // every true figure lies within its range
    result.snapshots.forEach((s, i) => {
      expect(counts[i]).toBeGreaterThanOrEqual(s.followers.min!);
      expect(counts[i]).toBeLessThanOrEqual(s.followers.max!);
    });
    expect(result.snapshots[0]).toMatchObject({
      platformUserId: channel(0),
      views: 21_105_203_801,
      posts: 512,
    });
    expect(server.log()).toEqual([
      `GET /youtube/youtube/v3/channels?id=${counts.map((_, i) => channel(i)).join(',')}`,
    ]);
    expect(server.requests[0]?.query.get('part')).toBe('statistics');
    expect(server.requests[0]?.query.get('key')).toBe(KEY);
  });

  it('a hidden count is a hidden failure; an unknown or closed channel is not-found (either "no items" form)', async () => {
    for (const noMatch of ['absent', 'empty'] as const) {
      const server = await fake({
        youtube: { noMatch },
        accounts: [
          { platform: 'youtube', handle: channel(0), followers: 5_000, state: 'hidden' },
          { platform: 'youtube', handle: channel(1), followers: 5_000, state: 'suspended' },
          { platform: 'youtube', handle: '@quiet', followers: 5_000, state: 'hidden' },
        ],
      });
      const result = await run(youtubeOf(server), [
        channel(0),
        channel(1),
        channel(2),
        '@quiet',
        '@ghost',
      ]);
      expect(result.snapshots).toEqual([]);
      expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
        ['acc0', 'hidden'],
        ['acc1', 'not-found'],
        ['acc2', 'not-found'],
        ['acc3', 'hidden'],
        ['acc4', 'not-found'],
      ]);
    }
  });
});

describe('youtubeProvider: handles', () => {
  const accounts: FakeAccount[] = [
    { platform: 'youtube', handle: '@IndoreCollector', id: channel(100), followers: 77_123 },
    { platform: 'youtube', handle: '@dmbhopal', id: channel(101), followers: 5_432 },
    ...channels(3),
  ];

  it('resolves each handle once with forHandle (statistics in the same call); later collections ask for it among the ids', async () => {
    const server = await fake({ accounts });
    const provider = youtubeOf(server);
    const handles = [
      '@indorecollector',
      channel(0),
      'youtube.com/@DMBhopal',
      channel(1),
      channel(2),
    ];

    const first = await run(provider, handles);
    expect(first.failures).toEqual([]);
    expect(first.snapshots.map((s) => [s.accountId, s.platformUserId, s.followers.value])).toEqual([
      ['acc0', channel(100), 77_100],
      ['acc1', channel(0), 1_000],
      ['acc2', channel(101), 5_430],
      ['acc3', channel(1), 1_000], // 1,001 and 1,002, rounded down to 3 figures
      ['acc4', channel(2), 1_000],
    ]);
    expect(server.log()).toEqual([
      `GET /youtube/youtube/v3/channels?id=${channel(0)},${channel(1)},${channel(2)}`,
      'GET /youtube/youtube/v3/channels?forHandle=@indorecollector',
      'GET /youtube/youtube/v3/channels?forHandle=@DMBhopal',
    ]);

    server.reset();
    const second = await run(provider, handles);
    expect(second.snapshots.map((s) => s.followers)).toEqual(
      first.snapshots.map((s) => s.followers),
    );
    expect(server.log()).toEqual([
      `GET /youtube/youtube/v3/channels?id=${channel(100)},${channel(0)},${channel(101)},${channel(1)},${channel(2)}`,
    ]);
    expect(server.stats().youtube.unitsUsed).toBe(1);
  });

  it('a handle whose lookup fails (a server error past every retry) fails alone: the rest of the batch is kept', async () => {
    const server = await fake({ accounts });
    server.inject(
      { kind: 'status', status: 500 },
      {
        platform: 'youtube',
        times: Infinity,
        match: (r) => r.query.get('forHandle') === '@dmbhopal',
      },
    );
    const result = await run(youtubeOf(server), ['@IndoreCollector', '@dmbhopal', channel(0)]);
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0', 'acc2']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc1', 'network']]);
  });

  it('does not remember an unknown handle, and looks a handle up again when its remembered channel is gone', async () => {
    const server = await fake({ accounts });
    const provider = youtubeOf(server);
    await run(provider, ['@IndoreCollector', '@later']);
    // the handle now belongs to another channel; @later has been created
    server.setAccounts([
      { platform: 'youtube', handle: '@IndoreCollector', id: channel(200), followers: 80_000 },
      { platform: 'youtube', handle: '@later', followers: 12 },
    ]);
    server.reset();
    const result = await run(provider, ['@IndoreCollector', '@later']);
    expect(result.failures).toEqual([]);
    expect(result.snapshots.map((s) => s.platformUserId)).toEqual([
      channel(200),
      expect.stringMatching(/^UC/),
    ]);
    expect(server.log()).toEqual([
      `GET /youtube/youtube/v3/channels?id=${channel(100)}`,
      'GET /youtube/youtube/v3/channels?forHandle=@IndoreCollector',
      'GET /youtube/youtube/v3/channels?forHandle=@later',
    ]);
  });

  it('sends at most 50 ids per request', async () => {
    const server = await fake({ accounts: channels(120) });
    const result = await run(
      youtubeOf(server),
      channels(120).map((a) => a.handle),
    );
    expect(result.failures).toEqual([]);
    expect(server.requests.map((r) => r.query.get('id')?.split(',').length)).toEqual([50, 50, 20]);
  });
});

describe('youtubeProvider: the daily quota', () => {
  /** A clock shared by the fake server (its quota day) and the collection. */
  const clockAt = (start: string) => {
    const clock = {
      now: Date.parse(start),
      read: () => clock.now,
      date: () => new Date(clock.now),
    };
    return clock;
  };

  it('counts calls in units: stops before the quota ends; the rest fail at once as rate-limited until midnight PT', async () => {
    // 10:00 PST on 15 January 2026: the quota day ends at 08:00 UTC on the 16th
    const clock = clockAt('2026-01-15T18:00:00Z');
    const server = await fake({
      accounts: channels(500),
      clock: clock.read,
      youtube: { quota: { unitsPerDay: 20, unitsPerCall: 2 } },
    });
    // floor(20 × (1 − 0.2) / 2) = 8 calls of 2 units each
    const provider = youtubeOf(server, {
      quota: { unitsPerDay: 20, unitsPerCall: 2 },
      safetyMargin: 0.2,
    });
    const handles = channels(500).map((a) => a.handle);
    const started = Date.now();
    const result = await run(provider, handles, { now: clock.date, concurrency: 3 });
    expect(Date.now() - started).toBeLessThan(10_000); // no waiting for hours
    expect(server.stats().youtube).toMatchObject({ requests: 8, unitsUsed: 16, throttled: 0 });
    expect(result.snapshots).toHaveLength(400);
    expect(result.failures).toHaveLength(100);
    for (const failure of result.failures) {
      expect(failure.reason).toBe('rate-limited');
      expect(failure.error).toBeInstanceOf(RateLimitError);
      expect(iso((failure.error as RateLimitError).resumeAt)).toBe('2026-01-16T08:00:00.000Z');
    }
    expect(result.failures[0]?.message).toContain(LA_MIDNIGHT_TEXT);

    // The count outlives the collection: a second run the same day sends nothing.
    server.reset(); // (clears the server's count too: only the provider's ledger stops it)
    const again = await run(provider, handles.slice(0, 60), { now: clock.date });
    expect(server.requests).toHaveLength(0);
    expect(new Set(again.failures.map((f) => f.reason))).toEqual(new Set(['rate-limited']));

    // After midnight PT the budget is whole again.
    clock.now = Date.parse('2026-01-16T08:00:00Z');
    const tomorrow = await run(provider, handles.slice(0, 60), { now: clock.date });
    expect(tomorrow.failures).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('two collections running at once with one provider share its count: never more calls than the budget', async () => {
    const server = await fake({ accounts: channels(600) });
    const provider = youtubeOf(server, { quota: { unitsPerDay: 10 }, safetyMargin: 0.3 }); // 7 calls
    const handles = channels(600).map((a) => a.handle);
    const [a, b] = await Promise.all([
      run(provider, handles.slice(0, 300), { concurrency: 8 }),
      run(provider, handles.slice(300), { concurrency: 8 }),
    ]);
    expect(server.stats().youtube.requests).toBe(7);
    expect(a.snapshots.length + b.snapshots.length).toBe(350);
    expect(new Set([...a.failures, ...b.failures].map((f) => f.reason))).toEqual(
      new Set(['rate-limited']),
    );
  });

  it('a quotaExceeded answer pauses the key until midnight PT: no retry, rate-limited with that resumeAt, and nothing more that day', async () => {
    const clock = clockAt('2026-07-01T20:00:00Z'); // 13:00 PDT: the day ends at 07:00 UTC
    const server = await fake({
      accounts: channels(150),
      clock: clock.read,
      youtube: { quota: { unitsPerDay: 2 } },
    });
    const provider = youtubeOf(server);
    const result = await run(
      provider,
      channels(150).map((a) => a.handle),
      { now: clock.date, concurrency: 1 },
    );
    expect(server.log({ status: true }).map((line) => line.slice(-3))).toEqual([
      '200',
      '200',
      '403',
    ]);
    expect(result.snapshots).toHaveLength(100);
    expect(result.failures.map((f) => f.reason)).toEqual(Array(50).fill('rate-limited'));
    const resumeAt = (result.failures[0]!.error as RateLimitError).resumeAt.getTime();
    const midnight = Date.parse('2026-07-02T07:00:00Z');
    expect(resumeAt).toBeGreaterThanOrEqual(midnight);
    expect(resumeAt).toBeLessThan(midnight + 1_000); // at most a second of jitter
    expect(result.stats).toMatchObject({ throttled: 1, retries: 0 });
    server.reset();
    await run(provider, [channel(0)], { now: clock.date });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    // spring forward, Sunday 8 March 2026: a 23-hour day
    ['the eve of the spring change', '2026-03-08T05:00:00Z', '2026-03-08T08:00:00.000Z'],
    ['the spring change day', '2026-03-08T19:00:00Z', '2026-03-09T07:00:00.000Z'],
    // fall back, Sunday 1 November 2026: a 25-hour day
    ['the eve of the autumn change', '2026-11-01T05:00:00Z', '2026-11-01T07:00:00.000Z'],
    ['the autumn change day', '2026-11-01T20:00:00Z', '2026-11-02T08:00:00.000Z'],
  ])('resets at midnight America/Los_Angeles on %s (%s → %s)', async (_name, at, expected) => {
    const now = Date.parse(at);
    const quotaExceeded = {
      error: {
        code: 403,
        message: 'The request cannot be completed because you have exceeded your quota.',
        errors: [
          {
            message: 'The request cannot be completed because you have exceeded your quota.',
            domain: 'youtube.quota',
            reason: 'quotaExceeded',
          },
        ],
      },
    };
    const observation = youtubeLimits(
      { status: 403, headers: new Headers(), body: quotaExceeded },
      now,
    );
    expect(observation.kind).toBe('quota-exhausted');
    expect(iso(observation.resetAt!)).toBe(expected);

    // the same through a collection: the ledger's own count runs out at that time, too
    const clock = clockAt(at);
    const server = await fake({ accounts: channels(2), clock: clock.read });
    const provider = youtubeOf(server, { quota: { unitsPerDay: 1 }, safetyMargin: 0 });
    const result = await run(provider, [channel(0), '@second'], {
      now: clock.date,
      concurrency: 1,
    });
    expect(result.snapshots).toHaveLength(1);
    expect(iso((result.failures[0]!.error as RateLimitError).resumeAt)).toBe(expected);
  });

  it('waits through midnight PT when http.maxWaitMs allows it, then goes on', async () => {
    // a real-time clock set, once the server is up, to 2.5 s before midnight PDT (three answers
    // must come before midnight, on a machine that may be busy)
    let offset = 0;
    const read = () => Date.now() + offset;
    const server = await fake({
      accounts: channels(150),
      clock: read,
      youtube: { quota: { unitsPerDay: 2 } },
    });
    offset = Date.parse('2026-07-02T06:59:57.500Z') - Date.now();
    const result = await run(
      youtubeOf(server),
      channels(150).map((a) => a.handle),
      { now: () => new Date(read()), concurrency: 1, http: { maxWaitMs: 60_000 } },
    );
    expect(result.failures).toEqual([]);
    expect(server.log({ status: true }).map((line) => line.slice(-3))).toEqual([
      '200',
      '200',
      '403',
      '200',
    ]);
    expect(server.requests[3]!.at).toBeGreaterThanOrEqual(Date.parse('2026-07-02T07:00:00Z'));
  });
});

describe('youtubeProvider: errors', () => {
  it('rateLimitExceeded is a short throttle: the bucket pauses, the request goes again and succeeds', async () => {
    const server = await fake({ accounts: channels(1) });
    server.inject({ kind: 'rate-limit' }, { platform: 'youtube' });
    const result = await run(youtubeOf(server), [channel(0)]);
    expect(result.failures).toEqual([]);
    expect(result.stats).toMatchObject({ throttled: 1, rescheduled: 1, retries: 0 });
    expect(server.log({ status: true }).map((line) => line.slice(-3))).toEqual(['403', '200']);
  });

  it('a refused key (400 keyInvalid) fails its batch as unauthorized, with no retry, and the bucket sends nothing more', async () => {
    const server = await fake({
      accounts: channels(120),
      credentials: { youtube: 'the-right-key' },
    });
    const result = await run(
      youtubeOf(server),
      channels(120).map((a) => a.handle),
    );
    expect(result.failures).toHaveLength(120);
    expect(new Set(result.failures.map((f) => f.reason))).toEqual(new Set(['unauthorized']));
    expect(result.failures[0]?.message).toContain('keyInvalid');
    expect(server.stats().youtube.requests).toBe(1);
  });

  it('403 forbidden (the key missing or restricted) is refused too; a 400 badRequest is an invalid response', async () => {
    const server = await fake({ accounts: channels(1) });
    const envelope = (code: number, reason: string) => ({
      error: { code, message: reason, errors: [{ message: reason, domain: 'global', reason }] },
    });
    server.inject(
      { kind: 'status', status: 403, body: envelope(403, 'forbidden') },
      { platform: 'youtube' },
    );
    expect((await run(youtubeOf(server), [channel(0)])).failures[0]?.reason).toBe('unauthorized');
    server.inject(
      { kind: 'status', status: 400, body: envelope(400, 'badRequest') },
      { platform: 'youtube' },
    );
    expect((await run(youtubeOf(server), [channel(0)])).failures[0]?.reason).toBe(
      'invalid-response',
    );
  });

  it('youtubeLimits reads every reason of the envelope', () => {
    const now = Date.parse('2026-07-01T20:00:00Z');
    const read = (status: number, reason: string, domain = 'usageLimits', headers = {}) =>
      youtubeLimits(
        {
          status,
          headers: new Headers(headers),
          body: { error: { code: status, errors: [{ reason, domain }] } },
        },
        now,
      );
    expect(read(403, 'quotaExceeded', 'youtube.quota')).toMatchObject({ kind: 'quota-exhausted' });
    expect(read(403, 'dailyLimitExceeded')).toMatchObject({ kind: 'quota-exhausted' });
    expect(read(403, 'somethingNew', 'youtube.quota')).toMatchObject({ kind: 'quota-exhausted' });
    expect(read(403, 'rateLimitExceeded', 'usageLimits', { 'retry-after': '3' })).toEqual({
      kind: 'throttled',
      retryAfterMs: 3_000,
      source: 'youtube-body',
    });
    expect(read(403, 'userRateLimitExceeded')).toEqual({
      kind: 'throttled',
      source: 'youtube-body',
    });
    expect(read(400, 'keyInvalid').kind).toBe('refused');
    expect(read(403, 'forbidden').kind).toBe('refused');
    expect(read(400, 'badRequest').kind).toBe('ok');
    expect(read(404, 'notFound').kind).toBe('ok');
    expect(
      youtubeLimits({ status: 429, headers: new Headers({ 'retry-after': '2' }) }, now),
    ).toMatchObject({
      kind: 'throttled',
      retryAfterMs: 2_000,
    });
    expect(youtubeLimits({ status: 403, headers: new Headers(), body: 'not json' }, now).kind).toBe(
      'ok',
    );
  });

  it('checks its options', () => {
    const make = (options: Partial<YoutubeProviderOptions>) => () =>
      youtubeProvider({ apiKey: 'k', ...options } as YoutubeProviderOptions);
    expect(make({ apiKey: '' })).toThrow(OptionError);
    expect(make({ apiKey: '' })).toThrow(/YOUTUBE_API_KEY/);
    expect(make({ baseUrl: 'ftp://x' })).toThrow(/`baseUrl`/);
    expect(make({ quota: { unitsPerDay: 0 } })).toThrow(
      /`quota.unitsPerDay` to be an integer >= 1/,
    );
    expect(make({ quota: { unitsPerCall: 1.5 } })).toThrow(/`quota.unitsPerCall`/);
    expect(make({ safetyMargin: 1 })).toThrow(/`safetyMargin`/);
    expect(make({ safetyMargin: -0.1 })).toThrow(/`safetyMargin`/);
    expect(make({ quota: { unitsPerDay: 3, unitsPerCall: 3 } })).toThrow(/at least one call a day/);
    expect(make({ quota: { unitsPerDay: 3, unitsPerCall: 3 }, safetyMargin: 0 })).not.toThrow();
  });

  it('keeps only a hash of the key in its bucket', () => {
    const provider = youtubeProvider({ apiKey: KEY });
    const bucket = provider.bucketOf!({} as never);
    expect(bucket).toMatch(/^youtube:[0-9a-f]{12}$/);
    expect(inspect(provider, { depth: Infinity })).not.toContain(KEY);
  });
});

describe('youtubeProvider: redaction', () => {
  it('a random key never appears in a failure, its stack, cause, inspection or JSON, nor in a progress event', async () => {
    const server = await fake({ accounts: channels(1) });
    const faults = [
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'hang' },
      { kind: 'invalid-json' },
      { kind: 'html', status: 200 },
      { kind: 'rate-limit', retryAfter: '99999' },
      { kind: 'redirect', status: 302, location: 'http://127.0.0.1:9/elsewhere' },
      // a redirect to an origin named after the key, which URL parsing lower-cases (defect 4), and
      // same-origin redirects that move it elsewhere in the URL (defect 3)
      { kind: 'redirect', status: 302, location: 'http://ECHO.example/' },
      { kind: 'redirect', status: 302, location: '/moved/ECHO' },
      { kind: 'redirect', status: 307, location: '?echo=ECHO' },
      // Google echoing the key in its error message
      {
        kind: 'status',
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'ECHO',
            errors: [{ reason: 'keyInvalid', message: 'ECHO' }],
          },
        },
      },
      {
        kind: 'status',
        status: 403,
        body: {
          error: {
            code: 403,
            message: 'ECHO',
            errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota', message: 'ECHO' }],
          },
        },
      },
      {
        kind: 'status',
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'ECHO',
            errors: [{ reason: 'badRequest', message: 'ECHO' }],
          },
        },
      },
      // ...and in every field of the envelope
      {
        kind: 'status',
        status: 403,
        body: {
          error: { code: 403, message: 'ECHO', errors: [{ reason: 'ECHO', domain: 'ECHO' }] },
        },
      },
    ] satisfies FakeFault[];
    await assertNoLeak({
      server,
      platform: 'youtube',
      handles: [channel(0), '@by-handle'],
      faults,
      make: (key) => youtubeProvider({ apiKey: key, baseUrl: server.baseUrl('youtube') }),
      secrets: fc.stringMatching(/^[A-Za-z0-9_-]{12,45}$/),
      numRuns: 40,
    });
  });
});

describe('youtubeProvider: every answer is matched to the channel asked for (defects 8 and 10)', () => {
  const item = (id: string, subscribers: string, customUrl?: string) => ({
    kind: 'youtube#channel',
    id,
    ...(customUrl === undefined ? {} : { snippet: { title: 'x', customUrl } }),
    statistics: { viewCount: '10', subscriberCount: subscribers, videoCount: '1' },
  });
  const answer = async (items: unknown[], handles: string[]) => {
    const server = await fake({ accounts: channels(3) });
    try {
      server.inject({ kind: 'status', status: 200, body: { items } }, { platform: 'youtube' });
      const provider = youtubeOf(server);
      return { result: await run(provider, handles), provider, server };
    } finally {
      await server.close();
    }
  };

  it("defect 8: a YouTube forHandle answer about another channel is that account's invalid-response, naming it, and is not remembered", async () => {
    const server = await fake({
      accounts: [{ platform: 'youtube', handle: '@indore', id: channel(7), followers: 5_000 }],
    });
    try {
      server.inject(
        { kind: 'status', status: 200, body: { items: [item(channel(9), '999000', '@mallory')] } },
        { platform: 'youtube' },
      );
      const provider = youtubeOf(server);
      const first = await run(provider, ['@indore']);
      expect(first.snapshots).toEqual([]);
      expect(first.failures.map((f) => f.reason)).toEqual(['invalid-response']);
      expect(first.failures[0]?.message).toContain('"@mallory"');
      // the wrong channel was not remembered for the handle: the next collection asks again
      server.reset();
      const second = await run(provider, ['@indore']);
      expect(second.snapshots.map((s) => s.platformUserId)).toEqual([channel(7)]);
      expect(server.log()).toEqual(['GET /youtube/youtube/v3/channels?forHandle=@indore']);
      expect(server.requests[0]?.query.get('part')).toBe('statistics,snippet');
    } finally {
      await server.close();
    }
  });

  it('a YouTube forHandle answer matches the handle in any case, with or without its @', async () => {
    for (const customUrl of ['@Indore', 'INDORE']) {
      const { result } = await answer([item(channel(7), '5000', customUrl)], ['@indore']);
      expect(result.failures, customUrl).toEqual([]);
      expect(result.snapshots[0]?.platformUserId).toBe(channel(7));
    }
  });

  it("defect 8: a YouTube id answer listing one channel twice with different counts is that account's invalid-response", async () => {
    const { result } = await answer(
      [item(channel(0), '1000'), item(channel(1), '2000'), item(channel(0), '999000')],
      [channel(0), channel(1)],
    );
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc1']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc0', 'invalid-response'],
    ]);
    expect(result.failures[0]?.message).toContain('more than once, with different figures');
  });

  it("defect 8: a YouTube id answer about a channel not asked for, in place of the one asked, is that account's invalid-response", async () => {
    const { result } = await answer([item(channel(9), '999000')], [channel(0)]);
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain(`"${channel(9)}"`);
  });

  it('defect 10: a YouTube channel id that is not UC + 22 characters fails the account as invalid-response instead of being stored', async () => {
    for (const id of ['', 'UCshort', `UC${'a'.repeat(23)}`, `UC${'a'.repeat(21)}!`]) {
      const { result } = await answer([item(id, '5000', '@indore')], ['@indore']);
      expect(result.snapshots, id).toEqual([]);
      expect(result.failures[0]?.reason).toBe('invalid-response');
      expect(result.failures[0]?.message).toContain('not a YouTube channel id');
    }
  });
});
