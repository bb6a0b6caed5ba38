import { describe, expect, it } from 'vitest';
import { roundDown3 } from '../../src/testing/fake-server/youtube.js';
import { call, fakeClock, headerObject, start } from './helpers.js';

const ID = 'UCBVjMGOIkavEAhyqpxJ73Dw';
const accounts = [
  {
    platform: 'youtube',
    handle: '@IndoreCollector',
    id: ID,
    followers: 123_456_789,
    views: 21_105_203_801,
    posts: 512,
  },
  { platform: 'youtube', handle: '@small', followers: 999 },
  { platform: 'youtube', handle: '@quiet', followers: 5_000, state: 'hidden' },
  { platform: 'youtube', handle: '@closed', followers: 5_000, state: 'suspended' },
] as const;

const channels = (base: string, query: string) => `${base}/youtube/v3/channels?${query}`;

describe('youtube: channels.list', () => {
  it('answers statistics as strings, the subscriber count rounded down to 3 figures', async () => {
    const server = await start({ accounts: [...accounts] });
    const { status, body } = await call(
      channels(server.baseUrl('youtube'), `part=statistics&id=${ID},UCnobody`),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      kind: 'youtube#channelListResponse',
      etag: expect.any(String),
      pageInfo: { totalResults: 1, resultsPerPage: 5 },
      items: [
        {
          kind: 'youtube#channel',
          etag: expect.any(String),
          id: ID,
          statistics: {
            viewCount: '21105203801',
            subscriberCount: '123000000',
            hiddenSubscriberCount: false,
            videoCount: '512',
          },
        },
      ],
    });
  });

  it('rounds down to 3 significant figures, exact below 1,000', () => {
    expect([999, 1_000, 1_234, 99_999, 123_456_789, 36_249_999].map(roundDown3)).toEqual([
      999, 1_000, 1_230, 99_900, 123_000_000, 36_200_000,
    ]);
  });

  it('finds channels by handle with or without @, hides hidden counts, drops closed channels', async () => {
    const server = await start({ accounts: [...accounts] });
    const base = server.baseUrl('youtube');
    for (const handle of ['@small', 'small', '%40SMALL']) {
      const answer = await call(channels(base, `part=statistics,snippet&forHandle=${handle}`));
      expect(answer.body.items[0].statistics.subscriberCount).toBe('999');
      expect(answer.body.items[0].snippet.customUrl).toBe('@small');
    }
    const quiet = await call(channels(base, 'part=statistics&forHandle=quiet'));
    expect(quiet.body.items[0].statistics).toEqual({
      viewCount: '0',
      hiddenSubscriberCount: true,
      videoCount: '0',
    });
    const closed = await call(channels(base, 'part=statistics&forHandle=closed'));
    expect(closed.body).not.toHaveProperty('items');
    expect(closed.body.pageInfo.totalResults).toBe(0);

    const empty = await start({ accounts: [...accounts], youtube: { noMatch: 'empty' } });
    const none = await call(channels(empty.baseUrl('youtube'), 'part=statistics&id=UCnobody'));
    expect(none.body.items).toEqual([]);
  });

  it('wants exactly one filter and at most 50 ids (400 badRequest)', async () => {
    const server = await start({ accounts: [...accounts] });
    const base = server.baseUrl('youtube');
    for (const query of ['part=statistics', `part=statistics&id=${ID}&forHandle=small`]) {
      const answer = await call(channels(base, query));
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe(400);
      expect(answer.body.error.errors[0].reason).toBe('badRequest');
    }
    const ids = Array.from({ length: 51 }, (_, i) => `UC${i}`).join(',');
    expect((await call(channels(base, `part=statistics&id=${ids}`))).status).toBe(400);
    expect((await call(channels(base, `id=${ID}`))).body.error.errors[0].reason).toBe('required');
  });

  it('refuses a wrong key (400 keyInvalid) and a missing one (403 forbidden)', async () => {
    const server = await start({ accounts: [...accounts], credentials: { youtube: 'api-key' } });
    const base = server.baseUrl('youtube');
    const wrong = await call(channels(base, `part=statistics&id=${ID}&key=nope`));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      errors: [expect.objectContaining({ reason: 'keyInvalid' })],
    });
    const missing = await call(channels(base, `part=statistics&id=${ID}`));
    expect(missing.status).toBe(403);
    expect(missing.body.error.errors[0].reason).toBe('forbidden');
    expect((await call(channels(base, `part=statistics&id=${ID}&key=api-key`))).status).toBe(200);
  });
});

describe('youtube: quota and rate limit', () => {
  it('spends a unit per call (invalid ones too), then answers 403 quotaExceeded until midnight PT', async () => {
    // 23:59:59 on 1 July in Los Angeles (PDT, UTC-7)
    const clock = fakeClock(Date.UTC(2026, 6, 2, 6, 59, 59));
    const server = await start({
      accounts: [...accounts],
      clock: clock.read,
      youtube: { quota: { unitsPerDay: 2 } },
    });
    const base = server.baseUrl('youtube');
    expect((await call(channels(base, `part=statistics&id=${ID}`))).status).toBe(200);
    expect((await call(channels(base, 'part=statistics'))).status).toBe(400); // costs a unit too
    const exceeded = await call(channels(base, `part=statistics&id=${ID}`));
    expect(exceeded.status).toBe(403);
    expect(exceeded.body).toEqual({
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
    });
    expect(server.stats().youtube).toMatchObject({ unitsUsed: 2, throttled: 1 });
    clock.now = Date.UTC(2026, 6, 2, 7, 0, 0); // midnight PDT
    expect((await call(channels(base, `part=statistics&id=${ID}`))).status).toBe(200);
  });

  it('resets at 08:00 UTC in winter (PST)', async () => {
    const clock = fakeClock(Date.UTC(2026, 0, 15, 7, 30));
    const server = await start({
      accounts: [...accounts],
      clock: clock.read,
      youtube: { quota: { unitsPerDay: 1 } },
    });
    const url = channels(server.baseUrl('youtube'), `part=statistics&id=${ID}`);
    expect((await call(url)).status).toBe(200);
    clock.now = Date.UTC(2026, 0, 15, 7, 59, 59);
    expect((await call(url)).status).toBe(403);
    clock.now = Date.UTC(2026, 0, 15, 8, 0, 0);
    expect((await call(url)).status).toBe(200);
  });

  it('answers 403 rateLimitExceeded past a window limit, with no limit headers', async () => {
    const server = await start({
      accounts: [...accounts],
      limits: { youtube: { limit: 1, windowMs: 60_000 } },
    });
    const url = channels(server.baseUrl('youtube'), `part=statistics&id=${ID}`);
    const first = await call(url);
    expect(
      Object.keys(headerObject(first.headers)).filter((name) => /rate|usage/i.test(name)),
    ).toEqual([]);
    const second = await call(url);
    expect(second.status).toBe(403);
    expect(second.body.error.errors[0].reason).toBe('rateLimitExceeded');
  });
});
