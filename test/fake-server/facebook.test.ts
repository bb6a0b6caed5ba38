import { describe, expect, it } from 'vitest';
import { call, fakeClock, start } from './helpers.js';

const accounts = [
  {
    platform: 'facebook',
    handle: 'IndoreCollector',
    id: '100000000000001',
    name: 'Collector Indore',
    followers: 33_000,
    likes: 31_500,
  },
  { platform: 'facebook', handle: 'CommIndore', id: '100000000000002', followers: 5_500 },
  { platform: 'facebook', handle: 'QuietPage', followers: 5, state: 'hidden' },
  { platform: 'facebook', handle: 'GonePage', followers: 5, state: 'suspended' },
  {
    platform: 'instagram',
    handle: 'indore_collector',
    id: '17841401441775531',
    followers: 267_793,
    posts: 1_205,
  },
  { platform: 'instagram', handle: 'someone', followers: 10, state: 'personal' },
] as const;
const IG_USER = '17841405309211844';
const credentials = { facebook: 'page-token', instagramUserId: IG_USER };

describe('facebook: GET /v{N}/?ids=', () => {
  it('answers an object keyed by the ids and usernames as requested', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    const { status, body } = await call(
      `${server.baseUrl('facebook')}/v26.0/?ids=indorecollector,100000000000002&fields=followers_count,fan_count&access_token=page-token`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      indorecollector: { id: '100000000000001', followers_count: 33_000, fan_count: 31_500 },
      '100000000000002': { id: '100000000000002', followers_count: 5_500, fan_count: 5_500 },
    });
  });

  it('accepts any version, the token as a Bearer header, and leaves a hidden count out', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    for (const version of ['/v19.0', '/v25.0', '/v27.0', '']) {
      const answer = await call(
        `${server.baseUrl('facebook')}${version}/?ids=QuietPage&fields=name,followers_count,fan_count`,
        { headers: { authorization: 'Bearer page-token' } },
      );
      expect(answer.status, version).toBe(200);
      expect(answer.body.QuietPage).toEqual({
        id: expect.stringMatching(/^1000\d{11}$/),
        name: 'QuietPage',
        fan_count: 5,
      });
    }
  });

  it('fails the whole request for one unknown (or suspended) page', async () => {
    const server = await start({ accounts: [...accounts] });
    const answer = await call(
      `${server.baseUrl('facebook')}/v26.0/?ids=IndoreCollector,nobody,GonePage&fields=followers_count`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        message: '(#803) Some of the aliases you requested do not exist: nobody,GonePage',
        type: 'OAuthException',
        code: 803,
        fbtrace_id: expect.any(String),
      },
    });
  });

  it('refuses more than 50 ids and unknown fields (code 100)', async () => {
    const server = await start({ accounts: [...accounts] });
    const ids = Array.from({ length: 54 }, (_, i) => `p${i}`).join(',');
    const tooMany = await call(
      `${server.baseUrl('facebook')}/v26.0/?ids=${ids}&fields=followers_count`,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({
      message: '(#100) Too many IDs. Maximum: 50. Provided: 54.',
      type: 'OAuthException',
      code: 100,
    });
    const field = await call(
      `${server.baseUrl('facebook')}/v26.0/?ids=CommIndore&fields=subscribers`,
    );
    expect(field.body.error).toMatchObject({
      message: '(#100) Tried accessing nonexisting field (subscribers) on node type (Page)',
      code: 100,
    });
  });

  it('reads one page by id or username, and refuses an unknown one (code 100, subcode 33)', async () => {
    const server = await start({ accounts: [...accounts] });
    const page = await call(
      `${server.baseUrl('facebook')}/v26.0/100000000000001?fields=name,followers_count`,
    );
    expect(page.body).toEqual({
      name: 'Collector Indore',
      followers_count: 33_000,
      id: '100000000000001',
    });
    const plain = await call(`${server.baseUrl('facebook')}/v26.0/CommIndore`);
    expect(plain.body).toEqual({ name: 'CommIndore', id: '100000000000002' });
    const missing = await call(`${server.baseUrl('facebook')}/v26.0/nobody?fields=followers_count`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
  });

  it('refuses a missing (code 104) or wrong (code 190) access token', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    const url = `${server.baseUrl('facebook')}/v26.0/?ids=CommIndore&fields=followers_count`;
    const missing = await call(url);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 104, type: 'OAuthException' });
    const wrong = await call(`${url}&access_token=other`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    const strict = await start({ credentials, facebook: { authErrorStatus: 401 } });
    const refused = await call(`${strict.baseUrl('facebook')}/v26.0/CommIndore?access_token=x`);
    expect(refused.status).toBe(401);
  });
});

describe('facebook: usage headers and throttling', () => {
  it('reports percentages of the limit used, then answers 400 code 80001 with the regain time', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 34, 56, 789));
    const server = await start({
      accounts: [...accounts],
      clock: clock.read,
      limits: { facebook: { limit: 4, windowMs: 3_600_000 } },
      facebook: { businessId: '555' },
    });
    const url = `${server.baseUrl('facebook')}/v26.0/CommIndore?fields=followers_count`;
    const usage = async () => {
      const answer = await call(url);
      return {
        status: answer.status,
        app: JSON.parse(answer.headers.get('x-app-usage') ?? 'null'),
        buc: JSON.parse(answer.headers.get('x-business-use-case-usage') ?? 'null'),
        body: answer.body,
      };
    };
    const first = await usage();
    expect(first.status).toBe(200);
    expect(first.app).toEqual({ call_count: 25, total_time: 25, total_cputime: 25 });
    expect(first.buc).toEqual({
      '555': [
        {
          type: 'pages',
          call_count: 25,
          total_cputime: 25,
          total_time: 25,
          estimated_time_to_regain_access: 0,
        },
      ],
    });
    await usage();
    await usage();
    const fourth = await usage();
    expect(fourth.app.call_count).toBe(100);
    const fifth = await usage();
    expect(fifth.status).toBe(400);
    expect(fifth.body.error).toMatchObject({
      code: 80001,
      type: 'OAuthException',
      is_transient: true,
    });
    expect(fifth.body.error.message).toMatch(
      /^\(#80001\) There have been too many calls to this Page account/,
    );
    // 25 min 3.211 s to the next hour boundary: 26 minutes, rounded up
    expect(fifth.buc['555'][0]).toMatchObject({
      call_count: 100,
      estimated_time_to_regain_access: 26,
    });
    clock.now = Date.UTC(2026, 6, 2, 13, 0, 0);
    expect((await usage()).status).toBe(200);
  });

  it('can throttle with 403 and another code, with a regain time of 0 or none at all', async () => {
    const server = await start({
      accounts: [...accounts],
      limits: { facebook: { limit: 0, windowMs: 60_000 } },
      facebook: { throttleStatus: 403, throttleCode: 4, regainMinutes: 0 },
    });
    const answer = await call(`${server.baseUrl('facebook')}/v26.0/CommIndore`);
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({
      code: 4,
      message: '(#4) Application request limit reached',
    });
    const buc = JSON.parse(answer.headers.get('x-business-use-case-usage') ?? '{}');
    expect(Object.values(buc)).toEqual([
      [expect.objectContaining({ estimated_time_to_regain_access: 0 })],
    ]);

    const silent = await start({
      limits: { facebook: { limit: 0, windowMs: 250, announce: false } },
    });
    const quiet = await call(`${silent.baseUrl('facebook')}/v26.0/CommIndore`);
    expect(quiet.status).toBe(400);
    expect(quiet.body.error.code).toBe(80001);
    expect(quiet.headers.get('x-app-usage')).toBeNull();
    expect(quiet.headers.get('x-business-use-case-usage')).toBeNull();
  });
});

describe('instagram: business discovery', () => {
  const discovery = (name: string) =>
    `fields=${encodeURIComponent(`business_discovery.username(${name}){followers_count,media_count}`)}`;

  it('answers business_discovery through the own IG user id', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    expect(server.baseUrl('instagram')).toBe(server.baseUrl('facebook'));
    const { status, body } = await call(
      `${server.baseUrl('instagram')}/v26.0/${IG_USER}?${discovery('Indore_Collector')}&access_token=page-token`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      business_discovery: { followers_count: 267_793, media_count: 1_205, id: '17841401441775531' },
      id: IG_USER,
    });
    expect(server.requests[0]?.platform).toBe('instagram');
  });

  it('answers unknown and personal accounts alike: code 110, subcode 2207013', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    for (const name of ['nobody', 'someone']) {
      const answer = await call(
        `${server.baseUrl('instagram')}/v26.0/${IG_USER}?${discovery(name)}&access_token=page-token`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: {
          message: 'Invalid user id',
          type: 'OAuthException',
          code: 110,
          error_subcode: 2207013,
          fbtrace_id: expect.any(String),
        },
      });
    }
    const otherNode = await call(
      `${server.baseUrl('instagram')}/v26.0/1784000000000?${discovery('indore_collector')}&access_token=page-token`,
    );
    expect(otherNode.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('sends usage headers of type instagram and throttles with code 80002', async () => {
    const server = await start({
      accounts: [...accounts],
      credentials,
      limits: { instagram: { limit: 1, windowMs: 60_000 } },
    });
    const url = `${server.baseUrl('instagram')}/v26.0/${IG_USER}?${discovery('indore_collector')}&access_token=page-token`;
    const first = await call(url);
    const buc = JSON.parse(first.headers.get('x-business-use-case-usage') ?? '{}');
    expect(buc[IG_USER][0]).toMatchObject({ type: 'instagram', call_count: 100 });
    const second = await call(url);
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe(80002);
    // Pages have their own window
    const page = await call(
      `${server.baseUrl('facebook')}/v26.0/CommIndore?access_token=page-token`,
    );
    expect(page.status).toBe(200);
  });
});

describe('facebook: Graph batch calls (POST /v{N}/ with batch=[…])', () => {
  const pageAccounts = Array.from({ length: 60 }, (_, i) => ({
    platform: 'facebook' as const,
    handle: `BatchPage${i}`,
    id: `2000000000${String(i).padStart(5, '0')}`,
    followers: 100 + i,
  }));
  const post = (
    base: string,
    items: unknown,
    form: Record<string, string> = {},
    query = 'access_token=page-token',
  ) =>
    call(`${base}/v27.0/?${query}`, {
      method: 'POST',
      body: new URLSearchParams({ batch: JSON.stringify(items), ...form }),
    });
  const get = (relative_url: string) => ({ method: 'GET', relative_url });
  const parseParts = (body: unknown) =>
    (
      body as ({ code: number; headers?: { name: string; value: string }[]; body: string } | null)[]
    ).map((part) => part && { ...part, body: JSON.parse(part.body) });

  it('answers 200 with one part per sub-request, in order: its code, headers and JSON body as text', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    const answer = await post(server.baseUrl('facebook'), [
      get('IndoreCollector?fields=followers_count,fan_count'),
      get('nobody?fields=followers_count'),
      get('v27.0/100000000000002?fields=followers_count'),
    ]);
    expect(answer.status).toBe(200);
    const parts = parseParts(answer.body);
    expect(parts.map((p) => p?.code)).toEqual([200, 400, 200]);
    expect(parts[0]?.body).toEqual({
      id: '100000000000001',
      followers_count: 33_000,
      fan_count: 31_500,
    });
    expect(parts[1]?.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(parts[2]?.body).toEqual({ id: '100000000000002', followers_count: 5_500 });
    expect(parts[0]?.headers).toContainEqual({
      name: 'Content-Type',
      value: 'text/javascript; charset=UTF-8',
    });
    expect(server.log()).toEqual([
      'POST /facebook/v27.0/ batch=IndoreCollector,nobody,100000000000002',
    ]);
    expect(server.stats().facebook).toMatchObject({ requests: 1, calls: 3 });
  });

  it('takes the batch in the query too, drops part headers with include_headers=false, and refuses a bad batch', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    const base = server.baseUrl('facebook');
    const inQuery = await call(
      `${base}/v27.0/?access_token=page-token&include_headers=false&batch=${encodeURIComponent(JSON.stringify([get('CommIndore')]))}`,
      { method: 'POST' },
    );
    expect(inQuery.body).toEqual([
      { code: 200, body: JSON.stringify({ name: 'CommIndore', id: '100000000000002' }) },
    ]);
    const tooMany = await post(
      base,
      Array.from({ length: 51 }, () => get('CommIndore')),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 100 });
    expect(tooMany.body.error.message).toContain('Maximum batch size is 50');
    const malformed = await call(`${base}/v27.0/?access_token=page-token`, {
      method: 'POST',
      body: new URLSearchParams({ batch: '{"not":"a list"}' }),
    });
    expect(malformed.status).toBe(400);
    // a wrong token is refused for the whole batch
    const refused = await post(base, [get('CommIndore')], {}, 'access_token=wrong');
    expect(refused.body.error).toMatchObject({ code: 190 });
  });

  it('counts each part as a call in the window: parts past the limit are throttled with 80001 and usage headers', async () => {
    const server = await start({
      accounts: pageAccounts,
      limits: { facebook: { limit: 30, windowMs: 60_000, rolling: true } },
      facebook: { regainMinutes: 2 },
    });
    const answer = await post(
      server.baseUrl('facebook'),
      pageAccounts.slice(0, 50).map((a) => get(`${a.handle}?fields=followers_count`)),
      {},
      '',
    );
    expect(answer.status).toBe(200);
    const parts = parseParts(answer.body);
    expect(parts.filter((p) => p?.code === 200)).toHaveLength(30);
    const throttled = parts.slice(30);
    expect(throttled.every((p) => p?.code === 400 && p.body.error.code === 80001)).toBe(true);
    const usage = (part: (typeof parts)[number] | undefined, name: string) =>
      JSON.parse(part?.headers?.find((h) => h.name === name)?.value ?? 'null');
    expect(usage(parts[14], 'X-App-Usage')).toEqual({
      call_count: 50,
      total_time: 50,
      total_cputime: 50,
    });
    expect(Object.values(usage(parts[40], 'X-Business-Use-Case-Usage'))).toEqual([
      [expect.objectContaining({ call_count: 100, estimated_time_to_regain_access: 2 })],
    ]);
    // the answer's own usage headers are the last part's
    expect(JSON.parse(answer.headers.get('x-app-usage') ?? '{}').call_count).toBe(100);
    expect(server.stats().facebook).toMatchObject({
      requests: 1,
      calls: 50,
      throttled: 20,
      peakInWindow: 50,
    });
  });

  it('a null-parts fault answers the chosen parts null (a sub-request that timed out)', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'null-parts', parts: [1] }, { platform: 'facebook' });
    const answer = await post(server.baseUrl('facebook'), [
      get('CommIndore'),
      get('IndoreCollector'),
    ]);
    expect(answer.body[0]).toMatchObject({ code: 200 });
    expect(answer.body[1]).toBeNull();
    expect(server.requests[0]?.fault).toBe('null-parts');
    expect(() => server.inject({ kind: 'null-parts', parts: [-1] })).toThrow(/`fault.parts`/);
  });

  it('plays an app created after 4 November 2026 (refuse: ids), and one refused batches too (code 12)', async () => {
    const newApp = await start({ accounts: [...accounts], facebook: { refuse: ['ids'] } });
    const ids = await call(`${newApp.baseUrl('facebook')}/v27.0/?ids=CommIndore`);
    expect(ids.status).toBe(400);
    expect(ids.body.error).toMatchObject({
      code: 12,
      type: 'OAuthException',
      message: '(#12) Multi-ID requests are not available to apps created after 4 November 2026',
    });
    const batch = await post(newApp.baseUrl('facebook'), [get('CommIndore')]);
    expect(batch.status).toBe(200);
    const single = await call(`${newApp.baseUrl('facebook')}/v27.0/CommIndore`);
    expect(single.status).toBe(200);

    const noBatch = await start({
      accounts: [...accounts],
      facebook: { refuse: ['ids', 'batch'] },
    });
    const refused = await post(noBatch.baseUrl('facebook'), [get('CommIndore')]);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 12 });
    expect(noBatch.stats().facebook).toMatchObject({ requests: 1, calls: 1 });
  });

  it('routes a batch of business discovery reads to Instagram, with its own window', async () => {
    const server = await start({ accounts: [...accounts], credentials });
    const answer = await post(server.baseUrl('instagram'), [
      get(
        `${IG_USER}?fields=${encodeURIComponent('business_discovery.username(indore_collector){username,followers_count}')}`,
      ),
    ]);
    expect(parseParts(answer.body)[0]?.body).toEqual({
      business_discovery: {
        username: 'indore_collector',
        followers_count: 267_793,
        id: '17841401441775531',
      },
      id: IG_USER,
    });
    expect(server.requests[0]?.platform).toBe('instagram');
    expect(server.log()).toEqual(['POST /facebook/v27.0/ batch=indore_collector']);
  });
});
