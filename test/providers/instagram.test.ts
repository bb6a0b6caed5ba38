import { describe, expect, it } from 'vitest';
import { type CollectResult, collect } from '../../src/engine/collect.js';
import type { CollectOptions, CollectProgress } from '../../src/engine/collect-options.js';
import { OptionError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import { facebookProvider } from '../../src/providers/facebook.js';
import { type InstagramProviderOptions, instagramProvider } from '../../src/providers/instagram.js';
import type {
  FakeAccount,
  FakeFault,
  FakePlatformServer,
  FakeServerOptions,
} from '../../src/testing/index.js';
import { start } from '../fake-server/helpers.js';
import { assertNoLeak, describeProviderConformance, fastHttp, registryOf } from './conformance.js';

const token = 'EAAGm0PX4ZCpsBAKZBfakeUserToken9876543210fedcbaZDZD';
const IG_USER = '17841405309211844';
const ig = (i: number): FakeAccount => ({
  platform: 'instagram',
  handle: `collector_${i}`,
  id: `178414014417${String(i).padStart(5, '0')}`,
  followers: 2_000 + i,
  following: 10 + i,
  posts: 100 + i,
});

for (const requests of ['batch', 'single'] as const) {
  describeProviderConformance(`instagramProvider (requests: '${requests}')`, {
    platform: 'instagram',
    credentials: { facebook: token, instagramUserId: IG_USER },
    secret: token,
    make: (server) =>
      instagramProvider({
        accessToken: token,
        igUserId: IG_USER,
        baseUrl: server.baseUrl('instagram'),
        requests,
      }),
    account: (i) => ({ fake: ig(i), handle: `collector_${i}` }),
    unknownHandle: 'nobody_here',
  });
}

async function fake(options: FakeServerOptions = {}): Promise<FakePlatformServer> {
  return start({
    credentials: { facebook: token, instagramUserId: IG_USER },
    accounts: [
      ig(0),
      ig(1),
      { platform: 'instagram', handle: 'someone_personal', followers: 10, state: 'personal' },
      { platform: 'instagram', handle: 'quiet_one', followers: 10, state: 'hidden' },
    ],
    ...options,
  });
}

function run(
  server: FakePlatformServer,
  handles: readonly string[],
  options: Partial<InstagramProviderOptions> = {},
  collectOptions: Partial<CollectOptions> = {},
): Promise<CollectResult> {
  return collect(registryOf('instagram', handles), {
    providers: [
      instagramProvider({
        accessToken: token,
        igUserId: IG_USER,
        baseUrl: server.baseUrl('instagram'),
        ...options,
      }),
    ],
    ...collectOptions,
    http: fastHttp,
  });
}

const discovery = (name: string) =>
  `business_discovery.username(${name}){username,followers_count,follows_count,media_count}`;

describe('instagramProvider: requests and answers', () => {
  it('by default sends up to 50 business discovery reads in one Graph batch call, each through the own account', async () => {
    const server = await fake();
    const result = await run(server, ['collector_0', 'collector_1', 'nobody_here']);
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0', 'acc1']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc2', 'not-found']]);
    expect(server.log()).toEqual([
      'POST /facebook/v27.0/ batch=collector_0,collector_1,nobody_here',
    ]);
    const [request] = server.requests;
    expect(request?.platform).toBe('instagram');
    expect(request?.query.get('access_token')).toBe(token);
    expect(JSON.parse(new URLSearchParams(request?.body).get('batch') ?? '')[0]).toEqual({
      method: 'GET',
      relative_url: `${IG_USER}?fields=${encodeURIComponent(discovery('collector_0'))}`,
    });
    expect(server.stats().instagram).toMatchObject({ requests: 1, calls: 3 });
  });

  it("with requests: 'single', asks business_discovery through the own account, one user name per request, under the API version", async () => {
    const server = await fake();
    const result = await run(server, ['collector_0', 'collector_1'], {
      apiVersion: 'v25.0',
      requests: 'single',
    });
    expect(result.failures).toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual([
      `/facebook/v25.0/${IG_USER}`,
      `/facebook/v25.0/${IG_USER}`,
    ]);
    expect(server.requests.map((r) => r.query.get('fields')).sort()).toEqual([
      'business_discovery.username(collector_0){username,followers_count,follows_count,media_count}',
      'business_discovery.username(collector_1){username,followers_count,follows_count,media_count}',
    ]);
    expect(server.requests[0]?.query.get('access_token')).toBe(token);
    expect(server.requests.every((r) => r.platform === 'instagram')).toBe(true);
  });

  it('reads followers (exact), follows as following, media as posts, and the account id', async () => {
    const server = await fake();
    const result = await run(server, ['collector_1']);
    expect(result.snapshots[0]).toMatchObject({
      followers: { value: 2_001, min: 2_001, max: 2_001 },
      following: 11,
      posts: 101,
      platformUserId: '17841401441700001',
    });
  });

  it('an unknown or personal account is not-found, saying it may be personal; a hidden count is hidden (batch and single)', async () => {
    const server = await fake();
    for (const requests of ['batch', 'single'] as const) {
      const result = await run(
        server,
        ['collector_0', 'nobody_here', 'someone_personal', 'quiet_one'],
        { requests },
      );
      expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
      expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
        ['acc1', 'not-found'],
        ['acc2', 'not-found'],
        ['acc3', 'hidden'],
      ]);
      for (const failure of result.failures.slice(0, 2)) {
        expect(failure.message).toMatch(/personal \(not Business or Creator\)/);
        expect(failure.message).toContain('code 110 subcode 2207013');
      }
    }
  });

  it('a wrong igUserId fails the batch as unauthorized, saying to check it (batch and single)', async () => {
    const server = await fake();
    for (const handles of [['collector_0'], ['collector_0', 'collector_1']]) {
      const result = await run(server, handles, { igUserId: '1784000000000' });
      expect(new Set(result.failures.map((f) => f.reason))).toEqual(new Set(['unauthorized']));
      expect(result.failures).toHaveLength(handles.length);
      expect(result.failures[0]?.message).toContain('igUserId');
    }
  });

  it('a batch part throttled (80002) is asked again alone; a null part too; code 190 in a part refuses the token', async () => {
    const server = await fake();
    const regain = { type: 'instagram', call_count: 100, estimated_time_to_regain_access: 0.001 };
    const throttled = {
      code: 400,
      // 60 ms: a pause short enough for a test
      headers: [
        { name: 'X-Business-Use-Case-Usage', value: JSON.stringify({ [IG_USER]: [regain] }) },
      ],
      body: JSON.stringify(graphBody(80002, '(#80002) There have been too many calls')),
    };
    const found = (i: number) => ({
      code: 200,
      headers: [],
      body: JSON.stringify({
        business_discovery: {
          username: `collector_${i}`,
          followers_count: 2_000 + i,
          id: ig(i).id,
        },
        id: IG_USER,
      }),
    });
    server.inject(
      { kind: 'status', status: 200, body: [found(0), throttled] },
      { platform: 'instagram' },
    );
    const result = await run(server, ['collector_0', 'collector_1'], {}, {});
    expect(result.failures).toEqual([]);
    expect(server.log()).toEqual([
      'POST /facebook/v27.0/ batch=collector_0,collector_1',
      'POST /facebook/v27.0/ batch=collector_1',
    ]);
    expect(result.stats.throttled).toBe(1);

    server.reset();
    server.inject({ kind: 'null-parts', parts: [0] }, { platform: 'instagram' });
    const nulls = await run(server, ['collector_0', 'collector_1']);
    expect(nulls.failures).toEqual([]);
    expect(server.log()).toEqual([
      'POST /facebook/v27.0/ batch=collector_0,collector_1',
      'POST /facebook/v27.0/ batch=collector_0',
    ]);

    const refused = { ...throttled, body: JSON.stringify(graphBody(190, 'Session expired')) };
    server.inject(
      { kind: 'status', status: 200, body: [found(0), refused] },
      { platform: 'instagram' },
    );
    const token190 = await run(server, ['collector_0', 'collector_1']);
    expect(token190.failures.map((f) => f.reason)).toEqual(['unauthorized', 'unauthorized']);
  });

  it('batch calls refused (code 12): falls back to one read per account, once, with one notice', async () => {
    const server = await fake({
      accounts: Array.from({ length: 60 }, (_, i) => ig(i)),
      facebook: { refuse: ['batch'] },
    });
    const events: CollectProgress[] = [];
    const names = Array.from({ length: 60 }, (_, i) => `collector_${i}`);
    const result = await run(server, names, {}, { onProgress: (e) => events.push(e) });
    expect(result.snapshots).toHaveLength(60);
    const notices = events.filter((e) => e.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ platform: 'instagram', code: 'fallback' });
    // the refused batch calls were those in flight when the first refusal came back
    expect(server.requests.filter((r) => r.method === 'POST').length).toBeLessThanOrEqual(2);
  });
});

describe('instagramProvider: every answer is matched to the account asked for (defects 8 and 10)', () => {
  const answer = async (discovered: Record<string, unknown>, handle = 'collector_0') => {
    const server = await fake();
    try {
      server.inject(
        { kind: 'status', status: 200, body: { business_discovery: discovered, id: IG_USER } },
        { platform: 'instagram' },
      );
      return await run(server, [handle]);
    } finally {
      await server.close();
    }
  };
  const mallory = { username: 'mallory', followers_count: 999_999, id: '17841400000000009' };

  it("defect 8: an Instagram business discovery answer about another user name is that account's invalid-response, naming it", async () => {
    const result = await answer(mallory);
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain('"mallory"');
    // an answer that names nobody is not taken as the account asked for either
    const nameless = await answer({ followers_count: 999_999, id: '17841400000000009' });
    expect(nameless.snapshots).toEqual([]);
    expect(nameless.failures[0]?.message).toContain('an account it does not name');
  });

  it('an Instagram answer naming the user asked for in another case is that user', async () => {
    const result = await answer({ ...mallory, username: 'Collector_0' });
    expect(result.failures).toEqual([]);
    expect(result.snapshots[0]?.followers.value).toBe(999_999);
  });

  it('defect 10: an Instagram answer whose id is not digits fails the account as invalid-response instead of storing it', async () => {
    for (const id of ['', 'abc', '1'.repeat(31), '17841400000000009; drop']) {
      const result = await answer({ ...mallory, username: 'collector_0', id });
      expect(result.snapshots, id).toEqual([]);
      expect(result.failures[0]?.reason).toBe('invalid-response');
      expect(result.failures[0]?.message).toContain('not an Instagram user id');
    }
  });
});

describe('instagramProvider: limits and a refused token', () => {
  it('code 80002 with 400 or 403 pauses the bucket and sends again', async () => {
    for (const throttleStatus of [400, 403] as const) {
      const server = await fake({ facebook: { throttleStatus } });
      server.inject({ kind: 'rate-limit', retryAfter: '0' }, { platform: 'instagram' });
      const result = await run(server, ['collector_0']);
      expect(result.failures).toEqual([]);
      expect(result.stats).toMatchObject({ throttled: 1, rescheduled: 1, retries: 0 });
      expect(server.requests.map((r) => r.status)).toEqual([throttleStatus, 200]);
    }
  });

  it('code 190 stops the Instagram bucket only: Facebook Pages with a good token go on', async () => {
    const server = await fake({
      accounts: [ig(0), ig(1), ig(2), { platform: 'facebook', handle: 'CommIndore', followers: 5 }],
    });
    const instagram = registryOf('instagram', ['collector_0', 'collector_1', 'collector_2']);
    const registry = defineRegistry({
      units: instagram.units,
      accounts: [
        ...instagram.accounts,
        { id: 'fb0', unit: 'unit', platform: 'facebook', handle: 'CommIndore' },
      ],
    });
    const result = await collect(registry, {
      providers: [
        instagramProvider({
          accessToken: 'an-expired-token-000',
          igUserId: IG_USER,
          baseUrl: server.baseUrl('instagram'),
        }),
        facebookProvider({ accessToken: token, baseUrl: server.baseUrl('facebook') }),
      ],
      http: fastHttp,
    });
    expect(result.failures.map((f) => f.reason)).toEqual([
      'unauthorized',
      'unauthorized',
      'unauthorized',
    ]);
    expect(result.failures[0]?.message).toContain('code 190');
    expect(server.stats().instagram.requests).toBe(1);
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['fb0']);
  });

  it('usage mode counts a batch as its parts: 150 accounts at 60 per rolling second, no throttle', async () => {
    const server = await fake({
      accounts: Array.from({ length: 150 }, (_, i) => ig(i)),
      limits: { instagram: { limit: 60, windowMs: 1_000, rolling: true } },
    });
    const names = Array.from({ length: 150 }, (_, i) => `collector_${i}`);
    const result = await run(server, names, { usageWindowMs: 1_000 }, { concurrency: 1 });
    expect(result.failures).toEqual([]);
    // 50, 50, 50: each batch waits for the one before to leave the window
    expect(server.stats().instagram).toMatchObject({ requests: 3, calls: 150, throttled: 0 });
    expect(server.stats().instagram.peakInWindow).toBeLessThanOrEqual(60);
  });

  it("usage mode keeps Instagram under a rolling limit: 30 accounts at 12 per second, no throttle (requests: 'single')", async () => {
    const server = await fake({
      accounts: Array.from({ length: 30 }, (_, i) => ig(i)),
      limits: { instagram: { limit: 12, windowMs: 1_000, rolling: true } },
    });
    const result = await collect(
      registryOf(
        'instagram',
        Array.from({ length: 30 }, (_, i) => `collector_${i}`),
      ),
      {
        providers: [
          instagramProvider({
            accessToken: token,
            igUserId: IG_USER,
            baseUrl: server.baseUrl('instagram'),
            usageWindowMs: 1_000,
            requests: 'single',
          }),
        ],
        concurrency: 1,
        http: fastHttp,
      },
    );
    expect(result.failures).toEqual([]);
    expect(server.stats().instagram).toMatchObject({ requests: 30, throttled: 0 });
  });
});

describe('instagramProvider: the access token never leaks', () => {
  it('for random tokens and faults', async () => {
    const server = await fake({ credentials: { instagramUserId: IG_USER } });
    const faults = [
      { kind: 'status', status: 400, body: graphBody(190, 'Invalid OAuth access token ECHO') },
      { kind: 'status', status: 400, body: graphBody(110, 'Invalid user id ECHO') },
      { kind: 'status', status: 400, body: graphBody(100, 'Unsupported get request ECHO') },
      // the token in every field of a Graph error, fbtrace_id and type included (defect 4)
      {
        kind: 'status',
        status: 400,
        body: { error: { message: 'ECHO', type: 'ECHO', code: 110, fbtrace_id: 'ECHO' } },
      },
      { kind: 'redirect', status: 302, location: '/moved/ECHO' },
      { kind: 'redirect', status: 302, location: 'http://ECHO.example/' },
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'invalid-json' },
      { kind: 'rate-limit', retryAfter: '99999' },
    ] satisfies FakeFault[];
    for (const handles of [['collector_0'], ['collector_0', 'collector_1']]) {
      await assertNoLeak({
        server,
        platform: 'instagram',
        handles,
        faults,
        make: (secret) =>
          instagramProvider({
            accessToken: secret,
            igUserId: IG_USER,
            baseUrl: server.baseUrl('instagram'),
          }),
        numRuns: 20,
      });
    }
  });
});

describe('instagramProvider: options', () => {
  it('checks them, naming the option', () => {
    expect(() => instagramProvider({ accessToken: '', igUserId: IG_USER })).toThrow(
      /INSTAGRAM_ACCESS_TOKEN/,
    );
    for (const igUserId of [undefined, '', 'indore_collector', 17841405309211844]) {
      expect(() => instagramProvider({ accessToken: 't', igUserId: igUserId as never })).toThrow(
        /`igUserId`/,
      );
    }
    expect(() =>
      instagramProvider({ accessToken: 't', igUserId: IG_USER, apiVersion: 'v26' }),
    ).toThrow(OptionError);
    expect(() =>
      instagramProvider({ accessToken: 't', igUserId: IG_USER, usageWindowMs: -1 }),
    ).toThrow(/`usageWindowMs`/);
    expect(() =>
      instagramProvider({ accessToken: 't', igUserId: IG_USER, requests: 'ids' as never }),
    ).toThrow(/`requests`/);
  });

  it('declares 50 accounts per batch (1 with single requests), usage mode over an hour, and its own bucket per token', () => {
    expect(
      instagramProvider({ accessToken: token, igUserId: IG_USER, requests: 'single' }).maxBatchSize,
    ).toBe(1);
    const provider = instagramProvider({ accessToken: token, igUserId: IG_USER });
    expect(provider).toMatchObject({
      platform: 'instagram',
      maxBatchSize: 50,
      rateLimit: { usageWindowMs: 3_600_000 },
    });
    const account = registryOf('instagram', ['collector_0']).accounts[0]!;
    expect(provider.bucketOf?.(account)).toMatch(/^instagram:[0-9a-f]{12}$/);
  });
});

function graphBody(code: number, message: string) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AFake0001' } };
}
