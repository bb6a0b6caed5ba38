import { describe, expect, it } from 'vitest';
import { call, fakeClock, headerObject, start } from './helpers.js';

const DID = 'did:plc:z72i7hdynmk6r22z27h6tvur';
const accounts = [
  {
    platform: 'bluesky',
    handle: 'bsky.app',
    id: DID,
    name: 'Bluesky',
    followers: 31_200_000,
    following: 5,
    posts: 700,
  },
  { platform: 'bluesky', handle: 'indore.bsky.social', followers: 900 },
  { platform: 'bluesky', handle: 'quiet.bsky.social', followers: 10, state: 'hidden' },
  { platform: 'bluesky', handle: 'banned.bsky.social', followers: 10, state: 'suspended' },
  { platform: 'bluesky', handle: 'away.bsky.social', followers: 10, state: 'deactivated' },
] as const;

describe('bluesky: app.bsky.actor.getProfiles', () => {
  it('answers profiles for handles and DIDs, silently leaving out the rest', async () => {
    const server = await start({ accounts: [...accounts] });
    const actors = [
      DID,
      'Indore.bsky.social',
      'nobody.bsky.social',
      'banned.bsky.social',
      'away.bsky.social',
      'quiet.bsky.social',
    ];
    const query = actors.map((a) => `actors=${encodeURIComponent(a)}`).join('&');
    const { status, body } = await call(
      `${server.baseUrl('bluesky')}/xrpc/app.bsky.actor.getProfiles?${query}`,
    );
    expect(status).toBe(200);
    expect(body.profiles).toHaveLength(3);
    expect(body.profiles[0]).toEqual({
      did: DID,
      handle: 'bsky.app',
      displayName: 'Bluesky',
      followersCount: 31_200_000,
      followsCount: 5,
      postsCount: 700,
      indexedAt: expect.any(String),
      createdAt: expect.any(String),
      labels: [],
    });
    expect(body.profiles[1]).toMatchObject({
      did: expect.stringMatching(/^did:plc:[a-z2-7]{24}$/),
      handle: 'indore.bsky.social',
      followersCount: 900,
    });
    // a hidden count is an absent (optional) field
    expect(body.profiles[2].handle).toBe('quiet.bsky.social');
    expect(body.profiles[2]).not.toHaveProperty('followersCount');
  });

  it('refuses more than 25 actors, and none (400 InvalidRequest)', async () => {
    const server = await start();
    const url = `${server.baseUrl('bluesky')}/xrpc/app.bsky.actor.getProfiles`;
    const query = (n: number) =>
      Array.from({ length: n }, (_, i) => `actors=u${i}.bsky.social`).join('&');
    const tooMany = await call(`${url}?${query(26)}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({
      error: 'InvalidRequest',
      message: 'Error: actors must not have more than 25 elements',
    });
    expect((await call(`${url}?${query(25)}`)).status).toBe(200);
    expect((await call(url)).body.error).toBe('InvalidRequest');
  });
});

describe('bluesky: app.bsky.actor.getProfile', () => {
  it('answers one profile, or an XRPC error for unknown, taken-down and deactivated actors', async () => {
    const server = await start({ accounts: [...accounts] });
    const url = `${server.baseUrl('bluesky')}/xrpc/app.bsky.actor.getProfile?actor=`;
    expect((await call(`${url}bsky.app`)).body.followersCount).toBe(31_200_000);
    expect((await call(`${url}${DID}`)).body.handle).toBe('bsky.app');
    const cases = [
      ['nobody.bsky.social', { error: 'InvalidRequest', message: 'Profile not found' }],
      ['banned.bsky.social', { error: 'AccountTakedown', message: 'Account has been suspended' }],
      ['away.bsky.social', { error: 'AccountDeactivated', message: 'Account is deactivated' }],
    ] as const;
    for (const [actor, error] of cases) {
      const answer = await call(`${url}${actor}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(error);
    }
  });
});

describe('bluesky: limits', () => {
  it('sends RateLimit-* (epoch-second reset, policy) and a 429 with Retry-After in seconds', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 34, 56, 789));
    const server = await start({
      accounts: [...accounts],
      clock: clock.read,
      limits: { bluesky: { limit: 1, windowMs: 300_000 } },
    });
    const url = `${server.baseUrl('bluesky')}/xrpc/app.bsky.actor.getProfile?actor=bsky.app`;
    const first = await call(url);
    expect(
      Object.fromEntries(
        Object.entries(headerObject(first.headers)).filter(([name]) =>
          name.startsWith('ratelimit'),
        ),
      ),
    ).toEqual({
      'ratelimit-limit': '1',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(Date.UTC(2026, 6, 2, 12, 35, 0) / 1000),
      'ratelimit-policy': '1;w=300',
    });
    const second = await call(url);
    expect(second.status).toBe(429);
    expect(second.body).toEqual({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
    expect(second.headers.get('retry-after')).toBe('4'); // 3.211 s to 12:35:00, rounded up
    clock.now = Date.UTC(2026, 6, 2, 12, 35, 0);
    expect((await call(url)).status).toBe(200);
  });
});
