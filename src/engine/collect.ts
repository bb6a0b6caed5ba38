import { ProviderError, type SocialReachError } from '../errors.js';
import type { Account } from '../model/account.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { Snapshot } from '../model/snapshot.js';
import type { ProviderV1 } from '../spec/v1/index.js';
import { BucketRunner, type CollectionRun } from './bucket-runner.js';
import { type CollectOptions, type ResolvedOptions, resolveOptions } from './collect-options.js';
import type { CoordinatorError } from './coordinator.js';
import { type CollectFailure, OutcomeLedger } from './outcome-ledger.js';
import { RateGate } from './rate-gate.js';
import { RetryBudget } from './retry-budget.js';
import { StoreWriter } from './store-writer.js';

export type { CollectFailure } from './outcome-ledger.js';

/** Figures about a collection run. */
export interface CollectStats {
  /** Accounts the collection was asked to fetch (active ones, after filters). */
  readonly accounts: number;
  readonly snapshots: number;
  readonly failures: number;
  /** Accounts not fetched because their status is `planned` or `closed`. */
  readonly skipped: number;
  /** `fetchBatch` calls made. */
  readonly batches: number;
  /** HTTP requests sent by built-in providers, retries included. */
  readonly requests: number;
  /** ky-level retries after transient faults. */
  readonly retries: number;
  /**
   * Throttle answers received (HTTP 429 and the platforms' equivalents); each throttled part of a
   * batch answer (a Graph batch's sub-requests) counts as one.
   */
  readonly throttled: number;
  /** Requests sent again after a throttle. */
  readonly rescheduled: number;
  /** Milliseconds buckets spent holding requests back for quotas and pauses, summed over buckets. */
  readonly throttledMs: number;
  /** Snapshots written to the store. */
  readonly stored: number;
  /** Accounts not fetched because the store already had them for this period (`resume`). */
  readonly resumed: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly durationMs: number;
}

/** What {@link collect} returns: every requested account is in exactly one of the two lists. */
export interface CollectResult {
  /** In registry order. */
  readonly snapshots: Snapshot[];
  /** In registry order. */
  readonly failures: CollectFailure[];
  readonly stats: CollectStats;
  /** Writes to `store` that failed (their snapshots are in `snapshots` all the same). */
  readonly storeErrors: SocialReachError[];
}

/**
 * Fetches a snapshot of every active account of a registry through the providers.
 *
 * Accounts are grouped by platform and rate bucket and chunked by each provider's `maxBatchSize`
 * (N accounts cost `ceil(N / batch)` calls); the same real account listed under two units is
 * fetched once and reported under each entry. Each bucket has its own rate gate and p-limit, so a
 * paused bucket never holds up another. Every account ends as a snapshot or a typed failure, never
 * dropped; a cancelled collection returns what it has, the rest as `aborted` failures. No timer is
 * left behind when it returns.
 *
 * @example
 * ```ts
 * const { snapshots, failures, stats } = await collect(registry, {
 *   providers: [xProvider({ bearerToken: process.env.X_BEARER_TOKEN! })],
 *   onProgress: (e) => e.type === 'waiting' && console.log(`waiting until ${e.until}`),
 * });
 * ```
 */
export async function collect(registry: Registry, options: CollectOptions): Promise<CollectResult> {
  let resolved = resolveOptions(options);
  // A coordinator that becomes unreachable stops the collection (see `coordinator`).
  const stop = new AbortController();
  let unavailable: CoordinatorError | undefined;
  const { coordinator } = resolved;
  if (coordinator) {
    resolved = { ...resolved, signal: AbortSignal.any([resolved.signal, stop.signal]) };
  }
  const startedAt = resolved.now();
  // Every requested account has a slot in the ledger, filled exactly once.
  const { active, skipped } = selectAccounts(registry, resolved);
  const ledger = new OutcomeLedger(active);
  if (resolved.resume && resolved.store) {
    // Resuming: accounts the store already has for this period are answered from it.
    const stored = await resolved.store.latest({ accountIds: active.map((a) => a.id) });
    ledger.resume(stored, resolved.resume.since);
  }
  const run: CollectionRun = {
    options: resolved,
    ledger,
    writer: new StoreWriter(resolved.store),
    budget: new RetryBudget(resolved.http.retryBudget),
    counters: { requests: 0, retries: 0, throttled: 0, rescheduled: 0, batches: 0 },
    gate: (gateOptions) =>
      coordinator
        ? coordinator.gate({
            ...gateOptions,
            onUnavailable: (error) => {
              unavailable ??= error;
              stop.abort(error);
            },
          })
        : new RateGate(gateOptions),
    report: (event) => {
      try {
        resolved.onProgress?.(event);
      } catch {
        // a progress listener must not break the collection
      }
    },
  };

  const runners: BucketRunner[] = [];
  const runs: Promise<void>[] = [];
  for (const [platform, identities] of groupByIdentity(registry, ledger.pending())) {
    const provider = resolved.providers.get(platform);
    if (!provider) {
      for (const group of identities) {
        for (const account of group) ledger.fail(account, noProviderError(platform, account));
      }
      continue;
    }
    for (const [bucket, groups] of groupByBucket(provider, identities)) {
      const runner = new BucketRunner(run, provider, bucket);
      runners.push(runner);
      runs.push(runner.run(groups));
    }
  }
  try {
    await Promise.all(runs);
  } finally {
    for (const runner of runners) runner.close();
    await run.writer.drain(); // every batch's write, and its event
  }
  if (unavailable) throw unavailable;

  const { snapshots, failures } = ledger.results();
  const { batches, requests, retries, throttled, rescheduled } = run.counters;
  const finishedAt = resolved.now();
  return {
    snapshots,
    failures,
    storeErrors: run.writer.errors,
    stats: {
      accounts: active.length,
      snapshots: snapshots.length,
      failures: failures.length,
      skipped,
      batches,
      requests,
      retries,
      throttled,
      rescheduled,
      throttledMs: runners.reduce((sum, runner) => sum + runner.gate.snapshot().waitedMs, 0),
      stored: run.writer.stored,
      resumed: ledger.resumed,
      startedAt,
      finishedAt,
      durationMs: finishedAt.getTime() - startedAt.getTime(),
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** Active accounts by platform, grouped by real account (entries sharing a handle together). */
function groupByIdentity(
  registry: Registry,
  active: readonly Account[],
): Map<PlatformId, Account[][]> {
  const byPlatform = new Map<PlatformId, Map<string, Account[]>>();
  for (const account of active) {
    let identities = byPlatform.get(account.platform);
    if (!identities) {
      identities = new Map<string, Account[]>();
      byPlatform.set(account.platform, identities);
    }
    const key = registry.identity(account.id) ?? account.id;
    const group = identities.get(key);
    if (group) group.push(account);
    else identities.set(key, [account]);
  }
  return new Map(
    [...byPlatform].map(([platform, identities]) => [platform, [...identities.values()]]),
  );
}

/** Splits a provider's accounts (grouped by real account) by rate bucket. */
function groupByBucket(
  provider: ProviderV1,
  groups: readonly Account[][],
): Map<string, Account[][]> {
  const buckets = new Map<string, Account[][]>();
  for (const group of groups) {
    const bucket = provider.bucketOf?.(group[0]!) ?? provider.platform;
    const list = buckets.get(bucket);
    if (list) list.push(group);
    else buckets.set(bucket, [group]);
  }
  return buckets;
}

function selectAccounts(registry: Registry, options: ResolvedOptions) {
  const active: Account[] = [];
  let skipped = 0;
  for (const account of registry.accounts) {
    if (options.accountIds && !options.accountIds.has(account.id)) continue;
    if (options.platforms && !options.platforms.has(account.platform)) continue;
    if (account.status === 'active') active.push(account);
    else skipped++;
  }
  return { active, skipped };
}

function noProviderError(platform: PlatformId, account: Account): ProviderError {
  return new ProviderError(`no provider for platform "${platform}" was given to collect()`, {
    platform,
    reason: 'no-provider',
    accountId: account.id,
  });
}
