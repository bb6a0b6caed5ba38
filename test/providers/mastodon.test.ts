import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { OptionError } from '../../src/errors.js';
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
      expect(result.failures[0]?.message).toContain("accessTokens: { 'locked.example': token }");
    } finally {
      await server.close();
    }
  });
});

describe('mastodonProvider: tokens are bound to their server (defect 2)', () => {
  const token = 'mastodon-social-token-0123456789abcdef';

  it("defect 2: a Mastodon token goes only to the server it is bound to (accessTokens), never to another account's server", async () => {
    // two servers on 127.0.0.1, on two ports: the token's own server and an attacker's
    const home = await createFakePlatformServer({
      accounts: [{ platform: 'mastodon', handle: 'indore@mastodon.social', followers: 1_200 }],
    });
    const attacker = await createFakePlatformServer({
      accounts: [{ platform: 'mastodon', handle: 'someone@attacker.example', followers: 5 }],
    });
    try {
      const provider = mastodonProvider({
        baseUrl: (host) =>
          host === 'mastodon.social'
            ? home.baseUrl('mastodon', host)
            : attacker.baseUrl('mastodon', host),
        accessTokens: { 'Mastodon.Social': token },
      });
      const result = await collect(
        registryOf('mastodon', ['indore@mastodon.social', 'someone@attacker.example']),
        { providers: [provider], http: fastHttp },
      );
      expect(result.failures).toEqual([]);
      expect(home.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${token}`]);
      expect(attacker.requests).toHaveLength(1);
      expect(attacker.requests[0]?.headers.authorization).toBeUndefined();
      expect(JSON.stringify(attacker.requests)).not.toContain(token);
      // each server keeps its own bucket; the token's is named by a hash, never by the token
      const buckets = ['indore@mastodon.social', 'someone@attacker.example'].map((handle) =>
        provider.bucketOf?.({
          id: 'a',
          unit: 'u',
          platform: 'mastodon',
          handle,
          status: 'active',
        }),
      );
      expect(buckets[0]).toMatch(/^mastodon:[0-9a-f]{12}:mastodon\.social$/);
      expect(buckets[1]).toBe('mastodon:attacker.example');
      expect(inspect(provider, { depth: Infinity })).not.toContain(token);
    } finally {
      await Promise.all([home.close(), attacker.close()]);
    }
  });

  it('defect 2: the removed accessToken option is refused with an OptionError pointing to accessTokens, without echoing the token', () => {
    const make = () => mastodonProvider({ accessToken: token } as never);
    expect(make).toThrow(OptionError);
    expect(make).toThrow(/accessTokens: \{ 'mastodon\.social': token \}/);
    try {
      make();
    } catch (error) {
      expect(inspect(error, { depth: Infinity })).not.toContain(token);
      expect((error as OptionError).option).toBe('accessToken');
    }
  });

  it('defect 2: accessTokens keys must be bare server names (scheme, port, path, user refused) and are compared in lower case', () => {
    for (const key of [
      'https://mastodon.social',
      'mastodon.social:443',
      'mastodon.social/',
      'me@mastodon.social',
      ' mastodon.social',
      'localhost',
      '127.0.0.1',
      '',
    ]) {
      expect(() => mastodonProvider({ accessTokens: { [key]: token } }), key).toThrow(OptionError);
    }
    for (const bad of ['', '  ', 'two words', 5]) {
      expect(() =>
        mastodonProvider({ accessTokens: { 'mastodon.social': bad as string } }),
      ).toThrow(/accessTokens\["mastodon\.social"\]/);
    }
    expect(() =>
      mastodonProvider({
        accessTokens: { 'mastodon.social': token, 'MASTODON.social': 'other-token' },
      }),
    ).toThrow(/only token for mastodon\.social/);
    expect(() => mastodonProvider({ accessTokens: 'token' as never })).toThrow(OptionError);
    try {
      mastodonProvider({ accessTokens: { 'mastodon.social': `${token} x` } });
    } catch (error) {
      expect(String(error)).not.toContain(token);
    }
  });

  it('defect 2: a server that refuses its own token says the token was refused', async () => {
    const server = await createFakePlatformServer();
    try {
      server.inject({ kind: 'status', status: 401 }, { platform: 'mastodon' });
      const result = await collect(registryOf('mastodon', ['x@locked.example']), {
        providers: [
          mastodonProvider({
            baseUrl: (host) => server.baseUrl('mastodon', host),
            accessTokens: { 'locked.example': token },
          }),
        ],
        http: fastHttp,
      });
      expect(result.failures[0]?.reason).toBe('unauthorized');
      expect(result.failures[0]?.message).toContain('refused the token accessTokens gives for it');
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    } finally {
      await server.close();
    }
  });
});

describe('mastodonProvider: every answer is matched to the account asked for (defects 8 and 10)', () => {
  const entity = (acct: string, extra: Record<string, unknown> = {}) => ({
    id: '109876543210',
    username: acct.split('@')[0],
    acct,
    followers_count: 999_999,
    following_count: 1,
    statuses_count: 2,
    ...extra,
  });
  const lookup = async (answers: unknown[], handle = 'indore@mastodon.social') => {
    const server = await createFakePlatformServer();
    try {
      for (const body of answers) {
        server.inject({ kind: 'status', status: 200, body }, { platform: 'mastodon' });
      }
      return await collect(
        registryOf(
          'mastodon',
          answers.map(() => handle),
        ),
        {
          providers: [mastodonProvider({ baseUrl: (host) => server.baseUrl('mastodon', host) })],
          http: fastHttp,
        },
      );
    } finally {
      await server.close();
    }
  };

  it("defect 8: a Mastodon lookup answering another account is that account's invalid-response, naming what came back", async () => {
    const result = await lookup([entity('mallory')]);
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc0', 'invalid-response'],
    ]);
    expect(result.failures[0]?.message).toContain('"mallory"');
  });

  it('defect 8: a Mastodon answer about the same user name on another server is not the account asked for', async () => {
    const result = await lookup([entity('indore@attacker.example')]);
    expect(result.snapshots).toEqual([]);
    expect(result.failures[0]?.reason).toBe('invalid-response');
    expect(result.failures[0]?.message).toContain('"indore@attacker.example"');
  });

  it("Mastodon's acct matches in any case, with no domain (local) or the asked server's", async () => {
    for (const acct of ['Indore', 'INDORE@Mastodon.Social']) {
      const result = await lookup([entity(acct, { followers_count: 1_200 })]);
      expect(result.failures).toEqual([]);
      expect(result.snapshots[0]?.followers.value).toBe(1_200);
    }
  });

  it('defect 8: a hostile name in a Mastodon answer is quoted bounded and escaped, never raw', async () => {
    const name = `mallory\u202e\u0000\n${'x'.repeat(500)}`;
    const result = await lookup([entity(name)]);
    const message = result.failures[0]?.message ?? '';
    expect(result.failures[0]?.reason).toBe('invalid-response');
    expect(message).toContain('"mallory\\u202e\\u0000\\n');
    for (const raw of ['\u202e', '\n', String.fromCharCode(0)]) expect(message).not.toContain(raw);
    expect(message).not.toContain('x'.repeat(100));
    expect(message.length).toBeLessThan(400);
  });

  it('defect 10: a Mastodon answer whose id is not an account id fails the account as invalid-response instead of storing the id', async () => {
    for (const id of ['', '1 OR 1=1', '../../admin', 'x'.repeat(65), '१२३']) {
      const result = await lookup([entity('indore', { id })]);
      expect(result.snapshots, id).toEqual([]);
      expect(result.failures[0]?.reason).toBe('invalid-response');
      expect(result.failures[0]?.message).toContain('not a Mastodon account id');
    }
    // Pleroma/Akkoma and GoToSocial ids are letters and digits: kept
    const result = await lookup([entity('indore', { id: '01HZX8Q5TG3K2M7N9P4R6S8V0W' })]);
    expect(result.snapshots[0]?.platformUserId).toBe('01HZX8Q5TG3K2M7N9P4R6S8V0W');
  });
});
