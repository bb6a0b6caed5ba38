import type { z } from 'zod/v4';
import { redactText } from '../engine/redact.js';
import {
  type FailureReason,
  FetchError,
  formatIssues,
  OptionError,
  ProviderError,
  zodIssues,
} from '../errors.js';
import type { Account } from '../model/account.js';
import type { Count } from '../model/count.js';
import type { Snapshot } from '../model/snapshot.js';
import type { HttpResponse, ProviderResult, ProviderV1 } from '../spec/v1/index.js';

/**
 * Helpers shared by the built-in providers. `snapshotResult` and `failureResult` are public, in
 * `social-reach/provider`, for third-party providers; the rest is internal.
 */

/** Checks a required credential option, naming the option and the environment variable to set. */
export function requireCredential(option: string, value: unknown, envHint: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new OptionError(
      option,
      `a non-empty string (set ${envHint} and pass it in)`,
      value === undefined ? undefined : typeof value === 'string' ? '' : value,
    );
  }
  return value.trim();
}

/** Checks a `baseUrl` option and returns it without a trailing slash. */
export function readBaseUrl(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new OptionError('baseUrl', 'an http(s) URL string', value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OptionError('baseUrl', 'an http(s) URL string', value);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new OptionError('baseUrl', 'an http(s) URL string', value);
  return value.replace(/\/+$/, '');
}

/**
 * One account's failed result: a `ProviderError` naming the provider's platform and name, the
 * account and the `reason` (with the HTTP `status` when one applies); the message ends with the
 * account's handle. Return it from `fetchBatch` for an account that is not found, suspended or
 * hidden: one account's failure is not an exception for the batch.
 *
 * @example
 * ```ts
 * if (response.status === 404) {
 *   return failureResult(provider, account, 'not-found', 'profiles answered 404', 404);
 * }
 * ```
 */
export function failureResult(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  account: Account,
  reason: FailureReason,
  message: string,
  status?: number,
): ProviderFailure {
  return {
    ok: false,
    accountId: account.id,
    error: new ProviderError(`${message} (handle "${account.handle}")`, {
      platform: provider.platform,
      provider: provider.name,
      reason,
      accountId: account.id,
      status,
    }),
  };
}

const sources = new Map<string, Snapshot['source']>();
/** One frozen source object per provider name, shared by its snapshots (less to allocate and keep). */
function sourceOf(name: string): Snapshot['source'] {
  let source = sources.get(name);
  if (!source) {
    source = Object.freeze({ provider: name });
    sources.set(name, source);
  }
  return source;
}

/**
 * One account's snapshot, as a successful result: for the account's id and the provider's
 * platform, dated `takenAt` (the collection's clock: `context.now()`), with `source.provider` set to
 * the provider's name and only the metrics given (a snapshot carries no `undefined` field).
 *
 * @example
 * ```ts
 * return snapshotResult(provider, account, now(), exactCount(profile.followers), {
 *   posts: profile.posts,
 *   platformUserId: profile.id,
 * });
 * ```
 */
export function snapshotResult(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  account: Account,
  takenAt: Date,
  followers: Count,
  metrics: Pick<Snapshot, 'following' | 'posts' | 'views' | 'extra' | 'platformUserId'> = {},
): ProviderResult {
  const snapshot: Snapshot = {
    accountId: account.id,
    platform: provider.platform,
    takenAt,
    followers,
    source: sourceOf(provider.name),
  };
  // Only the metrics the platform gave: a snapshot carries no undefined fields.
  if (metrics.platformUserId !== undefined) snapshot.platformUserId = metrics.platformUserId;
  if (metrics.following !== undefined) snapshot.following = metrics.following;
  if (metrics.posts !== undefined) snapshot.posts = metrics.posts;
  if (metrics.views !== undefined) snapshot.views = metrics.views;
  if (metrics.extra !== undefined) snapshot.extra = metrics.extra;
  return { ok: true, snapshot };
}

/**
 * Reads a response body with a zod schema; a body that does not match is an `invalid-response`
 * error for the whole batch, saying which fields were wrong (never quoting the body).
 */
export function parseBody<T extends z.ZodType>(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  operation: string,
  schema: T,
  response: HttpResponse,
): z.output<T> {
  const parsed = schema.safeParse(response.body);
  if (parsed.success) return parsed.data;
  const where = shapeIssues(parsed.error);
  throw new FetchError(
    `${operation} answered ${response.status} with a body that is not the documented shape (${where})`,
    {
      platform: provider.platform,
      provider: provider.name,
      reason: 'invalid-response',
      status: response.status,
      request: `${response.method} ${response.url}`,
    },
  );
}

/** The first three issues of a schema mismatch, by path (never quoting the body). */
export function shapeIssues(
  error: z.ZodError,
  root: readonly (string | number)[] = ['body'],
): string {
  return formatIssues(zodIssues(error, [...root]), { layout: 'inline', limit: 3 });
}

/** An error for the whole batch, from an answer the provider cannot use. */
export function batchError(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  response: HttpResponse,
  reason: FailureReason,
  message: string,
): FetchError {
  return new FetchError(message, {
    platform: provider.platform,
    provider: provider.name,
    reason,
    status: response.status,
    request: `${response.method} ${response.url}`,
    retryable: reason === 'network',
  });
}

/** A failed result. */
export type ProviderFailure = Extract<ProviderResult, { ok: false }>;

/**
 * Runs one lookup per account, all at once, and waits for every one (none is left running when the
 * batch ends). A lookup that throws fails its own account only; a refused credential
 * (`unauthorized`) fails the whole batch, since nothing sent with it can succeed.
 */
export async function settleEach<T>(
  accounts: readonly Account[],
  lookup: (account: Account) => Promise<T>,
): Promise<(T | ProviderFailure)[]> {
  const settled = await Promise.allSettled(accounts.map(lookup));
  return settled.map((outcome, i) => {
    if (outcome.status === 'fulfilled') return outcome.value;
    const error: unknown = outcome.reason;
    if (!(error instanceof ProviderError) || error.reason === 'unauthorized') throw error;
    return { ok: false, accountId: accounts[i]!.id, error };
  });
}

// ---------------------------------------------------------------------------------------------
// Identity: every answer is matched to the account asked for (issue #10, defects 8 and 10).

/**
 * How one platform's answers say whom they are about. Every provider that reads an identity from
 * its answers describes it here, and {@link matchAnswers} applies the same rules to all of them.
 */
export interface AnswerIdentity<T> {
  /** What an entry of the answer is, for messages: `'user'`, `'profile'`, `'Page'`, `'channel'`. */
  readonly noun: string;
  /** The key an account is asked by, normalised by the platform's case rule (X: lower case). */
  keyOf(account: Account): string;
  /**
   * The keys an entry answers to, normalised as {@link keyOf} normalises an account's. An entry
   * whose identity is missing, of the wrong type or inconsistent gives none, and matches nobody.
   */
  keysOf(entry: T): readonly string[];
  /** The name the entry gives itself (server text: quoted bounded and escaped, never raw). */
  nameOf(entry: T): unknown;
  /** The platform's own id of the entry (it becomes `platformUserId`); `undefined` when absent. */
  idOf(entry: T): unknown;
  /** What a valid id looks like, length bound included. */
  readonly idPattern: RegExp;
  /** The id rule in words, for messages: `'an X user id (1–20 digits)'`. */
  readonly idRule: string;
  /** What would be stored from the entry: two entries for one identity must agree on all of it. */
  figuresOf(entry: T): readonly unknown[];
}

/** One account's entry in an answer, as {@link matchAnswers} found it. */
export type Matched<T> =
  /** The entry about this account, its id checked (`undefined` when the answer has none). */
  | { readonly kind: 'found'; readonly entry: T; readonly id: string | undefined }
  /** The answer is about this account but cannot be used: a conflict, or an invalid id. */
  | { readonly kind: 'failed'; readonly failure: ProviderFailure }
  /**
   * Nothing in the answer is about this account. `stray` is set when the answer holds entries
   * about accounts that were not asked for: then the account fails with it (the answer is about
   * someone else), unless the platform says why it is absent (X's `errors[]`).
   */
  | { readonly kind: 'absent'; readonly stray: ProviderFailure | undefined };

/**
 * Matches the entries of an answer to the accounts asked for, by the platform's identity rule.
 * Nothing is ever taken on position or trust:
 * - an entry counts for an account only when one of its keys is the account's key;
 * - two entries for one identity that differ in anything stored are a conflict: the account fails
 *   as `invalid-response`, rather than keeping whichever came last (identical copies are one);
 * - an entry whose platform id breaks the platform's id rule fails its account as
 *   `invalid-response` (a server that sends a malformed id is not answering as documented, so its
 *   figures are not kept either);
 * - an account that nothing matched is `absent`, with a failure ready (`stray`) naming what came
 *   back instead when the answer holds entries about accounts not asked for.
 *
 * Names quoted in messages are server text: at most 64 characters, escaped to printable ASCII.
 */
export function matchAnswers<T>(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  operation: string,
  accounts: readonly Account[],
  entries: readonly T[],
  identity: AnswerIdentity<T>,
): Matched<T>[] {
  const asked = new Set(accounts.map((account) => identity.keyOf(account)));
  const byKey = new Map<string, { entry: T; figures: string; conflict: boolean }>();
  const strays: T[] = [];
  for (const entry of entries) {
    const keys = identity.keysOf(entry).filter((key) => asked.has(key));
    if (keys.length === 0) {
      strays.push(entry);
      continue;
    }
    const figures = JSON.stringify(identity.figuresOf(entry));
    for (const key of new Set(keys)) {
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { entry, figures, conflict: false });
      else if (seen.figures !== figures) seen.conflict = true;
    }
  }
  const strayMessage =
    strays.length === 0
      ? undefined
      : accounts.length === 1
        ? `${operation} answered about ${describeStrays(strays, identity)}, not this ${identity.noun}`
        : `${operation} left this ${identity.noun} out and answered about ${describeStrays(strays, identity)}, which no account of the request is`;
  return accounts.map((account): Matched<T> => {
    const match = byKey.get(identity.keyOf(account));
    if (!match) {
      return {
        kind: 'absent',
        stray:
          strayMessage === undefined
            ? undefined
            : failureResult(provider, account, 'invalid-response', strayMessage),
      };
    }
    if (match.conflict) {
      return {
        kind: 'failed',
        failure: failureResult(
          provider,
          account,
          'invalid-response',
          `${operation} answered about this ${identity.noun} more than once, with different figures; none is kept`,
        ),
      };
    }
    const id = identity.idOf(match.entry);
    if (id === undefined) return { kind: 'found', entry: match.entry, id: undefined };
    if (typeof id !== 'string' || !identity.idPattern.test(id)) {
      return {
        kind: 'failed',
        failure: failureResult(
          provider,
          account,
          'invalid-response',
          `${operation} answered with the id ${quoteIdentity(id)}, which is not ${identity.idRule}; the answer is not kept`,
        ),
      };
    }
    return { kind: 'found', entry: match.entry, id };
  });
}

/**
 * {@link matchAnswers} for an answer about one account (a lookup by name): the entry is about the
 * account, or the account fails as `invalid-response` naming whom the answer is about.
 */
export function matchOne<T>(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  operation: string,
  account: Account,
  entry: T,
  identity: AnswerIdentity<T>,
): Exclude<Matched<T>, { kind: 'absent' }> {
  const [match] = matchAnswers(provider, operation, [account], [entry], identity);
  if (match?.kind === 'found' || match?.kind === 'failed') return match;
  // one entry that matches nothing is a stray, so this failure is always there
  return {
    kind: 'failed',
    failure:
      match?.stray ??
      failureResult(
        provider,
        account,
        'invalid-response',
        `${operation} answered about someone else`,
      ),
  };
}

/** `another user, "mallory"`, `another user, "mallory", and 2 more`, `a user it does not name`. */
function describeStrays<T>(strays: readonly T[], identity: AnswerIdentity<T>): string {
  const name = identity.nameOf(strays[0]!);
  const first =
    name === undefined
      ? `${article(identity.noun)} ${identity.noun} it does not name`
      : `another ${identity.noun}, ${quoteIdentity(name)}`;
  return strays.length === 1 ? first : `${first}, and ${strays.length - 1} more`;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

/** The longest part of a server-sent name quoted in a message. */
const MAX_QUOTED_NAME = 64;

/**
 * A name or id a server sent, made fit for a message: a JSON string literal of at most 64
 * characters in printable ASCII (anything else escaped as `\uXXXX`, so no control, bidi or
 * look-alike character reaches a report), credentials removed by pattern; a value that is not a
 * string is described by its type.
 *
 * @example
 * ```ts
 * quoteIdentity('mallory\u202e') // '"mallory\\u202e"'
 * quoteIdentity(42) // 'a number'
 * ```
 */
export function quoteIdentity(value: unknown): string {
  if (typeof value !== 'string') {
    if (value === undefined) return 'no name';
    if (value === null) return 'null';
    const type = Array.isArray(value) ? 'list' : typeof value;
    return `${article(type)} ${type}`;
  }
  const cut = redactText(value.slice(0, MAX_QUOTED_NAME), []);
  const escaped = JSON.stringify(cut).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return value.length > MAX_QUOTED_NAME ? `${escaped}… (${value.length} characters)` : escaped;
}
