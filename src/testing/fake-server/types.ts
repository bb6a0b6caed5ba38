/**
 * Public types of the fake platform API server (`social-reach/testing`).
 *
 * @module
 */
import type { FakePlatform } from './platforms.js';
import type { FakeAccountState, FakeLimit, FakePlatformSettings } from './shapes.js';

/**
 * One account the fake server knows.
 *
 * @example
 * ```ts
 * const accounts: FakeAccount[] = [
 *   { platform: 'x', handle: 'IndoreCollector', followers: 77_000 },
 *   { platform: 'mastodon', handle: 'indore@mastodon.social', followers: 1_200 },
 *   { platform: 'youtube', handle: '@IndoreCollector', id: 'UCBVjMGOIkavEAhyqpxJ73Dw', followers: 123_456 },
 * ];
 * ```
 */
export interface FakeAccount {
  platform: FakePlatform;
  /**
   * The handle in its canonical case: X/Facebook/Instagram/Telegram user names (a leading `@` is
   * dropped), Mastodon `user@host` (the home host), Bluesky `name.bsky.social`, YouTube `@name`
   * (or a `UC…` channel id for a channel without a handle).
   */
  handle: string;
  /**
   * The platform id. Generated deterministically from the handle when absent: X ids are numeric
   * strings beyond 2^53, Bluesky ids are `did:plc:` DIDs, YouTube ids are `UC` + 22 characters,
   * Telegram ids are `-100…` chat ids.
   */
  id?: string;
  /** Followers / subscribers / members, exact. YouTube rounds it down when answering. */
  followers: number;
  /** @default 0 */
  following?: number;
  /** Posts, tweets, statuses, videos or media. @default 0 */
  posts?: number;
  /** YouTube `viewCount`. @default 0 */
  views?: number;
  /** Facebook `fan_count` (page likes). @default followers */
  likes?: number;
  /** Display name. @default the handle */
  name?: string;
  /** @default 'active' */
  state?: FakeAccountState;
}

/**
 * A fault to inject into the next matching requests (see `server.inject`).
 *
 * - `status`: answer this status with `body` (default: the platform's generic error body);
 * - `rate-limit`: the platform's own throttle answer (429, Facebook 400 with its throttle code,
 *   YouTube 403 `rateLimitExceeded`, Telegram 429) with `retryAfter` as the raw hint: a
 *   `Retry-After` header, except on Telegram, whose hint is the body's `parameters.retry_after`
 *   (a number when the value is digits, the raw string otherwise). Without `retryAfter` the
 *   answer carries no hint at all; add platform hints such as `x-rate-limit-reset` with `headers`;
 * - `hang`: never answers (the socket stays open until the client gives up or the server closes);
 * - `slow-headers`: answers normally after `delayMs`;
 * - `stall-body`: sends the headers and the first `afterBytes` bytes of the normal body, then stalls;
 * - `reset`: destroys the socket with a TCP RST (`ECONNRESET`);
 * - `truncated-json`: the normal answer cut in half (a complete HTTP response, invalid JSON);
 * - `invalid-json`: a 200 whose JSON body is malformed;
 * - `html`: an HTML error page (e.g. a proxy's 502, or a 200 captive portal);
 * - `empty`: an empty body (status 200 unless given);
 * - `redirect`: a redirect to `location` (e.g. another fake server, to check that credentials are
 *   not forwarded);
 * - `null-parts`: the platform's own answer to a Graph batch call, with the parts at the given
 *   indices (0-based) answered `null`, as Graph answers a sub-request that timed out (they are
 *   counted all the same); no effect on other requests;
 * - `impostor`: the platform's own answer, but about the account `handle` (of the same platform,
 *   by handle or id) wherever the request asks about any account: a lookup of `indore` answers
 *   with `mallory`'s profile and figures, a batch answers `mallory` for every name, and Facebook's
 *   `?ids=` answer holds `mallory`'s Page under each key asked. For checking that a client matches
 *   every answer to the account it asked for (Telegram's answer names no chat, so there a client
 *   cannot tell). A handle the server does not know makes every account unknown.
 *
 * Faults that replace the answer (`status`, `rate-limit`, `hang`, `reset`, `invalid-json`, `html`,
 * `empty`, `redirect`) never reach the platform: they count in no window and cost no quota. Faults
 * that spoil a normal answer (`slow-headers`, `stall-body`, `truncated-json`, `null-parts`,
 * `impostor`) do.
 *
 * @example
 * ```ts
 * server.inject({ kind: 'status', status: 503 }, { platform: 'x', times: 2 });
 * server.inject({ kind: 'rate-limit', retryAfter: 'soon' }, { platform: 'bluesky' });
 * server.inject({ kind: 'impostor', handle: 'mallory@mastodon.social' }, { platform: 'mastodon' });
 * ```
 */
export type FakeFault =
  | {
      kind: 'status';
      status: number;
      /** A string is sent as is; anything else as JSON. */
      body?: unknown;
      headers?: Record<string, string>;
    }
  | { kind: 'rate-limit'; retryAfter?: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'slow-headers'; delayMs: number }
  | { kind: 'stall-body'; afterBytes: number }
  | { kind: 'reset' }
  | { kind: 'truncated-json' }
  | { kind: 'invalid-json' }
  | { kind: 'html'; status?: number }
  | { kind: 'empty'; status?: number }
  | { kind: 'redirect'; status: 301 | 302 | 307 | 308; location: string }
  | { kind: 'null-parts'; parts: readonly number[] }
  | { kind: 'impostor'; handle: string };

/**
 * Which requests an injected fault applies to.
 *
 * @example
 * ```ts
 * server.inject({ kind: 'reset' }, { platform: 'x', times: 3, match: (r) => r.query.has('usernames') });
 * ```
 */
export interface FakeInjectOptions {
  /** Only requests to this platform. @default any platform */
  platform?: FakePlatform;
  /** How many matching requests get the fault (`Infinity` for all). @default 1 */
  times?: number;
  /** Only requests this returns true for. */
  match?: (request: FakeRequest) => boolean;
}

/**
 * One request the fake server received.
 *
 * @example
 * ```ts
 * const [first] = server.requests;
 * expect(first?.headers.authorization).toBe('Bearer test-token');
 * expect(first?.query.get('user.fields')).toBe('public_metrics');
 * ```
 */
export interface FakeRequest {
  /** The platform it was addressed to; `undefined` when the path matched none. */
  readonly platform: FakePlatform | undefined;
  readonly method: string;
  /** The full path, prefix included, without the query: `/x/2/users/by`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body, for POSTs (Telegram); `''` otherwise. */
  readonly body: string;
  /** Server time (ms, skew included) when the request arrived. */
  readonly at: number;
  /** The status answered; `undefined` while pending, and for `hang` and `reset`. */
  readonly status: number | undefined;
  /** The injected fault applied, if any. */
  readonly fault: FakeFault['kind'] | undefined;
}

/**
 * Per-platform counters of {@link FakePlatformServer.stats}.
 *
 * @example
 * ```ts
 * const { requests, throttled, maxConcurrent, peakInWindow } = server.stats().x;
 * expect(peakInWindow).toBeLessThanOrEqual(300);
 * ```
 */
export interface FakePlatformStats {
  /** HTTP requests received. */
  requests: number;
  /**
   * Calls received as the platform counts them: one per request, except a Graph batch call,
   * which counts one per sub-request (Meta counts each call within a batch separately).
   */
  calls: number;
  /**
   * Calls answered with a throttle (limit exceeded or `rate-limit` fault) or quota error: a
   * request, or a part of a Graph batch.
   */
  throttled: number;
  /** Most requests in flight at once. */
  maxConcurrent: number;
  /** Most calls counted in any one window of the platform's limit (0 without a limit). */
  peakInWindow: number;
  /** YouTube quota units used today (0 on other platforms). */
  unitsUsed: number;
}

/**
 * Options of `createFakePlatformServer`.
 *
 * @example
 * ```ts
 * const options: FakeServerOptions = {
 *   accounts: fakeAccounts('x', 1_000),
 *   credentials: { x: 'test-token' },
 *   limits: { x: { limit: 300, windowMs: 900_000 } },
 *   clock: () => now,
 *   dateSkewMs: -5 * 60_000,
 * };
 * ```
 */
export interface FakeServerOptions extends FakePlatformSettings {
  /** Accounts known at start; change them later with `setAccounts` / `addAccounts`. */
  accounts?: readonly FakeAccount[];
  /** Rate limits per platform; a platform without one is unlimited and sends no limit headers. */
  limits?: Partial<Record<FakePlatform, FakeLimit>>;
  /**
   * The clock, in epoch ms.
   * @default Date.now
   */
  clock?: () => number;
  /**
   * How far the server's clock is ahead of `clock()` (negative: behind). The server's `Date`
   * header, announced resets and windows all use the skewed time, as a real skewed server would.
   * @default 0
   */
  dateSkewMs?: number;
  /** Delay added before every answer. @default 0 */
  latencyMs?: number;
}

/**
 * A running fake platform API server. Get one from `createFakePlatformServer`.
 *
 * @example
 * ```ts
 * const server = await createFakePlatformServer({ accounts: [{ platform: 'x', handle: 'Indore', followers: 5 }] });
 * const res = await fetch(`${server.baseUrl('x')}/2/users/by?usernames=indore&user.fields=public_metrics`);
 * expect(server.log()).toEqual(['GET /x/2/users/by?usernames=indore']);
 * await server.close();
 * ```
 */
export interface FakePlatformServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /**
   * The base URL a provider uses instead of the platform's real one. Mastodon needs the host
   * (`baseUrl('mastodon', 'mastodon.social')`); Instagram shares Facebook's.
   */
  baseUrl(platform: FakePlatform, host?: string): string;
  /** Every request received, in arrival order (cleared by `reset`). */
  readonly requests: readonly FakeRequest[];
  /**
   * The requests as compact strings, e.g. `"GET /x/2/users/by?usernames=a,b"`: the path and only
   * the query parameters that pick accounts (`usernames`, `ids`, `acct`, `id[]`, `actors`,
   * `actor`, `id`, `forHandle`, `chat_id`, Instagram's `fields`), decoded (commas stay commas);
   * `{ status: true }` appends ` → 429` (` → -` when unanswered).
   */
  log(options?: { status?: boolean }): string[];
  /** Counters per platform. */
  stats(): Record<FakePlatform, FakePlatformStats>;
  /** Replaces every account. */
  setAccounts(accounts: readonly FakeAccount[]): void;
  /** Adds accounts, replacing any with the same platform and handle. */
  addAccounts(accounts: readonly FakeAccount[]): void;
  /** Queues a fault for the next matching requests; faults apply in the order injected. */
  inject(fault: FakeFault, options?: FakeInjectOptions): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Clears the request log, the counters, the limit windows and the YouTube quota. */
  reset(): void;
  /** Closes every socket (hung ones too), clears every timer, and stops listening. */
  close(): Promise<void>;
}
