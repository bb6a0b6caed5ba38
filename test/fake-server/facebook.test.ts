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
