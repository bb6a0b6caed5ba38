import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CollectResult, collect } from '../../src/engine/collect.js';
import type { CollectOptions } from '../../src/engine/collect-options.js';
import { MAX_HINT_MS } from '../../src/engine/limits.js';
import { OptionError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import { blueskyProvider } from '../../src/providers/bluesky.js';
import { telegramLimits, telegramProvider } from '../../src/providers/telegram.js';
import type { FakeAccount, FakeServerOptions } from '../../src/testing/index.js';
import { credentialTag } from '../../src/util/hash.js';
import { start as fake } from '../fake-server/helpers.js';
import {
  describeProviderConformance,
  fastHttp,
  isTokenLike,
  registryOf,
  reportedText,
  runsOf,
} from './conformance.js';

// The shape @BotFather hands out: the bot id, a colon, 35 characters.
const TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4';

describeProviderConformance('telegramProvider', {
  platform: 'telegram',
  credentials: { telegram: TOKEN },
  // the secret half: the bot id before the colon is kept in redacted URLs on purpose
  secret: TOKEN.slice(TOKEN.indexOf(':')),
  make: (server) => telegramProvider({ botToken: TOKEN, baseUrl: server.baseUrl('telegram') }),
  account: (i) => ({
    fake: { platform: 'telegram', handle: `@IndoreNews${i}`, followers: 48_000 + i },
    handle: i % 2 ? `https://t.me/IndoreNews${i}` : `@indorenews${i}`,
  }),
  unknownHandle: '@NobodyChannel',
  // getChatMemberCount answers a bare count ({ ok: true, result: n }) that names no chat: the
  // request names the chat, and nothing in the answer can say otherwise (docs/platforms.md)
  answersNameTheAccount: false,
});

const chats = (n: number): FakeAccount[] =>
  Array.from({ length: n }, (_, i) => ({
    platform: 'telegram' as const,
    handle: `@chat_${i}`,
    followers: 100 + i,
  }));

async function setup(n: number, options: FakeServerOptions = {}) {
  const server = await fake({ credentials: { telegram: TOKEN }, accounts: chats(n), ...options });
  const provider = telegramProvider({ botToken: TOKEN, baseUrl: server.baseUrl('telegram') });
  const registry = registryOf(
    'telegram',
    chats(n).map((c) => c.handle),
  );
  const run = (extra: Partial<CollectOptions> = {}) =>
    collect(registry, { providers: [provider], ...extra, http: { ...fastHttp, ...extra.http } });
  return { server, provider, run };
}

describe('telegramProvider', () => {
  it('asks getChatMemberCount for each chat by @username, with the token in the path; the count is exact', async () => {
    const { server, run } = await setup(2);
    const result = await run();
    expect(result.failures).toEqual([]);
    expect(result.snapshots.map((s) => [s.accountId, s.followers, s.platformUserId])).toEqual([
      ['acc0', { value: 100, min: 100, max: 100 }, undefined],
      ['acc1', { value: 101, min: 101, max: 101 }, undefined],
    ]);
    expect(server.requests.map((r) => [r.path, r.query.get('chat_id')])).toEqual([
      [`/telegram/bot${TOKEN}/getChatMemberCount`, '@chat_0'],
      [`/telegram/bot${TOKEN}/getChatMemberCount`, '@chat_1'],
    ]);
  });

  it('as shipped (paced from its prior), fetches N chats in N requests, takenAt from the collection clock', async () => {
    const { server, run } = await setup(9);
    const start = Date.parse('2026-11-28T06:30:00Z');
    const t0 = performance.now();
    const clock = () => new Date(start + Math.floor(performance.now() - t0));
    const result = await run({ now: clock });
    expect(result.failures).toEqual([]);
    expect(result.snapshots.map((s) => s.followers.value)).toEqual(
      chats(9).map((c) => c.followers),
    );
    for (const s of result.snapshots) {
      expect(s.takenAt.getTime()).toBeGreaterThanOrEqual(start);
      expect(s.takenAt.getTime()).toBeLessThan(start + 10_000);
      expect(s.source.provider).toBe('telegram-bot-api');
    }
    expect(server.stats().telegram).toMatchObject({ requests: 9, throttled: 0 });
  });

  it('keeps one bucket per bot, named by a tag of the token, never the token', () => {
    const provider = telegramProvider({ botToken: TOKEN });
    const other = telegramProvider({ botToken: `${TOKEN.slice(0, -1)}x` });
    const account = {
      id: 'a',
      unit: 'u',
      platform: 'telegram',
      handle: 'chat_0',
      status: 'active',
    } as const;
    expect(provider.bucketOf?.(account)).toBe(`telegram:${credentialTag(TOKEN)}`);
    expect(other.bucketOf?.(account)).not.toBe(provider.bucketOf?.(account));
    expect(provider.maxBatchSize).toBe(1);
    expect(provider.rateLimit).toEqual({
      adaptive: { initialRate: 5, minRate: 0.5, maxRate: 30 },
    });
  });

  it('reports "chat not found" as not-found, quoting Telegram, and a closed or deleted chat the same way', async () => {
    const server = await fake({
      accounts: [
        { platform: 'telegram', handle: '@open_chat', followers: 7 },
        { platform: 'telegram', handle: '@closed_chat', followers: 9, state: 'deactivated' },
      ],
    });
    const result = await collect(registryOf('telegram', ['open_chat', 'closed_chat', 'no_chat']), {
      providers: [telegramProvider({ botToken: TOKEN, baseUrl: server.baseUrl('telegram') })],
      http: fastHttp,
    });
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['acc1', 'not-found'],
      ['acc2', 'not-found'],
    ]);
    expect(result.failures[0]?.message).toContain('Bad Request: chat not found');
    expect(result.stats.retries).toBe(0);
  });

  it('a chat closed to the bot (403) fails that chat only; another ok:false answer is a provider-error with its description', async () => {
    const { server, run } = await setup(3);
    server.inject(
      {
        kind: 'status',
        status: 403,
        body: {
          ok: false,
          error_code: 403,
          description: 'Forbidden: bot was kicked from the channel chat',
        },
      },
      { platform: 'telegram', match: (r) => r.query.get('chat_id') === '@chat_0' },
    );
    server.inject(
      {
        kind: 'status',
        status: 400,
        body: {
          ok: false,
          error_code: 400,
          description: `Bad Request: group chat was upgraded to a supergroup chat (/bot${TOKEN}/)`,
          parameters: { migrate_to_chat_id: -1001234567890 },
        },
      },
      { platform: 'telegram', match: (r) => r.query.get('chat_id') === '@chat_1' },
    );
    const result = await run({ concurrency: 1 });
    expect(result.failures.map((f) => [f.accountId, f.reason, f.error.status])).toEqual([
      ['acc0', 'unauthorized', 403],
      ['acc1', 'provider-error', 400],
    ]);
    expect(result.failures[0]?.message).toContain('bot was kicked from the channel chat');
    expect(result.failures[1]?.message).toContain('group chat was upgraded to a supergroup chat');
    expect(result.failures[1]?.message).not.toContain(TOKEN.slice(TOKEN.indexOf(':')));
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc2']);
  });

  it('a 404 (unknown method or token path) fails every chat of the bot with one request, pointing at the token and baseUrl', async () => {
    const { server, run } = await setup(3);
    server.inject(
      {
        kind: 'status',
        status: 404,
        body: { ok: false, error_code: 404, description: 'Not Found' },
      },
      { platform: 'telegram' },
    );
    const result = await run();
    expect(server.stats().telegram.requests).toBe(1);
    expect(result.failures.map((f) => f.reason)).toEqual(Array(3).fill('unauthorized'));
    expect(result.failures[0]?.message).toMatch(
      /404 \(Not Found\): .*bot token is malformed or baseUrl points at the wrong path/,
    );
    expect(result.stats.retries).toBe(0);
  });

  it("a 404 that is not the Bot API's (a web page at a wrong baseUrl) fails each chat as invalid-response", async () => {
    const { server, run } = await setup(2);
    server.inject(
      { kind: 'status', status: 404, body: '<html><body>Not Found</body></html>' },
      { platform: 'telegram', times: 2 },
    );
    const result = await run();
    expect(server.stats().telegram.requests).toBe(2);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response', 'invalid-response']);
  });

  it('a 200 whose result is not a count fails as invalid-response', async () => {
    const { server, run } = await setup(1);
    server.inject(
      { kind: 'status', status: 200, body: { ok: true, result: '48213' } },
      { platform: 'telegram' },
    );
    const result = await run();
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain('result');
  });

  it('on 429 pauses the bucket for parameters.retry_after, then sends the same request again', async () => {
    const { server, run } = await setup(3);
    server.inject({ kind: 'rate-limit', retryAfter: '2' }, { platform: 'telegram' });
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    expect(result.failures).toEqual([]);
    expect(result.stats).toMatchObject({ throttled: 1, rescheduled: 1, retries: 0 });
    expect(result.stats.throttledMs).toBeGreaterThanOrEqual(1_900);
    expect(ms).toBeGreaterThanOrEqual(1_900);
    expect(ms).toBeLessThan(10_000);
    expect(server.stats().telegram.requests).toBe(4);
    // the throttled request was sent again, for the same chat
    const first = server.requests[0]!.query.get('chat_id');
    expect(server.requests.filter((r) => r.query.get('chat_id') === first)).toHaveLength(2);
  });

  it('a malformed retry_after is no hint: a short backoff, never NaN or a sleep of days', async () => {
    const { server, run } = await setup(1);
    server.inject({ kind: 'rate-limit', retryAfter: 'soon' }, { platform: 'telegram' });
    const start = performance.now();
    const result = await run();
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(result.failures).toEqual([]);
    expect(result.stats.throttled).toBe(1);
    expect(Number.isFinite(result.stats.throttledMs)).toBe(true);
    expect(server.requests[0]?.status).toBe(429);
  });

  it('a refused token (401) fails every chat of the bot with one request; other buckets go on', async () => {
    const server = await fake({
      credentials: { telegram: TOKEN },
      accounts: [...chats(5), { platform: 'bluesky', handle: 'ok.bsky.social', followers: 3 }],
    });
    const registry = registryOf(
      'telegram',
      chats(5).map((c) => c.handle),
    );
    const wrong = `${TOKEN.slice(0, -4)}WXYZ`;
    const result = await collect(
      defineRegistry({
        units: registry.units,
        accounts: [
          ...registry.accounts,
          { id: 'bsky', unit: 'unit', platform: 'bluesky', handle: 'ok.bsky.social' },
        ],
      }),
      {
        providers: [
          telegramProvider({ botToken: wrong, baseUrl: server.baseUrl('telegram') }),
          blueskyProvider({ baseUrl: server.baseUrl('bluesky') }),
        ],
        http: fastHttp,
      },
    );
    expect(server.stats().telegram.requests).toBe(1);
    expect(result.failures.map((f) => f.reason)).toEqual(Array(5).fill('unauthorized'));
    expect(result.failures[0]?.message).toContain('Telegram refused the bot token');
    expect(result.stats.retries).toBe(0);
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['bsky']);
    expect(JSON.stringify(result)).not.toContain(wrong.slice(wrong.indexOf(':')));
  });

  it('under an unannounced limit (20 per second, plain 429s) collects 60 chats with few throttles', async () => {
    const { server, run } = await setup(60, {
      limits: { telegram: { limit: 20, windowMs: 1_000, announce: false } },
    });
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    expect(result.failures).toEqual([]);
    expect(result.snapshots).toHaveLength(60);
    // the slow start finds the limit, then a few cuts settle the rate under it (3–6 throttles
    // usually; the bound leaves room for a busy machine)
    expect(server.stats().telegram.throttled).toBeLessThanOrEqual(10);
    // 60 requests at 20 per second need three windows; close to that, not far above
    expect(ms).toBeGreaterThanOrEqual(2_000);
    expect(ms).toBeLessThan(20_000);
    expect(server.stats().telegram.requests).toBe(60 + server.stats().telegram.throttled);
  });

  it('checks its options without echoing the token', () => {
    expect(() => telegramProvider({ botToken: '' })).toThrow(/TELEGRAM_BOT_TOKEN/);
    const secret = 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4';
    for (const bad of [secret, `bot7012345678:${secret}`, '7012345678:short', `1:${secret}!`]) {
      let error: unknown;
      try {
        telegramProvider({ botToken: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OptionError);
      const text = `${(error as Error).message}\n${(error as Error).stack}\n${inspect(error)}`;
      expect(text).toContain('`botToken`');
      expect(text).not.toContain(secret);
      expect(text).not.toContain('short');
    }
    expect(() => telegramProvider({ botToken: `bot7012345678:${secret}` })).toThrow(
      /without the "bot" prefix/,
    );
    expect(() => telegramProvider({ botToken: secret })).toThrow(/<35 characters, no colon>/);
    expect(() => telegramProvider({ botToken: TOKEN, baseUrl: 'ftp://x' })).toThrow(/`baseUrl`/);
    expect(() => telegramProvider({ botToken: TOKEN, rate: { initialRate: 0 } })).toThrow(
      /`rate.initialRate`/,
    );
    expect(() =>
      telegramProvider({ botToken: TOKEN, rate: { initialRate: 2, minRate: 3 } }),
    ).toThrow(/`rate.minRate`/);
    expect(
      telegramProvider({ botToken: TOKEN, rate: { initialRate: 50 } }).rateLimit?.adaptive,
    ).toEqual({ initialRate: 50, minRate: 0.5, maxRate: 50 });
    expect(
      telegramProvider({ botToken: ` ${TOKEN}\n`, rate: { initialRate: 0.2 } }).rateLimit?.adaptive,
    ).toEqual({ initialRate: 0.2, minRate: 0.2, maxRate: 30 });
  });
});

describe('telegramLimits', () => {
  const now = Date.UTC(2026, 6, 2, 12, 0, 0);
  const read = (status: number, body?: unknown, headers: HeadersInit = {}) =>
    telegramLimits({ status, headers: new Headers(headers), body }, now);
  const flood = (retry_after: unknown) => ({
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${String(retry_after)}`,
    parameters: { retry_after },
  });

  it('reads parameters.retry_after (seconds) from a 429, as a number or a digit string', () => {
    expect(read(429, flood(35))).toEqual({
      kind: 'throttled',
      retryAfterMs: 35_000,
      source: 'telegram',
    });
    expect(read(429, flood('7'))).toMatchObject({ kind: 'throttled', retryAfterMs: 7_000 });
    expect(read(429, flood(0))).toMatchObject({ kind: 'throttled', retryAfterMs: 0 });
    expect(read(429, flood(1.5))).toMatchObject({ retryAfterMs: 1_500 });
  });

  it('clamps a huge retry_after to a day, and ignores a malformed one', () => {
    expect(read(429, flood(10 ** 12)).retryAfterMs).toBe(MAX_HINT_MS);
    for (const junk of ['soon', '', '-5', -5, '1e3', null, {}, [], Number.NaN, Infinity, true]) {
      expect(read(429, flood(junk))).toEqual({ kind: 'throttled', source: 'telegram' });
    }
    for (const body of [undefined, null, 'Too Many Requests', { ok: false }, { parameters: 3 }]) {
      expect(read(429, body)).toEqual({ kind: 'throttled', source: 'telegram' });
    }
  });

  it('falls back on a Retry-After header; the body wins when both are there', () => {
    expect(read(429, undefined, { 'retry-after': '3' }).retryAfterMs).toBe(3_000);
    expect(read(429, flood(4), { 'retry-after': '3' }).retryAfterMs).toBe(4_000);
  });

  it("401 and the Bot API's 404 are a refused credential; anything else is ok (Telegram announces no quota)", () => {
    expect(read(401, { ok: false, error_code: 401, description: 'Unauthorized' }).kind).toBe(
      'refused',
    );
    expect(read(404, { ok: false, error_code: 404, description: 'Not Found' }).kind).toBe(
      'refused',
    );
    // a 404 that is not the Bot API talking (a web server's page at a wrong baseUrl)
    expect(read(404).kind).toBe('ok');
    for (const status of [200, 400, 403, 500, 502]) expect(read(status).kind).toBe('ok');
  });

  it('is total: never throws, never NaN, never a negative or over-long wait', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record({ parameters: fc.record({ retry_after: fc.oneof(fc.anything(), fc.double()) }) }),
      fc.record({ ok: fc.oneof(fc.constant(false), fc.anything()), error_code: fc.anything() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), junk, fc.string(), (status, body, header) => {
        const observation = telegramLimits(
          {
            status,
            headers: new Headers({ 'retry-after': header.replace(/[^\t\x20-\x7e]/g, '') }),
            body,
          },
          now,
        );
        const wait = observation.retryAfterMs;
        if (wait !== undefined) {
          expect(Number.isFinite(wait)).toBe(true);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(MAX_HINT_MS);
        }
        const botApiError =
          typeof body === 'object' &&
          body !== null &&
          !Array.isArray(body) &&
          (body as { ok?: unknown }).ok === false;
        expect(observation.kind).toBe(
          status === 429
            ? 'throttled'
            : status === 401 || (status === 404 && botApiError)
              ? 'refused'
              : 'ok',
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('telegram redaction (fetch-engine §14, for the token in the path)', () => {
  it('a random bot token never appears in a failure, its stack, cause, inspection or JSON, nor in a progress event', async () => {
    const server = await fake({
      accounts: [{ platform: 'telegram', handle: '@chat_0', followers: 1 }],
    });
    // each fault with the failure it must end in (so that every path is really taken)
    const faults = [
      [{ kind: 'status', status: 401 }, 'unauthorized'],
      [{ kind: 'status', status: 500 }, 'network'],
      [{ kind: 'reset' }, 'network'],
      [{ kind: 'hang' }, 'network'],
      [{ kind: 'invalid-json' }, 'invalid-response'],
      [{ kind: 'html', status: 200 }, 'invalid-response'],
      [{ kind: 'html', status: 502 }, 'network'],
      [
        { kind: 'redirect', status: 302, location: 'http://127.0.0.1:9/elsewhere' },
        'invalid-response',
      ],
      [{ kind: 'rate-limit', retryAfter: '99999' }, 'rate-limited'],
      // servers (or proxies) that echo the request path back in their error description
      [
        { kind: 'status', status: 400, body: { ok: false, error_code: 400, description: 'ECHO' } },
        'provider-error',
      ],
      [
        { kind: 'status', status: 403, body: { ok: false, error_code: 403, description: 'ECHO' } },
        'unauthorized',
      ],
      [
        { kind: 'status', status: 404, body: { ok: false, error_code: 404, description: 'ECHO' } },
        'unauthorized',
      ],
      // a proxy's page that is not JSON, quoting the request: the engine quotes its start
      [{ kind: 'status', status: 400, body: 'ECHO' }, 'invalid-response'],
      // a same-origin redirect that moves the token out of /bot<id>:… (defect 3)
      [{ kind: 'redirect', status: 302, location: '/moved/ECHO' }, 'invalid-response'],
      [{ kind: 'redirect', status: 307, location: '?echo=ECHO' }, 'provider-error'],
    ] as const;
    const tokens = fc
      .tuple(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.stringMatching(/^[A-Za-z0-9_-]{20,60}$/).filter(isTokenLike),
      )
      .map(([id, secret]) => ({ token: `${id}:${secret}`, secret }));
    // every fault, each with a few random tokens
    for (const [fault, reason] of faults) {
      await fc.assert(
        fc.asyncProperty(tokens, async ({ token, secret }) => {
          server.reset();
          server.clearFaults();
          // the token echoed whole, in its path, its secret half alone, in other cases, and cut
          // (defect 4: no 8-character run of the secret may survive)
          const echo = `Bad Request: at /bot${token}/ (${token}; secret ${secret}; ${secret.toUpperCase()}; ${secret.toLowerCase().slice(3, 14)})`;
          const injected =
            'body' in fault
              ? {
                  ...fault,
                  body:
                    typeof fault.body === 'string'
                      ? `<p>${echo}</p>`
                      : { ...fault.body, description: echo },
                }
              : 'location' in fault
                ? { ...fault, location: fault.location.replace('ECHO', token) }
                : fault;
          server.inject(injected, { platform: 'telegram', times: 3 });
          const events: unknown[] = [];
          const result: CollectResult = await collect(registryOf('telegram', ['chat_0']), {
            providers: [telegramProvider({ botToken: token, baseUrl: server.baseUrl('telegram') })],
            http: { ...fastHttp, timeoutMs: 200, retries: 1, maxWaitMs: 1_000 },
            onProgress: (e) => events.push(e),
          });
          expect(result.failures.map((f) => f.reason)).toEqual([reason]);
          const seen = reportedText(result, events);
          // the bot id before the colon is the bot's public user id: only the secret half counts
          expect(runsOf(secret, seen)).toEqual([]);
          expect(seen).not.toContain(encodeURIComponent(token));
        }),
        { numRuns: 4 },
      );
    }
  });
});
