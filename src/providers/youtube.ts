import { z } from 'zod/v4';
import { genericLimits, parseRetryAfter } from '../engine/limits.js';
import { quoteServerText } from '../engine/redact.js';
import { OptionError, RateLimitError } from '../errors.js';
import type { Account } from '../model/account.js';
import { type Count, exactCount, roundedDownCount } from '../model/count.js';
import { YOUTUBE_CHANNEL_ID } from '../model/platform.js';
import type {
  HttpClient,
  HttpResponse,
  LimitObservation,
  LimitParser,
  ProviderResult,
  ProviderV1,
} from '../spec/v1/index.js';
import { isObject } from '../util/guards.js';
import { credentialTag } from '../util/hash.js';
import { nextMidnightMs } from '../util/time-zone.js';
import {
  type AnswerIdentity,
  batchError,
  failureResult,
  type Matched,
  matchAnswers,
  type ProviderFailure,
  parseBody,
  readBaseUrl,
  requireCredential,
  settleEach,
  snapshotResult,
} from './shared.js';
import {
  ChannelIdCache,
  type Ledger,
  MemoryLedger,
  QUOTA_TIME_ZONE,
  StoreLedger,
  type YoutubeState,
} from './youtube-state.js';

/** The daily quota of a Google Cloud project's YouTube Data API key. */
export interface YoutubeQuotaOptions {
  /** Units the project may spend per day (Pacific time). @default 10_000 */
  unitsPerDay?: number;
  /** Units one `channels.list` call costs. @default 1 */
  unitsPerCall?: number;
}

/** Options of {@link youtubeProvider}. */
export interface YoutubeProviderOptions {
  /** A YouTube Data API v3 key (Google Cloud console → APIs & Services → Credentials). */
  apiKey: string;
  /** @default 'https://www.googleapis.com' */
  baseUrl?: string;
  /**
   * The key's daily quota, which YouTube does not announce: the provider counts it locally.
   * @default { unitsPerDay: 10_000, unitsPerCall: 1 }
   */
  quota?: YoutubeQuotaOptions;
  /**
   * Share of the daily quota left unspent, for other users of the same key and for calls the local
   * count cannot see (0 to below 1).
   * @default 0.05
   */
  safetyMargin?: number;
  /**
   * Where the quota ledger (the key's calls per Pacific day) and the `@handle` → channel id cache
   * are kept, so that they outlive the process: a store (`memoryStore()`, `postgresStore()`). The
   * next run, in a new process, reads them back, and runs on one day, one after the other or at
   * once, stay inside the day's quota together.
   * @default in the provider only (forgotten when the process ends)
   */
  state?: YoutubeState;
}

// uint64 as a JSON string; 15 digits stay below 2^53.
const UInt = z.string().regex(/^\d{1,15}$/, 'a whole number as a string');
const Statistics = z.object({
  viewCount: UInt.optional(),
  subscriberCount: UInt.optional(),
  hiddenSubscriberCount: z.boolean().optional(),
  videoCount: UInt.optional(),
});
const Channel = z.object({
  id: z.string(),
  statistics: Statistics.optional(),
  // asked for on forHandle lookups only: `customUrl` is the channel's handle (`@name`)
  snippet: z.object({ customUrl: z.string().optional() }).optional(),
});
/** The channels.list answer, as far as it is read. Unknown channels are simply absent. */
const ChannelList = z.object({ items: z.array(Channel).optional() });
type Channel = z.output<typeof Channel>;
/** channels.list takes exactly one filter. */
type Filter = { id: string } | { forHandle: string };

/**
 * What every channel of an answer is checked for: its id is a channel id (`UC` + 22 characters),
 * and two copies of one channel must agree on every figure kept.
 */
const CHANNEL: Omit<AnswerIdentity<Channel>, 'keyOf' | 'keysOf' | 'nameOf'> = {
  noun: 'channel',
  idOf: (channel) => channel.id,
  idPattern: YOUTUBE_CHANNEL_ID,
  idRule: 'a YouTube channel id (UC and 22 letters, digits, _ or -)',
  figuresOf: ({ id, statistics: s }) => [
    id,
    s?.subscriberCount,
    s?.hiddenSubscriberCount,
    s?.viewCount,
    s?.videoCount,
  ],
};

/**
 * A channel asked for by `@handle` (`forHandle=`) is the one whose `snippet.customUrl` is that
 * handle, compared without the `@` and in lower case (YouTube handles are case-insensitive).
 */
const BY_HANDLE: AnswerIdentity<Channel> = {
  ...CHANNEL,
  keyOf: (account) => bareHandle(account.handle),
  keysOf: (channel) => {
    const handle = channel.snippet?.customUrl;
    return handle === undefined ? [] : [bareHandle(handle)];
  },
  nameOf: (channel) => channel.snippet?.customUrl ?? channel.id,
};

// Reasons of Google's error envelope (developers.google.com/youtube/v3/docs/errors, platforms.md
// §4, fetch-engine.md §10.4): a spent daily quota lifts at midnight PT; a rate limit in seconds.
const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded']);
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
// The key itself is refused: invalid, expired, missing, restricted to other referrers or IPs, or
// its project has not enabled the API. Nothing sent with it will succeed.
const KEY_REASONS = new Set([
  'keyInvalid',
  'keyExpired',
  'forbidden',
  'accessNotConfigured',
  'ipRefererBlocked',
  'dailyLimitExceededUnreg',
]);

/**
 * Reads YouTube's error envelope into the engine's limit model. YouTube sends no limit headers:
 * - 403 `quotaExceeded` / `dailyLimitExceeded` (domain `youtube.quota`) → `quota-exhausted` until
 *   the next midnight in America/Los_Angeles (23 or 25 hours away on the DST change days);
 * - 403 `rateLimitExceeded` / `userRateLimitExceeded` → `throttled`, for `Retry-After` if sent;
 * - 400 `keyInvalid`, 403 `forbidden` (no key) and the other key errors → `refused`;
 * - anything else as the generic parser reads it (`Retry-After`, 429, 401).
 *
 * @example
 * ```ts
 * youtubeLimits({ status: 403, headers: new Headers(), body: quotaExceededBody }, Date.now());
 * // { kind: 'quota-exhausted', remaining: 0, resetAt: <next midnight PT>, source: 'youtube-body' }
 * ```
 */
export const youtubeLimits: LimitParser = (response, now) => {
  const { status, headers } = response;
  if (status === 400 || status === 403) {
    const reason = reasonOf(response.body);
    if (reason.quota) {
      return {
        kind: 'quota-exhausted',
        remaining: 0,
        resetAt: nextMidnightMs(now, QUOTA_TIME_ZONE),
        source: 'youtube-body',
      };
    }
    if (reason.rate) {
      const out: LimitObservation = { kind: 'throttled', source: 'youtube-body' };
      const wait = parseRetryAfter(headers.get('retry-after'), now);
      if (wait !== undefined) out.retryAfterMs = wait;
      return out;
    }
    if (reason.key) return { kind: 'refused', source: 'youtube-body' };
  }
  return genericLimits(response, now);
};

/**
 * Subscriber counts from the YouTube Data API v3 (`GET /youtube/v3/channels?part=statistics`),
 * up to 50 channel ids per request, counted against the key's daily unit quota.
 *
 * - Accounts given as channel ids (`UC…`) are asked 50 at a time (`id=UC…,UC…`).
 * - `@handles` are asked one per call (`forHandle=` takes a single handle) with
 *   `part=statistics,snippet`, so the first lookup also brings the figures, and the channel's
 *   `snippet.customUrl` says whose they are; the channel id is then remembered by this provider,
 *   and later collections (later processes too, with `state`) ask for it among the batched ids.
 * - Every channel of an answer is matched to the account asked for: by channel id exactly, or by
 *   the handle (its `customUrl`, any case). A channel not asked for in place of the one asked, one
 *   channel twice with different figures, or an id that is not `UC` + 22 characters is that
 *   account's `invalid-response`; nothing from it is stored or remembered.
 * - The subscriber count YouTube publishes is rounded down to three significant figures: it comes
 *   back as a range (`36200000` → 36,200,000–36,299,999), exact below 1,000. `viewCount` becomes
 *   `views`, `videoCount` `posts`, the channel id `platformUserId`.
 * - A channel hiding its count (`hiddenSubscriberCount`) is a `hidden` failure, an unknown id or
 *   handle (YouTube leaves it out of its answer) a `not-found` failure.
 * - YouTube announces no quota, so the provider counts the key's calls per Pacific day (shared by
 *   every collection made with this provider, and by every process when `state` is a store) and stops at
 *   `floor(unitsPerDay × (1 − safetyMargin) / unitsPerCall)`: accounts it can no longer ask about
 *   fail at once as `rate-limited`, with `resumeAt` at the next midnight America/Los_Angeles. A
 *   `quotaExceeded` answer ends the day's budget the same way (the bucket pauses until that
 *   midnight; requests that may not wait that long, see `http.maxWaitMs`, fail as `rate-limited`);
 *   a `rateLimitExceeded` answer pauses the bucket briefly and the request is sent again.
 *
 * The key travels as `key=` (YouTube accepts no header for API keys); it is redacted from every
 * message, and the rate bucket carries only a hash of it.
 *
 * @example
 * ```ts
 * const youtube = youtubeProvider({ apiKey: process.env.YOUTUBE_API_KEY! });
 * await collect(registry, { providers: [youtube] });
 * ```
 */
export function youtubeProvider(options: YoutubeProviderOptions): ProviderV1 {
  const key = requireCredential('apiKey', options?.apiKey, 'YOUTUBE_API_KEY');
  const base = readBaseUrl(options.baseUrl, 'https://www.googleapis.com');
  const callsPerDay = readQuota(options.quota, options.safetyMargin);
  const bucket = `youtube:${credentialTag(key)}`;
  const url = `${base}/youtube/v3/channels`;
  const state = readState(options.state);
  /** Handles resolved to channel ids (YouTube handles are case-insensitive). */
  const channelIds = new ChannelIdCache(state);
  const ledger: Ledger = state
    ? new StoreLedger(callsPerDay, state, credentialTag(key))
    : new MemoryLedger(callsPerDay);

  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'youtube',
    name: 'youtube-data-v3',
    maxBatchSize: 50,
    bucketOf: () => bucket,
    // Every answer is a call the key may have paid for; a quotaExceeded one says the day is spent.
    readLimits: (response, now) => {
      const observation = youtubeLimits(response, now);
      if (observation.kind === 'quota-exhausted') ledger.exhaust(now);
      else ledger.spend(now);
      return observation;
    },
    async fetchBatch(accounts, { http, now }) {
      /** Accounts not asked about because the day's budget is spent. */
      const unsent = new Set<Account>();
      /** What the id call said of each account asked by channel id (given or remembered). */
      const byId = new Map<Account, Matched<Channel>>();
      /** What each forHandle lookup said, by lower-case handle. */
      const byHandle = new Map<string, Matched<Channel>>();
      const idOf = (account: Account): string | undefined =>
        YOUTUBE_CHANNEL_ID.test(account.handle) ? account.handle : channelIds.get(account.handle);
      const call = async (filter: Filter, asked: readonly Account[]): Promise<Channel[]> => {
        if (!(await ledger.reserve(now().getTime()))) {
          for (const account of asked) unsent.add(account);
          return [];
        }
        try {
          return channelsOf(await get(http, filter));
        } finally {
          ledger.release();
        }
      };

      // Channel ids, given or remembered (here, or in the store by an earlier run): one call.
      await channelIds.load(
        accounts.filter((a) => !YOUTUBE_CHANNEL_ID.test(a.handle)).map((a) => a.handle),
      );
      /** Handles whose channel id was found, or found wrong, in this batch. */
      const learnt = new Map<string, string | undefined>();
      const withId = accounts.filter((account) => idOf(account) !== undefined);
      const ids = [...new Set(withId.map((account) => idOf(account)!))];
      if (ids.length > 0) {
        const channels = await call({ id: ids.join(',') }, withId);
        // by channel id, exactly: a channel not asked for, one twice with different figures or
        // a malformed id is that account's invalid-response (defects 8 and 10)
        const byIdentity: AnswerIdentity<Channel> = {
          ...CHANNEL,
          keyOf: (account) => idOf(account) ?? '',
          keysOf: (channel) => [channel.id],
          nameOf: (channel) => channel.id,
        };
        const matches = matchAnswers(provider, 'channels.list', withId, channels, byIdentity);
        withId.forEach((account, i) => {
          if (!unsent.has(account)) byId.set(account, matches[i]!);
        });
      }
      // Handles never seen, or whose remembered channel YouTube left out of its answer (a handle
      // can move to another channel): one forHandle call each, which brings the statistics too.
      const fresh = new Map<string, Account>();
      for (const account of accounts) {
        if (YOUTUBE_CHANNEL_ID.test(account.handle) || unsent.has(account)) continue;
        const known = byId.get(account);
        if (known && (known.kind !== 'absent' || known.stray)) continue;
        if (known) learnt.set(account.handle, undefined);
        fresh.set(account.handle.toLowerCase(), account);
      }
      // A lookup that fails (a 5xx past its retries, say) fails its own account only.
      const lookups = [...fresh.values()];
      const looked = await settleEach(lookups, async (account) => {
        const channels = await call({ forHandle: account.handle }, [account]);
        if (unsent.has(account)) return;
        // the channel must be the handle's (its customUrl), or the account fails (defect 8)
        const [match] = matchAnswers(provider, 'channels.list', [account], channels, BY_HANDLE);
        if (match?.kind === 'found' && match.id) {
          learnt.set(account.handle, match.id);
        }
        if (match) byHandle.set(account.handle.toLowerCase(), match);
      });
      const lookupFailures = new Map<Account, ProviderFailure>();
      looked.forEach((failure, i) => {
        if (failure) lookupFailures.set(lookups[i]!, failure);
      });

      await channelIds.save(learnt, now().getTime());

      const takenAt = now();
      const resumeAt = new Date(ledger.resetAt(takenAt.getTime()));
      return accounts.map((account): ProviderResult => {
        if (unsent.has(account)) return quotaSpent(account, resumeAt);
        const lookupFailure = lookupFailures.get(account);
        if (lookupFailure) return lookupFailure;
        const match = byHandle.get(account.handle.toLowerCase()) ?? byId.get(account);
        if (match?.kind === 'failed') return match.failure;
        if (match?.kind !== 'found') {
          // channels.list silently leaves out unknown, closed and suspended channels (§4)
          return (
            match?.stray ??
            failureResult(provider, account, 'not-found', 'YouTube has no channel for it')
          );
        }
        const stats = match.entry.statistics;
        if (!stats || stats.hiddenSubscriberCount || stats.subscriberCount === undefined) {
          return failureResult(
            provider,
            account,
            'hidden',
            'the channel hides its subscriber count',
          );
        }
        return snapshotResult(provider, account, takenAt, subscriberCount(stats.subscriberCount), {
          platformUserId: match.id,
          views: optionalNumber(stats.viewCount),
          posts: optionalNumber(stats.videoCount),
        });
      });
    },
  };

  function quotaSpent(account: Account, resumeAt: Date): ProviderResult {
    const error = new RateLimitError(
      `not sent: the ${callsPerDay} calls a day this key may make (quota less the safety margin) are spent; YouTube resets the quota at midnight America/Los_Angeles, ${resumeAt.toISOString()} (handle "${account.handle}")`,
      {
        platform: provider.platform,
        provider: provider.name,
        bucket,
        accountId: account.id,
        resumeAt,
      },
    );
    return { ok: false, accountId: account.id, error };
  }

  async function get(http: HttpClient, filter: Filter): Promise<HttpResponse> {
    const response = await http.get(url, {
      searchParams: { part: 'id' in filter ? 'statistics' : 'statistics,snippet', ...filter, key },
      operation: 'channels.list',
    });
    if (response.status === 200) return response;
    const reason = reasonOf(response.body);
    const what = `channels.list answered ${response.status}${reason.text ? ` (${quoteServerText(reason.text, [key])})` : ''}`;
    if (reason.key || response.status === 401) {
      throw batchError(provider, response, 'unauthorized', `${what}: the API key was refused`);
    }
    throw batchError(provider, response, 'invalid-response', what);
  }

  function channelsOf(response: HttpResponse): Channel[] {
    return parseBody(provider, 'channels.list', ChannelList, response).items ?? [];
  }

  return provider;
}

// ---------------------------------------------------------------------------------------------

/**
 * The subscriber count as a range: YouTube rounds it down to three significant figures, so
 * `123000` means 123,000–123,999 and `36200000` 36,200,000–36,299,999; below 1,000 it is exact.
 */
function subscriberCount(text: string): Count {
  const value = Number(text);
  if (value < 1_000) return exactCount(value);
  return roundedDownCount(value, 10 ** (String(value).length - 3));
}

/** A handle without its `@`, in lower case: `@IndoreCollector` → `indorecollector`. */
function bareHandle(handle: string): string {
  return (handle.startsWith('@') ? handle.slice(1) : handle).toLowerCase();
}

function optionalNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

/** What Google's error envelope says: its first reason (and domain), in words and by kind. */
function reasonOf(body: unknown): { quota: boolean; rate: boolean; key: boolean; text: string } {
  const error = isObject(body) && isObject(body.error) ? body.error : {};
  const first = Array.isArray(error.errors) && isObject(error.errors[0]) ? error.errors[0] : {};
  const name = typeof first.reason === 'string' ? first.reason : '';
  const message = typeof error.message === 'string' ? error.message : '';
  const domain = first.domain;
  return {
    quota: QUOTA_REASONS.has(name) || domain === 'youtube.quota',
    rate: RATE_REASONS.has(name),
    key: KEY_REASONS.has(name),
    text: [name, message].filter(Boolean).join(': '),
  };
}

/** Checks the `state` option: something with the state methods of a store. */
function readState(state: unknown): YoutubeState | undefined {
  if (state === undefined) return undefined;
  const methods = ['readState', 'writeState', 'addToCounter'] as const;
  if (
    typeof state !== 'object' ||
    state === null ||
    methods.some((m) => typeof (state as Record<string, unknown>)[m] !== 'function')
  ) {
    throw new OptionError(
      'state',
      'a store keeping provider state (memoryStore(), postgresStore(...))',
      state,
    );
  }
  return state as YoutubeState;
}

/** Checks the quota options and returns the calls allowed per day. */
function readQuota(quota: YoutubeQuotaOptions | undefined, safetyMargin: unknown): number {
  if (quota !== undefined && (typeof quota !== 'object' || quota === null)) {
    throw new OptionError('quota', 'an object { unitsPerDay?, unitsPerCall? }', quota);
  }
  const integer = (name: keyof YoutubeQuotaOptions, fallback: number) => {
    const value = quota?.[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new OptionError(`quota.${name}`, 'an integer >= 1', value);
    }
    return value;
  };
  const unitsPerDay = integer('unitsPerDay', 10_000);
  const unitsPerCall = integer('unitsPerCall', 1);
  const margin = safetyMargin ?? 0.05;
  if (typeof margin !== 'number' || !(margin >= 0 && margin < 1)) {
    throw new OptionError('safetyMargin', 'a number from 0 up to (not including) 1', margin);
  }
  // The gate counts requests, YouTube counts units: every call here is a channels.list, so the
  // budget in calls is the spendable units divided by the units per call.
  // (The epsilon keeps 20 × 0.95 = 18.999… from losing a call.)
  const calls = Math.floor((unitsPerDay * (1 - margin)) / unitsPerCall + 1e-9);
  if (calls < 1) {
    throw new OptionError(
      'quota',
      `room for at least one call a day (unitsPerDay × (1 − safetyMargin) >= unitsPerCall = ${unitsPerCall})`,
      unitsPerDay,
    );
  }
  return calls;
}
