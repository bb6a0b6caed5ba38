/**
 * The contract each platform file of the fake server implements, and what the server hands it.
 *
 * @module
 */
import type { AccountBook } from './accounts.js';
import type { DailyQuota, WindowState } from './limits.js';
import type { FakePlatform, FakeServerOptions } from './types.js';

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
export interface Route {
  readonly platform: FakePlatform;
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
export type AccountLookup = Pick<AccountBook, 'byHandle' | 'byId'>;

/** Server state the platforms read. */
export interface ServerContext {
  readonly accounts: AccountLookup;
  readonly options: FakeServerOptions;
  readonly quota: DailyQuota;
  /** A fresh Facebook-style `fbtrace_id`. */
  traceId(): string;
}

/** The sub-requests of a batch call (Graph's `POST /?batch=`), or its answer when refused whole. */
export type BatchPlan =
  /** Answered as a whole (refused, malformed): counted as one request. */
  | { readonly reply: Reply }
  | {
      /** Each sub-request, as the platform sees a plain request, with its route. */
      readonly parts: readonly { readonly request: ApiRequest; readonly route: Route }[];
      /** Whether each part's headers are sent (`include_headers`, default true). */
      readonly includeHeaders: boolean;
    };

/** One platform API. */
export interface PlatformApi {
  /** The first path segment: `/x`, `/facebook`, … */
  readonly prefix: string;
  /**
   * The query parameters `server.log()` shows, per platform served (Facebook's prefix serves
   * Instagram too): the ones that pick accounts.
   */
  readonly logKeys: { readonly [platform in FakePlatform]?: readonly string[] };
  route(request: ApiRequest, context: ServerContext): Route;
  /** The answer to a request within its limits (authentication included). */
  handle(request: ApiRequest, route: Route, context: ServerContext): Reply;
  /** The platform's throttle answer. */
  throttle(route: Route, throttle: Throttle, context: ServerContext): Reply;
  /** The platform's limit headers for a counted request (none for YouTube and Telegram). */
  limitHeaders(
    route: Route,
    window: WindowState,
    throttle: Throttle | undefined,
    context: ServerContext,
  ): Record<string, string>;
  /** The body of an injected `status` fault that gave none. */
  errorBody(status: number, context: ServerContext): unknown;
  /** The sub-requests of a batch call; `undefined` when the request is not one. */
  batch?(request: ApiRequest, route: Route, context: ServerContext): BatchPlan | undefined;
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
