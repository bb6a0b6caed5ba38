import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { OptionError } from '../../src/errors.js';
import { isUsersResponse, UsersResponse, xProvider } from '../../src/providers/x.js';
import { createFakePlatformServer } from '../../src/testing/index.js';
import { describeProviderConformance, fastHttp, registryOf } from './conformance.js';

const token =
  'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F';

describeProviderConformance('xProvider', {
  platform: 'x',
  credentials: { x: token },
  secret: token,
  make: (server) => xProvider({ bearerToken: token, baseUrl: server.baseUrl('x') }),
  account: (i) => ({
    fake: { platform: 'x', handle: `Collector${i}`, followers: 1_000 + i },
    handle: `@collector${i}`,
  }),
  unknownHandle: 'NobodyHere',
});

describe('xProvider', () => {
  const run = async (
    options: Parameters<typeof createFakePlatformServer>[0],
    handles: string[],
  ) => {
    const server = await createFakePlatformServer(options);
    try {
      const result = await collect(registryOf('x', handles), {
        providers: [xProvider({ bearerToken: token, baseUrl: server.baseUrl('x') })],
        http: fastHttp,
      });
      return { result, server };
    } finally {
      await server.close();
    }
  };

  it('turns errors[] into per-account failures: not found and suspended', async () => {
    const { result } = await run(
      {
        accounts: [
          { platform: 'x', handle: 'IndoreCollector', followers: 77_000 },
          { platform: 'x', handle: 'Suspended1', followers: 10, state: 'suspended' },
        ],
      },
      ['IndoreCollector', 'Suspended1', 'Missing1'],
    );
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc1', 'suspended'],
      ['acc2', 'not-found'],
    ]);
    expect(result.failures[0]?.message).toContain('User has been suspended: [Suspended1]');
  });

  it('keeps the user id as a string (X ids exceed 2^53) and reads post_count as well as tweet_count', async () => {
    const id = '1441076863023028948';
    for (const postCountField of ['tweet_count', 'post_count'] as const) {
      const { result } = await run(
        {
          x: { postCountField },
          accounts: [{ platform: 'x', handle: 'Big', id, followers: 5, posts: 42, following: 7 }],
        },
        ['Big'],
      );
      expect(result.snapshots[0]).toMatchObject({ platformUserId: id, posts: 42, following: 7 });
    }
    expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('sends up to 100 usernames per request, comma-separated, with the Bearer token in a header', async () => {
    const server = await createFakePlatformServer({ credentials: { x: token } });
    try {
      await collect(
        registryOf(
          'x',
          Array.from({ length: 150 }, (_, i) => `u${i}`),
        ),
        {
          providers: [xProvider({ bearerToken: token, baseUrl: server.baseUrl('x') })],
          http: fastHttp,
        },
      );
      const [first, second] = server.requests;
      expect(first?.query.get('usernames')?.split(',')).toHaveLength(100);
      expect(second?.query.get('usernames')?.split(',')).toHaveLength(50);
      expect(first?.query.get('user.fields')).toBe('public_metrics');
      expect(first?.headers.authorization).toBe(`Bearer ${token}`);
      expect(first?.query.toString()).not.toContain(token);
    } finally {
      await server.close();
    }
  });

  it('a refused token fails its batch as unauthorized, with no retry, and the bucket sends nothing more', async () => {
    const { result, server } = await run(
      { credentials: { x: 'the-right-token' } },
      Array.from({ length: 250 }, (_, i) => `u${i}`),
    );
    expect(new Set(result.failures.map((f) => f.reason))).toEqual(new Set(['unauthorized']));
    expect(result.failures).toHaveLength(250);
    expect(server.stats().x.requests).toBe(1);
  });

  it('a usage cap is an exhausted quota: the request fails as rate-limited instead of waiting all month', async () => {
    const server = await createFakePlatformServer({
      accounts: [{ platform: 'x', handle: 'A1', followers: 1 }],
    });
    try {
      server.inject(
        {
          kind: 'status',
          status: 429,
          body: {
            title: 'UsageCapExceeded',
            detail: 'Usage cap exceeded: Monthly product cap',
            type: 'https://api.twitter.com/2/problems/usage-capped',
            period: 'Monthly',
            scope: 'Product',
          },
        },
        { platform: 'x' },
      );
      const result = await collect(registryOf('x', ['A1']), {
        providers: [xProvider({ bearerToken: token, baseUrl: server.baseUrl('x') })],
        http: { ...fastHttp, maxWaitMs: 60_000 },
      });
      expect(result.failures.map((f) => f.reason)).toEqual(['rate-limited']);
      expect(server.stats().x.requests).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('checks its options', () => {
    expect(() => xProvider({ bearerToken: '' })).toThrow(OptionError);
    expect(() => xProvider({ bearerToken: '' })).toThrow(/X_BEARER_TOKEN/);
    expect(() => xProvider({ bearerToken: 't', baseUrl: 'ftp://x' })).toThrow(/`baseUrl`/);
  });
});

describe('xProvider: every answer is matched to the account asked for (defects 8 and 10)', () => {
  const user = (username: string, followers: number, id = '1441076863023028948') => ({
    id,
    name: username,
    username,
    public_metrics: { followers_count: followers, following_count: 1, tweet_count: 2 },
  });
  const answer = async (body: unknown, handles: string[]) => {
    const server = await createFakePlatformServer();
    try {
      server.inject({ kind: 'status', status: 200, body }, { platform: 'x' });
      return await collect(registryOf('x', handles), {
        providers: [xProvider({ bearerToken: token, baseUrl: server.baseUrl('x') })],
        http: fastHttp,
      });
    } finally {
      await server.close();
    }
  };

  it("defect 8: an X answer listing one user twice with different counts is that account's invalid-response, not the last figure", async () => {
    const result = await answer(
      {
        data: [
          user('IndoreCollector', 77_000),
          user('Other', 5, '2'),
          user('indorecollector', 999_999),
        ],
      },
      ['IndoreCollector', 'Other'],
    );
    expect(result.snapshots.map((s) => [s.accountId, s.followers.value])).toEqual([['acc1', 5]]);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc0', 'invalid-response'],
    ]);
    expect(result.failures[0]?.message).toContain('more than once, with different figures');
  });

  it('the same X user twice with the same figures is one answer, matched in any case', async () => {
    const result = await answer(
      { data: [user('INDORECOLLECTOR', 77_000), user('IndoreCollector', 77_000)] },
      ['IndoreCollector'],
    );
    expect(result.failures).toEqual([]);
    expect(result.snapshots.map((s) => s.followers.value)).toEqual([77_000]);
  });

  it("defect 8: an X answer about a user not asked for, in place of the one asked, is that account's invalid-response naming what came back", async () => {
    const result = await answer({ data: [user('mallory', 999_999)] }, ['IndoreCollector']);
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain('"mallory"');
    // a user X explains in errors[] keeps its reason, stray or not
    const explained = await answer(
      {
        data: [user('mallory', 999_999)],
        errors: [{ value: 'Gone1', detail: 'Could not find user with usernames: [Gone1].' }],
      },
      ['Gone1'],
    );
    expect(explained.failures.map((f) => f.reason)).toEqual(['not-found']);
  });

  it('defect 10: an X answer whose user id is not digits fails the account as invalid-response instead of storing the id', async () => {
    for (const id of ['', 'abc', '12 34', '1'.repeat(21), '<script>']) {
      const result = await answer({ data: [user('IndoreCollector', 77_000, id)] }, [
        'IndoreCollector',
      ]);
      expect(result.snapshots, id).toEqual([]);
      expect(result.failures[0]?.reason).toBe('invalid-response');
      expect(result.failures[0]?.message).toContain('not an X user id');
    }
  });
});

describe('xProvider fast path', () => {
  it('isUsersResponse never accepts what the UsersResponse schema rejects', () => {
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: bad, weight: 1 });
    const count = often(
      fc.integer({ min: 0, max: 1e9 }),
      fc.oneof(fc.integer({ min: -5, max: -1 }), fc.double(), fc.string()),
    );
    const user = fc.record(
      {
        id: often(fc.string(), fc.integer()),
        username: often(fc.string(), fc.constant(null)),
        public_metrics: often(
          fc.record(
            {
              followers_count: count,
              following_count: count,
              tweet_count: count,
              post_count: count,
              listed_count: count,
            },
            { requiredKeys: ['followers_count'] },
          ),
          fc.anything(),
        ),
        name: fc.string(),
      },
      { requiredKeys: ['id', 'username', 'public_metrics'] },
    );
    const body = fc.oneof(
      fc.record(
        { data: often(fc.array(user, { maxLength: 5 }), fc.anything()) },
        { requiredKeys: [] },
      ),
      fc.anything(),
    );
    let accepted = 0;
    fc.assert(
      fc.property(body, (b) => {
        if (!isUsersResponse(b)) return;
        accepted++;
        expect(UsersResponse.safeParse(b).success).toBe(true);
      }),
      { numRuns: 3_000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
