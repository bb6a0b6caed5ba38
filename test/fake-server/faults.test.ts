import { AsyncResource, createHook } from 'node:async_hooks';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call, start, until } from './helpers.js';

const accounts = [
  { platform: 'x', handle: 'IndoreCollector', followers: 77_000 },
  { platform: 'telegram', handle: '@IndoreCollector', followers: 48_213 },
] as const;
const X_PATH = '/2/users/by?usernames=IndoreCollector&user.fields=public_metrics';

/** Rejects when the request is not answered within `ms`. */
function fetchWithin(url: string, ms: number, init: RequestInit = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('client timeout')), ms);
  return fetch(url, { ...init, signal: controller.signal }).finally(() => clearTimeout(timer));
}

describe('faults that replace the answer', () => {
  it('answers an injected status with the platform error body, for `times` requests', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'status', status: 503 }, { platform: 'x', times: 2 });
    const url = `${server.baseUrl('x')}${X_PATH}`;
    const first = await call(url);
    expect(first.status).toBe(503);
    expect(first.body).toEqual({
      title: 'Service Unavailable',
      detail: 'Service Unavailable',
      type: 'about:blank',
      status: 503,
    });
    expect((await call(url)).status).toBe(503);
    expect((await call(url)).status).toBe(200);
    expect(server.requests.map((r) => r.fault)).toEqual(['status', 'status', undefined]);

    server.inject({ kind: 'status', status: 500, body: 'oops', headers: { 'x-trace': '1' } });
    const custom = await call(url);
    expect([custom.status, custom.text, custom.headers.get('x-trace')]).toEqual([500, 'oops', '1']);
  });

  it.each([['2'], ['Thu, 02 Jul 2026 12:35:00 GMT'], ['0'], ['soon'], ['999999']])(
    'answers the platform throttle with Retry-After %j as given',
    async (retryAfter) => {
      const server = await start({ accounts: [...accounts] });
      server.inject({ kind: 'rate-limit', retryAfter });
      const answer = await call(`${server.baseUrl('x')}${X_PATH}`);
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe(retryAfter);
      expect(answer.body.title).toBe('Too Many Requests');
      expect(server.stats().x.throttled).toBe(1);
    },
  );

  it('gives each platform its own throttle answer, with no hint unless asked', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'rate-limit' }, { times: 4 });
    const x = await call(`${server.baseUrl('x')}${X_PATH}`);
    expect([x.status, x.headers.get('retry-after')]).toEqual([429, null]);
    const fb = await call(`${server.baseUrl('facebook')}/v26.0/page`);
    expect([fb.status, fb.body.error.code]).toEqual([400, 80001]);
    const yt = await call(
      `${server.baseUrl('youtube')}/youtube/v3/channels?part=statistics&id=UCx`,
    );
    expect([yt.status, yt.body.error.errors[0].reason]).toEqual([403, 'rateLimitExceeded']);
    const tg = await call(`${server.baseUrl('telegram')}/bot1:a/getChatMemberCount?chat_id=@x`);
    expect(tg.body).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests' });

    server.inject({
      kind: 'rate-limit',
      retryAfter: '35',
      headers: { 'x-rate-limit-remaining': '0' },
    });
    const hinted = await call(`${server.baseUrl('telegram')}/bot1:a/getChatMemberCount?chat_id=@x`);
    expect(hinted.body.parameters).toEqual({ retry_after: 35 });
    expect(hinted.headers.get('retry-after')).toBeNull(); // Telegram's hint is in the body only
    expect(hinted.headers.get('x-rate-limit-remaining')).toBe('0');
    server.inject({ kind: 'rate-limit', retryAfter: 'soon' });
    const malformed = await call(
      `${server.baseUrl('telegram')}/bot1:a/getChatMemberCount?chat_id=@x`,
    );
    expect(malformed.body).toMatchObject({
      description: 'Too Many Requests: retry after soon',
      parameters: { retry_after: 'soon' },
    });
  });

  it('does not count replaced answers in the limit window', async () => {
    const server = await start({
      accounts: [...accounts],
      limits: { x: { limit: 1, windowMs: 60_000 } },
    });
    server.inject({ kind: 'status', status: 502 });
    await call(`${server.baseUrl('x')}${X_PATH}`);
    expect((await call(`${server.baseUrl('x')}${X_PATH}`)).status).toBe(200);
  });

  it('sends an HTML error page, an empty body and invalid JSON', async () => {
    const server = await start({ accounts: [...accounts] });
    const url = `${server.baseUrl('x')}${X_PATH}`;
    server.inject({ kind: 'html', status: 502 });
    server.inject({ kind: 'html', status: 200 });
    server.inject({ kind: 'empty' });
    server.inject({ kind: 'invalid-json' });
    const proxy = await fetch(url);
    expect([proxy.status, proxy.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect(await proxy.text()).toContain('<title>502 Bad Gateway</title>');
    const portal = await fetch(url);
    expect(portal.status).toBe(200);
    await expect(portal.json()).rejects.toThrow(SyntaxError);
    const empty = await fetch(url);
    expect([empty.status, empty.headers.get('content-length')]).toEqual([200, '0']);
    await expect(empty.json()).rejects.toThrow(SyntaxError);
    const invalid = await fetch(url);
    await expect(invalid.json()).rejects.toThrow(SyntaxError);
  });

  it('redirects to another origin, where the credentials can be checked', async () => {
    const server = await start({ accounts: [...accounts], credentials: { x: 'secret' } });
    const elsewhere = await start({ accounts: [...accounts] });
    server.inject({
      kind: 'redirect',
      status: 307,
      location: `${elsewhere.baseUrl('x')}${X_PATH}`,
    });
    const followed = await call(`${server.baseUrl('x')}${X_PATH}`, {
      headers: { authorization: 'Bearer secret' },
    });
    expect(followed.status).toBe(200);
    expect(elsewhere.requests).toHaveLength(1);
    // fetch drops Authorization on a cross-origin redirect (whatwg/fetch#944)
    expect(elsewhere.requests[0]?.headers).not.toHaveProperty('authorization');

    server.inject({ kind: 'redirect', status: 302, location: 'https://evil.example/steal' });
    const manual = await fetch(`${server.baseUrl('x')}${X_PATH}`, { redirect: 'manual' });
    expect([manual.status, manual.headers.get('location')]).toEqual([
      302,
      'https://evil.example/steal',
    ]);
  });
});

describe('faults at the socket', () => {
  it('hangs: no answer until the client gives up', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'hang' });
    await expect(fetchWithin(`${server.baseUrl('x')}${X_PATH}`, 150)).rejects.toThrow(
      'client timeout',
    );
    expect(server.requests[0]).toMatchObject({ fault: 'hang', status: undefined });
    expect((await call(`${server.baseUrl('x')}${X_PATH}`)).status).toBe(200);
  });

  it('resets the connection (ECONNRESET)', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'reset' });
    const error = await fetch(`${server.baseUrl('x')}${X_PATH}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
  });

  it('sends the headers late', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'slow-headers', delayMs: 300 }, { times: 2 });
    const started = performance.now();
    const slow = await fetch(`${server.baseUrl('x')}${X_PATH}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect((await slow.json()).data[0].username).toBe('IndoreCollector');
    await expect(fetchWithin(`${server.baseUrl('x')}${X_PATH}`, 100)).rejects.toThrow(
      'client timeout',
    );
  });

  it('stalls the body after some bytes', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'stall-body', afterBytes: 10 });
    const controller = new AbortController();
    const res = await fetch(`${server.baseUrl('x')}${X_PATH}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(10);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"data":[{');
    const rest = reader.read();
    setTimeout(() => controller.abort(new Error('client timeout')), 100);
    await expect(rest).rejects.toThrow();
  });

  it('truncates the JSON of the real answer', async () => {
    const server = await start({ accounts: [...accounts] });
    const whole = (await call(`${server.baseUrl('x')}${X_PATH}`)).text;
    server.inject({ kind: 'truncated-json' });
    const cut = await fetch(`${server.baseUrl('x')}${X_PATH}`);
    const text = await cut.text();
    expect(text).toBe(whole.slice(0, Math.ceil(whole.length / 2)));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

describe('fault selection', () => {
  it('applies faults in order, to the platform and requests they match', async () => {
    const server = await start({ accounts: [...accounts] });
    server.inject({ kind: 'status', status: 500 }, { platform: 'telegram' });
    server.inject(
      { kind: 'status', status: 502 },
      { match: (r) => r.query.get('usernames') === 'b' },
    );
    server.inject({ kind: 'status', status: 503 });
    server.inject({ kind: 'status', status: 504 });
    const x = (names: string) => call(`${server.baseUrl('x')}/2/users/by?usernames=${names}`);
    expect((await x('a')).status).toBe(503);
    expect((await x('b')).status).toBe(502);
    expect((await x('a')).status).toBe(504);
    expect((await x('a')).status).toBe(200);
    server.clearFaults();
    expect(
      (
        await call(
          `${server.baseUrl('telegram')}/bot1:a/getChatMemberCount?chat_id=@IndoreCollector`,
        )
      ).status,
    ).toBe(200);
  });

  it('refuses malformed faults', async () => {
    const server = await start();
    expect(() => server.inject({ kind: 'stall-body', afterBytes: -1 })).toThrow(/afterBytes/);
    expect(() => server.inject({ kind: 'status', status: 503 }, { times: 0 })).toThrow(/times/);
    // @ts-expect-error an unknown kind
    expect(() => server.inject({ kind: 'explode' })).toThrow(/fault\.kind/);
    expect(() => server.inject({ kind: 'impostor', handle: '' })).toThrow(/fault\.handle/);
  });
});

describe('impostor: answers about another account (for clients that must match answers)', () => {
  it('answers, through the platform, about the impostor wherever the request asks about an account', async () => {
    const server = await start({
      accounts: [
        { platform: 'x', handle: 'IndoreCollector', followers: 77_000 },
        { platform: 'x', handle: 'mallory', followers: 999_999 },
        { platform: 'mastodon', handle: 'indore@mastodon.social', followers: 1 },
        { platform: 'mastodon', handle: 'mallory@mastodon.social', followers: 999_999 },
        { platform: 'facebook', handle: 'IndorePage', followers: 5 },
        { platform: 'facebook', handle: 'MalloryPage', id: '100000000009999', followers: 999_999 },
      ],
      limits: { x: { limit: 10, windowMs: 1_000 } },
    });
    const xUrl = `${server.baseUrl('x')}${X_PATH}`;
    server.inject({ kind: 'impostor', handle: 'mallory' }, { platform: 'x' });
    const impostor = await call(xUrl);
    expect(
      impostor.body.data.map(
        (u: { username: string; public_metrics: { followers_count: number } }) => [
          u.username,
          u.public_metrics.followers_count,
        ],
      ),
    ).toEqual([['mallory', 999_999]]);
    // the platform answered it: it counts in the window, with the platform's headers
    expect(impostor.headers.get('x-rate-limit-remaining')).toBe('9');
    expect((await call(xUrl)).body.data[0].username).toBe('IndoreCollector');

    server.inject(
      { kind: 'impostor', handle: 'mallory@mastodon.social' },
      { platform: 'mastodon' },
    );
    const mastodon = await call(
      `${server.baseUrl('mastodon', 'mastodon.social')}/api/v1/accounts/lookup?acct=indore`,
    );
    expect([mastodon.body.acct, mastodon.body.followers_count]).toEqual(['mallory', 999_999]);

    // Facebook keys its ?ids= answer by the names asked: the impostor's Page under each of them
    server.inject({ kind: 'impostor', handle: 'MalloryPage' }, { platform: 'facebook' });
    const facebook = await call(
      `${server.baseUrl('facebook')}/v26.0/?ids=IndorePage&fields=username,followers_count`,
    );
    expect(facebook.body).toEqual({
      IndorePage: { id: '100000000009999', username: 'MalloryPage', followers_count: 999_999 },
    });
    expect(server.requests.map((r) => r.fault)).toEqual([
      'impostor',
      undefined,
      'impostor',
      'impostor',
    ]);
  });
});

describe('close()', () => {
  it('resolves promptly with hung and delayed requests pending, leaving no handles behind', async () => {
    const owned = trackResources();
    onTestFinished(() => owned.stop());
    const server = await owned.scope(() => start({ accounts: [...accounts], latencyMs: 60_000 }));
    server.inject({ kind: 'hang' });
    server.inject({ kind: 'slow-headers', delayMs: 60_000 });
    const url = `${server.baseUrl('x')}${X_PATH}`;
    const pending = [
      fetch(url).catch((e: unknown) => e),
      fetch(url).catch((e: unknown) => e),
      fetch(url).catch((e: unknown) => e),
    ];
    await until(() => server.requests.length === 3);
    // what the server holds open: its listening socket, one socket per request, and the timers of
    // the two delayed answers (plus node:http's own connection-checking interval). These checks
    // also prove the tracking sees the server at all.
    expect(owned.live().filter((type) => type === 'TCPSERVERWRAP')).toHaveLength(1);
    expect(owned.live().filter((type) => type === 'TCPWRAP')).toHaveLength(3);
    expect(owned.live().filter((type) => type === 'Timeout').length).toBeGreaterThanOrEqual(2);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(500);
    for (const outcome of await Promise.all(pending)) expect(outcome).toBeInstanceOf(TypeError);
    // node reports a closed handle's end (the async_hooks `destroy` event) a moment after it closes
    await until(() => owned.live().length === 0, 1_000).catch(() => {});
    expect(owned.live()).toEqual([]);
  });
});

/**
 * The timers and sockets one piece of code owns, found by identity rather than by a process-wide
 * snapshot that other timers (vitest's, undici's, the previous test's) would pollute: every async
 * resource created inside `scope(fn)`, and everything those resources went on to create (a
 * listening socket's connections, a request's delayed answer), is followed from `init` to
 * `destroy`; `live()` lists the ones still open.
 */
function trackResources() {
  const HANDLES = new Set(['Timeout', 'TCPSERVERWRAP', 'TCPWRAP']);
  const root = new AsyncResource('FakeServerUnderTest');
  const descendants = new Set<number>([root.asyncId()]);
  const open = new Map<number, string>();
  const hook = createHook({
    init(asyncId, type, triggerAsyncId) {
      // not through promises: the caller's own `await scope(…)` resumes in a promise made inside
      // the scope, and the caller's later work (the test's fetches) is not the server's
      if (type === 'PROMISE' || !descendants.has(triggerAsyncId)) return;
      descendants.add(asyncId);
      if (HANDLES.has(type)) open.set(asyncId, type);
    },
    destroy(asyncId) {
      open.delete(asyncId);
    },
  }).enable();
  return {
    scope: <T>(fn: () => T): T => root.runInAsyncScope(fn),
    live: () => [...open.values()],
    stop: () => {
      hook.disable();
    },
  };
}
