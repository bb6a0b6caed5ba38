import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import { createFakePlatformServer, fakeAccounts } from '../../src/testing/fake-server/index.js';
import { call, start } from './helpers.js';

describe('request log and statistics', () => {
  it('records every request and logs them compactly, in order', async () => {
    const server = await start({
      accounts: [{ platform: 'x', handle: 'a', followers: 1 }],
      credentials: { youtube: 'key' },
    });
    await call(`${server.baseUrl('x')}/2/users/by?usernames=a,b&user.fields=public_metrics`);
    await call(
      `${server.baseUrl('mastodon', 'mastodon.social')}/api/v1/accounts/lookup?acct=indore`,
    );
    await call(
      `${server.baseUrl('bluesky')}/xrpc/app.bsky.actor.getProfiles?actors=a.bsky.social&actors=b.bsky.social`,
    );
    await call(
      `${server.baseUrl('facebook')}/v26.0/?ids=p1,p2&fields=followers_count&access_token=t`,
    );
    await call(
      `${server.baseUrl('youtube')}/youtube/v3/channels?part=statistics&forHandle=@x&key=key`,
    );
    await call(`${server.baseUrl('telegram')}/bot1:a/getChatMemberCount?chat_id=@chan`);
    await call(`${server.url}/nowhere?q=1`);
    expect(server.log()).toEqual([
      'GET /x/2/users/by?usernames=a,b',
      'GET /mastodon/mastodon.social/api/v1/accounts/lookup?acct=indore',
      'GET /bluesky/xrpc/app.bsky.actor.getProfiles?actors=a.bsky.social&actors=b.bsky.social',
      'GET /facebook/v26.0/?ids=p1,p2',
      'GET /youtube/youtube/v3/channels?forHandle=@x',
      'GET /telegram/bot1:a/getChatMemberCount?chat_id=@chan',
      'GET /nowhere',
    ]);
    expect(server.log({ status: true })[0]).toBe('GET /x/2/users/by?usernames=a,b → 200');
    const first = server.requests[0]!;
    expect(first).toMatchObject({
      platform: 'x',
      method: 'GET',
      path: '/x/2/users/by',
      status: 200,
      fault: undefined,
    });
    expect(first.query.get('user.fields')).toBe('public_metrics');
    expect(first.headers.host).toBe(server.url.replace('http://', ''));
    expect(server.requests[6]).toMatchObject({ platform: undefined, status: 404 });
    expect(server.stats().youtube).toMatchObject({ requests: 1, unitsUsed: 1 });
  });

  it('counts requests in flight at once', async () => {
    const server = await start({ latencyMs: 100 });
    const url = `${server.baseUrl('x')}/2/users/by?usernames=a`;
    await Promise.all(Array.from({ length: 4 }, () => call(url)));
    await call(url);
    expect(server.stats().x).toMatchObject({
      requests: 5,
      calls: 5,
      maxConcurrent: 4,
      throttled: 0,
    });
    expect(server.stats().bluesky).toEqual({
      requests: 0,
      calls: 0,
      throttled: 0,
      maxConcurrent: 0,
      peakInWindow: 0,
      unitsUsed: 0,
    });
  });

  it('reset() clears the log, counters and windows, but not accounts or faults', async () => {
    const server = await start({
      accounts: [{ platform: 'x', handle: 'a', followers: 1 }],
      limits: { x: { limit: 1, windowMs: 60_000 } },
    });
    const url = `${server.baseUrl('x')}/2/users/by?usernames=a`;
    await call(url);
    expect((await call(url)).status).toBe(429);
    server.inject({ kind: 'status', status: 500 });
    server.reset();
    expect(server.requests).toEqual([]);
    expect(server.stats().x).toMatchObject({ requests: 0, throttled: 0, peakInWindow: 0 });
    expect((await call(url)).status).toBe(500);
    expect((await call(url)).body.data[0].username).toBe('a');
  });
});

describe('accounts', () => {
  it('can be replaced and added at run time', async () => {
    const server = await start({ accounts: [{ platform: 'x', handle: 'a', followers: 1 }] });
    const followers = async (name: string) =>
      (await call(`${server.baseUrl('x')}/2/users/by?usernames=${name}&user.fields=public_metrics`))
        .body.data?.[0]?.public_metrics.followers_count;
    server.addAccounts([
      { platform: 'x', handle: 'b', followers: 2 },
      { platform: 'x', handle: 'A', followers: 10 },
    ]);
    expect([await followers('a'), await followers('b')]).toEqual([10, 2]);
    server.setAccounts([{ platform: 'x', handle: 'c', followers: 3 }]);
    expect([await followers('a'), await followers('c')]).toEqual([undefined, 3]);
  });

  it('refuses malformed accounts, saying where', async () => {
    await expect(
      createFakePlatformServer({ accounts: [{ platform: 'x', handle: 'a', followers: 1.5 }] }),
    ).rejects.toThrow(/accounts\[0\]\.followers/);
    await expect(
      createFakePlatformServer({
        accounts: [{ platform: 'mastodon', handle: 'nohost', followers: 1 }],
      }),
    ).rejects.toThrow(OptionError);
  });

  it('generates many deterministic accounts quickly', async () => {
    const many = fakeAccounts('x', 90_000);
    expect(many).toHaveLength(90_000);
    expect(many[0]).toEqual(fakeAccounts('x', 1)[0]);
    expect(new Set(many.map((a) => a.handle)).size).toBe(90_000);
    expect(fakeAccounts('mastodon', 1, { host: 'bhopal.social' })[0]?.handle).toBe(
      'user0@bhopal.social',
    );
    expect(fakeAccounts('youtube', 1)[0]?.handle).toBe('@user0');
    const server = await start({ accounts: many });
    const names = many
      .slice(500, 600)
      .map((a) => a.handle)
      .join(',');
    const { body } = await call(
      `${server.baseUrl('x')}/2/users/by?usernames=${names}&user.fields=public_metrics`,
    );
    expect(body.data).toHaveLength(100);
    expect(new Set(body.data.map((u: { id: string }) => u.id)).size).toBe(100);
    expect(body.data[0].public_metrics.followers_count).toBe(many[500]?.followers);
  });
});

describe('options and routing', () => {
  it('answers 404 outside the platform prefixes and validates its options', async () => {
    const server = await start();
    expect((await call(`${server.url}/instagram/v26.0/1`)).status).toBe(404);
    expect(() => server.baseUrl('mastodon')).toThrow(/host/);
    // @ts-expect-error not a platform
    expect(() => server.baseUrl('koo')).toThrow(OptionError);
    await expect(createFakePlatformServer({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(
      createFakePlatformServer({ youtube: { quota: { unitsPerDay: -5 } } }),
    ).rejects.toThrow(/unitsPerDay/);
  });

  it('listens on 127.0.0.1 with a random port each time', async () => {
    const one = await start();
    const two = await start();
    expect(one.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(one.url).not.toBe(two.url);
  });
});
