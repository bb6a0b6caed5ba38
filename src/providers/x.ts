import { z } from 'zod/v4';
import { resetFromEpochSeconds, tripleLimits } from '../engine/limits.js';
import { quoteServerText } from '../engine/redact.js';
import { exactCount } from '../model/count.js';
import type { LimitParser, ProviderResult, ProviderV1 } from '../spec/v1/index.js';
import { isObject, isWholeNumber } from '../util/guards.js';
import { credentialTag } from '../util/hash.js';
import {
  type AnswerIdentity,
  batchError,
  failureResult,
  matchAnswers,
  parseBody,
  readBaseUrl,
  requireCredential,
  snapshotResult,
} from './shared.js';

/** Options of {@link xProvider}. */
export interface XProviderOptions {
  /** An app-only OAuth 2.0 Bearer token (developer portal → your app → Keys and tokens). */
  bearerToken: string;
  /** @default 'https://api.x.com' */
  baseUrl?: string;
}

// Only the fields read. X renamed `tweet_count` to `post_count` in its OpenAPI spec v2.167; the live
// API may send either (platforms.md §1), so both are accepted.
const Metrics = z.object({
  followers_count: z.number().int().nonnegative(),
  following_count: z.number().int().nonnegative().optional(),
  tweet_count: z.number().int().nonnegative().optional(),
  post_count: z.number().int().nonnegative().optional(),
  listed_count: z.number().int().nonnegative().optional(),
});
const User = z.object({ id: z.string(), username: z.string(), public_metrics: Metrics });
const Problem = z.object({
  value: z.string().optional(),
  resource_id: z.string().optional(),
  detail: z.string().optional(),
  title: z.string().optional(),
  type: z.string().optional(),
});
type User = z.output<typeof User>;

/**
 * Who an X user is: the user name, case-insensitively (X's own rule); the id is 1–20 digits (X
 * ids are 64-bit snowflakes, 19 digits today).
 */
const X_IDENTITY: AnswerIdentity<User> = {
  noun: 'user',
  keyOf: (account) => account.handle.toLowerCase(),
  keysOf: (user) => [user.username.toLowerCase()],
  nameOf: (user) => user.username,
  idOf: (user) => user.id,
  idPattern: /^\d{1,20}$/,
  idRule: 'an X user id (1–20 digits)',
  figuresOf: ({ id, public_metrics: m }) => [
    id,
    m.followers_count,
    m.following_count,
    m.tweet_count ?? m.post_count,
    m.listed_count,
  ],
};

/** The users/by answer, as far as it is read (exported for the fast-path property test). */
export const UsersResponse = z.object({
  data: z.array(User).optional(),
  errors: z.array(Problem).optional(),
});

/** X API v2: `x-rate-limit-limit`, `-remaining`, `-reset` (epoch seconds). */
export const xLimits: LimitParser = tripleLimits(
  'x-rate-limit-',
  resetFromEpochSeconds,
  'x-rate-limit',
);

/**
 * Reads X's limit headers, and a usage cap (`.../problems/usage-capped`, sent with 429 or 403) as an
 * exhausted quota rather than a throttle: it does not lift at the next window.
 */
const readXLimits: LimitParser = (response, now) => {
  const observation = xLimits(response, now);
  const type = (response.body as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string' && type.endsWith('/usage-capped')) {
    return {
      ...observation,
      kind: 'quota-exhausted',
      resetAt: observation.resetAt ?? now + 3_600_000,
    };
  }
  return observation;
};

/**
 * Follower counts from the X API v2 (`GET /2/users/by`, up to 100 usernames per request,
 * `user.fields=public_metrics`), paced by the `x-rate-limit-*` headers (300 requests per 15 minutes
 * per app at the time of writing).
 *
 * Users X reports in `errors[]` (not found, suspended) become failures with that reason; the
 * numeric user id is kept as a string (X ids exceed 2^53).
 *
 * @example
 * ```ts
 * const x = xProvider({ bearerToken: process.env.X_BEARER_TOKEN! });
 * await collect(registry, { providers: [x] });
 * ```
 */
export function xProvider(options: XProviderOptions): ProviderV1 {
  const token = requireCredential('bearerToken', options?.bearerToken, 'X_BEARER_TOKEN');
  const base = readBaseUrl(options.baseUrl, 'https://api.x.com');
  const bucket = `x:${credentialTag(token)}:users`;
  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'x',
    name: 'x-api-v2',
    maxBatchSize: 100,
    bucketOf: () => bucket,
    readLimits: readXLimits,
    async fetchBatch(accounts, { http, now }) {
      const response = await http.get(`${base}/2/users/by`, {
        searchParams: {
          usernames: accounts.map((a) => a.handle).join(','),
          'user.fields': 'public_metrics',
        },
        headers: { authorization: `Bearer ${token}` },
        operation: 'users/by',
      });
      if (response.status === 401 || response.status === 403) {
        throw batchError(
          provider,
          response,
          'unauthorized',
          `users/by answered ${response.status}: the bearer token was refused (${problemText(response.body, token)})`,
        );
      }
      if (response.status !== 200) {
        throw batchError(
          provider,
          response,
          'invalid-response',
          `users/by answered ${response.status} (${problemText(response.body, token)})`,
        );
      }
      // 100 users per answer, thousands of answers per run: a plain check first (the hot path),
      // the schema only when it says no, to say what is wrong.
      const body = isUsersResponse(response.body)
        ? response.body
        : parseBody(provider, 'users/by', UsersResponse, response);
      // each user is matched by name; a name twice with different figures, or a user not asked
      // for in place of one, is that account's invalid-response (defect 8)
      const matches = matchAnswers(provider, 'users/by', accounts, body.data ?? [], X_IDENTITY);
      const problems = new Map<string, z.output<typeof Problem>>();
      for (const problem of body.errors ?? []) {
        const name = (problem.value ?? problem.resource_id)?.toLowerCase();
        if (name) problems.set(name, problem);
      }
      const takenAt = now();
      return accounts.map((account, i): ProviderResult => {
        const match = matches[i]!;
        if (match.kind === 'failed') return match.failure;
        if (match.kind === 'found') {
          const m = match.entry.public_metrics;
          const extra = m.listed_count === undefined ? undefined : { listed: m.listed_count };
          return snapshotResult(provider, account, takenAt, exactCount(m.followers_count), {
            platformUserId: match.id,
            following: m.following_count,
            posts: m.tweet_count ?? m.post_count,
            extra,
          });
        }
        const problem = problems.get(account.handle.toLowerCase());
        if (!problem && match.stray) return match.stray;
        // X answers 200 with errors[] for missing users; a suspended one has title "Forbidden"
        // but the same resource-not-found type (platforms.md §1).
        const detail = problem?.detail ?? 'X returned neither the user nor an error for it';
        const suspended = /suspended/i.test(detail) || problem?.title === 'Forbidden';
        return failureResult(provider, account, suspended ? 'suspended' : 'not-found', detail);
      });
    },
  };
  return provider;
}

/**
 * True when `body` is a users/by answer the schema accepts, checked without copying it. It never
 * accepts what `UsersResponse` rejects (a property test checks this).
 */
export function isUsersResponse(body: unknown): body is z.output<typeof UsersResponse> {
  if (!isObject(body)) return false;
  const { data, errors } = body;
  if (data !== undefined) {
    if (!Array.isArray(data)) return false;
    for (const user of data) {
      if (!isObject(user) || typeof user.id !== 'string' || typeof user.username !== 'string')
        return false;
      const m = user.public_metrics;
      if (!isObject(m) || !isWholeNumber(m.followers_count)) return false;
      for (const field of [
        'following_count',
        'tweet_count',
        'post_count',
        'listed_count',
      ] as const) {
        if (m[field] !== undefined && !isWholeNumber(m[field])) return false;
      }
    }
  }
  // errors[] is rare and small: the schema reads it
  return errors === undefined;
}

function problemText(body: unknown, token: string): string {
  const b = body as { title?: unknown; detail?: unknown } | undefined;
  const parts = [b?.title, b?.detail].filter((p): p is string => typeof p === 'string');
  return parts.length ? quoteServerText(parts.join(': '), [token]) : 'no problem details';
}
