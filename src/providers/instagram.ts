import { z } from 'zod';
import { OptionError } from '../errors.js';
import { exactCount } from '../model/count.js';
import type { ProviderV1 } from '../provider/types.js';
import { credentialTag } from '../util/hash.js';
import {
  describeGraphError,
  metaLimits,
  readApiVersion,
  readGraphError,
  readUsageWindow,
  tokenRefused,
} from './meta.js';
import {
  type AnswerIdentity,
  batchError,
  failed,
  matchOne,
  observed,
  parseBody,
  readBaseUrl,
  requireCredential,
} from './shared.js';

/** Options of {@link instagramProvider}. */
export interface InstagramProviderOptions {
  /**
   * A Facebook user (or system-user) access token with `instagram_basic` and
   * `pages_read_engagement`, for the Page linked to `igUserId`. Sent as the `access_token` query
   * parameter, which the engine redacts from everything it reports.
   */
  accessToken: string;
  /**
   * The id of your own Instagram professional account (a numeric string, not the user name): the
   * node `business_discovery` is read through.
   */
  igUserId: string;
  /**
   * The Graph API version in the path.
   * @default 'v26.0'
   */
  apiVersion?: string;
  /** @default 'https://graph.facebook.com' */
  baseUrl?: string;
  /**
   * The rolling window Meta's usage percentages cover.
   * @default 3_600_000 (an hour)
   */
  usageWindowMs?: number;
}

const Discovered = z.object({
  id: z.string().optional(),
  username: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  follows_count: z.number().int().nonnegative().optional(),
  media_count: z.number().int().nonnegative().optional(),
});
const Answer = z.object({ business_discovery: Discovered });
const INVALID_USER_CODE = 110;
/** The fields business discovery is asked for: the user name says whom the answer is about. */
const DISCOVERY_FIELDS = 'username,followers_count,follows_count,media_count';

/**
 * Who a business discovery answer is about: its `username`, case-insensitively (Instagram user
 * names are lower case; registries may not be). An answer without one is about nobody asked. The
 * id (digits) becomes `platformUserId`.
 */
const INSTAGRAM_IDENTITY: AnswerIdentity<z.output<typeof Discovered>> = {
  noun: 'account',
  keyOf: (account) => account.handle.toLowerCase(),
  keysOf: (found) => (found.username === undefined ? [] : [found.username.toLowerCase()]),
  nameOf: (found) => found.username,
  idOf: (found) => found.id,
  idPattern: /^\d{1,30}$/,
  idRule: 'an Instagram user id (1–30 digits)',
  figuresOf: (found) => [found.id, found.followers_count],
};

/**
 * Follower counts of Instagram professional (Business or Creator) accounts, read through your own
 * professional account with business discovery: `GET /{version}/{igUserId}?fields=
 * business_discovery.username(name){username,followers_count,follows_count,media_count}`, one
 * account per request. Followers are exact; follows become `following`, media `posts`. The answer
 * must name the user asked for (in any case), or the account fails as `invalid-response`.
 *
 * Errors:
 * - code 110 ("Invalid user id", subcode 2207013) is a `not-found` failure: Meta answers alike for
 *   an account that does not exist and for a personal (not professional) one, which business
 *   discovery cannot read;
 * - an account without `followers_count` is a `hidden` failure;
 * - code 190 fails the batch as `unauthorized` and stops the bucket; code 100 with subcode 33
 *   (the `igUserId` node cannot be read) fails the batch as `unauthorized`;
 * - code 80002 (and 4, 17, 32, 613) are throttles: the bucket pauses and the request is sent again.
 *
 * Pacing: one bucket per access token, `instagram:<tag>`, apart from the Facebook provider's
 * `facebook:<tag>`. Meta counts business use cases per type (`pages`, `instagram`), so the two
 * have their own `X-Business-Use-Case-Usage` figures; `X-App-Usage` is app-wide and both buckets
 * see it (each learns a limit from it that stays a valid lower bound, but they do not share their
 * send counts: with the same token, keep both far from the app limit).
 *
 * @example
 * ```ts
 * const instagram = instagramProvider({
 *   accessToken: process.env.INSTAGRAM_ACCESS_TOKEN!,
 *   igUserId: '17841405309211844',
 * });
 * await collect(registry, { providers: [instagram] });
 * ```
 */
export function instagramProvider(options: InstagramProviderOptions): ProviderV1 {
  const token = requireCredential('accessToken', options?.accessToken, 'INSTAGRAM_ACCESS_TOKEN');
  const igUserId = options.igUserId;
  if (typeof igUserId !== 'string' || !/^\d{1,30}$/.test(igUserId)) {
    throw new OptionError(
      'igUserId',
      'the numeric id of your Instagram professional account, as a string',
      igUserId,
    );
  }
  const version = readApiVersion(options.apiVersion);
  const base = readBaseUrl(options.baseUrl, 'https://graph.facebook.com');
  const usageWindowMs = readUsageWindow(options.usageWindowMs);
  const bucket = `instagram:${credentialTag(token)}`;
  const secrets = [token];
  const operation = 'business_discovery';

  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'instagram',
    name: 'instagram-graph',
    maxBatchSize: 1,
    bucketOf: () => bucket,
    readLimits: metaLimits,
    rateLimit: { usageWindowMs },
    async fetchBatch(accounts, { http, now }) {
      return Promise.all(
        accounts.map(async (account) => {
          // a registry handle matches Instagram's user-name rule: safe inside the field expression
          const response = await http.get(`${base}/${version}/${igUserId}`, {
            searchParams: {
              fields: `business_discovery.username(${account.handle}){${DISCOVERY_FIELDS}}`,
              access_token: token,
            },
            operation,
          });
          if (response.status !== 200) {
            const error = readGraphError(response.body);
            const graph = describeGraphError(error, secrets);
            const refused = tokenRefused(provider, response, error, operation, secrets);
            if (refused) throw refused;
            if (error?.code === INVALID_USER_CODE) {
              return failed(
                provider,
                account,
                'not-found',
                `Instagram knows no professional account by this name: it does not exist, or it is a personal (not Business or Creator) account, which business discovery cannot read (${graph})`,
                response.status,
              );
            }
            if (error?.code === 100 && error.subcode === 33) {
              throw batchError(
                provider,
                response,
                'unauthorized',
                `${operation} could not read the igUserId node: check that it is your Instagram professional account's id and that the token may use it (${graph})`,
              );
            }
            throw batchError(
              provider,
              response,
              'invalid-response',
              `${operation} answered ${response.status} (${graph})`,
            );
          }
          const answer = parseBody(provider, operation, Answer, response).business_discovery;
          // the answer must be about the user name asked for (defect 8)
          const match = matchOne(provider, operation, account, answer, INSTAGRAM_IDENTITY);
          if (match.kind === 'failed') return match.failure;
          const found = match.entry;
          if (found.followers_count === undefined) {
            return failed(
              provider,
              account,
              'hidden',
              'business discovery returned the account without followers_count',
            );
          }
          return observed(provider, account, now(), exactCount(found.followers_count), {
            platformUserId: match.id,
            following: found.follows_count,
            posts: found.media_count,
          });
        }),
      );
    },
  };
  return provider;
}
