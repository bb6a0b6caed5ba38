import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { mastodonProvider } from '../../src/providers/mastodon.js';
import { createFakePlatformServer } from '../../src/testing/index.js';
import { describeProviderConformance, fastHttp, registryOf } from './conformance.js';

describeProviderConformance('mastodonProvider', {
  platform: 'mastodon',
  make: (server) => mastodonProvider({ baseUrl: (host) => server.baseUrl('mastodon', host) }),
  account: (i) => ({
    fake: { platform: 'mastodon', handle: `office${i}@mastodon.social`, followers: 500 + i },
    handle: `https://mastodon.social/@office${i}`,
  }),
  unknownHandle: '@nobody@mastodon.social',
});

describe('mastodonProvider', () => {
  it('asks each account of its home server; a hidden count (-1) and a suspension are failures, not zeros', async () => {
    const server = await createFakePlatformServer({
      accounts: [
        {
          platform: 'mastodon',
          handle: 'indore@mastodon.social',
          followers: 1_200,
          posts: 30,
          following: 4,
        },
        { platform: 'mastodon', handle: 'quiet@glitch.social', followers: 50, state: 'hidden' },
        {
          platform: 'mastodon',
          handle: 'banned@mastodon.social',
          followers: 99,
          state: 'suspended',
        },
      ],
    });
    try {
      const result = await collect(
        registryOf('mastodon', [
          '@indore@mastodon.social',
          'quiet@glitch.social',
          'https://mastodon.social/@banned',
        ]),
        {
          providers: [mastodonProvider({ baseUrl: (host) => server.baseUrl('mastodon', host) })],
          http: fastHttp,
        },
      );
      expect(
        result.snapshots.map((s) => [s.accountId, s.followers.value, s.posts, s.following]),
      ).toEqual([['acc0', 1_200, 30, 4]]);
      expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
        ['acc1', 'hidden'],
        ['acc2', 'suspended'],
      ]);
      expect(server.log().sort()).toEqual([
        'GET /mastodon/glitch.social/api/v1/accounts/lookup?acct=quiet',
        'GET /mastodon/mastodon.social/api/v1/accounts/lookup?acct=banned',
        'GET /mastodon/mastodon.social/api/v1/accounts/lookup?acct=indore',
      ]);
    } finally {
      await server.close();
    }
  });

  it('keeps one rate bucket per server: a throttled server does not slow another', async () => {
    const server = await createFakePlatformServer({
      accounts: [
        { platform: 'mastodon', handle: 'a@slow.example', followers: 1 },
        { platform: 'mastodon', handle: 'b@fast.example', followers: 2 },
        { platform: 'mastodon', handle: 'c@fast.example', followers: 3 },
      ],
    });
    try {
      server.inject(
        { kind: 'rate-limit', retryAfter: '2' },
        { platform: 'mastodon', match: (r) => r.path.includes('slow.example') },
      );
      const finished: Record<string, number> = {};
      const start = Date.now();
      const result = await collect(
        registryOf('mastodon', ['a@slow.example', 'b@fast.example', 'c@fast.example']),
        {
          providers: [mastodonProvider({ baseUrl: (host) => server.baseUrl('mastodon', host) })],
          http: fastHttp,
          onProgress: (e) => {
            if (e.type === 'batch') finished[e.bucket] = Date.now() - start;
          },
        },
      );
      expect(result.failures).toEqual([]);
      expect(finished['mastodon:fast.example']).toBeLessThan(1_000);
      expect(finished['mastodon:slow.example']).toBeGreaterThanOrEqual(1_900);
    } finally {
      await server.close();
    }
  });

  it('a server that requires a token says so', async () => {
    const server = await createFakePlatformServer();
    try {
      server.inject(
        { kind: 'status', status: 401, body: { error: 'This API requires an authenticated user' } },
        { platform: 'mastodon' },
      );
      const result = await collect(registryOf('mastodon', ['x@locked.example']), {
        providers: [mastodonProvider({ baseUrl: (host) => server.baseUrl('mastodon', host) })],
        http: fastHttp,
      });
      expect(result.failures[0]?.reason).toBe('unauthorized');
      expect(result.failures[0]?.message).toContain('give mastodonProvider an accessToken');
    } finally {
      await server.close();
    }
  });
});
