import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import type { CollectOptions } from '../../src/engine/collect-options.js';
import { FetchError } from '../../src/errors.js';
import { blueskyProvider } from '../../src/providers/bluesky.js';
import { mastodonProvider } from '../../src/providers/mastodon.js';
import { telegramProvider } from '../../src/providers/telegram.js';
import { xProvider } from '../../src/providers/x.js';
import { youtubeProvider } from '../../src/providers/youtube.js';
import type { FakeFault, FakeServerOptions } from '../../src/testing/index.js';
import { start as fake } from '../fake-server/helpers.js';
import {
  activeTimers,
  assertNoLeak,
  fastHttp,
  registryOf,
  runsOf,
} from '../providers/conformance.js';

const TOKEN = 'test-bearer-token-0123456789abcdef';
/** X accounts u0…u(n-1), on the server and in a registry; `batches` requests of 100. */
async function xSetup(batches: number, options: FakeServerOptions = {}) {
  const n = batches * 100;
  const server = await fake({
    ...options,
    accounts: Array.from({ length: n }, (_, i) => ({
      platform: 'x' as const,
      handle: `u${i}`,
      followers: i,
    })),
  });
  const provider = xProvider({ bearerToken: TOKEN, baseUrl: server.baseUrl('x') });
  const registry = registryOf(
    'x',
    Array.from({ length: n }, (_, i) => `u${i}`),
  );
  const run = (extra: Partial<CollectOptions> = {}) =>
    collect(registry, { providers: [provider], ...extra, http: { ...fastHttp, ...extra.http } });
  return { server, run };
}

const elapsed = async <T>(fn: () => Promise<T>) => {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
};

describe('1. 429 with Retry-After in every form', () => {
  it.each([
    ['delta seconds', '1', 900, 2_500],
    ['0', '0', 0, 500],
    ['malformed ("soon"): treated as no hint, never a sleep of days', 'soon', 0, 2_000],
  ])('%s', async (_name, retryAfter, min, max) => {
    const { server, run } = await xSetup(1);
    server.inject({ kind: 'rate-limit', retryAfter }, { platform: 'x' });
    const { value, ms } = await elapsed(() => run());
    expect(value.failures).toEqual([]);
    expect(ms).toBeGreaterThanOrEqual(min);
    expect(ms).toBeLessThan(max);
    expect(value.stats).toMatchObject({ throttled: 1, rescheduled: 1, retries: 0 });
  });

  it('as an HTTP date', async () => {
    const { server, run } = await xSetup(1);
    server.inject(
      { kind: 'rate-limit', retryAfter: new Date(Date.now() + 2_000).toUTCString() },
      { platform: 'x' },
    );
    const { value, ms } = await elapsed(() => run());
    expect(value.failures).toEqual([]);
    expect(ms).toBeGreaterThanOrEqual(900); // the date has whole seconds
    expect(ms).toBeLessThan(3_500);
  });

  it('huge: deferred to the scheduler, which fails it at once as rate-limited with the time it reopens', async () => {
    const { server, run } = await xSetup(1);
    server.inject({ kind: 'rate-limit', retryAfter: '999999' }, { platform: 'x' });
    const { value, ms } = await elapsed(() => run({ http: { maxWaitMs: 60_000 } }));
    expect(ms).toBeLessThan(1_000);
    expect(value.failures.map((f) => f.reason)).toEqual(Array(100).fill('rate-limited'));
    const error = value.failures[0]?.error as { resumeAt?: Date };
    expect(error.resumeAt!.getTime()).toBeGreaterThan(Date.now() + 3_600_000);
  });
});

describe('2. 429 without headers', () => {
  it('pauses the bucket for a jittered backoff, then resumes', async () => {
    const { server, run } = await xSetup(3);
    server.inject({ kind: 'rate-limit' }, { platform: 'x' });
    const result = await run();
    expect(result.failures).toEqual([]);
    expect(result.stats.throttled).toBe(1);
    expect(server.stats().x.requests).toBe(4);
  });
});

describe('3. an announced quota reaches remaining = 0', () => {
  it('sends nothing until the reset, then resumes; k of N concurrent jobs are sent, never more', async () => {
    const { server, run } = await xSetup(7, { limits: { x: { limit: 3, windowMs: 1_000 } } });
    const { value, ms } = await elapsed(() => run({ concurrency: 8 }));
    expect(value.failures).toEqual([]);
    expect(server.stats().x).toMatchObject({ requests: 7, throttled: 0 });
    expect(server.stats().x.peakInWindow).toBeLessThanOrEqual(3);
    expect(ms).toBeGreaterThanOrEqual(1_000); // 7 requests need three windows
  });
});

describe('4. every reset encoding paces without a single 429', () => {
  it('epoch seconds (X)', async () => {
    const { server, run } = await xSetup(5, { limits: { x: { limit: 2, windowMs: 1_000 } } });
    const result = await run();
    expect(result.failures).toEqual([]);
    expect(server.stats().x.throttled).toBe(0);
  });

  it('ISO 8601 (Mastodon), one bucket per server', async () => {
    const hosts = ['a.example', 'b.example'];
    const handles = hosts.flatMap((h) => Array.from({ length: 5 }, (_, i) => `u${i}@${h}`));
    const server = await fake({
      accounts: handles.map((handle) => ({ platform: 'mastodon' as const, handle, followers: 1 })),
      limits: { mastodon: { limit: 2, windowMs: 1_000 } },
    });
    const result = await collect(registryOf('mastodon', handles), {
      providers: [mastodonProvider({ baseUrl: (h) => server.baseUrl('mastodon', h) })],
      http: fastHttp,
    });
    expect(result.failures).toEqual([]);
    expect(server.stats().mastodon.throttled).toBe(0);
  });

  it('epoch seconds with RateLimit-Policy (Bluesky)', async () => {
    const handles = Array.from({ length: 125 }, (_, i) => `u${i}.bsky.social`);
    const server = await fake({
      accounts: handles.map((handle) => ({ platform: 'bluesky' as const, handle, followers: 1 })),
      limits: { bluesky: { limit: 2, windowMs: 1_000 } },
    });
    const result = await collect(registryOf('bluesky', handles), {
      providers: [blueskyProvider({ baseUrl: server.baseUrl('bluesky') })],
      http: fastHttp,
    });
    expect(result.failures).toEqual([]);
    expect(server.stats().bluesky).toMatchObject({ requests: 5, throttled: 0 });
  });
});

describe('5. a skewed server clock', () => {
  it.each([
    ['5 minutes ahead', 300_000],
    ['5 minutes behind', -300_000],
  ])(
    '%s: resets are corrected by the Date header, no 429, no five-minute wait',
    async (_name, skew) => {
      const { server, run } = await xSetup(5, {
        dateSkewMs: skew,
        limits: { x: { limit: 2, windowMs: 1_000 } },
      });
      const { value, ms } = await elapsed(() => run());
      expect(value.failures).toEqual([]);
      expect(server.stats().x.throttled).toBe(0);
      expect(ms).toBeLessThan(10_000);
    },
  );
});

describe('6. a token shared with another client', () => {
  it('follows the server when it reports less than the local count: no overshoot', async () => {
    const { server, run } = await xSetup(3, { limits: { x: { limit: 3, windowMs: 2_000 } } });
    // another client spends two of the window's three requests first
    for (let i = 0; i < 2; i++) {
      await fetch(`${server.baseUrl('x')}/2/users/by?usernames=u0&user.fields=public_metrics`);
    }
    const result = await run();
    expect(result.failures).toEqual([]);
    expect(server.stats().x.throttled).toBe(0);
  });
});

describe('10. a 5xx storm', () => {
  it('retries each request at most twice, and the retry budget runs out during the outage', async () => {
    const { server, run } = await xSetup(10);
    server.inject(
      { kind: 'status', status: 500 },
      { platform: 'x', times: Number.POSITIVE_INFINITY },
    );
    const result = await run({
      concurrency: 1,
      http: { retryBudget: 40, failureThreshold: 1_000 },
    });
    expect(result.failures.map((f) => f.reason)).toEqual(Array(1_000).fill('network'));
    // two requests get their two retries (40 tokens at 10 each), the other eight get none
    expect(server.stats().x.requests).toBe(3 + 3 + 8);
    expect(result.stats.retries).toBe(4);
  });

  it('opens the circuit after consecutive failures; a half-open probe closes it', async () => {
    const { server, run } = await xSetup(4);
    server.inject({ kind: 'status', status: 503 }, { platform: 'x', times: 3 });
    const waits: string[] = [];
    const result = await run({
      concurrency: 1,
      http: { failureThreshold: 3, circuitCooldownMs: 300 },
      onProgress: (e) => {
        if (e.type === 'waiting') waits.push(e.reason);
      },
    });
    // the first request fails after 3 attempts; the circuit opens; after the cool-down one probe
    // succeeds and the others follow
    expect(result.failures.map((f) => f.reason)).toEqual(Array(100).fill('network'));
    expect(result.snapshots).toHaveLength(300);
    expect(waits).toContain('circuit-open');
    expect(server.stats().x.requests).toBe(3 + 3);
  });
});

describe('11. network faults', () => {
  it.each([
    ['a connection reset (ECONNRESET) is retried', { kind: 'reset' as const }],
    ['headers that never arrive time out per attempt and are retried', { kind: 'hang' as const }],
    ['an HTML 502 from a proxy is retried', { kind: 'html' as const, status: 502 }],
  ])('%s', async (_name, fault) => {
    const { server, run } = await xSetup(1);
    server.inject(fault, { platform: 'x' });
    const result = await run({ http: { timeoutMs: 300 } });
    expect(result.failures).toEqual([]);
    expect(result.stats.retries).toBe(1);
  });

  it.each([
    [
      'a body that stalls halfway fails as network, without hanging',
      { kind: 'stall-body' as const, afterBytes: 50 },
      'network',
    ],
    [
      'truncated JSON fails as invalid-response',
      { kind: 'truncated-json' as const },
      'invalid-response',
    ],
    [
      'invalid JSON fails as invalid-response',
      { kind: 'invalid-json' as const },
      'invalid-response',
    ],
    [
      'an HTML page with a 200 fails as invalid-response',
      { kind: 'html' as const, status: 200 },
      'invalid-response',
    ],
    ['an empty 200 fails as invalid-response', { kind: 'empty' as const }, 'invalid-response'],
  ])('%s', async (_name, fault, reason) => {
    const { server, run } = await xSetup(2);
    server.inject(fault, { platform: 'x' });
    const result = await run({ concurrency: 1, http: { timeoutMs: 300 } });
    expect(result.failures.map((f) => f.reason)).toEqual(Array(100).fill(reason));
    expect(result.snapshots).toHaveLength(100); // the other batch is kept
  });

  it('a refused connection fails as network after the retries', async () => {
    const { server, run } = await xSetup(1);
    await server.close();
    const result = await run();
    expect(result.failures.map((f) => f.reason)).toEqual(Array(100).fill('network'));
    expect(result.stats.requests).toBe(3);
  });
});

describe('11b. network errors in words', () => {
  const single = (baseUrl: string, http: CollectOptions['http'] = {}) =>
    collect(registryOf('x', ['u0']), {
      providers: [xProvider({ bearerToken: TOKEN, baseUrl })],
      http: { ...fastHttp, ...http },
    });

  it('network errors in words: a DNS failure says "could not resolve host <host> (<code>)", not "TypeError EAI_AGAIN"', async () => {
    // .invalid never resolves (RFC 6761): no query leaves for the internet
    const result = await single('https://api.social-reach.invalid');
    expect(result.failures.map((f) => f.reason)).toEqual(['network']);
    expect(result.failures[0]?.message).toMatch(
      /failed: could not resolve host api\.social-reach\.invalid \((ENOTFOUND|EAI_AGAIN)\) after 3 attempt\(s\)$/,
    );
  });

  it('network errors in words: a closed port says "connection refused by 127.0.0.1:<port> (ECONNREFUSED)"', async () => {
    const server = await fake();
    const base = server.baseUrl('x');
    const port = new URL(base).port;
    await server.close();
    const result = await single(base);
    expect(result.failures[0]?.message).toMatch(
      new RegExp(
        `failed: connection refused by 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\) after 3 attempt\\(s\\)$`,
      ),
    );
  });

  it('network errors in words: a reset says "connection reset by <host>", keeping the code', async () => {
    const server = await fake();
    server.inject({ kind: 'reset' }, { platform: 'x', times: 3 });
    const result = await single(server.baseUrl('x'));
    expect(result.failures[0]?.message).toMatch(
      /failed: connection reset by 127\.0\.0\.1:\d+ \((ECONNRESET|UND_ERR_SOCKET)\) after 3 attempt\(s\)$/,
    );
  });

  it('network errors in words: TLS failures name the certificate or the handshake, keeping the code', async () => {
    // a plain TCP server answering a TLS client: a real handshake failure
    const { createServer } = await import('node:net');
    const plain = createServer((socket) => socket.on('data', () => socket.end('not TLS\r\n')));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const { port } = plain.address() as { port: number };
    try {
      const handshake = await single(`https://127.0.0.1:${port}`);
      expect(handshake.failures[0]?.message).toMatch(
        new RegExp(
          `failed: the TLS handshake with 127\\.0\\.0\\.1:${port} failed \\((ERR_SSL_|EPROTO)`,
        ),
      );
    } finally {
      plain.close();
    }
    // an expired certificate, as undici reports it (a fetch that fails the way Node's does)
    const expired: typeof globalThis.fetch = async () => {
      const cause = Object.assign(new Error('certificate has expired'), {
        code: 'CERT_HAS_EXPIRED',
      });
      throw new TypeError('fetch failed', { cause });
    };
    const certificate = await single('https://api.x.com', { fetch: expired });
    expect(certificate.failures[0]?.message).toMatch(
      /failed: the TLS certificate of api\.x\.com was not accepted \(CERT_HAS_EXPIRED\) after 3 attempt\(s\)$/,
    );
  });
});

describe('12. deadlines and cancellation', () => {
  it('an abort cancels a bucket paused by a throttle', async () => {
    const { server, run } = await xSetup(3);
    server.inject({ kind: 'rate-limit', retryAfter: '30' }, { platform: 'x' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 200);
    const before = activeTimers();
    const { value, ms } = await elapsed(() => run({ signal: controller.signal }));
    expect(ms).toBeLessThan(2_000);
    expect(new Set(value.failures.map((f) => f.reason))).toEqual(new Set(['aborted']));
    expect(activeTimers()).toBeLessThanOrEqual(before);
  });

  it("an abort cancels ky's sleep between retries", async () => {
    const { server, run } = await xSetup(1);
    server.inject({ kind: 'status', status: 503 }, { platform: 'x', times: 3 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 200);
    const { value, ms } = await elapsed(() =>
      run({ signal: controller.signal, http: { retryDelayMs: 60_000 } }),
    );
    expect(ms).toBeLessThan(2_000);
    expect(value.failures[0]?.reason).toBe('aborted');
  });

  it('a deadline earlier than the announced reopening fails the wait at once, as rate-limited', async () => {
    const { server, run } = await xSetup(2);
    server.inject({ kind: 'rate-limit', retryAfter: '30' }, { platform: 'x' });
    const { value, ms } = await elapsed(() =>
      run({ http: { deadline: new Date(Date.now() + 5_000) } }),
    );
    expect(ms).toBeLessThan(2_000);
    expect(new Set(value.failures.map((f) => f.reason))).toEqual(new Set(['rate-limited']));
  });
});

describe('12b. one signal, many requests', () => {
  it('a signal shared by many waiting requests and reused across collections keeps no listeners', async () => {
    const { EventEmitter } = await import('node:events');
    const { run } = await xSetup(40, { limits: { x: { limit: 20, windowMs: 1_000 } } });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const controller = new AbortController();
    try {
      for (let i = 0; i < 2; i++) {
        const result = await run({ signal: controller.signal, concurrency: 32 });
        expect(result.failures).toEqual([]);
        expect(EventEmitter.getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      }
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

describe('13. a redirect to another origin', () => {
  it('is not followed: the credential never reaches the other host', async () => {
    const { server, run } = await xSetup(1);
    const other = await fake();
    server.inject(
      { kind: 'redirect', status: 307, location: `${other.baseUrl('x')}/2/users/by` },
      { platform: 'x' },
    );
    const result = await run();
    expect(result.failures[0]?.reason).toBe('invalid-response');
    expect(result.failures[0]?.message).toContain('not followed');
    expect(other.requests).toHaveLength(0);
  });
});

describe('13b. a redirect that moves the token', () => {
  const requestOf = (error: unknown) => (error instanceof FetchError ? error.request : undefined);
  const token = 'Tq8ZxW3nKp5RvY2mLc7HbJ4d';
  const everything = (result: Awaited<ReturnType<typeof collect>>) =>
    result.failures.flatMap((f) => [
      f.message,
      requestOf(f.error) ?? '',
      JSON.stringify(f.error),
      inspect(f.error, { depth: Infinity, showHidden: true }),
    ]);

  it('defect 3: after a same-origin redirect that moves the token into the URL, error.request, JSON.stringify and util.inspect do not hold it', async () => {
    const x = await fake({ accounts: [{ platform: 'x', handle: 'u0', followers: 1 }] });
    x.inject({ kind: 'redirect', status: 302, location: `/2/users/by?echo=${token}` });
    const xResult = await collect(registryOf('x', ['u0']), {
      providers: [xProvider({ bearerToken: token, baseUrl: x.baseUrl('x') })],
      http: fastHttp,
    });
    const bot = `7012345678:${token}`;
    const telegram = await fake({
      accounts: [{ platform: 'telegram', handle: '@chat_0', followers: 1 }],
    });
    telegram.inject({ kind: 'redirect', status: 302, location: `/moved/${bot}` });
    const telegramResult = await collect(registryOf('telegram', ['@chat_0']), {
      providers: [telegramProvider({ botToken: bot, baseUrl: telegram.baseUrl('telegram') })],
      http: fastHttp,
    });
    expect(requestOf(xResult.failures[0]?.error)).toMatch(/\/2\/users\/by\?echo=\*\*\*$/);
    expect(requestOf(telegramResult.failures[0]?.error)).toMatch(/\/moved\/7012345678:\*\*\*$/);
    for (const text of [...everything(xResult), ...everything(telegramResult)]) {
      expect(runsOf(token, text)).toEqual([]);
    }
  });

  it('defect 4: a refused redirect to an origin named after the YouTube key (lower-cased by URL parsing) does not quote it', async () => {
    const key = 'AIzaSyQ7vLk2XmP9wRt4Yb8Nc3Jd6Hf1Gs5';
    const server = await fake({
      accounts: [{ platform: 'youtube', handle: 'UCaaaaaaaaaaaaaaaaaaaaaa', followers: 1 }],
    });
    server.inject({ kind: 'redirect', status: 302, location: `https://${key}.example/` });
    const result = await collect(registryOf('youtube', ['UCaaaaaaaaaaaaaaaaaaaaaa']), {
      providers: [youtubeProvider({ apiKey: key, baseUrl: server.baseUrl('youtube') })],
      http: fastHttp,
    });
    expect(result.failures[0]?.message).toContain(
      'a redirect to https://***.example: not followed',
    );
    for (const text of everything(result)) expect(runsOf(key, text)).toEqual([]);
  });
});

describe('14. redaction', () => {
  it('a random token never appears in a failure, its stack, cause, inspection or JSON, nor in a progress event', async () => {
    const server = await fake({ accounts: [{ platform: 'x', handle: 'u0', followers: 1 }] });
    const faults = [
      { kind: 'status', status: 401 },
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'hang' },
      { kind: 'invalid-json' },
      { kind: 'html', status: 200 },
      { kind: 'redirect', status: 302, location: 'http://127.0.0.1:9/elsewhere' },
      { kind: 'rate-limit', retryAfter: '99999' },
      // a server that echoes the token back in its error body, in every field
      { kind: 'status', status: 403, body: { title: 'Forbidden', detail: 'bad token ECHO' } },
      { kind: 'status', status: 400, body: { title: 'ECHO', detail: 'ECHO', type: 'ECHO' } },
      // same-origin redirects that move the token into the URL (defect 3), and a redirect to an
      // origin named after it, which URL parsing lower-cases (defect 4)
      { kind: 'redirect', status: 302, location: '/2/users/by?echo=ECHO' },
      { kind: 'redirect', status: 307, location: '/moved/ECHO' },
      { kind: 'redirect', status: 302, location: 'http://ECHO.example/2/users/by' },
      // an answer that quotes it where a snapshot would keep it
      {
        kind: 'status',
        status: 200,
        body: { data: [{ id: 'ECHO', username: 'u0', public_metrics: { followers_count: 1 } }] },
      },
    ] satisfies FakeFault[];
    await assertNoLeak({
      server,
      platform: 'x',
      handles: ['u0'],
      faults,
      make: (token) => xProvider({ bearerToken: token, baseUrl: server.baseUrl('x') }),
      numRuns: 40,
    });
  });
});

describe('15. a refused token', () => {
  it('is not retried, stops its bucket, and leaves other buckets alone', async () => {
    const server = await fake({
      credentials: { x: 'the-real-token' },
      accounts: [{ platform: 'bluesky', handle: 'ok.bsky.social', followers: 3 }],
    });
    const registry = registryOf(
      'x',
      Array.from({ length: 300 }, (_, i) => `u${i}`),
    );
    const both = {
      units: registry.units,
      accounts: [
        ...registry.accounts,
        { id: 'bsky', unit: 'unit', platform: 'bluesky', handle: 'ok.bsky.social' },
      ],
    };
    const { defineRegistry } = await import('../../src/model/registry.js');
    const result = await collect(defineRegistry(both), {
      providers: [
        xProvider({ bearerToken: 'a-wrong-token', baseUrl: server.baseUrl('x') }),
        blueskyProvider({ baseUrl: server.baseUrl('bluesky') }),
      ],
      http: fastHttp,
    });
    expect(server.stats().x.requests).toBe(1);
    expect(result.failures.filter((f) => f.reason === 'unauthorized')).toHaveLength(300);
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['bsky']);
  });
});

describe('17. many buckets reset at the same moment', () => {
  it('resume spread out by jitter, not all at once', async () => {
    const hosts = ['a', 'b', 'c', 'd', 'e', 'f'].map((h) => `${h}.example`);
    const handles = hosts.flatMap((h) => [`u0@${h}`, `u1@${h}`]);
    const server = await fake({
      accounts: handles.map((handle) => ({ platform: 'mastodon' as const, handle, followers: 1 })),
      limits: { mastodon: { limit: 1, windowMs: 2_000 } },
    });
    // Start just after a window opens: the resume jitter is a share of the time left until the
    // reset, which near a boundary would be a millisecond or two.
    await new Promise((resolve) => setTimeout(resolve, 2_000 - (Date.now() % 2_000) + 5));
    const result = await collect(registryOf('mastodon', handles), {
      providers: [mastodonProvider({ baseUrl: (h) => server.baseUrl('mastodon', h) })],
      http: fastHttp,
    });
    expect(result.failures).toEqual([]);
    expect(server.stats().mastodon.throttled).toBe(0);
    const second = hosts.map((h) => server.requests.filter((r) => r.path.includes(h))[1]!.at);
    expect(Math.max(...second) - Math.min(...second)).toBeGreaterThan(2);
  });
});

describe('19. no retry amplification', () => {
  it('one 429 makes exactly one reschedule and no ky retry', async () => {
    const { server, run } = await xSetup(1);
    server.inject({ kind: 'rate-limit', retryAfter: '0' }, { platform: 'x' });
    const result = await run();
    expect(server.stats().x.requests).toBe(2);
    expect(result.stats).toMatchObject({ retries: 0, throttled: 1, rescheduled: 1 });
  });
});
