import { describe, expect, it } from 'vitest';
import { call, fakeClock, start } from './helpers.js';

const PROBLEMS = 'https://api.twitter.com/2/problems';

const accounts = [
  { platform: 'x', handle: 'IndoreCollector', followers: 77_000, following: 120, posts: 5_400 },
  { platform: 'x', handle: '@CommIndore', id: '2244994945', followers: 32_500 },
  { platform: 'x', handle: 'Gone', followers: 10, state: 'suspended' },
  { platform: 'x', handle: 'Left', followers: 10, state: 'deactivated' },
] as const;

describe('x: GET /2/users/by', () => {
  it('answers found users in their canonical case, missing and suspended ones in errors[]', async () => {
    const server = await start({ accounts: [...accounts] });
    const { status, body } = await call(
      `${server.baseUrl('x')}/2/users/by?usernames=indorecollector,COMMINDORE,nobody,gone,left&user.fields=public_metrics`,
    );
    expect(status).toBe(200);
    expect(body.data).toEqual([
      {
        id: expect.stringMatching(/^1\d{18}$/),
        name: 'IndoreCollector',
        username: 'IndoreCollector',
        public_metrics: {
          followers_count: 77_000,
          following_count: 120,
          tweet_count: 5_400,
          listed_count: 385,
        },
      },
      {
        id: '2244994945',
        name: 'CommIndore',
        username: 'CommIndore',
        public_metrics: {
          followers_count: 32_500,
          following_count: 0,
          tweet_count: 0,
          listed_count: 162,
        },
      },
    ]);
    expect(Number(body.data[0].id)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(body.errors).toEqual([
      {
        value: 'nobody',
        detail: 'Could not find user with usernames: [nobody].',
        title: 'Not Found Error',
        resource_type: 'user',
        parameter: 'usernames',
        resource_id: 'nobody',
        type: `${PROBLEMS}/resource-not-found`,
      },
      {
        parameter: 'usernames',
        resource_id: 'gone',
        value: 'gone',
        detail: 'User has been suspended: [gone].',
        title: 'Forbidden',
        resource_type: 'user',
        type: `${PROBLEMS}/resource-not-found`,
      },
      expect.objectContaining({ title: 'Not Found Error', value: 'left' }),
    ]);
  });

  it('gives the same id for the same handle, and omits data when nobody is found', async () => {
    const one = await start({ accounts: [...accounts] });
    const two = await start({ accounts: [...accounts] });
    const url = '/2/users/by?usernames=IndoreCollector';
    const a = await call(`${one.baseUrl('x')}${url}`);
    const b = await call(`${two.baseUrl('x')}${url}`);
    expect(a.body.data[0].id).toBe(b.body.data[0].id);
    const none = await call(`${one.baseUrl('x')}/2/users/by?usernames=nobody`);
    expect(none.status).toBe(200);
    expect(none.body).not.toHaveProperty('data');
    expect(none.body.errors).toHaveLength(1);
  });

  it('sends public_metrics only when user.fields asks, and can name the counter post_count', async () => {
    const server = await start({ accounts: [...accounts], x: { postCountField: 'post_count' } });
    const plain = await call(`${server.baseUrl('x')}/2/users/by?usernames=IndoreCollector`);
    expect(plain.body.data[0]).toEqual({
      id: expect.any(String),
      name: 'IndoreCollector',
      username: 'IndoreCollector',
    });
    const full = await call(
      `${server.baseUrl('x')}/2/users/by?usernames=IndoreCollector&user.fields=created_at,public_metrics`,
    );
    expect(full.body.data[0].public_metrics).toEqual({
      followers_count: 77_000,
      following_count: 120,
      post_count: 5_400,
      listed_count: 385,
    });
  });

  it('refuses more than 100 usernames, none, and names breaking the pattern (400 problem)', async () => {
    const server = await start();
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`).join(',');
    const tooMany = await call(`${server.baseUrl('x')}/2/users/by?usernames=${many}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEMS}/invalid-request`,
    });
    expect(tooMany.body.errors[0].message).toContain('[101]');
    const hundred = Array.from({ length: 100 }, (_, i) => `u${i}`).join(',');
    expect((await call(`${server.baseUrl('x')}/2/users/by?usernames=${hundred}`)).status).toBe(200);
    expect((await call(`${server.baseUrl('x')}/2/users/by`)).status).toBe(400);
    const bad = await call(
      `${server.baseUrl('x')}/2/users/by?usernames=ok,not-ok,waytoolongusername`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({
      parameters: { usernames: ['not-ok', 'waytoolongusername'] },
      message: 'The `usernames` query parameter value [not-ok] does not match ^[A-Za-z0-9_]{1,15}$',
    });
  });
});

describe('x: other lookups', () => {
  it('looks users up by ids', async () => {
    const server = await start({ accounts: [...accounts] });
    const { body } = await call(
      `${server.baseUrl('x')}/2/users?ids=2244994945,1&user.fields=public_metrics`,
    );
    expect(body.data).toEqual([expect.objectContaining({ username: 'CommIndore' })]);
    expect(body.errors[0]).toMatchObject({
      parameter: 'ids',
      detail: 'Could not find user with ids: [1].',
    });
  });

  it('answers a single lookup with a data object, and a miss with errors[] (200 or 404)', async () => {
    const server = await start({ accounts: [...accounts] });
    const hit = await call(`${server.baseUrl('x')}/2/users/by/username/indorecollector`);
    expect(hit.body).toEqual({
      data: { id: expect.any(String), name: 'IndoreCollector', username: 'IndoreCollector' },
    });
    const miss = await call(`${server.baseUrl('x')}/2/users/by/username/nobody`);
    expect(miss.status).toBe(200);
    expect(miss.body).toEqual({
      errors: [
        expect.objectContaining({
          parameter: 'username',
          detail: 'Could not find user with username: [nobody].',
        }),
      ],
    });
    const suspended = await call(`${server.baseUrl('x')}/2/users/by/username/Gone`);
    expect(suspended.body.errors[0]).toMatchObject({
      title: 'Forbidden',
      detail: 'User has been suspended: [Gone].',
    });
    const byId = await call(`${server.baseUrl('x')}/2/users/2244994945`);
    expect(byId.body.data.username).toBe('CommIndore');

    const strict = await start({ accounts: [...accounts], x: { singleNotFoundStatus: 404 } });
    expect((await call(`${strict.baseUrl('x')}/2/users/by/username/nobody`)).status).toBe(404);
  });
});

describe('x: credentials, limits and throttling', () => {
  it('requires the configured bearer token (401 problem JSON)', async () => {
    const server = await start({ accounts: [...accounts], credentials: { x: 'secret-token' } });
    const url = `${server.baseUrl('x')}/2/users/by?usernames=IndoreCollector`;
    const missing = await call(url);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      title: 'Unauthorized',
      detail: 'Unauthorized',
      type: 'about:blank',
      status: 401,
    });
    const wrong = await call(url, { headers: { authorization: 'Bearer other' } });
    expect(wrong.status).toBe(401);
    const right = await call(url, { headers: { authorization: 'Bearer secret-token' } });
    expect(right.status).toBe(200);
  });

  it('sends x-rate-limit-* on every response, reset in epoch seconds, then a 429', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 34, 56, 789));
    const server = await start({
      clock: clock.read,
      limits: { x: { limit: 2, windowMs: 15 * 60_000 } },
    });
    const base = server.baseUrl('x');
    const first = await call(`${base}/2/users/by?usernames=nobody`);
    const second = await call(`${base}/2/users/by?usernames=bad-name`); // a 400 counts too
    const third = await call(`${base}/2/users/by?usernames=nobody`);
    const reset = String(Date.UTC(2026, 6, 2, 12, 45, 0) / 1000); // the 15-minute boundary
    expect([first.status, second.status, third.status]).toEqual([200, 400, 429]);
    for (const [answer, remaining] of [
      [first, '1'],
      [second, '0'],
      [third, '0'],
    ] as const) {
      expect(answer.headers.get('x-rate-limit-limit')).toBe('2');
      expect(answer.headers.get('x-rate-limit-remaining')).toBe(remaining);
      expect(answer.headers.get('x-rate-limit-reset')).toBe(reset);
    }
    expect(third.body).toEqual({
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
    });
  });
});
