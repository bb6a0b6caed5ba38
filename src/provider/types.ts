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
  fetchBatch(accounts: readonly Account[], context: FetchContext): Promise<ProviderResult[]>;
}
