import { describe, expect, it } from 'vitest';
import { type CollectResult, collect } from '../../src/engine/collect.js';
import type { CollectOptions, CollectProgress } from '../../src/engine/collect-options.js';
import { OptionError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import { type FacebookProviderOptions, facebookProvider } from '../../src/providers/facebook.js';
import { metaLimits } from '../../src/providers/meta.js';
import {
  type FakeAccount,
  type FakeFault,
  type FakePlatformServer,
  type FakeRequest,
  type FakeServerOptions,
  mockProvider,
} from '../../src/testing/index.js';
import { start } from '../fake-server/helpers.js';
import { assertNoLeak, describeProviderConformance, fastHttp, registryOf } from './conformance.js';

const token = 'EAAGm0PX4ZCpsBAKZBfakePageToken0123456789abcdefZDZD';
const page = (i: number): FakeAccount => ({
  platform: 'facebook',
  handle: `CollectorPage${i}`,
  id: `1000000000${String(i).padStart(5, '0')}`,
  followers: 1_000 + i,
  likes: 900 + i,
});

const MODES = ['batch', 'ids', 'single'] as const;

for (const requests of MODES) {
  describeProviderConformance(`facebookProvider (requests: '${requests}')`, {
    platform: 'facebook',
    credentials: { facebook: token },
    secret: token,
    make: (server) =>
      facebookProvider({ accessToken: token, baseUrl: server.baseUrl('facebook'), requests }),
    account: (i) => ({ fake: page(i), handle: `CollectorPage${i}` }),
    unknownHandle: 'NobodyPage',
  });
}

async function fake(options: FakeServerOptions = {}): Promise<FakePlatformServer> {
  return start({
    credentials: { facebook: token },
    accounts: Array.from({ length: 60 }, (_, i) => page(i)),
    ...options,
  });
}

const handles = (n: number) => Array.from({ length: n }, (_, i) => `CollectorPage${i}`);

const runWith = run;

function run(
  server: FakePlatformServer,
  list: readonly string[],
  options: Partial<FacebookProviderOptions> = {},
  collectOptions: Partial<CollectOptions> = {},
): Promise<CollectResult> {
  return collect(registryOf('facebook', list), {
    providers: [
      facebookProvider({ accessToken: token, baseUrl: server.baseUrl('facebook'), ...options }),
    ],
    ...collectOptions,
    http: { ...fastHttp, ...collectOptions.http },
  });
}

/** The sub-requests of a batch POST the fake server received. */
function subRequests(request: FakeRequest): { method: string; relative_url: string }[] {
  return JSON.parse(new URLSearchParams(request.body).get('batch') ?? '[]');
}

describe('facebookProvider: requests and answers', () => {
  it('by default asks for up to 50 Pages per Graph batch call (POST /v27.0/), the token in the query, the sub-requests in the form', async () => {
    const server = await fake();
    const result = await run(server, handles(60));
    expect(result.failures).toEqual([]);
    expect(server.log()).toEqual([
      `POST /facebook/v27.0/ batch=${handles(50).join(',')}`,
      `POST /facebook/v27.0/ batch=${handles(60).slice(50).join(',')}`,
    ]);
    const first = server.requests[0]!;
    expect(first.query.get('access_token')).toBe(token);
    expect(first.body).not.toContain(token);
    const form = new URLSearchParams(first.body);
    expect(form.get('include_headers')).toBe('true');
    expect(subRequests(first)[0]).toEqual({
      method: 'GET',
      relative_url: 'CollectorPage0?fields=username,followers_count,fan_count',
    });
    // 60 Graph calls in 2 HTTP requests
    expect(server.stats().facebook).toMatchObject({ requests: 2, calls: 60 });
    expect(result.stats.requests).toBe(2);
  });

  it("with requests: 'ids', asks for up to 50 Pages per request with ?ids=, the fields and the token, under the API version", async () => {
    const server = await fake();
    const result = await run(server, handles(60), { apiVersion: 'v25.0', requests: 'ids' });
    expect(result.failures).toEqual([]);
    expect(server.log()).toEqual([
      `GET /facebook/v25.0/?ids=${handles(50).join(',')}`,
      `GET /facebook/v25.0/?ids=${handles(60).slice(50).join(',')}`,
    ]);
    const first = server.requests[0]!;
    expect(first.query.get('fields')).toBe('username,followers_count,fan_count');
    expect(first.query.get('access_token')).toBe(token);
  });

  it("with requests: 'single', asks for one Page per request by path (v27.0 by default)", async () => {
    const server = await fake();
    const result = await run(server, handles(3), { requests: 'single' });
    expect(result.failures).toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual(
      handles(3).map((h) => `/facebook/v27.0/${h}`),
    );
  });

  it('reads a lone Page with a single GET, whatever the mode', async () => {
    const server = await fake();
    for (const requests of MODES) {
      server.reset();
      const result = await run(server, ['CollectorPage3'], { requests });
      expect(result.snapshots.map((s) => s.followers.value)).toEqual([1_003]);
      expect(server.log()).toEqual(['GET /facebook/v27.0/CollectorPage3']);
    }
  });

  it('still takes the deprecated multiId for this release: true is ids, false is single', async () => {
    const server = await fake();
    await run(server, handles(2), { multiId: true });
    await run(server, handles(2), { multiId: false });
    expect(server.log()).toEqual([
      'GET /facebook/v27.0/?ids=CollectorPage0,CollectorPage1',
      'GET /facebook/v27.0/CollectorPage0',
      'GET /facebook/v27.0/CollectorPage1',
    ]);
  });

  it('keeps fan_count as extra.fans and the Page id as platformUserId; the count is exact', async () => {
    const server = await fake();
    const result = await run(server, ['CollectorPage7', 'CollectorPage8']);
    expect(result.snapshots[0]).toMatchObject({
      followers: { value: 1_007, min: 1_007, max: 1_007 },
      extra: { fans: 907 },
      platformUserId: '100000000000007',
    });
    expect(result.snapshots).toHaveLength(2);
  });

  it('finds a Page asked for by its numeric id', async () => {
    const server = await fake();
    const result = await run(server, ['100000000000003', 'CollectorPage4']);
    expect(result.failures).toEqual([]);
    expect(result.snapshots.map((s) => s.followers.value)).toEqual([1_003, 1_004]);
  });

  it('a Page without followers_count is hidden, not zero', async () => {
    const server = await fake({
      accounts: [page(0), { ...page(1), handle: 'QuietPage1', state: 'hidden' }],
    });
    for (const requests of MODES) {
      const result = await run(server, ['CollectorPage0', 'QuietPage1'], { requests });
      expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
      expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc1', 'hidden']]);
    }
  });
});

describe('facebookProvider: every answer is matched to the Page asked for (defects 8 and 10)', () => {
  const mallory = { id: '100000000009999', username: 'MalloryPage', followers_count: 999_999 };
  const answer = async (
    body: unknown,
    list: string[],
    requests: FacebookProviderOptions['requests'] = 'ids',
  ) => {
    const server = await fake();
    try {
      server.inject({ kind: 'status', status: 200, body }, { platform: 'facebook' });
      return await run(server, list, { requests });
    } finally {
      await server.close();
    }
  };

  it("defect 8: a Facebook ?ids= answer holding another Page under the alias asked is that account's invalid-response, naming it", async () => {
    const result = await answer(
      {
        CollectorPage0: mallory,
        CollectorPage1: { id: '100000000000001', username: 'CollectorPage1', followers_count: 5 },
      },
      ['CollectorPage0', 'CollectorPage1'],
    );
    expect(result.snapshots.map((s) => [s.accountId, s.followers.value])).toEqual([['acc1', 5]]);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc0', 'invalid-response'],
    ]);
    expect(result.failures[0]?.message).toContain('"MalloryPage"');
  });

  it("defect 8: a Facebook Page asked by numeric id and answered with another id is that account's invalid-response", async () => {
    const result = await answer({ '100000000000003': mallory }, [
      '100000000000003',
      'CollectorPage4',
    ]);
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response', 'invalid-response']);
  });

  it('defect 8: a Facebook ?ids= answer holding one Page twice (keys in two cases) with different figures keeps neither', async () => {
    const result = await answer(
      {
        CollectorPage0: { id: '100000000000000', username: 'CollectorPage0', followers_count: 1 },
        collectorpage0: { id: '100000000000000', username: 'CollectorPage0', followers_count: 2 },
      },
      ['CollectorPage0', 'CollectorPage1'],
    );
    expect(result.snapshots).toEqual([]);
    expect(result.failures[0]?.message).toContain('more than once, with different figures');
  });

  it("defect 8: a single-Page answer about another Page is that account's invalid-response", async () => {
    const result = await answer(mallory, ['CollectorPage0'], 'single');
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain('"MalloryPage"');
  });

  it('defect 10: a Facebook Page id that is not digits fails the account as invalid-response instead of being stored', async () => {
    for (const id of ['', 'abc', '1'.repeat(26), '100000000000000 ']) {
      const result = await answer(
        { ...mallory, id, username: 'CollectorPage0' },
        ['CollectorPage0'],
        'single',
      );
      expect(result.snapshots, id).toEqual([]);
      expect(result.failures[0]?.reason).toBe('invalid-response');
      expect(result.failures[0]?.message).toContain('not a Facebook Page id');
    }
  });
});

describe("facebookProvider (requests: 'ids'): one unknown Page among 50 (code 803)", () => {
  const run = (
    server: FakePlatformServer,
    list: readonly string[],
    options: Partial<FacebookProviderOptions> = {},
  ) => runWith(server, list, { requests: 'ids', ...options });

  it('asks again for the others in one request: 49 snapshots and 1 not-found', async () => {
    const server = await fake();
    const list = handles(50).map((h, i) => (i === 17 ? 'NoSuchPage17' : h));
    const result = await run(server, list);
    expect(result.snapshots).toHaveLength(49);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc17', 'not-found']]);
    expect(result.failures[0]?.message).toContain('code 803');
    expect(server.requests.map((r) => r.status)).toEqual([400, 200]);
    expect(server.requests[1]?.query.get('ids')?.split(',')).toHaveLength(49);
  });

  it('falls back to one request per Page when Graph does not name the unknown ones', async () => {
    const server = await fake();
    server.inject(
      {
        kind: 'status',
        status: 400,
        body: {
          error: { message: '(#803) Some of the aliases you requested do not exist', code: 803 },
        },
      },
      { platform: 'facebook' },
    );
    const list = handles(50).map((h, i) => (i === 3 ? 'NoSuchPage3' : h));
    const result = await run(server, list);
    expect(result.snapshots).toHaveLength(49);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc3', 'not-found']]);
    expect(server.stats().facebook.requests).toBe(51);
    // the single lookup's answer (code 100, subcode 33) says why
    expect(result.failures[0]?.message).toContain('subcode 33');
  });

  it('in the one-by-one fallback, a Page whose lookup fails fails alone: the others are kept', async () => {
    const server = await fake();
    server.inject(
      {
        kind: 'status',
        status: 400,
        body: { error: { message: '(#100) Invalid ids', code: 100 } },
      },
      { platform: 'facebook' },
    );
    // a user id is not a Page: code 100 without subcode 33 ("nonexisting field … on node type User")
    server.inject(
      {
        kind: 'status',
        status: 400,
        body: {
          error: {
            message:
              '(#100) Tried accessing nonexisting field (followers_count) on node type (User)',
            code: 100,
          },
        },
      },
      { platform: 'facebook', match: (r) => r.path.endsWith('/CollectorPage2') },
    );
    // and one Page's lookup meets a server error past every retry
    server.inject(
      { kind: 'status', status: 500 },
      { platform: 'facebook', times: Infinity, match: (r) => r.path.endsWith('/CollectorPage4') },
    );
    const result = await run(server, handles(6));
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0', 'acc1', 'acc3', 'acc5']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc2', 'not-found'],
      ['acc4', 'network'],
    ]);
  });

  it('a token that may read no Page (code 10): three requests for a batch of 50, not 51, all unauthorized', async () => {
    const server = await fake();
    server.inject(
      {
        kind: 'status',
        status: 403,
        body: graphBody(10, '(#10) Requires Page Public Content Access'),
      },
      { platform: 'facebook', times: Infinity },
    );
    const result = await run(server, handles(50));
    expect(server.stats().facebook.requests).toBe(3);
    expect(new Set(result.failures.map((f) => f.reason))).toEqual(new Set(['unauthorized']));
    expect(result.failures).toHaveLength(50);
    expect(result.failures[49]?.message).toContain('Page Public Content Access');
  });

  it('one Page the token may not read (code 10) fails alone: the others are asked one by one', async () => {
    const server = await fake();
    const refusal = {
      kind: 'status',
      status: 403,
      body: graphBody(10, '(#10) Not allowed'),
    } as const;
    server.inject(refusal, { platform: 'facebook' }); // the ?ids= request
    server.inject(refusal, {
      platform: 'facebook',
      match: (r) => r.path.endsWith('/CollectorPage0'),
    });
    const result = await run(server, handles(5));
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc1', 'acc2', 'acc3', 'acc4']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc0', 'unauthorized']]);
    expect(server.stats().facebook.requests).toBe(6);
  });

  it('every Page unknown: all not-found, with no third request', async () => {
    const server = await fake();
    const result = await run(server, ['NoSuchPage1', 'NoSuchPage2']);
    expect(result.failures.map((f) => f.reason)).toEqual(['not-found', 'not-found']);
    expect(server.stats().facebook.requests).toBe(1);
  });
});

describe('facebookProvider: a refused token (code 190)', () => {
  it.each([400, 401] as const)(
    'with HTTP %i fails its batch as unauthorized, sends nothing more, and other platforms go on',
    async (authErrorStatus) => {
      const server = await fake({
        credentials: { facebook: 'the-real-token-000000' },
        facebook: { authErrorStatus },
      });
      const facebook = registryOf('facebook', handles(120));
      const registry = defineRegistry({
        units: facebook.units,
        accounts: [
          ...facebook.accounts,
          { id: 'x0', unit: 'unit', platform: 'x', handle: 'IndoreCollector' },
        ],
      });
      const x = mockProvider({ platform: 'x', values: { IndoreCollector: 77_000 } });
      const result = await collect(registry, {
        providers: [
          facebookProvider({ accessToken: token, baseUrl: server.baseUrl('facebook') }),
          x,
        ],
        http: fastHttp,
      });
      expect(result.failures).toHaveLength(120);
      expect(new Set(result.failures.map((f) => f.reason))).toEqual(new Set(['unauthorized']));
      expect(result.failures[0]?.message).toContain('code 190');
      expect(server.stats().facebook.requests).toBe(1);
      expect(result.stats.retries).toBe(0);
      expect(result.snapshots.map((s) => s.accountId)).toEqual(['x0']);
    },
  );
});

describe('facebookProvider: throttles', () => {
  const cases = [4, 17, 32, 613, 80001].flatMap((code) =>
    ([400, 403] as const).map((status) => [code, status] as const),
  );
  it.each(cases)('code %i with HTTP %i pauses the bucket and sends again', async (code, status) => {
    const server = await fake({
      facebook: { throttleCode: code as 4 | 17 | 32 | 613 | 80001, throttleStatus: status },
    });
    server.inject({ kind: 'rate-limit', retryAfter: '0' }, { platform: 'facebook' });
    const result = await run(server, handles(2));
    expect(result.failures).toEqual([]);
    expect(result.stats).toMatchObject({ throttled: 1, rescheduled: 1, retries: 0 });
    expect(server.requests.map((r) => r.status)).toEqual([status, 200]);
  });

  it('waits for estimated_time_to_regain_access before sending again', async () => {
    const server = await fake();
    // a regain time the fake server cannot scale (it speaks whole minutes), given by hand: 1.2 s
    const usage = { type: 'pages', call_count: 100, estimated_time_to_regain_access: 0.02 };
    server.inject(
      {
        kind: 'rate-limit',
        headers: { 'X-Business-Use-Case-Usage': JSON.stringify({ '100000000000000': [usage] }) },
      },
      { platform: 'facebook' },
    );
    const started = performance.now();
    const result = await run(server, handles(2));
    expect(result.failures).toEqual([]);
    expect(result.stats.throttledMs).toBeGreaterThanOrEqual(1_150);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_150);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_150);
  });

  it("reads the fake server's regain minutes as a pause of that many minutes", async () => {
    const server = await fake({
      limits: { facebook: { limit: 0, windowMs: 3_600_000 } },
      facebook: { regainMinutes: 19, throttleStatus: 403, throttleCode: 32 },
    });
    const response = await fetch(
      `${server.baseUrl('facebook')}/v26.0/CollectorPage0?fields=followers_count&access_token=${token}`,
    );
    const observation = metaLimits(
      { status: response.status, headers: response.headers, body: await response.json() },
      Date.now(),
    );
    expect(observation).toMatchObject({ kind: 'throttled', retryAfterMs: 19 * 60_000 });
  });

  it('usage climbing towards 100 % slows the bucket: 60 one-Page requests against 20 per rolling second, no throttle', async () => {
    const server = await fake({
      limits: { facebook: { limit: 20, windowMs: 1_000, rolling: true } },
    });
    // Four at a time: the engine learns only from what the server surely counted, and holds each
    // request until a window after its answer, so requests in flight cannot overrun the window.
    const result = await run(
      server,
      handles(60),
      { requests: 'single', usageWindowMs: 1_000 },
      { concurrency: 4 },
    );
    expect(result.failures).toEqual([]);
    expect(result.snapshots).toHaveLength(60);
    expect(server.stats().facebook).toMatchObject({ requests: 60, throttled: 0 });
    expect(server.stats().facebook.peakInWindow).toBeLessThanOrEqual(20);
    expect(result.stats.throttled).toBe(0);
  });

  it('without usage mode the same run is throttled (the test above is not vacuous)', async () => {
    const server = await fake({
      limits: { facebook: { limit: 20, windowMs: 1_000, rolling: true } },
      facebook: { regainMinutes: 0.001 }, // 60 ms: the pause is not what this test is about
    });
    const provider = facebookProvider({
      accessToken: token,
      baseUrl: server.baseUrl('facebook'),
      requests: 'single',
    });
    const { rateLimit: _off, ...unpaced } = provider;
    const result = await collect(registryOf('facebook', handles(60)), {
      providers: [unpaced],
      concurrency: 1,
      http: fastHttp,
    });
    expect(server.stats().facebook.throttled).toBeGreaterThan(0);
    expect(result.snapshots.length + result.failures.length).toBe(60);
  });
});

/** A part of a Graph batch answer, as Graph sends it: the body is JSON text. */
function part(code: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    code,
    headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
    body: JSON.stringify(body),
  };
}
const pagePart = (i: number) =>
  part(200, {
    id: page(i).id,
    username: page(i).handle,
    followers_count: page(i).followers,
    fan_count: page(i).likes,
  });
/** A throttled part (code 80001) whose usage header asks for a 60 ms wait. */
const throttledPart = () =>
  part(400, graphBody(80001, '(#80001) There have been too many calls to this Page account'), {
    'X-Business-Use-Case-Usage': JSON.stringify({
      '100000000000000': [
        { type: 'pages', call_count: 100, estimated_time_to_regain_access: 0.001 },
      ],
    }),
  });
const batchAnswer = (...parts: unknown[]): FakeFault => ({
  kind: 'status',
  status: 200,
  body: parts,
});
const isBatch = (r: FakeRequest) => r.method === 'POST';

describe('facebookProvider (requests: batch): each part read on its own', () => {
  it('an unknown Page in a batch of 50 is its own not-found (code 100/33, or 803 in a part): one HTTP request', async () => {
    const server = await fake();
    const list = handles(50).map((h, i) => (i === 17 ? 'NoSuchPage17' : h));
    const result = await run(server, list);
    expect(result.snapshots).toHaveLength(49);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc17', 'not-found']]);
    expect(result.failures[0]?.message).toContain('subcode 33');
    expect(server.stats().facebook).toMatchObject({ requests: 1, calls: 50 });

    server.inject(
      batchAnswer(
        pagePart(0),
        part(
          400,
          graphBody(803, '(#803) Some of the aliases you requested do not exist: NopePage'),
        ),
      ),
      { platform: 'facebook' },
    );
    const injected = await run(server, ['CollectorPage0', 'NopePage']);
    expect(injected.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
    expect(injected.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc1', 'not-found']]);
    expect(injected.failures[0]?.message).toContain('code 803');
  });

  it('a permission code in a part (10) is that Page’s unauthorized; a hidden count is hidden; the others are kept', async () => {
    const server = await fake();
    server.inject(
      batchAnswer(
        pagePart(0),
        part(403, graphBody(10, '(#10) Requires Page Public Content Access')),
        part(200, { id: page(2).id, username: page(2).handle, fan_count: 5 }),
      ),
      { platform: 'facebook' },
    );
    const result = await run(server, handles(3));
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc1', 'unauthorized'],
      ['acc2', 'hidden'],
    ]);
    expect(server.stats().facebook.requests).toBe(1);
  });

  it('code 190 in any part refuses the token: the batch fails as unauthorized and the bucket sends nothing more', async () => {
    const server = await fake();
    const parts = handles(50).map((_, i) =>
      i === 31 ? part(400, graphBody(190, 'Error validating access token')) : pagePart(i),
    );
    server.inject(batchAnswer(...parts), { platform: 'facebook' });
    const result = await run(server, handles(60), {}, { concurrency: 1 });
    expect(result.snapshots).toEqual([]);
    expect(new Set(result.failures.map((f) => f.reason))).toEqual(new Set(['unauthorized']));
    expect(result.failures).toHaveLength(60);
    expect(result.failures[0]?.message).toContain('code 190');
    expect(server.stats().facebook.requests).toBe(1);
  });

  it('some parts throttled: the answered parts are kept, the throttled ones asked again after the pause, each counted as a throttle', async () => {
    const server = await fake();
    server.inject(batchAnswer(pagePart(0), throttledPart(), pagePart(2)), {
      platform: 'facebook',
    });
    const result = await run(server, handles(3));
    expect(result.failures).toEqual([]);
    expect(result.snapshots.map((s) => s.followers.value)).toEqual([1_000, 1_001, 1_002]);
    expect(server.log()).toEqual([
      `POST /facebook/v27.0/ batch=${handles(3).join(',')}`,
      'POST /facebook/v27.0/ batch=CollectorPage1',
    ]);
    expect(result.stats).toMatchObject({ requests: 2, throttled: 1, rescheduled: 0 });
  });

  it('every part throttled: the whole call is sent again once the bucket reopens', async () => {
    const server = await fake();
    server.inject(batchAnswer(throttledPart(), throttledPart(), throttledPart()), {
      platform: 'facebook',
    });
    const result = await run(server, handles(3));
    expect(result.failures).toEqual([]);
    expect(server.log()).toEqual([
      `POST /facebook/v27.0/ batch=${handles(3).join(',')}`,
      `POST /facebook/v27.0/ batch=${handles(3).join(',')}`,
    ]);
    expect(result.stats).toMatchObject({ requests: 2, throttled: 3, rescheduled: 1 });
  });

  it('a part throttled in every round fails as rate-limited after three more rounds; the others are kept', async () => {
    const server = await fake();
    const thr = throttledPart;
    for (const parts of [
      [pagePart(0), thr(), thr(), thr(), thr()],
      [pagePart(1), thr(), thr(), thr()],
      [pagePart(2), thr(), thr()],
      [pagePart(3), thr()],
    ]) {
      server.inject(batchAnswer(...parts), { platform: 'facebook' });
    }
    const result = await run(server, handles(5));
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0', 'acc1', 'acc2', 'acc3']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc4', 'rate-limited']]);
    expect(result.failures[0]?.message).toContain('4 times');
    expect(server.stats().facebook.requests).toBe(4);
    expect(result.stats.throttled).toBe(4 + 3 + 2 + 1);
  });

  it('a later round throttled whole past the engine’s patience fails only the parts asked again', async () => {
    const server = await fake();
    server.inject(batchAnswer(pagePart(0), throttledPart()), { platform: 'facebook' });
    server.inject(batchAnswer(throttledPart()), { platform: 'facebook', times: Infinity });
    const result = await run(server, handles(2), {}, { http: { maxThrottleRetries: 1 } });
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc1', 'rate-limited']]);
    expect(server.stats().facebook.requests).toBe(3);
  });

  it('null parts (sub-requests that timed out) are asked again; one null every round fails as network', async () => {
    const server = await fake();
    server.inject({ kind: 'null-parts', parts: [1] }, { platform: 'facebook' });
    const result = await run(server, handles(3));
    expect(result.failures).toEqual([]);
    expect(server.log()).toEqual([
      `POST /facebook/v27.0/ batch=${handles(3).join(',')}`,
      'POST /facebook/v27.0/ batch=CollectorPage1',
    ]);

    server.reset();
    server.inject({ kind: 'null-parts', parts: [0] }, { platform: 'facebook', times: 4 });
    const again = await run(server, handles(3));
    expect(again.snapshots.map((s) => s.accountId)).toEqual(['acc1', 'acc2']);
    expect(again.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc0', 'network']]);
    expect(again.failures[0]?.message).toContain('null');
    expect(server.stats().facebook.requests).toBe(4);
  });

  it('a part whose body is not JSON is that Page’s invalid-response', async () => {
    const server = await fake();
    server.inject(batchAnswer(pagePart(0), { code: 200, headers: [], body: '{"id": "1", oops' }), {
      platform: 'facebook',
    });
    const result = await run(server, handles(2));
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc1', 'invalid-response'],
    ]);
  });

  it('an answer that is not a batch answer (wrong length, wrong shape) fails the batch as invalid-response', async () => {
    const server = await fake();
    for (const body of [[pagePart(0)], { data: [] }, [{ code: 'two' }, null]]) {
      server.inject({ kind: 'status', status: 200, body }, { platform: 'facebook' });
      const result = await run(server, handles(2));
      expect(result.failures.map((f) => f.reason)).toEqual([
        'invalid-response',
        'invalid-response',
      ]);
    }
  });

  it('usage mode counts a batch as its parts: 300 Pages against 120 calls per rolling second, no throttle', async () => {
    const server = await fake({
      accounts: Array.from({ length: 300 }, (_, i) => page(i)),
      limits: { facebook: { limit: 120, windowMs: 1_000, rolling: true } },
    });
    const result = await run(server, handles(300), { usageWindowMs: 1_000 });
    expect(result.failures).toEqual([]);
    expect(server.stats().facebook).toMatchObject({ requests: 6, calls: 300, throttled: 0 });
    expect(server.stats().facebook.peakInWindow).toBeLessThanOrEqual(120);
  });
});

describe('facebookProvider: legacy features refused (code 12), a fallback once for the bucket', () => {
  const notices = (events: CollectProgress[]) => events.filter((e) => e.type === 'notice');

  it('an app created after 4 November 2026 is served by the default: batch calls, no ?ids=, no notice', async () => {
    const server = await fake({ facebook: { refuse: ['ids'] } });
    const events: CollectProgress[] = [];
    const result = await run(server, handles(60), {}, { onProgress: (e) => events.push(e) });
    expect(result.failures).toEqual([]);
    expect(server.requests.every(isBatch)).toBe(true);
    expect(notices(events)).toEqual([]);
  });

  it("requests: 'ids' refused: falls back to batch calls with exactly one notice, and remembers it for later collections", async () => {
    const server = await fake({ facebook: { refuse: ['ids'] } });
    const provider = facebookProvider({
      accessToken: token,
      baseUrl: server.baseUrl('facebook'),
      requests: 'ids',
    });
    const events: CollectProgress[] = [];
    const collectWith = () =>
      collect(registryOf('facebook', handles(60)), {
        providers: [provider],
        concurrency: 1,
        http: fastHttp,
        onProgress: (e) => events.push(e),
      });
    const result = await collectWith();
    expect(result.failures).toEqual([]);
    expect(result.snapshots).toHaveLength(60);
    expect(server.log({ status: true })).toEqual([
      `GET /facebook/v27.0/?ids=${handles(50).join(',')} → 400`,
      `POST /facebook/v27.0/ batch=${handles(50).join(',')} → 200`,
      `POST /facebook/v27.0/ batch=${handles(60).slice(50).join(',')} → 200`,
    ]);
    const [notice, ...more] = notices(events);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      type: 'notice',
      platform: 'facebook',
      provider: 'facebook-graph',
      bucket: provider.bucketOf?.(registryOf('facebook', ['CollectorPage0']).accounts[0]!),
      code: 'fallback',
    });
    expect(notice?.type === 'notice' && notice.message).toMatch(/code 12.*batch requests/);
    expect(JSON.stringify(events)).not.toContain(token.slice(0, 12));

    server.reset();
    events.length = 0;
    await collectWith();
    expect(server.requests.every(isBatch)).toBe(true);
    expect(notices(events)).toEqual([]);
  });

  it('with four batches in flight, still one notice, and every Page collected', async () => {
    const server = await fake({
      accounts: Array.from({ length: 200 }, (_, i) => page(i)),
      facebook: { refuse: ['ids'] },
    });
    const events: CollectProgress[] = [];
    const result = await run(
      server,
      handles(200),
      { requests: 'ids' },
      { concurrency: 4, onProgress: (e) => events.push(e) },
    );
    expect(result.snapshots).toHaveLength(200);
    expect(notices(events)).toHaveLength(1);
    // never once per request: at most the calls already in flight met the refusal
    expect(server.requests.filter((r) => !isBatch(r)).length).toBeLessThanOrEqual(4);
  });

  it('batch calls refused too: ids → batch → single, one notice each', async () => {
    const server = await fake({ facebook: { refuse: ['ids', 'batch'] } });
    const events: CollectProgress[] = [];
    const result = await run(
      server,
      handles(3),
      { requests: 'ids' },
      { concurrency: 1, onProgress: (e) => events.push(e) },
    );
    expect(result.failures).toEqual([]);
    expect(server.log({ status: true })).toEqual([
      `GET /facebook/v27.0/?ids=${handles(3).join(',')} → 400`,
      `POST /facebook/v27.0/ batch=${handles(3).join(',')} → 400`,
      'GET /facebook/v27.0/CollectorPage0 → 200',
      'GET /facebook/v27.0/CollectorPage1 → 200',
      'GET /facebook/v27.0/CollectorPage2 → 200',
    ]);
    expect(notices(events).map((e) => e.type === 'notice' && e.message)).toEqual([
      expect.stringMatching(/multi-ID requests.*code 12/),
      expect.stringMatching(/batch requests.*code 12.*one per request/),
    ]);
  });

  it('the default (batch) refused: falls back to single GETs with one notice', async () => {
    const server = await fake({ facebook: { refuse: ['ids', 'batch'] } });
    const events: CollectProgress[] = [];
    const result = await run(server, handles(3), {}, { onProgress: (e) => events.push(e) });
    expect(result.failures).toEqual([]);
    expect(server.stats().facebook.requests).toBe(4);
    expect(notices(events)).toHaveLength(1);
  });

  it('a single GET refused as deprecated says the API version may have expired', async () => {
    const server = await fake();
    server.inject(
      { kind: 'status', status: 400, body: graphBody(12, '(#12) Version v21.0 is deprecated') },
      { platform: 'facebook' },
    );
    const result = await run(server, ['CollectorPage0'], { apiVersion: 'v21.0' });
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toMatch(/v21\.0 may have expired.*apiVersion/);
  });
});

describe('facebookProvider: the access token never leaks', () => {
  it('for random tokens and faults, not in a failure, its stack, cause chain, inspection, JSON or progress event', async () => {
    const server = await fake({ credentials: {} });
    const faults = [
      { kind: 'status', status: 400, body: graphBody(190, 'Invalid OAuth access token ECHO') },
      { kind: 'status', status: 401, body: graphBody(190, 'Error validating ECHO') },
      { kind: 'status', status: 400, body: graphBody(100, 'Bad parameter ECHO') },
      { kind: 'status', status: 403, body: graphBody(10, 'No permission for ECHO') },
      // the token in every field of a Graph error, fbtrace_id and type included (defect 4)
      {
        kind: 'status',
        status: 400,
        body: { error: { message: 'ECHO', type: 'ECHO', code: 190, fbtrace_id: 'ECHO' } },
      },
      {
        kind: 'status',
        status: 400,
        body: { error: { message: 'Bad', type: 'ECHO', code: 100, fbtrace_id: 'ECHO' } },
      },
      // same-origin redirects moving it into the URL (defect 3), another origin named after it
      { kind: 'redirect', status: 302, location: '/v26.0/?echo=ECHO' },
      { kind: 'redirect', status: 302, location: '/moved/ECHO' },
      { kind: 'redirect', status: 302, location: 'http://ECHO.example/' },
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'hang' },
      { kind: 'invalid-json' },
      { kind: 'html', status: 200 },
      { kind: 'redirect', status: 302, location: 'http://127.0.0.1:9/elsewhere' },
      { kind: 'rate-limit', retryAfter: '99999' },
    ] satisfies FakeFault[];
    for (const requests of MODES) {
      await assertNoLeak({
        server,
        platform: 'facebook',
        handles: ['CollectorPage0', 'CollectorPage1'],
        faults,
        make: (secret) =>
          facebookProvider({ accessToken: secret, baseUrl: server.baseUrl('facebook'), requests }),
        numRuns: 20,
      });
    }
  });
});

describe('facebookProvider: options', () => {
  it('checks them, naming the option', () => {
    expect(() => facebookProvider({ accessToken: '' })).toThrow(OptionError);
    expect(() => facebookProvider({ accessToken: ' ' })).toThrow(/FACEBOOK_ACCESS_TOKEN/);
    for (const apiVersion of ['26.0', 'v26', 'v26.0/', 'latest']) {
      expect(() => facebookProvider({ accessToken: 't', apiVersion })).toThrow(/`apiVersion`/);
    }
    expect(() => facebookProvider({ accessToken: 't', baseUrl: 'ftp://x' })).toThrow(/`baseUrl`/);
    expect(() => facebookProvider({ accessToken: 't', usageWindowMs: 0 })).toThrow(
      /`usageWindowMs`/,
    );
    expect(() => facebookProvider({ accessToken: 't', multiId: 'no' as never })).toThrow(
      /`multiId`/,
    );
    expect(() => facebookProvider({ accessToken: 't', requests: 'all' as never })).toThrow(
      /`requests`.*'batch', 'ids' or 'single'/,
    );
    expect(() => facebookProvider({ accessToken: 't', requests: 'batch', multiId: true })).toThrow(
      /`multiId`.*deprecated/,
    );
  });

  it('declares 50 per batch (1 with single requests), usage mode over an hour, and a bucket without the token', () => {
    const provider = facebookProvider({ accessToken: token });
    expect(provider).toMatchObject({
      platform: 'facebook',
      maxBatchSize: 50,
      rateLimit: { usageWindowMs: 3_600_000 },
    });
    expect(facebookProvider({ accessToken: token, requests: 'ids' }).maxBatchSize).toBe(50);
    expect(facebookProvider({ accessToken: token, requests: 'single' }).maxBatchSize).toBe(1);
    const account = registryOf('facebook', ['CollectorPage0']).accounts[0]!;
    const bucket = provider.bucketOf?.(account) ?? '';
    expect(bucket).toMatch(/^facebook:[0-9a-f]{12}$/);
    expect(bucket).not.toContain(token.slice(0, 8));
    expect(facebookProvider({ accessToken: 'another-token' }).bucketOf?.(account)).not.toBe(bucket);
  });
});

function graphBody(code: number, message: string) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AFake0001' } };
}
