import type { HttpClient } from '../engine/http-client.js';
import type { LimitParser } from '../engine/limits.js';
import type { AdaptiveRate } from '../engine/rate-gate.js';
import type { ProviderError } from '../errors.js';
import type { Account } from '../model/account.js';
import type { PlatformId } from '../model/platform.js';
import type { Snapshot } from '../model/snapshot.js';

/**
 * What the collection engine hands a provider for one batch. The engine owns the network, the
 * clock and cancellation; providers use them through this context.
 */
export interface FetchContext {
  /** Aborted when the collection is cancelled; pass it to every request. */
  readonly signal: AbortSignal;
  /** The collection's clock; use it for `takenAt`. */
  now(): Date;
  /**
   * The HTTP client of this batch's rate bucket: every request passes the bucket's rate gate,
   * transient faults are retried, throttles pause the bucket, and errors come out redacted.
   */
  readonly http: HttpClient;
  /**
   * Tells the collection's `onProgress` something about this bucket that is not an account's
   * outcome, as a `notice` event: `notice('fallback', …)` when the platform refused a kind of
   * request and the provider uses another from now on. Say it once for the bucket, not once per
   * request. The message is redacted like every error (no credential the bucket's requests carried
   * survives) and cut to 500 characters.
   */
  notice(code: NoticeCode, message: string): void;
}

/**
 * What a `notice` progress event is about. `fallback`: the platform refused a kind of request for
 * this credential (Graph multi-ID or batch requests for an app created after 4 November 2026), and
 * the provider falls back to another kind for the rest of the bucket's work.
 */
export type NoticeCode = 'fallback';

/** How the engine paces a provider before (or without) the platform announcing its limits. */
export interface RateLimitPolicy {
  /** Pace at an adaptive rate: for platforms that announce nothing (Telegram). */
  adaptive?: AdaptiveRate;
  /**
   * The rolling window a usage percentage covers (Facebook's `X-App-Usage`: an hour), so that the
   * engine can learn the limit behind the percentages and keep the usage under 100 %.
   */
  usageWindowMs?: number;
}

/** One account's outcome: a snapshot, or a failure that names the account. */
export type ProviderResult =
  | { readonly ok: true; readonly snapshot: Snapshot }
  | { readonly ok: false; readonly accountId: string; readonly error: ProviderError };

/**
 * The provider contract, version 1: the plug-in that turns accounts of one platform into
 * snapshots. Built-in providers call the platforms' official APIs; `staticProvider` takes figures
 * entered by hand; `mockProvider` (from `social-reach/testing`) plays one in tests.
 *
 * Rules a provider follows:
 * - `fetchBatch` receives at most `maxBatchSize` accounts, all of its `platform`;
 * - it returns one result per account: an account that is not found, suspended or hidden is a
 *   failed result (`{ ok: false }`), not an exception;
 * - it throws only when the whole batch failed (the engine then fails every account of the batch);
 * - it never puts a credential into a snapshot or an error.
 */
export interface ProviderV1 {
  readonly specificationVersion: 'v1';
  readonly platform: PlatformId;
  /** A name for messages and snapshot provenance, e.g. `'x-api-v2'`. */
  readonly name: string;
  /** Accounts per request (X 100, YouTube 50, Bluesky 25, one-by-one APIs 1). */
  readonly maxBatchSize: number;
  /**
   * The rate bucket of an account: accounts of one bucket share one rate gate. A bucket is a
   * platform + credential + host (`'mastodon:mastodon.social'`); never put the credential itself
   * in it, only a hash. Batches never mix buckets.
   * @default one bucket for the provider
   */
  bucketOf?(account: Account): string;
  /**
   * Reads a response's rate-limit signals into the engine's limit model.
   * @default a parser for `Retry-After`, the IETF `RateLimit` fields and the usual `X-RateLimit-*`
   */
  readonly readLimits?: LimitParser;
  /** Pacing before the platform's own figures are known, or when it sends none. */
  readonly rateLimit?: RateLimitPolicy;
  fetchBatch(accounts: readonly Account[], context: FetchContext): Promise<ProviderResult[]>;
}
