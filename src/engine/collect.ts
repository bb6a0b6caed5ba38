import pLimit from 'p-limit';
import { type FailureReason, OptionError, ProviderError, SocialReachError } from '../errors.js';
import type { Account } from '../model/account.js';
import { zodIssues } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { Snapshot } from '../model/snapshot.js';
import type { FetchContext, ProviderResult, ProviderV1 } from '../provider/types.js';
import { createHttpClient, type HttpStats } from './http-client.js';
import { genericLimits } from './limits.js';
import { RateGate, type WaitReason } from './rate-gate.js';
import { redactError, redactText } from './redact.js';
import { RetryBudget } from './retry-budget.js';

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
  /** Called after each batch, and when a bucket starts waiting for its quota. Must not throw. */
  onProgress?: (event: CollectProgress) => void;
  /**
   * The clock, for `takenAt`, statistics and the rate gates.
   * @default () => new Date()
   */
  now?: () => Date;
  /** Collect only these account ids (others are not fetched and not reported). */
  accountIds?: readonly string[];
  /** Collect only accounts of these platforms. */
  platforms?: readonly PlatformId[];
  /** HTTP behaviour of the built-in providers. */
  http?: HttpOptions;
}

/** HTTP settings of a collection (see `docs/fetch-engine.md`). */
export interface HttpOptions {
  /** Per attempt: until the headers arrive, and again for the body. @default 10_000 */
  timeoutMs?: number;
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

/** A progress report: after every batch, and when a bucket starts waiting. */
export type CollectProgress = BatchProgress | WaitingProgress;

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
  /** Throttle answers received (HTTP 429 and the platforms' equivalents). */
  readonly throttled: number;
  /** Requests sent again after a throttle. */
  readonly rescheduled: number;
  /** Milliseconds buckets spent holding requests back for quotas and pauses, summed over buckets. */
  readonly throttledMs: number;
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
}

const DEFAULT_CONCURRENCY = 4;

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
  const { now, signal } = resolved;
  const startedAt = now();

  const wanted = selectAccounts(registry, resolved);
  const byPlatform = new Map<PlatformId, Map<string, Account[]>>();
  for (const account of wanted.active) {
    const identities = byPlatform.get(account.platform) ?? new Map<string, Account[]>();
    const key = registry.identity(account.id) ?? account.id;
    identities.set(key, [...(identities.get(key) ?? []), account]);
    byPlatform.set(account.platform, identities);
  }

  const snapshots = new Map<string, Snapshot>();
  const failures = new Map<string, CollectFailure>();
  const secrets = new Set<string>();
  const httpStats: HttpStats = { requests: 0, retries: 0, throttled: 0, rescheduled: 0 };
  const budget = new RetryBudget(resolved.http.retryBudget);
  const gates: RateGate[] = [];
  let batches = 0;
  const total = wanted.active.length;
  const fail = (account: Account, error: ProviderError) => {
    const clean = redactError(error, secrets);
    failures.set(account.id, {
      accountId: account.id,
      platform: account.platform,
      reason: clean.reason,
      message: clean.message,
      error: clean,
    });
  };
  const report = (event: CollectProgress) => {
    try {
      resolved.onProgress?.(event);
    } catch {
      // a progress listener must not break the collection
    }
  };

  const runs: Promise<void>[] = [];
  for (const [platform, identities] of byPlatform) {
    const provider = resolved.providers.get(platform);
    if (!provider) {
      for (const accounts of identities.values()) {
        for (const account of accounts) {
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
      const gate = new RateGate({
        key: bucket,
        concurrency: resolved.concurrency,
        adaptive: provider.rateLimit?.adaptive,
        quota: provider.rateLimit?.quota,
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
        retries: resolved.http.retries,
        retryDelayMs: resolved.http.retryDelayMs,
        maxThrottleRetries: resolved.http.maxThrottleRetries,
        maxWaitMs: resolved.http.maxWaitMs,
        deadline: resolved.http.deadline,
        now: () => now().getTime(),
        fetch: resolved.http.fetch,
      });
      const limit = pLimit(resolved.concurrency);
      // Once the platform refuses the bucket's credential, its other batches are not sent.
      let refused: ProviderError | undefined;
      const chunked = [...chunks(groups, provider.maxBatchSize)];
      let notStarted = chunked.length;
      gate.expect(notStarted);
      for (const chunk of chunked) {
        runs.push(
          limit(async () => {
            gate.expect(--notStarted);
            const entries = chunk.flat();
            if (signal.aborted) {
              for (const account of entries) fail(account, abortedError(provider, account));
            } else if (refused) {
              for (const account of entries) fail(account, refused);
            } else {
              batches++;
              const { outcome, batchError } = await runBatch(provider, chunk, {
                signal,
                now,
                http,
              });
              if (batchError?.reason === 'unauthorized') refused = batchError;
              for (const account of entries) {
                const result = outcome.get(account.id)!;
                if (result.ok) snapshots.set(account.id, result.snapshot);
                else fail(account, result.error);
              }
            }
            const done = entries.filter((a) => snapshots.has(a.id)).length;
            report({
              type: 'batch',
              platform,
              provider: provider.name,
              bucket,
              batch: { done, failed: entries.length - done },
              done: snapshots.size,
              failed: failures.size,
              total,
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

  const finishedAt = now();
  const inOrder = <T>(map: Map<string, T>) =>
    wanted.active.flatMap((a) => (map.has(a.id) ? [map.get(a.id)!] : []));
  return {
    snapshots: inOrder(snapshots),
    failures: inOrder(failures),
    stats: {
      accounts: total,
      snapshots: snapshots.size,
      failures: failures.size,
      skipped: wanted.skipped,
      batches,
      ...httpStats,
      throttledMs: gates.reduce((sum, gate) => sum + gate.snapshot().waitedMs, 0),
      startedAt,
      finishedAt,
      durationMs: finishedAt.getTime() - startedAt.getTime(),
    },
  };
}

// ---------------------------------------------------------------------------------------------

interface ResolvedOptions {
  http: Required<Omit<HttpOptions, 'deadline' | 'fetch'>> & {
    deadline: number;
    fetch: typeof globalThis.fetch | undefined;
  };
  providers: Map<PlatformId, ProviderV1>;
  concurrency: number;
  signal: AbortSignal;
  now: () => Date;
  onProgress: ((event: CollectProgress) => void) | undefined;
  accountIds: Set<string> | undefined;
  platforms: Set<PlatformId> | undefined;
}

function resolveOptions(options: CollectOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('options', 'an object with `providers`', options);
  }
  const { concurrency = DEFAULT_CONCURRENCY, providers } = options;
  if (!Array.isArray(providers)) {
    throw new OptionError('providers', 'an array of providers', providers);
  }
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new OptionError('concurrency', 'an integer >= 1', concurrency);
  }
  const map = new Map<PlatformId, ProviderV1>();
  providers.forEach((provider: ProviderV1, index) => {
    if (provider?.specificationVersion !== 'v1' || typeof provider.fetchBatch !== 'function') {
      throw new OptionError(
        `providers[${index}]`,
        "a provider with specificationVersion 'v1'",
        provider,
      );
    }
    if (!Number.isSafeInteger(provider.maxBatchSize) || provider.maxBatchSize < 1) {
      throw new OptionError(
        `providers[${index}].maxBatchSize`,
        'an integer >= 1',
        provider.maxBatchSize,
      );
    }
    const other = map.get(provider.platform);
    if (other) {
      throw new OptionError(
        `providers[${index}]`,
        `the only provider for "${provider.platform}" (${other.name} is already given)`,
        provider.name,
      );
    }
    map.set(provider.platform, provider);
  });
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new OptionError('now', 'a function returning a Date', options.now);
  }
  return {
    http: resolveHttp(options.http ?? {}),
    providers: map,
    concurrency,
    signal: options.signal ?? new AbortController().signal,
    now: options.now ?? (() => new Date()),
    onProgress: options.onProgress,
    accountIds: options.accountIds ? new Set(options.accountIds) : undefined,
    platforms: options.platforms ? new Set(options.platforms) : undefined,
  };
}

function resolveHttp(http: HttpOptions): ResolvedOptions['http'] {
  const integer = (name: keyof HttpOptions, value: unknown, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new OptionError(`http.${name}`, `an integer >= ${min}`, value);
    }
    return value;
  };
  if (
    http.deadline !== undefined &&
    (!(http.deadline instanceof Date) || Number.isNaN(http.deadline.getTime()))
  ) {
    throw new OptionError('http.deadline', 'a valid Date', http.deadline);
  }
  if (http.fetch !== undefined && typeof http.fetch !== 'function') {
    throw new OptionError('http.fetch', 'a fetch function', http.fetch);
  }
  return {
    timeoutMs: integer('timeoutMs', http.timeoutMs, 10_000, 1),
    retries: integer('retries', http.retries, 2, 0),
    retryDelayMs: integer('retryDelayMs', http.retryDelayMs, 500, 0),
    retryBudget: integer('retryBudget', http.retryBudget, 500, 0),
    maxThrottleRetries: integer('maxThrottleRetries', http.maxThrottleRetries, 5, 0),
    maxWaitMs: integer('maxWaitMs', http.maxWaitMs, 20 * 60_000, 0),
    failureThreshold: integer('failureThreshold', http.failureThreshold, 5, 1),
    circuitCooldownMs: integer('circuitCooldownMs', http.circuitCooldownMs, 30_000, 0),
    deadline: http.deadline?.getTime() ?? Number.POSITIVE_INFINITY,
    fetch: http.fetch,
  };
}

/** Splits a provider's accounts (grouped by real account) by rate bucket. */
function groupByBucket(
  provider: ProviderV1,
  identities: Map<string, Account[]>,
): Map<string, Account[][]> {
  const buckets = new Map<string, Account[][]>();
  for (const group of identities.values()) {
    const bucket = provider.bucketOf?.(group[0]!) ?? provider.platform;
    const list = buckets.get(bucket) ?? [];
    list.push(group);
    buckets.set(bucket, list);
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

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Runs one batch and returns an outcome for every entry of it. `groups` holds, per real account,
 * the registry entries sharing it; the first entry of each group is sent to the provider.
 */
async function runBatch(
  provider: ProviderV1,
  groups: readonly Account[][],
  context: FetchContext,
): Promise<{ outcome: Map<string, ProviderResult>; batchError: ProviderError | undefined }> {
  const sent = groups.map((group) => group[0]!);
  const outcome = new Map<string, ProviderResult>();
  let results: ProviderResult[] = [];
  let batchError: ProviderError | undefined;
  try {
    results = await provider.fetchBatch(sent, context);
    if (!Array.isArray(results)) throw new TypeError('fetchBatch did not return an array');
  } catch (error) {
    batchError = context.signal.aborted ? undefined : toProviderError(provider, error, sent.length);
  }
  const byId = new Map<string, ProviderResult>();
  for (const result of results) {
    const id = result?.ok ? result.snapshot?.accountId : result?.accountId;
    if (typeof id === 'string') byId.set(id, result);
  }
  for (const [index, group] of groups.entries()) {
    const account = sent[index]!;
    let result: ProviderResult | undefined = byId.get(account.id);
    if (context.signal.aborted && !result?.ok) {
      result = { ok: false, accountId: account.id, error: abortedError(provider, account) };
    } else if (batchError) {
      result = { ok: false, accountId: account.id, error: batchError };
    } else if (!result) {
      result = failure(
        provider,
        account,
        'invalid-response',
        'returned no result for this account',
      );
    } else if (result.ok) {
      result = checkSnapshot(provider, account, result.snapshot);
    }
    for (const entry of group) {
      outcome.set(entry.id, retarget(result, entry));
    }
  }
  return { outcome, batchError };
}

function checkSnapshot(provider: ProviderV1, account: Account, snapshot: unknown): ProviderResult {
  const parsed = Snapshot.safeParse(snapshot);
  if (!parsed.success) {
    const detail = zodIssues(parsed.error)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return failure(
      provider,
      account,
      'invalid-response',
      `returned an invalid snapshot (${detail})`,
    );
  }
  if (parsed.data.platform !== account.platform) {
    return failure(
      provider,
      account,
      'invalid-response',
      `returned a snapshot for platform "${parsed.data.platform}", expected "${account.platform}"`,
    );
  }
  return { ok: true, snapshot: parsed.data };
}

/** The same outcome, for another registry entry of the same real account. */
function retarget(result: ProviderResult, entry: Account): ProviderResult {
  if (result.ok) {
    return result.snapshot.accountId === entry.id
      ? result
      : { ok: true, snapshot: { ...result.snapshot, accountId: entry.id } };
  }
  return result.accountId === entry.id ? result : { ...result, accountId: entry.id };
}

function failure(
  provider: ProviderV1,
  account: Account,
  reason: FailureReason,
  message: string,
): ProviderResult {
  return {
    ok: false,
    accountId: account.id,
    error: new ProviderError(`${message} (account "${account.id}", handle "${account.handle}")`, {
      platform: provider.platform,
      provider: provider.name,
      reason,
      accountId: account.id,
    }),
  };
}

function abortedError(provider: ProviderV1, account: Account): ProviderError {
  return new ProviderError('the collection was aborted before this account was fetched', {
    platform: provider.platform,
    provider: provider.name,
    reason: 'aborted',
    accountId: account.id,
  });
}

/** The library's own error for a whole failed batch; a provider's own errors pass through. */
function toProviderError(provider: ProviderV1, error: unknown, size: number): ProviderError {
  if (error instanceof ProviderError || (SocialReachError.isInstance(error) && 'reason' in error)) {
    return error as ProviderError;
  }
  const detail =
    error instanceof Error
      ? `${error.name}: ${redactText(error.message, [])}`
      : 'a non-error value';
  return new ProviderError(`fetchBatch failed for ${size} account(s): ${detail}`, {
    platform: provider.platform,
    provider: provider.name,
    reason: 'provider-error',
  });
}
