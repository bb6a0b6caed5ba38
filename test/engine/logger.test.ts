import { Agent, type Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { OptionError } from '../../src/errors.js';
import { telegramProvider } from '../../src/providers/telegram.js';
import { xProvider } from '../../src/providers/x.js';
import { start as fake } from '../fake-server/helpers.js';
import { fastHttp, registryOf } from '../providers/conformance.js';

const X_TOKEN = 'AAAAAAAAAAAAAAAAAAAAALoggerTestTokenLoggerTestToken0123';
const BOT = '123456789:AAHloggerTestBotTokenLoggerTestBot';

/** A logger keeping what it is given, as pino would write it. */
function recorder() {
  const records: { level: string; record: Record<string, unknown>; message: string | undefined }[] =
    [];
  const at =
    (level: string) =>
    (record: Record<string, unknown>, message?: string): void => {
      records.push({ level, record, message });
    };
  return { records, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe("collect's logger", () => {
  it('gets one credential-free record per request sent and per wait', async () => {
    const server = await fake({
      accounts: Array.from({ length: 250 }, (_, i) => ({
        platform: 'x' as const,
        handle: `office${i}`,
        followers: i,
      })),
      credentials: { x: X_TOKEN },
      limits: { x: { limit: 1, windowMs: 1_000 } },
    });
    const { records, logger } = recorder();
    const result = await collect(
      registryOf(
        'x',
        Array.from({ length: 250 }, (_, i) => `office${i}`),
      ),
      {
        providers: [xProvider({ bearerToken: X_TOKEN, baseUrl: server.baseUrl('x') })],
        http: fastHttp,
        logger,
      },
    );
    expect(result.failures).toEqual([]);
    const requests = records.filter((r) => r.record.event === 'request');
    expect(requests).toHaveLength(server.requests.length);
    expect(requests[0]).toMatchObject({
      level: 'info',
      record: {
        event: 'request',
        platform: 'x',
        provider: 'x-api-v2',
        operation: 'users/by',
        method: 'GET',
        host: new URL(server.baseUrl('x')).host,
        path: '/x/2/users/by',
        status: 200,
        attempt: 1,
      },
      message: expect.stringMatching(/^x users\/by answered 200 in \d+ ms$/),
    });
    expect(typeof requests[0]!.record.ms).toBe('number');
    const waits = records.filter((r) => r.record.event === 'wait');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]!.record).toMatchObject({ event: 'wait', platform: 'x', reason: 'quota' });
    expect(Date.parse(String(waits[0]!.record.until))).toBeGreaterThan(0);
    // nothing of the token, and never a query (usernames, keys)
    const text = JSON.stringify(records);
    expect(text).not.toContain(X_TOKEN);
    expect(text).not.toContain('LoggerTestToken');
    expect(text).not.toContain('usernames');
  });

  it("redacts a credential in a request's path (Telegram's bot token), and warns of failures", async () => {
    const server = await fake({
      accounts: [{ platform: 'telegram', handle: 'jansampark', followers: 5 }],
    });
    server.inject({ kind: 'status', status: 503 }, { platform: 'telegram', times: 1 });
    const { records, logger } = recorder();
    await collect(registryOf('telegram', ['jansampark']), {
      providers: [telegramProvider({ botToken: BOT, baseUrl: server.baseUrl('telegram') })],
      http: fastHttp,
      logger,
    });
    const requests = records.filter((r) => r.record.event === 'request');
    expect(requests.map((r) => [r.level, r.record.status, r.record.attempt])).toEqual([
      ['warn', 503, 1],
      ['info', 200, 2],
    ]);
    expect(String(requests[0]!.record.path)).toMatch(/\/bot123456789:\*\*\*\/getChatMemberCount$/);
    expect(JSON.stringify(records)).not.toContain('AAHloggerTestBotToken');
  });

  it('a logger that throws does not stop the collection', async () => {
    const server = await fake({ accounts: [{ platform: 'x', handle: 'office1', followers: 5 }] });
    const boom = () => {
      throw new Error('disk full');
    };
    const result = await collect(registryOf('x', ['office1']), {
      providers: [xProvider({ bearerToken: X_TOKEN, baseUrl: server.baseUrl('x') })],
      http: fastHttp,
      logger: { info: boom, warn: boom, error: boom },
    });
    expect(result.snapshots).toHaveLength(1);
  });
});

describe("collect's http.dispatcher", () => {
  it('is given to fetch with every request (an undici Agent here; a ProxyAgent in use)', async () => {
    const server = await fake({
      accounts: Array.from({ length: 3 }, (_, i) => ({
        platform: 'x' as const,
        handle: `office${i}`,
        followers: i,
      })),
    });
    let dispatched = 0;
    class CountingAgent extends Agent {
      override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
        dispatched++;
        return super.dispatch(options, handler);
      }
    }
    const dispatcher = new CountingAgent();
    try {
      const result = await collect(registryOf('x', ['office0', 'office1', 'office2']), {
        providers: [xProvider({ bearerToken: X_TOKEN, baseUrl: server.baseUrl('x') })],
        http: { ...fastHttp, dispatcher },
      });
      expect(result.snapshots).toHaveLength(3);
      expect(dispatched).toBe(server.requests.length);
      expect(dispatched).toBeGreaterThan(0);
    } finally {
      await dispatcher.close();
    }
  });

  it('refuses what is not a logger or a dispatcher with an OptionError', async () => {
    const registry = registryOf('x', ['office1']);
    const providers = [xProvider({ bearerToken: X_TOKEN })];
    await expect(
      collect(registry, { providers, logger: { info: () => {} } as never }),
    ).rejects.toThrow(OptionError);
    await expect(
      collect(registry, { providers, http: { dispatcher: {} as never } }),
    ).rejects.toThrow(/`http.dispatcher` to be an undici Dispatcher/);
  });
});
