/**
 * Public types of the fake platform server that name no platform id: an account's state, a limit,
 * and the platform settings of the options. The platform files read them, so they sit below the
 * list of platforms (`platforms.ts`) that `FakePlatform` is derived from.
 *
 * @module
 */

/**
 * What state an account is in, and how each platform shows it:
 *
 * | state | x | mastodon | bluesky | facebook | instagram | youtube | telegram |
 * | --- | --- | --- | --- | --- | --- | --- | --- |
 * | `active` | normal | normal | normal | normal | normal | normal | normal |
 * | `suspended` | `errors[]` "Forbidden" | `suspended: true`, counts 0 | taken down | unknown id | error 110 | absent | chat not found |
 * | `hidden` | normal | `followers_count: -1` | no `followersCount` | no `followers_count` | no `followers_count` | `hiddenSubscriberCount: true` | normal |
 * | `personal` | normal | normal | normal | normal | error 110 | normal | normal |
 * | `deactivated` | `errors[]` "Not Found Error" | 404 | deactivated | unknown id | error 110 | absent | chat not found |
 *
 * @example
 * ```ts
 * server.addAccounts([{ platform: 'youtube', handle: '@quiet', followers: 5_000, state: 'hidden' }]);
 * ```
 */
export type FakeAccountState = 'active' | 'suspended' | 'hidden' | 'personal' | 'deactivated';

/**
 * A rate limit the fake server enforces on one platform: a fixed window, or with `rolling` a
 * sliding one.
 *
 * Windows are aligned to the Unix epoch on the server's clock: the window holding server time `t`
 * is `[k·windowMs, (k+1)·windowMs)` with `k = floor(t / windowMs)`. With `announce` on, `windowMs`
 * must be a multiple of 1000, so every boundary falls on a whole epoch second and the announced
 * reset (`(k+1)·windowMs`) is exact in every encoding (epoch seconds, ISO 8601, `RateLimit-Policy`).
 *
 * @example
 * ```ts
 * // X's documented 300 requests per 15 minutes, scaled down to 3 per second
 * const limits = { x: { limit: 3, windowMs: 1_000 } };
 * ```
 */
export interface FakeLimit {
  /** Requests allowed per window (0 throttles everything). */
  limit: number;
  /** Window length in milliseconds; a multiple of 1000 when `announce` is on. */
  windowMs: number;
  /**
   * Send the platform's limit headers (`x-rate-limit-*`, `X-RateLimit-*`, `RateLimit-*`,
   * Facebook usage headers) and throttle hints (`Retry-After`, Telegram `retry_after`, Facebook
   * `estimated_time_to_regain_access`). Off: no headers, and throttle answers carry no hint.
   * @default true
   */
  announce?: boolean;
  /**
   * What one window is shared by: the whole platform, each credential (bearer token, access
   * token, API key, bot token), or each Mastodon host.
   * @default 'host' for Mastodon, 'global' for the others
   */
  scope?: 'global' | 'token' | 'host';
  /**
   * Whether throttled requests count as requests in their window, as they do on X and Mastodon.
   * @default true
   */
  countRejected?: boolean;
  /**
   * A rolling window instead of a fixed one: a request is allowed while fewer than `limit`
   * requests were counted in the `windowMs` before it (a sliding log, like Meta's hourly usage).
   * The announced reset is when the oldest counted request leaves the window, rounded up to a
   * whole second.
   * @default false
   */
  rolling?: boolean;
}

/**
 * The part of `FakeServerOptions` the platform files read: credentials and each platform's
 * specifics. `FakeServerOptions` extends it; use that.
 */
export interface FakePlatformSettings {
  /**
   * Credentials requests must carry; a platform without one accepts any (or none).
   * `instagramUserId` is the caller's own Instagram professional account id, the node that
   * `business_discovery` is read through.
   */
  credentials?: {
    x?: string;
    facebook?: string;
    instagramUserId?: string;
    youtube?: string;
    telegram?: string;
  };
  /** X specifics. */
  x?: {
    /** Name of the post counter in `public_metrics` (renamed in OpenAPI v2.167). @default 'tweet_count' */
    postCountField?: 'tweet_count' | 'post_count';
    /** Status of a single-user lookup that finds nobody (body: `errors[]` only). @default 200 */
    singleNotFoundStatus?: 200 | 404;
  };
  /** Facebook and Instagram specifics. */
  facebook?: {
    /** HTTP status of a throttled Graph call. @default 400 */
    throttleStatus?: 400 | 403;
    /** Facebook (pages) error code when throttled; Instagram always uses 80002. @default 80001 */
    throttleCode?: 4 | 17 | 32 | 613 | 80001;
    /**
     * `estimated_time_to_regain_access` (minutes) when throttled.
     * @default the minutes left in the window, rounded up
     */
    regainMinutes?: number;
    /** HTTP status of a refused access token (code 190). @default 400 */
    authErrorStatus?: 400 | 401;
    /** Key of the `X-Business-Use-Case-Usage` object for Pages calls. @default '100000000000000' */
    businessId?: string;
    /**
     * Legacy features the app may not use, refused with HTTP 400 and code 12: `['ids']` plays an
     * app created after 4 November 2026 (multi-ID requests refused on every version, per the
     * Graph API v27.0 announcement); `['ids', 'batch']` one that may not use batch requests
     * either. A refused request counts as one call.
     * @default [] (an app created before then)
     */
    refuse?: readonly ('ids' | 'batch')[];
  };
  /** YouTube specifics. */
  youtube?: {
    /** The daily unit quota, reset at midnight America/Los_Angeles (server clock). */
    quota?: { unitsPerDay?: number; unitsPerCall?: number };
    /** What a `channels.list` matching nothing returns. @default 'absent' */
    noMatch?: 'absent' | 'empty';
  };
}
