import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type CollectResult, collect } from '../../src/engine/collect.js';
import type { CollectProgress } from '../../src/engine/collect-options.js';
import type {
  FetchContext,
  LimitObservation,
  LimitParser,
  LimitResponse,
  ProviderV1,
} from '../../src/spec/v1/index.js';
import { registryOf } from '../providers/conformance.js';

/** What the test server saw of one request. */
interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}
type Script = (
  seen: Seen,
  index: number,
) => { status: number; body?: string; headers?: Record<string, string> };

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A local server answering each request by `script`, recording what it saw. */
async function serve(script: Script): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const reply = script(request, seen.length);
      seen.push(request);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const SECRET = 'form-secret-0123456789abcdef';

/** A provider whose one account is fetched by `fetch`, with `readLimits` as given. */
function provider(
  fetch: (context: FetchContext) => Promise<unknown>,
  readLimits?: LimitParser,
): ProviderV1 {
  return {
    specificationVersion: 'v1',
    platform: 'x',
    name: 'post-test',
    maxBatchSize: 1,
    readLimits,
    async fetchBatch(accounts, context) {
      const value = (await fetch(context)) as number;
      return accounts.map((a) => ({
        ok: true as const,
        snapshot: {
          accountId: a.id,
          platform: 'x',
          takenAt: context.now(),
          followers: { value, min: value, max: value },
          source: { provider: 'post-test' },
        },
      }));
    },
  };
}

function run(p: ProviderV1, events: CollectProgress[] = []): Promise<CollectResult> {
  return collect(registryOf('x', ['someone']), {
    providers: [p],
    http: { retryDelayMs: 5, timeoutMs: 2_000, maxThrottleRetries: 3 },
    onProgress: (e) => events.push(e),
  });
}

describe('HttpClient.post: a form POST through the rate gate', () => {
  it('sends the form url-encoded, keeps the query, and hands the provider the parsed answer', async () => {
    const { url, seen } = await serve(() => ({ status: 200, body: '{"count":42}' }));
    const result = await run(
      provider(async ({ http }) => {
        const response = await http.post(`${url}/batch`, {
          searchParams: { access_token: SECRET },
          form: { batch: '[{"method":"GET"}]', include_headers: 'true' },
          operation: 'batch',
        });
        expect(response.method).toBe('POST');
        return (response.body as { count: number }).count;
      }),
    );
    expect(result.snapshots[0]?.followers.value).toBe(42);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `/batch?access_token=${SECRET}`,
        contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
        body: 'batch=%5B%7B%22method%22%3A%22GET%22%7D%5D&include_headers=true',
      },
    ]);
    expect(result.stats.requests).toBe(1);
  });

  it('retries transient faults only when the POST is idempotent', async () => {
    for (const idempotent of [false, true]) {
      const { url, seen } = await serve((_, i) =>
        i === 0 ? { status: 503 } : { status: 200, body: '{"count":1}' },
      );
      const result = await run(
        provider(async ({ http }) => {
          const response = await http.post(url, { form: { a: 'b' }, idempotent });
          return (response.body as { count: number }).count;
        }),
      );
      expect(seen, String(idempotent)).toHaveLength(idempotent ? 2 : 1);
      expect(result.failures.map((f) => f.reason)).toEqual(idempotent ? [] : ['network']);
      expect(result.stats.retries).toBe(idempotent ? 1 : 0);
    }
  });

  it('follows no redirect, and keeps a credential sent in the form out of every message', async () => {
    const { url, seen } = await serve(() => ({
      status: 307,
      headers: { location: '/elsewhere' },
    }));
    const result = await run(
      provider(async ({ http }) => http.post(url, { form: { access_token: SECRET } })),
    );
    expect(seen).toHaveLength(1);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain('a POST is not sent again elsewhere');

    const echo = await serve(() => ({ status: 400, body: JSON.stringify({ error: SECRET }) }));
    const echoed = await run(
      provider(async ({ http }) => {
        const response = await http.post(echo.url, { form: { access_token: SECRET } });
        throw new Error(`refused: ${JSON.stringify(response.body)}`);
      }),
    );
    expect(JSON.stringify(echoed)).not.toContain(SECRET.slice(0, 10));
  });
});

describe('limit signals in a 200 body, and partial throttles', () => {
  it('the limit parser sees a 200 body only when the request asks for it (limitsInBody)', async () => {
    const { url } = await serve(() => ({ status: 200, body: '[{"code":200}]' }));
    const bodies: unknown[] = [];
    const parser: LimitParser = (response: LimitResponse) => {
      bodies.push(response.body);
      return { kind: 'ok' };
    };
    await run(
      provider(async ({ http }) => {
        await http.post(url, { form: {} });
        await http.post(url, { form: {}, limitsInBody: true });
        return 1;
      }, parser),
    );
    expect(bodies).toEqual([undefined, [{ code: 200 }]]);
  });

  it('a partial throttle pauses the bucket but hands the answer over; its throttled parts are counted', async () => {
    const { url, seen } = await serve((_, i) => ({ status: 200, body: String(i) }));
    const partial: LimitObservation = {
      kind: 'throttled',
      partial: true,
      throttledParts: 2,
      retryAfterMs: 30,
    };
    let answers = 0;
    const result = await run(
      provider(
        async ({ http }) => {
          const first = await http.post(url, { form: {}, limitsInBody: true });
          // the provider asks again for the refused parts: the call waits at the gate
          const second = await http.post(url, { form: {}, limitsInBody: true });
          return (first.body as number) + (second.body as number);
        },
        () => (answers++ === 0 ? partial : { kind: 'ok' }),
      ),
    );
    expect(result.snapshots[0]?.followers.value).toBe(1);
    expect(seen).toHaveLength(2);
    expect(result.stats).toMatchObject({ requests: 2, throttled: 2, rescheduled: 0 });
  });

  it('a throttle of every part sends the whole request again, counting each part', async () => {
    const { url, seen } = await serve((_, i) => ({ status: 200, body: String(i) }));
    let answers = 0;
    const result = await run(
      provider(
        async ({ http }) => (await http.post(url, { form: {}, limitsInBody: true })).body,
        () =>
          answers++ === 0
            ? { kind: 'throttled', throttledParts: 3, retryAfterMs: 30 }
            : { kind: 'ok' },
      ),
    );
    expect(result.snapshots[0]?.followers.value).toBe(1);
    expect(seen).toHaveLength(2);
    expect(result.stats).toMatchObject({ requests: 2, throttled: 3, rescheduled: 1 });
  });
});

describe('notices', () => {
  it("a provider's notice reaches onProgress once, with its bucket, redacted and cut to 500 characters", async () => {
    const { url } = await serve(() => ({ status: 200, body: '1' }));
    const events: CollectProgress[] = [];
    await run(
      provider(async ({ http, notice }) => {
        await http.get(url, { searchParams: { access_token: SECRET } });
        notice('fallback', `Graph refused ${SECRET} ${'x'.repeat(1_000)}`);
        return 1;
      }),
      events,
    );
    const notices = events.filter((e) => e.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      type: 'notice',
      platform: 'x',
      provider: 'post-test',
      bucket: 'x',
      code: 'fallback',
    });
    const message = notices[0]?.type === 'notice' ? notices[0].message : '';
    expect(message).toMatch(/^Graph refused \*\*\* x+…$/);
    expect(message.length).toBe(500);
  });
});
