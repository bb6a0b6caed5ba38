import { OptionError } from '../errors.js';
import type { PlatformId } from '../model/platform.js';
import type { AdaptiveRate, NoticeCode, ProviderV1 } from '../spec/v1/index.js';
import type { SnapshotStore } from '../stores/types.js';
import type { Coordinator } from './coordinator.js';
import type { WaitReason } from './rate-gate.js';

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
   * Where snapshots are written, each batch as it finishes (each batch all or none; batches that
   * finish while a `put` runs are joined in the next), so a crash loses only the requests in flight. A write does not hold its batch's request slot (up to
   * `concurrency` writes wait at once); a batch is reported after its write, and `collect()`
   * resolves once every write is done. Store failures do not stop the collection: they are
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
   * process sharing a credential shares one quota (docs/scaling.md). If the coordinator becomes
   * unreachable, the collection stops sending and rejects with its `CoordinatorError` once the
   * batches in flight have ended (their snapshots are stored): rerun with `resume`.
   */
  coordinator?: Coordinator;
  /**
   * Receives one structured record per HTTP request (`event: 'request'`: platform, operation,
   * host and path, never the query; status, duration, attempt) and per wait (`event: 'wait'`:
   * bucket, reason, until), free of credentials. pino's shape: `logger.info(record, message)`; a
   * logger that throws is ignored.
   */
  logger?: Logger;
}

/**
 * A logger with pino's shape (pino itself fits): each method takes a record and a message.
 *
 * @example
 * ```ts
 * const logger: Logger = {
 *   info: (record, message) => console.log(JSON.stringify({ level: 'info', message, ...record })),
 *   warn: (record, message) => console.warn(JSON.stringify({ level: 'warn', message, ...record })),
 *   error: (record, message) => console.error(JSON.stringify({ level: 'error', message, ...record })),
 * };
 * ```
 */
export interface Logger {
  info(record: Record<string, unknown>, message?: string): void;
  warn(record: Record<string, unknown>, message?: string): void;
  error(record: Record<string, unknown>, message?: string): void;
}

/**
 * What sends a request when given as fetch's `dispatcher`: an undici `Dispatcher` (`ProxyAgent`,
 * `EnvHttpProxyAgent`, `Agent`), as Node's fetch takes it.
 */
export interface HttpDispatcher {
  dispatch(options: never, handler: never): boolean;
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
  /**
   * Given to fetch as its `dispatcher` on every request: an undici `ProxyAgent` or
   * `EnvHttpProxyAgent` sends the requests through a proxy (HTTPS through a CONNECT tunnel).
   * @default none (fetch's own)
   */
  dispatcher?: HttpDispatcher;
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

/** {@link HttpOptions} checked, with every default filled in; `deadline` in epoch ms. Internal. */
export type ResolvedHttpOptions = Required<
  Omit<HttpOptions, 'deadline' | 'fetch' | 'dispatcher'>
> & {
  deadline: number;
  fetch: typeof globalThis.fetch | undefined;
  dispatcher: HttpDispatcher | undefined;
};

/** {@link CollectOptions} checked, with every default filled in. Internal. */
export interface ResolvedOptions {
  http: ResolvedHttpOptions;
  providers: Map<PlatformId, ProviderV1>;
  concurrency: number;
  signal: AbortSignal;
  now: () => Date;
  onProgress: ((event: CollectProgress) => void) | undefined;
  accountIds: Set<string> | undefined;
  platforms: Set<PlatformId> | undefined;
  store: SnapshotStore | undefined;
  resume: { since: Date } | undefined;
  coordinator: Coordinator | undefined;
  logger: Logger | undefined;
}

const DEFAULT_CONCURRENCY = 4;

// Every option, so that a misspelt one is refused instead of silently ignored; `satisfies` keeps
// the lists in step with the option types (a new option must be added here to compile).
const COLLECT_KEYS = {
  providers: true,
  concurrency: true,
  signal: true,
  onProgress: true,
  now: true,
  accountIds: true,
  platforms: true,
  http: true,
  store: true,
  resume: true,
  coordinator: true,
  logger: true,
} as const satisfies Record<keyof CollectOptions, true>;
const HTTP_KEYS = {
  timeoutMs: true,
  maxBodyBytes: true,
  maxErrorBodyBytes: true,
  retries: true,
  retryDelayMs: true,
  retryBudget: true,
  maxThrottleRetries: true,
  maxWaitMs: true,
  deadline: true,
  failureThreshold: true,
  circuitCooldownMs: true,
  fetch: true,
  dispatcher: true,
} as const satisfies Record<keyof HttpOptions, true>;
/**
 * 1 MiB: ten times the largest legitimate answer (25 Bluesky profiles, under 100 KB). It also
 * bounds what JSON.parse makes of an answer: a body crafted as `[{},{},…]` becomes 30–40 times its
 * size in objects, so 1 MiB × 4 requests at once stays near 100 MB (`npm run bench -- hostile`).
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** 64 KiB: a platform's error body is a few hundred bytes. */
export const DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Checks the options of `collect` once, saying what was expected, and fills in the defaults. */
export function resolveOptions(options: CollectOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('options', 'an object with `providers`', options);
  }
  checkKeys(options, COLLECT_KEYS, '', 'collect()');
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
    checkRateLimit(provider.rateLimit, `providers[${index}].rateLimit`);
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
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new OptionError('onProgress', 'a function', options.onProgress);
  }
  const { store, resume } = options;
  if (
    store !== undefined &&
    (typeof store !== 'object' || store === null || typeof store.put !== 'function')
  ) {
    throw new OptionError('store', 'a SnapshotStore (memoryStore(), postgresStore(...))', store);
  }
  if (resume !== undefined) {
    if (!store) throw new OptionError('resume', 'used together with `store`', resume);
    if (!(resume?.since instanceof Date) || Number.isNaN(resume.since.getTime())) {
      throw new OptionError('resume.since', 'a valid Date', resume?.since);
    }
  }
  const { coordinator } = options;
  if (
    coordinator !== undefined &&
    (typeof coordinator !== 'object' ||
      coordinator === null ||
      typeof coordinator.gate !== 'function')
  ) {
    throw new OptionError('coordinator', 'a Coordinator (redisCoordinator(...))', coordinator);
  }
  return {
    store,
    resume,
    coordinator,
    http: resolveHttp(options.http ?? {}),
    providers: map,
    concurrency,
    signal: options.signal ?? new AbortController().signal,
    now: options.now ?? (() => new Date()),
    onProgress: options.onProgress,
    accountIds: options.accountIds ? new Set(options.accountIds) : undefined,
    platforms: options.platforms ? new Set(options.platforms) : undefined,
    logger: checkLogger(options.logger),
  };
}

function checkLogger(logger: unknown): Logger | undefined {
  if (logger === undefined) return undefined;
  const methods = ['info', 'warn', 'error'] as const;
  if (
    typeof logger !== 'object' ||
    logger === null ||
    methods.some((m) => typeof (logger as Record<string, unknown>)[m] !== 'function')
  ) {
    throw new OptionError('logger', 'a logger with info, warn and error methods (pino)', logger);
  }
  return logger as Logger;
}

/**
 * Checks an adaptive rate (requests per second, `minRate <= initialRate <= maxRate`, all positive)
 * and returns it; `where` names it in the error (`providers[2].rateLimit.adaptive`, `rate`).
 */
export function checkAdaptiveRate(rate: unknown, where: string): AdaptiveRate {
  if (typeof rate !== 'object' || rate === null) {
    throw new OptionError(where, 'an object { initialRate, minRate?, maxRate? }', rate);
  }
  const { initialRate, minRate, maxRate } = rate as Record<string, unknown>;
  for (const [name, value] of [
    ['initialRate', initialRate],
    ['minRate', minRate],
    ['maxRate', maxRate],
  ] as const) {
    if (name !== 'initialRate' && value === undefined) continue;
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      throw new OptionError(`${where}.${name}`, 'a positive number of requests per second', value);
    }
  }
  const initial = initialRate as number;
  if (typeof minRate === 'number' && minRate > initial) {
    throw new OptionError(`${where}.minRate`, `at most initialRate (${initial})`, minRate);
  }
  if (typeof maxRate === 'number' && maxRate < initial) {
    throw new OptionError(`${where}.maxRate`, `at least initialRate (${initial})`, maxRate);
  }
  return rate as AdaptiveRate;
}

/** A provider's pacing policy, checked as the gate will read it (a third party's too). */
function checkRateLimit(policy: ProviderV1['rateLimit'], where: string): void {
  if (policy === undefined) return;
  if (typeof policy !== 'object' || policy === null) {
    throw new OptionError(where, 'an object { adaptive?, usageWindowMs? }', policy);
  }
  const { adaptive, usageWindowMs } = policy;
  if (adaptive !== undefined) checkAdaptiveRate(adaptive, `${where}.adaptive`);
  if (
    usageWindowMs !== undefined &&
    !(
      typeof usageWindowMs === 'number' &&
      Number.isSafeInteger(usageWindowMs) &&
      usageWindowMs >= 1
    )
  ) {
    throw new OptionError(
      `${where}.usageWindowMs`,
      'an integer >= 1 (milliseconds)',
      usageWindowMs,
    );
  }
}

function resolveHttp(http: HttpOptions): ResolvedOptions['http'] {
  if (typeof http !== 'object' || http === null || Array.isArray(http)) {
    throw new OptionError('http', 'an object of HTTP options', http);
  }
  checkKeys(http, HTTP_KEYS, 'http.', "collect()'s `http`");
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
  const { dispatcher } = http;
  if (
    dispatcher !== undefined &&
    (typeof dispatcher !== 'object' ||
      dispatcher === null ||
      typeof (dispatcher as { dispatch?: unknown }).dispatch !== 'function')
  ) {
    throw new OptionError(
      'http.dispatcher',
      'an undici Dispatcher (ProxyAgent, Agent)',
      dispatcher,
    );
  }
  return {
    timeoutMs: integer('timeoutMs', http.timeoutMs, 10_000, 1),
    maxBodyBytes: integer('maxBodyBytes', http.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 1),
    maxErrorBodyBytes: integer(
      'maxErrorBodyBytes',
      http.maxErrorBodyBytes,
      DEFAULT_MAX_ERROR_BODY_BYTES,
      1,
    ),
    retries: integer('retries', http.retries, 2, 0),
    retryDelayMs: integer('retryDelayMs', http.retryDelayMs, 500, 0),
    retryBudget: integer('retryBudget', http.retryBudget, 500, 0),
    maxThrottleRetries: integer('maxThrottleRetries', http.maxThrottleRetries, 5, 0),
    maxWaitMs: integer('maxWaitMs', http.maxWaitMs, 20 * 60_000, 0),
    failureThreshold: integer('failureThreshold', http.failureThreshold, 5, 1),
    circuitCooldownMs: integer('circuitCooldownMs', http.circuitCooldownMs, 30_000, 0),
    deadline: http.deadline?.getTime() ?? Number.POSITIVE_INFINITY,
    fetch: http.fetch,
    dispatcher,
  };
}

/**
 * Refuses a key that is not an option (one set to `undefined` does nothing, and is let through),
 * naming the closest option when one is near: "Expected `concurency` to be an option of collect()
 * (did you mean `concurrency`?), got `4` (number)".
 */
function checkKeys(
  given: object,
  known: Readonly<Record<string, true>>,
  prefix: string,
  where: string,
): void {
  for (const [key, value] of Object.entries(given)) {
    if (Object.hasOwn(known, key) || value === undefined) continue;
    const names = Object.keys(known);
    const near = closest(key, names);
    const hint = near
      ? `did you mean \`${prefix}${near}\`?`
      : `one of ${names.map((name) => `\`${name}\``).join(', ')}`;
    throw new OptionError(`${prefix}${key}`, `an option of ${where} (${hint})`, value);
  }
}

/**
 * The known name closest to a misspelt one: at most 1 edit away for names under 5 characters, 2
 * otherwise (an edit is an insertion, deletion, substitution or swap of neighbours, letter case
 * ignored), or one the other starts with (`timeout` → `timeoutMs`, `deadlineMs` → `deadline`).
 */
function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    let distance = editDistance(lower, other);
    const prefixed =
      Math.min(lower.length, other.length) >= 4 &&
      (other.startsWith(lower) || lower.startsWith(other));
    if (distance > (lower.length < 5 ? 1 : 2) && !prefixed) continue;
    if (prefixed) distance = Math.min(distance, 2);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
