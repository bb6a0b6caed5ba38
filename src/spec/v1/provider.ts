/**
 * The provider contract, version 1: what a provider is and returns. Type-only, like every file of
 * `src/spec/v1`: it imports nothing from the engine that implements it.
 *
 * @module
 */

import type { ProviderError } from '../../errors.js';
import type { Account } from '../../model/account.js';
import type { PlatformId } from '../../model/platform.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { FetchContext } from './fetch-context.js';
import type { LimitParser } from './limits.js';

/** How the engine paces a bucket whose platform announces no quota (Telegram, a third-party API). */
export interface AdaptiveRate {
  /** Requests per second to start with. */
  initialRate: number;
  /** @default 0.5 */
  minRate?: number;
  /** @default 1000 */
  maxRate?: number;
}

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
