import pLimit from 'p-limit';
import { type FailureReason, ProviderError, SocialReachError } from '../errors.js';
import type { Account } from '../model/account.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { Snapshot } from '../model/snapshot.js';
import type { NoticeCode, ProviderResult, ProviderV1 } from '../provider/types.js';
import type { SnapshotStore } from '../stores/types.js';
import { type ResolvedOptions, resolveOptions } from './collect-options.js';
import type { BucketGate, Coordinator, CoordinatorError } from './coordinator.js';
import { createHttpClient, type HttpStats } from './http-client.js';
import { genericLimits } from './limits.js';
import { RateGate, type RateGateOptions, type WaitReason } from './rate-gate.js';
import { containsSecret, redactError, redactText } from './redact.js';
import { RetryBudget } from './retry-budget.js';
import { abortedError, runBatch } from './run-batch.js';

/** Options of {@link collect}. */
export interface CollectOptions {
  /** One provider per platform. Accounts of platforms without one fail with `no-provider`. */
  providers: readonly ProviderV1[];
  /**
   * Requests in flight at once, per rate bucket (platform + credential + host).
   * @default 4
   */
  concurrency?: number;
  /** Cancels the collection: queued, waiting and in-flight work ends as `aborted` failures. */
  signal?: AbortSignal;
  /**
   * Called after each batch, when a bucket starts waiting for its quota, and when a provider has a
   * notice (a fallback). Must not throw.
   */
  onProgress?: (event: CollectProgress) => void;
  /**
   * The clock, for `takenAt`, statistics and the rate gates. It must move: the gates wait on it, so
   * a frozen clock would hold a paced bucket forever. To date snapshots in the past (a test, a
   * replay), offset the real clock: `() => new Date(Date.now() - offsetMs)`.
   * @default () => new Date()
   */
  now?: () => Date;
  /** Collect only these account ids (others are not fetched and not reported). */
  accountIds?: readonly string[];
  /** Collect only accounts of these platforms. */
  platforms?: readonly PlatformId[];
  /** HTTP behaviour of the built-in providers. */
  http?: HttpOptions;
  /**
   * Where snapshots are written, each batch as it finishes (one `put` per batch, all or none), so a
   * crash loses only the requests in flight. Store failures do not stop the collection: they are
   * listed in `storeErrors`, and the snapshots are still returned.
   */
  store?: SnapshotStore;
  /**
   * Resumes an interrupted run: accounts that already have a snapshot in `store` taken at or after
   * `since` (the start of this run's period, say today in Asia/Kolkata) are not fetched again;
   * their stored snapshot is returned among the others.
   */
  resume?: { since: Date };
  /**
   * Where the buckets' rate gates keep their state. Without it each bucket's gate lives in this
   * process and counts only its requests; with `redisCoordinator()` (`social-reach/redis`) every
   * process sharing a credential shares one quota. If the coordinator becomes unreachable, the
   * collection stops sending and rejects with its `CoordinatorError` once the batches in flight
   * have ended (their snapshots are stored): rerun with `resume`.
   */
  coordinator?: Coordinator;
}

/** HTTP settings of a collection (see `docs/fetch-engine.md`). */
export interface HttpOptions {
  /** Per attempt: until the headers arrive, and again for the body. @default 10_000 */
  timeoutMs?: number;
  /**
   * The most bytes an answer below HTTP 400 may have, counted after decompression. A longer one
   * (a gzip bomb, a body that never ends) is not read further, its connection is closed, and its
   * request fails as `invalid-response`. The largest legitimate answers stay under 100 KB (25
   * Bluesky profiles with long descriptions; 100 X users are about 30 KB). The limit also bounds
   * the memory JSON.parse may take for one answer (up to 30–40 times its size for a body crafted
   * as `[{},{},…]`): raise it only for a provider that needs it.
   * @default 1_048_576 (1 MiB)
   */
  maxBodyBytes?: number;
  /**
   * The same for answers of HTTP 400 and more, whose bodies are read for their limit signals and
   * error details only: a platform's error body is a few hundred bytes.
   * @default 65_536 (64 KiB)
   */
  maxErrorBodyBytes?: number;
  /** Retries after a transient fault (5xx, 408, timeout, network error). @default 2 */
  retries?: number;
  /** First backoff step; retry n waits up to `retryDelayMs × 2^(n-1)`, capped at 20 s. @default 500 */
  retryDelayMs?: number;
  /** Tokens of the retry budget shared by a collection's buckets. @default 500 */
  retryBudget?: number;
  /** Throttles one request may meet before it fails as `rate-limited`. @default 5 */
  maxThrottleRetries?: number;
  /**
   * The longest one request may wait for its bucket's quota; a longer wait fails at once as
   * `rate-limited`, with the time the bucket reopens. @default 20 minutes (an X window is 15)
   */
  maxWaitMs?: number;
  /** No request is sent or waited for after this time. @default none */
  deadline?: Date;
  /** Consecutive transient failures that open a bucket's circuit. @default 5 */
  failureThreshold?: number;
  /** Wait before a half-open probe (then doubled after each failed probe, with jitter). @default 30_000 */
  circuitCooldownMs?: number;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** A progress report: after every batch, when a bucket starts waiting, and a provider's notices. */
export type CollectProgress = BatchProgress | WaitingProgress | NoticeProgress;

/** Sent after every batch, with running totals. */
export interface BatchProgress {
  readonly type: 'batch';
  readonly platform: PlatformId;
  readonly provider: string;
  readonly bucket: string;
  /** Accounts of this batch that got a snapshot, and that failed. */
  readonly batch: { readonly done: number; readonly failed: number };
  /** Running totals over the whole collection. */
  readonly done: number;
  readonly failed: number;
  readonly total: number;
}

/** Sent when a bucket starts holding its requests back, and until when. */
export interface WaitingProgress {
  readonly type: 'waiting';
  readonly platform: PlatformId;
  readonly provider: string;
  readonly bucket: string;
  readonly until: Date;
  /** `quota` (window spent), `throttled` (a 429 or equivalent), `quota-exhausted` (a daily quota), `circuit-open`. */
  readonly reason: WaitReason;
}

/**
 * Sent when a provider says something about its bucket that is not an account's outcome: with
 * `code: 'fallback'`, the platform refused a kind of request (Graph multi-ID or batch requests for
 * an app created after 4 November 2026) and the provider uses another from now on. Once per bucket
 * and provider instance, not per request.
 */
export interface NoticeProgress {
  readonly type: 'notice';
  readonly platform: PlatformId;
  readonly provider: string;
  readonly bucket: string;
  readonly code: NoticeCode;
  /** A readable explanation, free of secrets, at most 500 characters. */
  readonly message: string;
}

/** An account that did not get a snapshot, and why. */
export interface CollectFailure {
  readonly accountId: string;
  readonly platform: PlatformId;
  readonly reason: FailureReason;
  /** A readable explanation, free of secrets. */
  readonly message: string;
  readonly error: ProviderError;
}

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
  const resolved = resolveOptions(options);
  const { now } = resolved;
  // A coordinator that becomes unreachable stops the collection (see `coordinator`).
  const stop = new AbortController();
  let unavailable: CoordinatorError | undefined;
  const signal = resolved.coordinator
    ? AbortSignal.any([resolved.signal, stop.signal])
    : resolved.signal;
  const startedAt = now();

  // Every requested account has a slot, filled exactly once with its snapshot or its failure.
  const { active, skipped } = selectAccounts(registry, resolved);
  const slot = new Map<string, number>();
  active.forEach((account, i) => {
    slot.set(account.id, i);
  });
  const outcomes: (Snapshot | CollectFailure | undefined)[] = new Array(active.length);
  let done = 0;
  let failed = 0;

  // Every credential the collection's requests carried: nothing it reports may quote one.
  const secrets = new Set<string>();
  // Errors already scrubbed, with the number of secrets known then (a batch's error is shared by
  // its accounts: it is scrubbed once, again only if a credential was learnt since).
  const scrubbed = new WeakMap<Error, number>();
  const settle = (entry: Account, given: ProviderResult) => {
    const i = slot.get(entry.id)!;
    if (outcomes[i] !== undefined) return;
    const result = given.ok && secrets.size > 0 ? checkEcho(entry, given) : given;
    if (result.ok) {
      outcomes[i] = result.snapshot;
      done++;
      return;
    }
    const error = result.error;
    if (scrubbed.get(error) !== secrets.size) {
      redactError(error, secrets);
      scrubbed.set(error, secrets.size);
    }
    outcomes[i] = {
      accountId: entry.id,
      platform: entry.platform,
      reason: error.reason,
      message: error.message,
      error,
    };
    failed++;
  };
  /** A snapshot whose server-given text quotes a credential (a hostile echo) is not kept. */
  const checkEcho = (entry: Account, result: ProviderResult & { ok: true }): ProviderResult => {
    const { snapshot } = result;
    const echoes = (text: string | undefined) =>
      text !== undefined && text.length >= 6 && containsSecret(text, secrets);
    if (!echoes(snapshot.platformUserId) && !Object.keys(snapshot.extra ?? {}).some(echoes)) {
      return result;
    }
    const error = new ProviderError(
      'the answer quoted a credential back in the account’s id or metrics: not kept',
      {
        platform: entry.platform,
        provider: snapshot.source.provider,
        reason: 'invalid-response',
        accountId: entry.id,
      },
    );
    return { ok: false, accountId: entry.id, error };
  };
  const fail = (entry: Account, error: ProviderError) =>
    settle(entry, { ok: false, accountId: entry.id, error });
  const report = (event: CollectProgress) => {
    try {
      resolved.onProgress?.(event);
    } catch {
      // a progress listener must not break the collection
    }
  };

  // Resuming: accounts the store already has for this period are answered from it.
  let resumed = 0;
  if (resolved.resume && resolved.store) {
    const since = resolved.resume.since.getTime();
    const stored = await resolved.store.latest({ accountIds: active.map((a) => a.id) });
    for (const snapshot of stored) {
      const i = slot.get(snapshot.accountId);
      if (i === undefined || snapshot.takenAt.getTime() < since) continue;
      outcomes[i] = snapshot;
      done++;
      resumed++;
    }
  }
  const storeErrors: SocialReachError[] = [];
  let stored = 0;
  const save = async (snapshots: Snapshot[]) => {
    if (!resolved.store || snapshots.length === 0) return;
    try {
      await resolved.store.put(snapshots);
      stored += snapshots.length;
    } catch (error) {
      storeErrors.push(
        SocialReachError.isInstance(error)
          ? error
          : new SocialReachError(
              'STORE_ERROR',
              `the store failed to write ${snapshots.length} snapshot(s)`,
            ),
      );
    }
  };

  const httpStats: HttpStats = { requests: 0, retries: 0, throttled: 0, rescheduled: 0 };
  const budget = new RetryBudget(resolved.http.retryBudget);
  const gates: BucketGate[] = [];
  const newGate = (gateOptions: RateGateOptions): BucketGate =>
    resolved.coordinator
      ? resolved.coordinator.gate({
          ...gateOptions,
          onUnavailable: (error) => {
            unavailable ??= error;
            stop.abort(error);
          },
        })
      : new RateGate(gateOptions);
  let batches = 0;
  const runs: Promise<void>[] = [];
  const pending =
    resumed === 0 ? active : active.filter((a) => outcomes[slot.get(a.id)!] === undefined);
  for (const [platform, identities] of groupByIdentity(registry, pending)) {
    const provider = resolved.providers.get(platform);
    if (!provider) {
      for (const group of identities) {
        for (const account of group) {
          fail(
            account,
            new ProviderError(`no provider for platform "${platform}" was given to collect()`, {
              platform,
              reason: 'no-provider',
              accountId: account.id,
            }),
          );
        }
      }
      continue;
    }
    for (const [bucket, groups] of groupByBucket(provider, identities)) {
      const gate = newGate({
        key: bucket,
        concurrency: resolved.concurrency,
        adaptive: provider.rateLimit?.adaptive,
        usageWindowMs: provider.rateLimit?.usageWindowMs,
        failureThreshold: resolved.http.failureThreshold,
        circuitCooldownMs: resolved.http.circuitCooldownMs,
        now: () => now().getTime(),
        onWait: (until, reason) =>
          report({
            type: 'waiting',
            platform,
            provider: provider.name,
            bucket,
            until: new Date(until),
            reason,
          }),
      });
      gates.push(gate);
      const http = createHttpClient({
        platform,
        provider: provider.name,
        bucket,
        gate,
        readLimits: provider.readLimits ?? genericLimits,
        budget,
        stats: httpStats,
        secrets,
        signal,
        timeoutMs: resolved.http.timeoutMs,
        maxBodyBytes: resolved.http.maxBodyBytes,
        maxErrorBodyBytes: resolved.http.maxErrorBodyBytes,
        retries: resolved.http.retries,
        retryDelayMs: resolved.http.retryDelayMs,
        maxThrottleRetries: resolved.http.maxThrottleRetries,
        maxWaitMs: resolved.http.maxWaitMs,
        deadline: resolved.http.deadline,
        now: () => now().getTime(),
        fetch: resolved.http.fetch,
      });
      const notice = (code: NoticeCode, message: string) =>
        report({
          type: 'notice',
          platform,
          provider: provider.name,
          bucket,
          code,
          message: cut(redactText(String(message).slice(0, 2_000), secrets), MAX_NOTICE),
        });
      const limit = pLimit(resolved.concurrency);
      // Once the platform refuses the bucket's credential, its other batches are not sent.
      let refused: ProviderError | undefined;
      const chunked = chunks(groups, provider.maxBatchSize);
      let notStarted = chunked.length;
      gate.expect(notStarted);
      for (const chunk of chunked) {
        runs.push(
          limit(async () => {
            gate.expect(--notStarted);
            const before = { done, failed };
            if (signal.aborted || refused) {
              for (const group of chunk) {
                for (const account of group)
                  fail(account, refused ?? abortedError(provider, account));
              }
            } else {
              batches++;
              const fresh: Snapshot[] = [];
              const batchError = await runBatch(
                provider,
                chunk,
                { signal, now, http, notice },
                (entry, result) => {
                  settle(entry, result);
                  if (result.ok) fresh.push(result.snapshot);
                },
              );
              if (batchError?.reason === 'unauthorized') refused = batchError;
              // One put per batch: a crash loses only what is in flight, never half a batch.
              await save(fresh);
            }
            report({
              type: 'batch',
              platform,
              provider: provider.name,
              bucket,
              batch: { done: done - before.done, failed: failed - before.failed },
              done,
              failed,
              total: active.length,
            });
          }),
        );
      }
    }
  }
  try {
    await Promise.all(runs);
  } finally {
    for (const gate of gates) gate.close();
  }
  if (unavailable) throw unavailable;

  const snapshots: Snapshot[] = [];
  const failures: CollectFailure[] = [];
  for (const outcome of outcomes) {
    if (outcome === undefined) continue;
    if ('error' in outcome) failures.push(outcome);
    else snapshots.push(outcome);
  }
  const finishedAt = now();
  return {
    snapshots,
    failures,
    storeErrors,
    stats: {
      accounts: active.length,
      snapshots: snapshots.length,
      failures: failures.length,
      skipped,
      batches,
      ...httpStats,
      throttledMs: gates.reduce((sum, gate) => sum + gate.snapshot().waitedMs, 0),
      stored,
      resumed,
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

/** The longest notice message passed on. */
const MAX_NOTICE = 500;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
