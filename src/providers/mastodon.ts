import { z } from 'zod';
import { mastodonLimits } from '../engine/limits.js';
import { OptionError } from '../errors.js';
import { exactCount } from '../model/count.js';
import type { ProviderV1 } from '../provider/types.js';
import { credentialTag } from '../util/hash.js';
import { batchError, failed, observed, parseBody } from './shared.js';

/** Options of {@link mastodonProvider}. */
export interface MastodonProviderOptions {
  /**
   * Where to send an account's lookup: a function of its home server, or one base URL for all.
   * @default (host) => `https://${host}`
   */
  baseUrl?: string | ((host: string) => string);
  /**
   * A user token, for servers that require authentication for the API (limited-federation mode);
   * most servers answer account lookups without one.
   */
  accessToken?: string;
}

const Account = z.object({
  id: z.string(),
  username: z.string(),
  followers_count: z.number().int(),
  following_count: z.number().int().optional(),
  statuses_count: z.number().int().optional(),
  suspended: z.boolean().optional(),
});

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
  const { baseUrl, accessToken } = options;
  if (baseUrl !== undefined && typeof baseUrl !== 'string' && typeof baseUrl !== 'function') {
    throw new OptionError('baseUrl', 'a URL string or a function of the server name', baseUrl);
  }
  if (accessToken !== undefined && (typeof accessToken !== 'string' || accessToken === '')) {
    throw new OptionError('accessToken', 'a non-empty string', accessToken);
  }
  const base = (host: string) =>
    (typeof baseUrl === 'function' ? baseUrl(host) : (baseUrl ?? `https://${host}`)).replace(
      /\/+$/,
      '',
    );
  const tag = accessToken ? `:${credentialTag(accessToken)}` : '';
  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'mastodon',
    name: 'mastodon-api',
    maxBatchSize: 1,
    bucketOf: (account) => `mastodon${tag}:${hostOf(account.handle)}`,
    readLimits: mastodonLimits,
    async fetchBatch(accounts, { http, now }) {
      return Promise.all(
        accounts.map(async (account) => {
          const [user = '', host = ''] = account.handle.split('@');
          const response = await http.get(`${base(host)}/api/v1/accounts/lookup`, {
            searchParams: { acct: user },
            headers: accessToken ? { authorization: `Bearer ${accessToken}` } : undefined,
            operation: 'accounts/lookup',
          });
          if (response.status === 404)
            return failed(
              provider,
              account,
              'not-found',
              `${host} does not know this account`,
              404,
            );
          if (response.status === 410)
            return failed(provider, account, 'suspended', `${host} answered 410 Gone`, 410);
          if (response.status === 401 || response.status === 403) {
            throw batchError(
              provider,
              response,
              'unauthorized',
              `${host} requires an authenticated user for its API (give mastodonProvider an accessToken)`,
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
          const found = parseBody(provider, 'accounts/lookup', Account, response);
          if (found.suspended)
            return failed(
              provider,
              account,
              'suspended',
              `${host} reports the account as suspended`,
            );
          if (found.followers_count < 0) {
            return failed(
              provider,
              account,
              'hidden',
              `${host} hides this account's follower count (followers_count ${found.followers_count})`,
            );
          }
          return observed(provider, account, now(), exactCount(found.followers_count), {
            platformUserId: found.id,
            following: nonNegative(found.following_count),
            posts: nonNegative(found.statuses_count),
          });
        }),
      );
    },
  };
  return provider;
}

function hostOf(handle: string): string {
  return handle.slice(handle.indexOf('@') + 1);
}

function nonNegative(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 ? value : undefined;
}
