import { z } from 'zod/v4';
import { OptionError } from '../errors.js';
import type { Account } from '../model/account.js';
import { exactCount } from '../model/count.js';
import type { FetchContext, HttpClient, ProviderResult, ProviderV1 } from '../spec/v1/index.js';
import { credentialTag } from '../util/hash.js';
import { graphBatch, MAX_BATCH } from './graph-batch.js';
import {
  describeGraphError,
  type GraphError,
  isDeprecated,
  metaLimits,
  readApiVersion,
  readGraphError,
  readUsageWindow,
  tokenRefused,
} from './meta.js';
import {
  type AnswerIdentity,
  batchError,
  failureResult,
  matchOne,
  readBaseUrl,
  requireCredential,
  settleEach,
  shapeIssues,
  snapshotResult,
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
   * The Graph API version in the path (see `facebookProvider`'s for its lifetime).
   * @default 'v27.0'
   */
  apiVersion?: string;
  /** @default 'https://graph.facebook.com' */
  baseUrl?: string;
  /**
   * The rolling window Meta's usage percentages cover.
   * @default 3_600_000 (an hour)
   */
  usageWindowMs?: number;
  /**
   * How accounts are asked for: `'batch'` sends up to 50 business discovery reads in one Graph
   * batch request (`POST /{version}/`; Meta counts each as a call); `'single'` one
   * `GET /{version}/{igUserId}?fields=business_discovery…` per account. When Graph refuses batch
   * requests (code 12 or 11), the provider falls back to `'single'` once for its bucket, with a
   * `notice` progress event.
   * @default 'batch'
   */
  requests?: InstagramRequests;
}

/** How {@link instagramProvider} asks Graph: a batch of business discovery reads, or one each. */
export type InstagramRequests = 'batch' | 'single';

const Discovered = z.object({
  id: z.string().optional(),
  username: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  follows_count: z.number().int().nonnegative().optional(),
  media_count: z.number().int().nonnegative().optional(),
});
const Answer = z.object({ business_discovery: Discovered });
type Discovered = z.output<typeof Discovered>;
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
 * professional account with business discovery: `{igUserId}?fields=
 * business_discovery.username(name){username,followers_count,follows_count,media_count}`, one
 * account per read. By default up to 50 reads go in one Graph batch request (`POST /{version}/`);
 * `requests: 'single'` sends each as its own `GET /{version}/{igUserId}?fields=…`, as does a lone
 * account. Followers are exact; follows become `following`, media `posts`. The answer must name
 * the user asked for (in any case), or the account fails as `invalid-response`.
 *
 * Errors (in a batch, in each part):
 * - code 110 ("Invalid user id", subcode 2207013) is a `not-found` failure: Meta answers alike for
 *   an account that does not exist and for a personal (not professional) one, which business
 *   discovery cannot read;
 * - an account without `followers_count` is a `hidden` failure;
 * - code 190 (at the top or in any part) fails the batch as `unauthorized` and stops the bucket;
 *   code 100 with subcode 33 (the `igUserId` node cannot be read) fails the batch as
 *   `unauthorized`;
 * - code 80002 (and 4, 17, 32, 613) are throttles: the bucket pauses and the request, or in a
 *   batch the throttled parts only, are sent again (three rounds at most for parts);
 * - codes 12 and 11 on a batch call: batches are refused, the provider falls back to single reads.
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
  const requests = options.requests ?? 'batch';
  if (requests !== 'batch' && requests !== 'single') {
    throw new OptionError('requests', "'batch' or 'single'", requests);
  }
  /** How accounts are asked for now: the option, until Graph refuses batches. */
  let mode: InstagramRequests = requests;
  const bucket = `instagram:${credentialTag(token)}`;
  const secrets = [token];
  const operation = 'business_discovery';
  /** The fields expression of one account: a registry handle matches Instagram's user-name rule. */
  const fieldsOf = (account: Account) =>
    `business_discovery.username(${account.handle}){${DISCOVERY_FIELDS}}`;

  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'instagram',
    name: 'instagram-graph',
    maxBatchSize: mode === 'batch' ? MAX_BATCH : 1,
    bucketOf: () => bucket,
    readLimits: metaLimits,
    rateLimit: { usageWindowMs },
    fetchBatch: (accounts, context) => fetchWith(accounts, context),
  };

  async function fetchWith(
    accounts: readonly Account[],
    context: FetchContext,
  ): Promise<ProviderResult[]> {
    const { http, now } = context;
    if (accounts.length === 1 || mode === 'single') {
      return settleEach(accounts, (a) => one(http, a, now));
    }
    const { parts, refused, response } = await graphBatch(http, {
      provider,
      url: `${base}/${version}/`,
      token,
      relativeUrls: accounts.map((a) => `${igUserId}?fields=${encodeURIComponent(fieldsOf(a))}`),
      secrets,
      operation: `${operation} batch`,
    });
    const takenAt = now();
    const results = accounts.map((account, i): ProviderResult | undefined => {
      const part = parts[i];
      if (part === undefined) return undefined;
      if (part.kind === 'answer') {
        return interpret(account, part.status, part.body, takenAt, () =>
          batchError(provider, response, 'unauthorized', unreadableNode(readGraphError(part.body))),
        );
      }
      if (part.kind === 'unreadable') {
        return failureResult(
          provider,
          account,
          'invalid-response',
          `${operation} batch answered ${part.status} for this account with ${part.why}`,
          part.status,
        );
      }
      return failureResult(provider, account, part.reason, part.message);
    });
    if (!refused) return results as ProviderResult[];
    if (mode === 'batch') {
      mode = 'single';
      context.notice(
        'fallback',
        `Graph refused batch requests for this app (${describeGraphError(refused.error, secrets)}): Instagram accounts are read one per request from now on (requests: 'single')`,
      );
    }
    const rest = accounts.filter((_, i) => results[i] === undefined);
    const more = await settleEach(rest, (a) => one(http, a, now));
    const byId = new Map(rest.map((a, i) => [a.id, more[i]!]));
    return accounts.map((a, i) => results[i] ?? byId.get(a.id)!);
  }

  /** `GET /{version}/{igUserId}?fields=business_discovery.username(name){…}`. */
  async function one(http: HttpClient, account: Account, now: () => Date): Promise<ProviderResult> {
    const response = await http.get(`${base}/${version}/${igUserId}`, {
      searchParams: { fields: fieldsOf(account), access_token: token },
      operation,
    });
    if (response.status !== 200) {
      const error = readGraphError(response.body);
      const refused = tokenRefused(provider, response, error, operation, secrets);
      if (refused) throw refused;
    }
    return interpret(account, response.status, response.body, now(), () =>
      batchError(provider, response, 'unauthorized', unreadableNode(readGraphError(response.body))),
    );
  }

  /** The message of a refused `igUserId` node (code 100, subcode 33). */
  function unreadableNode(error: GraphError | undefined): string {
    return `${operation} could not read the igUserId node: check that it is your Instagram professional account's id and that the token may use it (${describeGraphError(error, secrets)})`;
  }

  /**
   * What Graph's answer about one account (a single GET, or a part of a batch) means for it. A
   * refused token was handled before; an unreadable `igUserId` node throws `nodeRefused()`,
   * failing the batch, since no account can be read through it.
   */
  function interpret(
    account: Account,
    status: number,
    body: unknown,
    takenAt: Date,
    nodeRefused: () => Error,
  ): ProviderResult {
    if (status !== 200) {
      const error = readGraphError(body);
      const graph = describeGraphError(error, secrets);
      if (error?.code === INVALID_USER_CODE) {
        return failureResult(
          provider,
          account,
          'not-found',
          `Instagram knows no professional account by this name: it does not exist, or it is a personal (not Business or Creator) account, which business discovery cannot read (${graph})`,
          status,
        );
      }
      if (error?.code === 100 && error.subcode === 33) throw nodeRefused();
      if (isDeprecated(error)) {
        return failureResult(
          provider,
          account,
          'invalid-response',
          `Graph refused the request as deprecated: API version ${version} may have expired (set apiVersion to a current version; docs/platforms.md) (${graph})`,
          status,
        );
      }
      return failureResult(
        provider,
        account,
        'invalid-response',
        `${operation} answered ${status} (${graph})`,
        status,
      );
    }
    const parsed = Answer.safeParse(body);
    if (!parsed.success) {
      return failureResult(
        provider,
        account,
        'invalid-response',
        `${operation} answered 200 with a body that is not the documented shape (${shapeIssues(parsed.error)})`,
        status,
      );
    }
    // the answer must be about the user name asked for (defect 8)
    const match = matchOne(
      provider,
      operation,
      account,
      parsed.data.business_discovery,
      INSTAGRAM_IDENTITY,
    );
    if (match.kind === 'failed') return match.failure;
    const found: Discovered = match.entry;
    if (found.followers_count === undefined) {
      return failureResult(
        provider,
        account,
        'hidden',
        'business discovery returned the account without followers_count',
      );
    }
    return snapshotResult(provider, account, takenAt, exactCount(found.followers_count), {
      platformUserId: match.id,
      following: found.follows_count,
      posts: found.media_count,
    });
  }

  return provider;
}
