import { describe, expect, it } from 'vitest';
import { call, fakeClock, start } from './helpers.js';

const accounts = [
  {
    platform: 'mastodon',
    handle: 'Indore@Mastodon.Social',
    followers: 1_200,
    following: 80,
    posts: 340,
  },
  { platform: 'mastodon', handle: '@quiet@mastodon.social', followers: 50, state: 'hidden' },
  { platform: 'mastodon', handle: 'banned@mastodon.social', followers: 900, state: 'suspended' },
  { platform: 'mastodon', handle: 'bhopal@fosstodon.org', id: '42', followers: 77 },
] as const;

describe('mastodon: GET /api/v1/accounts/lookup', () => {
  it('answers the account entity of a local account, in any acct form', async () => {
    const server = await start({ accounts: [...accounts] });
    const base = server.baseUrl('mastodon', 'mastodon.social');
    expect(base).toBe(`${server.url}/mastodon/mastodon.social`);
    const { status, body } = await call(`${base}/api/v1/accounts/lookup?acct=indore`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^\d{18}$/),
      username: 'Indore',
      acct: 'Indore',
      display_name: 'Indore',
      locked: false,
      bot: false,
      url: 'https://mastodon.social/@Indore',
      followers_count: 1_200,
      following_count: 80,
      statuses_count: 340,
      emojis: [],
      fields: [],
    });
    expect(body).not.toHaveProperty('suspended');
    for (const acct of ['@indore', 'INDORE@mastodon.social', '@Indore@MASTODON.SOCIAL']) {
      const again = await call(`${base}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
      expect(again.body.id).toBe(body.id);
    }
  });

  it('knows only accounts whose home is this host (404 Record not found)', async () => {
    const server = await start({ accounts: [...accounts] });
    const social = server.baseUrl('mastodon', 'mastodon.social');
    const foss = server.baseUrl('mastodon', 'fosstodon.org');
    for (const url of [
      `${social}/api/v1/accounts/lookup?acct=bhopal`,
      `${social}/api/v1/accounts/lookup?acct=bhopal@fosstodon.org`,
      `${foss}/api/v1/accounts/lookup?acct=indore`,
      `${social}/api/v1/accounts/lookup?acct=nobody`,
      `${social}/api/v1/accounts/lookup`,
    ]) {
      const answer = await call(url);
      expect(answer.status, url).toBe(404);
      expect(answer.body).toEqual({ error: 'Record not found' });
    }
    expect((await call(`${foss}/api/v1/accounts/lookup?acct=bhopal`)).body.followers_count).toBe(
      77,
    );
  });

  it('shows a hidden count as -1 and a suspended account with zero counts', async () => {
    const server = await start({ accounts: [...accounts] });
    const base = server.baseUrl('mastodon', 'mastodon.social');
    const quiet = await call(`${base}/api/v1/accounts/lookup?acct=quiet`);
    expect(quiet.body.followers_count).toBe(-1);
    const banned = await call(`${base}/api/v1/accounts/lookup?acct=banned`);
    expect(banned.body).toMatchObject({
      suspended: true,
      followers_count: 0,
      following_count: 0,
      statuses_count: 0,
    });
  });

  it('looks accounts up by id, one or up to 40 at a time', async () => {
    const server = await start({ accounts: [...accounts] });
    const foss = server.baseUrl('mastodon', 'fosstodon.org');
    expect((await call(`${foss}/api/v1/accounts/42`)).body.username).toBe('bhopal');
    expect((await call(`${foss}/api/v1/accounts/43`)).status).toBe(404);
    const batch = await call(`${foss}/api/v1/accounts?id[]=42&id[]=7`);
    expect(batch.body.map((a: { id: string }) => a.id)).toEqual(['42']);
    const ids = Array.from({ length: 41 }, (_, i) => `id[]=${i}`).join('&');
    expect((await call(`${foss}/api/v1/accounts?${ids}`)).status).toBe(422);
  });
});

describe('mastodon: limits', () => {
  it('sends X-RateLimit-* with an ISO 8601 reset (microseconds), per host, then 429', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 34, 56, 789));
    const server = await start({
      accounts: [...accounts],
      clock: clock.read,
      limits: { mastodon: { limit: 1, windowMs: 5 * 60_000 } },
    });
    const social = server.baseUrl('mastodon', 'mastodon.social');
    const first = await call(`${social}/api/v1/accounts/lookup?acct=indore`);
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first.headers.get('x-ratelimit-reset')).toBe('2026-07-02T12:35:00.000000Z');
    const second = await call(`${social}/api/v1/accounts/lookup?acct=indore`);
    expect(second.status).toBe(429);
    expect(second.body).toEqual({ error: 'Too many requests' });
    expect(second.headers.get('x-ratelimit-reset')).toBe('2026-07-02T12:35:00.000000Z');
    expect(second.headers.get('retry-after')).toBeNull();
    // another host has its own window
    const other = await call(`${server.baseUrl('mastodon', 'fosstodon.org')}/api/v1/accounts/42`);
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('0');
  });
});
