/**
 * A fake platform API server for tests: one `node:http` server on 127.0.0.1 that plays X,
 * Mastodon, Bluesky, Facebook (with Instagram), YouTube and Telegram with their real paths,
 * answers, errors and limit headers (platforms.md), enforces scaled-down rate limits, and injects
 * the faults an engine must survive (fetch-engine.md §9–10). See docs/fake-server.md.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OptionError } from '../../errors.js';
import { AccountBook } from './accounts.js';
import type {
  AccountLookup,
  ApiRequest,
  PlatformApi,
  Reply,
  Route,
  ServerContext,
  Throttle,
} from './api.js';
import { FaultQueue, faultReply, spoils, writeReply } from './faults.js';
import { DailyQuota, LimitBook, resolveLimits } from './limits.js';
import {
  FAKE_PLATFORM_MODULE,
  FAKE_PLATFORM_MODULES,
  FAKE_PLATFORMS,
  type FakePlatform,
  isFakePlatform,
} from './platforms.js';
import type {
  FakePlatformServer,
  FakePlatformStats,
  FakeRequest,
  FakeServerOptions,
} from './types.js';

/** The platform APIs by path prefix (Facebook's serves Instagram too). */
const APIS = new Map<string, PlatformApi<FakePlatform>>(
  FAKE_PLATFORM_MODULES.map((module): [string, PlatformApi<FakePlatform>] => [
    module.api.prefix,
    module.api,
  ]),
);

/**
 * Starts a fake platform API server on 127.0.0.1 (random port). Point a provider at
 * `server.baseUrl(platform)` instead of the platform's real base URL.
 *
 * @example
 * ```ts
 * import { createFakePlatformServer } from 'social-reach/testing';
 *
 * const server = await createFakePlatformServer({
 *   accounts: [{ platform: 'x', handle: 'IndoreCollector', followers: 77_000 }],
 *   credentials: { x: 'test-token' },
 *   limits: { x: { limit: 3, windowMs: 1_000 } },
 * });
 * const res = await fetch(
 *   `${server.baseUrl('x')}/2/users/by?usernames=indorecollector&user.fields=public_metrics`,
 *   { headers: { authorization: 'Bearer test-token' } },
 * );
 * // { data: [{ id: '1…', name: 'IndoreCollector', username: 'IndoreCollector', public_metrics: {…} }] }
 * await server.close();
 * ```
 */
export async function createFakePlatformServer(
  options: FakeServerOptions = {},
): Promise<FakePlatformServer> {
  const { clock = Date.now, dateSkewMs = 0, latencyMs = 0 } = options;
  if (typeof clock !== 'function') throw new OptionError('clock', 'a function', clock);
  if (!Number.isFinite(dateSkewMs)) throw new OptionError('dateSkewMs', 'a number', dateSkewMs);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new OptionError('latencyMs', 'a number >= 0', latencyMs);
  }
  const now = () => clock() + dateSkewMs;
  const accounts = new AccountBook(options.accounts ?? []);
  const limits = new LimitBook(
    resolveLimits(options.limits, (platform) =>
      isFakePlatform(platform) ? FAKE_PLATFORM_MODULE[platform].defaultScope : undefined,
    ),
  );
  const quota = new DailyQuota(
    options.youtube?.quota?.unitsPerDay ?? 10_000,
    options.youtube?.quota?.unitsPerCall ?? 1,
  );
  const faults = new FaultQueue();
  let traces = 0;
  const context: ServerContext<FakePlatform> = {
    accounts,
    options,
    quota,
    traceId: () => `AFake${(++traces).toString(36).padStart(6, '0')}`,
  };

  let requests: { -readonly [K in keyof FakeRequest]: FakeRequest[K] }[] = [];
  let counters = freshCounters();
  const inFlight = new Map<FakePlatform, number>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  /** Runs `fn` after `ms` (at once for 0), with the timer cleared by `close()`. */
  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  /**
   * The platform's own answer: limits first (every request counts), then the API itself, which
   * finds accounts through `ctx` (an `impostor` fault's context answers about another account).
   * A batch call (Graph's) is answered part by part, each part counted and limited on its own;
   * `nullParts` are answered `null` (a `null-parts` fault).
   */
  const answer = (
    api: PlatformApi<FakePlatform>,
    request: ApiRequest,
    route: Route<FakePlatform>,
    ctx: ServerContext<FakePlatform> = context,
    nullParts: readonly number[] = [],
  ): Reply => {
    const plan = api.batch?.(request, route, ctx);
    if (plan === undefined || !api.joinBatch) return answerOne(api, request, route, ctx);
    if ('reply' in plan) return answerOne(api, request, route, ctx, plan.reply);
    counters[route.platform].calls += plan.parts.length - 1;
    const replies = plan.parts.map((part, i) => {
      const reply = answerOne(api, part.request, part.route, ctx);
      return nullParts.includes(i) ? null : reply;
    });
    return api.joinBatch(replies, plan.includeHeaders);
  };

  /** One call: its limit, then the API's answer (or `given`, a batch refused whole). */
  const answerOne = (
    api: PlatformApi<FakePlatform>,
    request: ApiRequest,
    route: Route<FakePlatform>,
    ctx: ServerContext<FakePlatform>,
    given?: Reply,
  ): Reply => {
    const admission = limits.admit(route.platform, route, request.now);
    let throttle: Throttle | undefined;
    let reply: Reply;
    if (admission && !admission.allowed) {
      throttle = { now: request.now, window: admission.announce ? admission.window : undefined };
      reply = api.throttle(route, throttle, ctx);
    } else {
      reply = given ?? api.handle(request, route, ctx);
    }
    if (throttle || reply.throttled) counters[route.platform].throttled++;
    if (!admission?.announce) return reply;
    const announced = api.limitHeaders(route, admission.window, throttle, ctx);
    return { ...reply, headers: { ...announced, ...reply.headers } };
  };

  const serve = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const at = now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const api = APIS.get(prefix);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const request: ApiRequest = {
      method: req.method ?? 'GET',
      path: `/${rest.join('/')}`,
      query: url.searchParams,
      headers,
      body,
      now: at,
    };
    const route = api?.route(request, context);
    const record: (typeof requests)[number] = {
      platform: route?.platform,
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body,
      at,
      status: undefined,
      fault: undefined,
    };
    requests.push(record);
    if (route) {
      const platform = route.platform;
      counters[platform].requests++;
      counters[platform].calls++;
      const current = (inFlight.get(platform) ?? 0) + 1;
      inFlight.set(platform, current);
      counters[platform].maxConcurrent = Math.max(counters[platform].maxConcurrent, current);
      res.once('close', () => inFlight.set(platform, (inFlight.get(platform) ?? 1) - 1));
    }
    const fault = faults.take(record);
    record.fault = fault?.kind;
    if (fault?.kind === 'hang') return; // the socket stays open until the client or close() ends it
    if (fault?.kind === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    let reply: Reply;
    if (!api || !route) {
      reply = {
        status: 404,
        body: { error: 'Not Found', message: `No fake platform at /${prefix}` },
      };
    } else if (fault?.kind === 'rate-limit') {
      counters[route.platform].throttled++;
      reply = api.throttle(route, { now: at, retryAfter: fault.retryAfter }, context);
      reply = { ...reply, headers: { ...reply.headers, ...fault.headers } };
    } else if (fault && !spoils(fault)) {
      reply = faultReply(fault, (status) => api.errorBody(status, context));
    } else if (fault?.kind === 'impostor') {
      reply = answer(api, request, route, impostorContext(context, route.platform, fault.handle));
    } else if (fault?.kind === 'null-parts') {
      reply = answer(api, request, route, context, fault.parts);
    } else {
      reply = answer(api, request, route);
    }
    const delay = latencyMs + (fault?.kind === 'slow-headers' ? fault.delayMs : 0);
    later(delay, () => {
      if (res.destroyed) return; // the client gave up while the answer was delayed
      record.status = reply.status;
      writeReply(res, reply, now(), fault);
    });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        serve(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        // a bug in the fake server, not a platform answer: say so plainly
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake server error: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    baseUrl(platform, host) {
      if (!isFakePlatform(platform)) {
        throw new OptionError('platform', `one of ${FAKE_PLATFORMS.join(', ')}`, platform);
      }
      const module = FAKE_PLATFORM_MODULE[platform];
      if (!module.hostInBaseUrl) return `${url}/${module.api.prefix}`;
      if (typeof host !== 'string' || !/^[a-z0-9.-]+$/i.test(host)) {
        throw new OptionError('host', module.hostInBaseUrl.expected, host);
      }
      return `${url}/${module.api.prefix}/${host.toLowerCase()}`;
    },
    get requests() {
      return requests;
    },
    log(logOptions = {}) {
      return requests.map((request) => {
        const api = APIS.get(request.path.split('/')[1] ?? '');
        const keys = request.platform ? FAKE_PLATFORM_MODULE[request.platform].logKeys : [];
        const query = [...request.query]
          .filter(([key]) => keys.includes(key))
          .map(([key, value]) => `${key}=${value}`)
          .join('&');
        const status = logOptions.status ? ` → ${request.status ?? '-'}` : '';
        const tail = api?.logTail?.(request);
        return `${request.method} ${request.path}${query ? `?${query}` : ''}${tail ? ` ${tail}` : ''}${status}`;
      });
    },
    stats() {
      const out = {} as Record<FakePlatform, FakePlatformStats>;
      for (const platform of FAKE_PLATFORMS) {
        out[platform] = {
          ...counters[platform],
          peakInWindow: limits.peak(platform),
          unitsUsed: FAKE_PLATFORM_MODULE[platform].unitsUsed?.(context) ?? 0,
        };
      }
      return out;
    },
    setAccounts: (list) => accounts.set(list),
    addAccounts: (list) => accounts.add(list),
    inject: (fault, injectOptions) => faults.add(fault, injectOptions),
    clearFaults: () => faults.clear(),
    reset() {
      requests = [];
      counters = freshCounters();
      limits.reset();
      quota.reset();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

/** A context in which every account of `platform` the request asks about is `handle`'s account. */
function impostorContext(
  context: ServerContext<FakePlatform>,
  platform: FakePlatform,
  handle: string,
): ServerContext<FakePlatform> {
  const impostor =
    context.accounts.byHandle(platform, handle) ?? context.accounts.byId(platform, handle);
  const accounts: AccountLookup<FakePlatform> = {
    byHandle: (of) => (of === platform ? impostor : undefined),
    byId: (of) => (of === platform ? impostor : undefined),
  };
  return { ...context, accounts };
}

type Counters = { requests: number; calls: number; throttled: number; maxConcurrent: number };

function freshCounters(): Record<FakePlatform, Counters> {
  const counters = {} as Record<FakePlatform, Counters>;
  for (const platform of FAKE_PLATFORMS)
    counters[platform] = { requests: 0, calls: 0, throttled: 0, maxConcurrent: 0 };
  return counters;
}

export { type FakeAccountsOptions, fakeAccounts } from './accounts.js';
export { DOCUMENTED_LIMITS, FAKE_PLATFORMS, type FakePlatform } from './platforms.js';
export type { FakeAccountState, FakeLimit } from './shapes.js';
export type {
  FakeAccount,
  FakeFault,
  FakeInjectOptions,
  FakePlatformServer,
  FakePlatformStats,
  FakeRequest,
  FakeServerOptions,
} from './types.js';
