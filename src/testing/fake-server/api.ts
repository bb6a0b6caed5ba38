/**
 * The contract each platform file of the fake server implements, and what the server hands it.
 *
 * @module
 */
import type { DailyQuota, WindowState } from './limits.js';
import type { FakeAccountState, FakeLimit, FakePlatformSettings } from './shapes.js';

/**
 * One platform the fake server plays, all its facts in its own file (`x.ts`, `facebook.ts` for
 * Facebook and Instagram, …): its id, the API that serves it, its default limits and the shapes of
 * its accounts. `platforms.ts` lists them; the shared files iterate over that list.
 */
export interface FakePlatformModule<P extends Served, Served extends string = P> {
  /** The platform's id: a member of `FakePlatform`. */
  readonly id: P;
  /** The API serving it: Instagram shares Facebook's (one Graph API host, `Served` both). */
  readonly api: PlatformApi<Served>;
  /** The query parameters `server.log()` shows: the ones that pick accounts. */
  readonly logKeys: readonly string[];
  /** The limit the platform documents, in `DOCUMENTED_LIMITS`. */
  readonly documentedLimit?: FakeLimit;
  /** What a limit is shared by when `scope` is not given. @default 'global' */
  readonly defaultScope?: FakeLimit['scope'];
  /**
   * Its base URL names a host (Mastodon: `baseUrl('mastodon', 'mastodon.social')`); `expected` is
   * what the error says when the host is missing or malformed.
   */
  readonly hostInBaseUrl?: { readonly expected: string };
  /** The handle of a generated account (`fakeAccounts`) from `base` (`user0`) and `host`. */
  generatedHandle(base: string, host: string | undefined): string;
  /** A platform-shaped id for an account given none, from its handle's hash. */
  generatedId(seed: IdSeed): string;
  /**
   * Checks and canonicalises a handle given in `accounts` (without its leading `@`; `raw` as
   * given); an `id` returned is the account's id unless one was given. Throws an `OptionError`
   * naming `where`. @default the handle as given
   */
  canonicalHandle?(handle: string, raw: string, where: string): { handle: string; id?: string };
  /** The display name of an account given none. @default the handle (the id without one) */
  displayName?(handle: string): string;
  /** Quota units used today, for `stats().unitsUsed` (YouTube). @default 0 */
  unitsUsed?(context: ServerContext<Served>): number;
}

/** Deterministic digits and letters derived from an account's handle, for its generated id. */
export interface IdSeed {
  /** Up to 18 decimal digits. */
  digits(length: number): string;
  /** `length` characters of `alphabet`. */
  letters(alphabet: string, length: number): string;
}

/** An account as the server keeps it: every field resolved. */
export interface StoredAccount<P extends string = string> {
  readonly platform: P;
  /** Canonical handle without a leading `@` (YouTube: the name after `@`; `''` without one). */
  readonly handle: string;
  readonly id: string;
  readonly followers: number;
  readonly following: number;
  readonly posts: number;
  readonly views: number;
  readonly likes: number;
  readonly name: string;
  readonly state: FakeAccountState;
}

/** An answer to send: `body` is JSON unless it is a string. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Counts as a throttle in the statistics (YouTube's `quotaExceeded`). */
  throttled?: boolean;
}

/** A request as a platform sees it: the path is below the platform's prefix. */
export interface ApiRequest {
  readonly method: string;
  /** Below the prefix: `/2/users/by` for `/x/2/users/by`; Mastodon's still starts with the host. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Server time, ms. */
  readonly now: number;
}

/** Who a request is for: the platform (Facebook or Instagram), its credential and host. */
export interface Route<P extends string = string> {
  readonly platform: P;
  /** The credential the request carries, if any (for `scope: 'token'`). */
  readonly token?: string | undefined;
  /** Mastodon's host. */
  readonly host?: string | undefined;
  /** The path below the host (Mastodon) or the prefix (others). */
  readonly path: string;
}

/** A throttle to answer: from an announced window, a silent one, or a `rate-limit` fault. */
export interface Throttle {
  readonly now: number;
  /** The window, when the limit is announced: the answer then carries the platform's hint. */
  readonly window?: WindowState | undefined;
  /** The raw hint of a `rate-limit` fault. */
  readonly retryAfter?: string | undefined;
}

/** How platforms find accounts (the server's book, or an `impostor` fault's stand-in). */
export interface AccountLookup<P extends string = string> {
  /** Finds an account by handle, case-insensitively (`@` prefix allowed). */
  byHandle(platform: P, handle: string): StoredAccount<P> | undefined;
  /** Finds an account by its exact id. */
  byId(platform: P, id: string): StoredAccount<P> | undefined;
}

/** Server state the platforms read. */
export interface ServerContext<P extends string = string> {
  readonly accounts: AccountLookup<P>;
  readonly options: FakePlatformSettings;
  readonly quota: DailyQuota;
  /** A fresh Facebook-style `fbtrace_id`. */
  traceId(): string;
}

/** The sub-requests of a batch call (Graph's `POST /?batch=`), or its answer when refused whole. */
export type BatchPlan<P extends string = string> =
  /** Answered as a whole (refused, malformed): counted as one request. */
  | { readonly reply: Reply }
  | {
      /** Each sub-request, as the platform sees a plain request, with its route. */
      readonly parts: readonly { readonly request: ApiRequest; readonly route: Route<P> }[];
      /** Whether each part's headers are sent (`include_headers`, default true). */
      readonly includeHeaders: boolean;
    };

/** One platform API, under its own path prefix (it may serve several platforms). */
export interface PlatformApi<P extends string = string> {
  /** The first path segment: `/x`, `/facebook`, … */
  readonly prefix: string;
  route(request: ApiRequest, context: ServerContext<P>): Route<P>;
  /** The answer to a request within its limits (authentication included). */
  handle(request: ApiRequest, route: Route<P>, context: ServerContext<P>): Reply;
  /** The platform's throttle answer. */
  throttle(route: Route<P>, throttle: Throttle, context: ServerContext<P>): Reply;
  /** The platform's limit headers for a counted request (none for YouTube and Telegram). */
  limitHeaders(
    route: Route<P>,
    window: WindowState,
    throttle: Throttle | undefined,
    context: ServerContext<P>,
  ): Record<string, string>;
  /** The body of an injected `status` fault that gave none. */
  errorBody(status: number, context: ServerContext<P>): unknown;
  /** The sub-requests of a batch call; `undefined` when the request is not one. */
  batch?(request: ApiRequest, route: Route<P>, context: ServerContext<P>): BatchPlan<P> | undefined;
  /** The answer to a batch call from its parts' answers (`null`: a part that timed out). */
  joinBatch?(parts: readonly (Reply | null)[], includeHeaders: boolean): Reply;
  /** What `server.log()` shows of a request beyond its query keys (a batch's accounts). */
  logTail?(request: Pick<ApiRequest, 'method' | 'query' | 'body'>): string | undefined;
}

/** Whole seconds from `now` until `at`, rounded up, never negative. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The `Retry-After` header of a `rate-limit` fault, when it gave one. */
export function faultHint(throttle: Throttle): Record<string, string> {
  return throttle.retryAfter === undefined ? {} : { 'retry-after': throttle.retryAfter };
}

/** The `Bearer` token of an `Authorization` header. */
export function bearer(headers: Readonly<Record<string, string>>): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(headers.authorization ?? '');
  return match?.[1]?.trim();
}

/** Standard reason phrases for the default error bodies. */
export function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    408: 'Request Timeout',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? `Status ${status}`;
}
