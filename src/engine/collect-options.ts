import { OptionError } from '../errors.js';
import type { PlatformId } from '../model/platform.js';
import type { ProviderV1 } from '../provider/types.js';
import type { SnapshotStore } from '../stores/types.js';
import type { CollectOptions, CollectProgress, HttpOptions } from './collect.js';
import type { Coordinator } from './coordinator.js';
import type { AdaptiveRate } from './rate-gate.js';

/** {@link CollectOptions} checked, with every default filled in. Internal. */
export interface ResolvedOptions {
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
  store: SnapshotStore | undefined;
  resume: { since: Date } | undefined;
  coordinator: Coordinator | undefined;
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
  };
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
