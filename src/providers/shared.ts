import type { z } from 'zod';
import type { HttpResponse } from '../engine/http-client.js';
import { type FailureReason, FetchError, OptionError, ProviderError } from '../errors.js';
import type { Account } from '../model/account.js';
import type { Count } from '../model/count.js';
import type { Snapshot } from '../model/snapshot.js';
import type { ProviderResult, ProviderV1 } from '../provider/types.js';

/** Helpers shared by the built-in providers. Internal. */

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

/** A per-account failure result. */
export function failed(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  account: Account,
  reason: FailureReason,
  message: string,
  status?: number,
): ProviderResult {
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

/** A successful result. */
export function observed(
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
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw new FetchError(
    `${operation} answered ${response.status} with a body that is not the documented shape (${where})`,
    {
      platform: provider.platform,
      provider: provider.name,
      reason: 'invalid-response',
      status: response.status,
      request: `GET ${response.url}`,
    },
  );
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
    request: `GET ${response.url}`,
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
