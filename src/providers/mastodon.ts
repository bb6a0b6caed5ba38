import { z } from 'zod/v4';
import { resetFromIso, tripleLimits } from '../engine/limits.js';
import { OptionError } from '../errors.js';
import { exactCount } from '../model/count.js';
import { normalizeHandle } from '../model/platform.js';
import type { LimitParser, ProviderV1 } from '../spec/v1/index.js';
import { credentialTag } from '../util/hash.js';
import {
  type AnswerIdentity,
  batchError,
  failureResult,
  matchOne,
  parseBody,
  snapshotResult,
} from './shared.js';

/** Options of {@link mastodonProvider}. */
export interface MastodonProviderOptions {
  /**
   * Where to send an account's lookup: a function of its home server, or one base URL for all.
   * @default (host) => `https://${host}`
   */
  baseUrl?: string | ((host: string) => string);
  /**
   * User tokens by home server, for servers that require authentication for the API
   * (limited-federation mode): `{ 'mastodon.social': process.env.MASTODON_SOCIAL_TOKEN }`. A token
   * belongs to the server that issued it: it is sent only with lookups of accounts whose home server
   * is its key, never to another server. Keys are server names as registry handles hold them
   * (`mastodon.social`, any case): no scheme, port, path or user. Most servers answer account
   * lookups without a token.
   * @default {} (no token is sent anywhere)
   */
  accessTokens?: Readonly<Record<string, string>>;
}

const Account = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  followers_count: z.number().int(),
  following_count: z.number().int().optional(),
  statuses_count: z.number().int().optional(),
  suspended: z.boolean().optional(),
});

/** Mastodon: `X-RateLimit-Limit`, `-Remaining`, `-Reset` (ISO 8601). */
export const mastodonLimits: LimitParser = tripleLimits(
  'x-ratelimit-',
  resetFromIso,
  'x-ratelimit-iso',
);

/**
 * Follower counts from Mastodon (`GET /api/v1/accounts/lookup?acct=`), asked of each account's
 * home server, where the figure is fresh; one bucket per server, paced by its `X-RateLimit-*`
 * headers (reset as an ISO date; 300 requests per 5 minutes by default).
 *
 * A hidden count (`followers_count: -1`, sent by glitch-soc-style servers) is a `hidden` failure,
 * never a zero; a suspended account (whose counts read 0) is a `suspended` failure.
 *
 * @example
 * ```ts
 * const mastodon = mastodonProvider();
 * ```
 */
export function mastodonProvider(options: MastodonProviderOptions = {}): ProviderV1 {
  const { baseUrl } = options;
  if (baseUrl !== undefined && typeof baseUrl !== 'string' && typeof baseUrl !== 'function') {
    throw new OptionError('baseUrl', 'a URL string or a function of the server name', baseUrl);
  }
  if ('accessToken' in options) {
    // 0.1.0 sent its one token to the home server of every account in the registry, so a registry
    // entry on another server received a token it did not issue. Refused rather than guessed at:
    // the value is never echoed.
    throw new OptionError(
      'accessToken',
      "absent: it was removed because it sent one token to every account's server; bind each token to the server that issued it with `accessTokens: { 'mastodon.social': token }`",
      shapeOf(options.accessToken),
    );
  }
  const tokens = readAccessTokens(options.accessTokens);
  const base = (host: string) =>
    (typeof baseUrl === 'function' ? baseUrl(host) : (baseUrl ?? `https://${host}`)).replace(
      /\/+$/,
      '',
    );
  // the bucket names the token by a hash, so two tokens for one server never share a gate
  const tags = new Map([...tokens].map(([host, token]) => [host, `:${credentialTag(token)}`]));
  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'mastodon',
    name: 'mastodon-api',
    maxBatchSize: 1,
    bucketOf: (account) => {
      const host = hostOf(account.handle);
      return `mastodon${tags.get(host) ?? ''}:${host}`;
    },
    readLimits: mastodonLimits,
    async fetchBatch(accounts, { http, now }) {
      return Promise.all(
        accounts.map(async (account) => {
          const [user = '', host = ''] = account.handle.split('@');
          // only the token this account's own server issued, looked up by its exact (lower-case)
          // name: a registry entry on another server gets no token
          const token = tokens.get(host);
          const response = await http.get(`${base(host)}/api/v1/accounts/lookup`, {
            searchParams: { acct: user },
            headers: token ? { authorization: `Bearer ${token}` } : undefined,
            operation: 'accounts/lookup',
          });
          if (response.status === 404)
            return failureResult(
              provider,
              account,
              'not-found',
              `${host} does not know this account`,
              404,
            );
          if (response.status === 410)
            return failureResult(provider, account, 'suspended', `${host} answered 410 Gone`, 410);
          if (response.status === 401 || response.status === 403) {
            throw batchError(
              provider,
              response,
              'unauthorized',
              token
                ? `${host} refused the token accessTokens gives for it (${response.status})`
                : `${host} requires an authenticated user for its API (give mastodonProvider a token for it: accessTokens: { '${host}': token })`,
            );
          }
          if (response.status !== 200) {
            throw batchError(
              provider,
              response,
              'invalid-response',
              `accounts/lookup on ${host} answered ${response.status}`,
            );
          }
          const answer = parseBody(provider, 'accounts/lookup', Account, response);
          // the answer must be about the account asked for, whatever the server (defect 8)
          const match = matchOne(provider, 'accounts/lookup', account, answer, identityOn(host));
          if (match.kind === 'failed') return match.failure;
          const found = match.entry;
          if (found.suspended)
            return failureResult(
              provider,
              account,
              'suspended',
              `${host} reports the account as suspended`,
            );
          if (found.followers_count < 0) {
            return failureResult(
              provider,
              account,
              'hidden',
              `${host} hides this account's follower count (followers_count ${found.followers_count})`,
            );
          }
          return snapshotResult(provider, account, now(), exactCount(found.followers_count), {
            platformUserId: match.id,
            following: nonNegative(found.following_count),
            posts: nonNegative(found.statuses_count),
          });
        }),
      );
    },
  };
  return provider;
}

type Answer = z.output<typeof Account>;

/**
 * Mastodon ids are strings, "cast from an integer, but not guaranteed to be a number" (the Account
 * entity's docs): Mastodon's are digits, Pleroma/Akkoma's and GoToSocial's letters and digits.
 */
const MASTODON_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Who a lookup answer on `host` is about: its `acct`, which for a local account is the user name
 * alone (then the account is on `host`) and otherwise `user@domain`. User names and domains are
 * compared in lower case, as Mastodon's own lookup does.
 */
function identityOn(host: string): AnswerIdentity<Answer> {
  return {
    noun: 'account',
    keyOf: (account) => account.handle.toLowerCase(),
    keysOf: ({ acct }) => {
      const [user, domain = host, ...rest] = acct.split('@');
      return user && domain && rest.length === 0 ? [`${user}@${domain}`.toLowerCase()] : [];
    },
    nameOf: (answer) => answer.acct,
    idOf: (answer) => answer.id,
    idPattern: MASTODON_ID,
    idRule: 'a Mastodon account id (1–64 letters, digits, _ or -)',
    figuresOf: (answer) => [answer.id, answer.followers_count],
  };
}

function hostOf(handle: string): string {
  return handle.slice(handle.indexOf('@') + 1);
}

/**
 * Checks the `accessTokens` option: an object of server name → token. Names are normalised as the
 * registry normalises a handle's server (lower case) and must be bare host names, so that a key
 * can only ever match the server it names; `https://mastodon.social`, `mastodon.social:443`,
 * `user@mastodon.social` or `mastodon.social/` are refused, not trimmed into a guess. Two keys
 * for one server with different tokens are refused too. Token values are never echoed.
 */
function readAccessTokens(value: unknown): Map<string, string> {
  const tokens = new Map<string, string>();
  if (value === undefined) return tokens;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OptionError(
      'accessTokens',
      "an object of server name → token, e.g. { 'mastodon.social': token }",
      Array.isArray(value) ? value : typeof value === 'string' ? shapeOf(value) : value,
    );
  }
  for (const [key, token] of Object.entries(value)) {
    const host = serverName(key);
    if (host === undefined) {
      throw new OptionError(
        `accessTokens["${quoteKey(key)}"]`,
        'keyed by a server name such as mastodon.social (no scheme, port, path or user)',
        quoteKey(key),
      );
    }
    if (typeof token !== 'string' || token.trim() === '' || !/^[\x21-\x7e]+$/.test(token.trim())) {
      throw new OptionError(
        `accessTokens["${host}"]`,
        'a non-empty token of printable ASCII characters without spaces',
        typeof token === 'string' ? shapeOf(token) : token,
      );
    }
    const previous = tokens.get(host);
    if (previous !== undefined && previous !== token.trim()) {
      throw new OptionError(
        `accessTokens["${quoteKey(key)}"]`,
        `the only token for ${host} (another key names the same server with a different token)`,
        shapeOf(token),
      );
    }
    tokens.set(host, token.trim());
  }
  return tokens;
}

/** The server name a key stands for (lower case), or `undefined` when it is not a bare host name. */
function serverName(key: string): string | undefined {
  if (key !== key.trim() || key.includes('@') || key.includes('/')) return undefined;
  try {
    // the registry's own rule for a handle's server, so a key can match exactly what handles hold
    const handle = normalizeHandle('mastodon', `token@${key}`);
    return handle.slice('token@'.length);
  } catch {
    return undefined;
  }
}

/** A key for a message: at most 60 characters, printable ASCII (it may be anything a user typed). */
function quoteKey(key: string): string {
  const cut = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  return cut.replace(/[^\x20-\x7e…]/g, '?').replace(/"/g, "'");
}

/** What a token looks like, without any of its characters. */
function shapeOf(value: unknown): string {
  return typeof value === 'string'
    ? `<a string of ${value.length} characters, not shown>`
    : `<${typeof value}>`;
}

function nonNegative(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 ? value : undefined;
}
