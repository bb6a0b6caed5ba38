import { z } from 'zod';
import type { HttpClient, HttpResponse } from '../engine/http-client.js';
import { OptionError } from '../errors.js';
import type { Account } from '../model/account.js';
import { exactCount } from '../model/count.js';
import type { ProviderResult, ProviderV1 } from '../provider/types.js';
import { credentialTag } from '../util/hash.js';
import {
  describeGraphError,
  type GraphError,
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
  matchAnswers,
  matchOne,
  observed,
  parseBody,
  readBaseUrl,
  requireCredential,
  settleEach,
} from './shared.js';

/** Options of {@link facebookProvider}. */
export interface FacebookProviderOptions {
  /**
   * A Graph API access token that may read the Pages: a Page or system-user token, or a user/app
   * token with the Page Public Content Access feature for Pages you do not manage. Sent as the
   * `access_token` query parameter, which the engine redacts from everything it reports.
   */
  accessToken: string;
  /**
   * The Graph API version in the path.
   * @default 'v26.0'
   */
  apiVersion?: string;
  /** @default 'https://graph.facebook.com' */
  baseUrl?: string;
  /**
   * The rolling window Meta's usage percentages (`X-App-Usage`, `X-Business-Use-Case-Usage`)
   * cover: the engine learns the limit behind them and keeps the usage under 100 %.
   * @default 3_600_000 (an hour)
   */
  usageWindowMs?: number;
  /**
   * Read up to 50 Pages per request with `GET /{version}/?ids=a,b`. Turn it off to read one Page
   * per request (`GET /{version}/{page}`): since 4 November 2026 apps created after that date
   * cannot use multi-ID requests on any version, and Meta deprecates them for all apps in v28.0
   * (the Graph API v27.0 announcement).
   * @default true
   */
  multiId?: boolean;
}

// `username` (the Page's alias) says which Page an answer is about when it was asked by alias
const FIELDS = 'username,followers_count,fan_count';
const MAX_IDS = 50;
const Page = z.object({
  id: z.string(),
  username: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  fan_count: z.number().int().nonnegative().optional(),
});
type Page = z.output<typeof Page>;
const Pages = z.record(z.string(), Page);
/** A Page of an answer with the key it came under (`?ids=`), or the name it was asked by. */
type Entry = readonly [key: string, page: Page];

/** A numeric Page id, as registry handles hold one. */
const PAGE_ID = /^\d+$/;

/**
 * Who a Page of an answer is: asked by numeric id, its `id` must be that id; asked by alias (a
 * user name), its `username` must be that alias, in any case. A `?ids=` answer must also hold it
 * under the key asked. The id (digits) becomes `platformUserId`.
 */
const FACEBOOK_IDENTITY: AnswerIdentity<Entry> = {
  noun: 'Page',
  keyOf: (account) =>
    PAGE_ID.test(account.handle) ? account.handle : account.handle.toLowerCase(),
  keysOf: ([key, page]) => {
    if (PAGE_ID.test(key)) return page.id === key ? [key] : [];
    const alias = key.toLowerCase();
    return page.username?.toLowerCase() === alias ? [alias] : [];
  },
  nameOf: ([, page]) => page.username ?? page.id,
  idOf: ([, page]) => page.id,
  idPattern: /^\d{1,25}$/,
  idRule: 'a Facebook Page id (1–25 digits)',
  figuresOf: ([, page]) => [page.id, page.followers_count, page.fan_count],
};

/**
 * Follower counts of Facebook Pages from the Graph API: `followers_count` (exact) and
 * `fan_count` (Page likes, kept as `extra.fans`), up to 50 Pages per request with
 * `GET /{version}/?ids=a,b&fields=followers_count,fan_count`, or one per request with
 * `multiId: false`. Handles are Page user names or numeric Page ids; the Page id becomes the
 * snapshot's `platformUserId`.
 *
 * Errors, as Graph sends them (HTTP 400/403 with a code, not 429):
 * - one unknown alias fails a whole `?ids=` request (code 803): the provider asks again for the
 *   Pages Graph did not name, or one by one, so that only the unknown Pages fail as `not-found`;
 * - a Page without `followers_count` is a `hidden` failure, never a zero;
 * - code 190 (invalid or expired token) fails the batch as `unauthorized`, and its bucket sends
 *   nothing more;
 * - codes 4, 17, 32, 613 and 80000–80014 are throttles: the bucket pauses (for
 *   `estimated_time_to_regain_access` when given, five minutes when nothing is) and the request
 *   is sent again.
 *
 * Pacing: one bucket per access token; `X-App-Usage` and `X-Business-Use-Case-Usage` put the
 * bucket in usage mode, so that the usage stays under 100 % of Meta's hourly limit.
 *
 * @example
 * ```ts
 * const facebook = facebookProvider({ accessToken: process.env.FACEBOOK_ACCESS_TOKEN! });
 * await collect(registry, { providers: [facebook] });
 * ```
 */
export function facebookProvider(options: FacebookProviderOptions): ProviderV1 {
  const token = requireCredential('accessToken', options?.accessToken, 'FACEBOOK_ACCESS_TOKEN');
  const version = readApiVersion(options.apiVersion);
  const base = readBaseUrl(options.baseUrl, 'https://graph.facebook.com');
  const usageWindowMs = readUsageWindow(options.usageWindowMs);
  const multiId = options.multiId ?? true;
  if (typeof multiId !== 'boolean') throw new OptionError('multiId', 'a boolean', multiId);
  const bucket = `facebook:${credentialTag(token)}`;
  const secrets = [token];

  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'facebook',
    name: 'facebook-graph',
    maxBatchSize: multiId ? MAX_IDS : 1,
    bucketOf: () => bucket,
    readLimits: metaLimits,
    rateLimit: { usageWindowMs },
    async fetchBatch(accounts, { http, now }) {
      const [only] = accounts;
      return accounts.length === 1 && only
        ? [await one(http, only, now)]
        : many(http, accounts, now, true);
    },
  };

  /** `GET /{version}/{page}`. */
  async function one(http: HttpClient, account: Account, now: () => Date): Promise<ProviderResult> {
    const response = await http.get(`${base}/${version}/${encodeURIComponent(account.handle)}`, {
      searchParams: { fields: FIELDS, access_token: token },
      operation: 'Graph Page',
    });
    if (response.status === 200) {
      const page = parseBody(provider, 'Graph Page', Page, response);
      // the Page must be the one asked for (defect 8)
      const match = matchOne(
        provider,
        'Graph Page',
        account,
        [account.handle, page] as const,
        FACEBOOK_IDENTITY,
      );
      return match.kind === 'failed' ? match.failure : result(account, page, match.id, now());
    }
    const error = readGraphError(response.body);
    const refused = tokenRefused(provider, response, error, 'Graph Page', secrets);
    if (refused) throw refused;
    // Any code 100 here is about this one node: unknown, not a Page (no such field on a User), or
    // not readable with this token.
    if (isUnknown(error) || error?.code === 100) {
      return failed(
        provider,
        account,
        'not-found',
        `Graph knows no Page by this name or id, or the token may not read it (${describeGraphError(error, secrets)})`,
        response.status,
      );
    }
    if (isPermission(error)) {
      return failed(
        provider,
        account,
        'unauthorized',
        `the token may not read this Page (${describeGraphError(error, secrets)})`,
        response.status,
      );
    }
    throw unexpected(response, error, 'Graph Page');
  }

  /** `GET /{version}/?ids=a,b`; on an unknown alias, asks again without it (`retry`) or one by one. */
  async function many(
    http: HttpClient,
    accounts: readonly Account[],
    now: () => Date,
    retry: boolean,
  ): Promise<ProviderResult[]> {
    const response = await http.get(`${base}/${version}/`, {
      searchParams: {
        ids: accounts.map((a) => a.handle).join(','),
        fields: FIELDS,
        access_token: token,
      },
      operation: 'Graph ?ids=',
    });
    if (response.status === 200) {
      const pages = parseBody(provider, 'Graph ?ids=', Pages, response);
      // by key and by the Page's own id or alias; a Page twice with different figures, or one not
      // asked for in place of the one asked, is that account's invalid-response (defect 8)
      const matches = matchAnswers(
        provider,
        'Graph ?ids=',
        accounts,
        Object.entries(pages),
        FACEBOOK_IDENTITY,
      );
      const takenAt = now();
      return accounts.map((account, i) => {
        const match = matches[i]!;
        if (match.kind === 'found') return result(account, match.entry[1], match.id, takenAt);
        if (match.kind === 'failed') return match.failure;
        return (
          match.stray ??
          failed(provider, account, 'not-found', 'Graph left this Page out of its answer')
        );
      });
    }
    const error = readGraphError(response.body);
    const refused = tokenRefused(provider, response, error, 'Graph ?ids=', secrets);
    if (refused) throw refused;
    if (!isUnknown(error) && !isPermission(error) && error?.code !== 100) {
      throw unexpected(response, error, 'Graph ?ids=');
    }
    // Graph fails the whole request for one alias it does not know (code 803, "Some of the aliases
    // you requested do not exist: a,b"). When it names them, ask once more for the others in one
    // request; otherwise, or if that fails too, one request per Page.
    if (isPermission(error)) return permissionFallback(http, accounts, now, error);
    const named = retry && error?.code === 803 ? aliasesIn(error.message) : new Set<string>();
    const gone = accounts.filter((a) => named.has(a.handle.toLowerCase()));
    if (gone.length === 0) return settleEach(accounts, (a) => one(http, a, now));
    const rest = accounts.filter((a) => !named.has(a.handle.toLowerCase()));
    const answers =
      rest.length === 0
        ? []
        : rest.length === 1
          ? await settleEach(rest, (a) => one(http, a, now))
          : await many(http, rest, now, false);
    const byId = new Map(rest.map((a, i) => [a.id, answers[i]!]));
    const notFound = `Graph says this Page does not exist (${describeGraphError(error, secrets)})`;
    return accounts.map(
      (a) => byId.get(a.id) ?? failed(provider, a, 'not-found', notFound, response.status),
    );
  }

  /**
   * A `?ids=` request refused for a permission (code 10 or 200–299) may be about one Page or about
   * the token (no Page Public Content Access, say). Two Pages are asked alone first: when both are
   * refused the same way, the token is the reason and the others are not asked (a batch of 50
   * costs 3 requests, not 51); otherwise every Page is asked alone.
   */
  async function permissionFallback(
    http: HttpClient,
    accounts: readonly Account[],
    now: () => Date,
    error: GraphError | undefined,
  ): Promise<ProviderResult[]> {
    const probes: ProviderResult[] = [];
    for (const account of accounts.slice(0, 2)) {
      probes.push(...(await settleEach([account], (a) => one(http, a, now))));
    }
    const refused = (r: ProviderResult) => !r.ok && r.error.reason === 'unauthorized';
    if (accounts.length > 2 && probes.every(refused)) {
      const message = `the token may not read these Pages: Graph refused the batch and the first two Pages alone (${describeGraphError(error, secrets)}); a token needs Page Public Content Access to read Pages it does not manage`;
      return [
        ...probes,
        ...accounts.slice(2).map((a) => failed(provider, a, 'unauthorized', message)),
      ];
    }
    return [...probes, ...(await settleEach(accounts.slice(2), (a) => one(http, a, now)))];
  }

  function result(
    account: Account,
    page: Page,
    id: string | undefined,
    takenAt: Date,
  ): ProviderResult {
    if (page.followers_count === undefined) {
      return failed(
        provider,
        account,
        'hidden',
        'Graph returned the Page without followers_count (hidden by the Page, or not readable with this token)',
      );
    }
    return observed(provider, account, takenAt, exactCount(page.followers_count), {
      platformUserId: id,
      extra: page.fan_count === undefined ? undefined : { fans: page.fan_count },
    });
  }

  function unexpected(response: HttpResponse, error: GraphError | undefined, operation: string) {
    return batchError(
      provider,
      response,
      'invalid-response',
      `${operation} answered ${response.status} (${describeGraphError(error, secrets)})`,
    );
  }

  return provider;
}

/** Code 803 (unknown alias), or 100 with subcode 33 (no such object, or not readable). */
function isUnknown(error: GraphError | undefined): boolean {
  return error?.code === 803 || (error?.code === 100 && error.subcode === 33);
}

/** Code 10 or 200–299: a permission the token lacks (for instance Page Public Content Access). */
function isPermission(error: GraphError | undefined): boolean {
  const code = error?.code;
  return code === 10 || (code !== undefined && code >= 200 && code <= 299);
}

/** The aliases of `(#803) Some of the aliases you requested do not exist: a,b`, lower-cased. */
function aliasesIn(message: string | undefined): Set<string> {
  const list = /do not exist:\s*(.+)$/i.exec(message ?? '')?.[1] ?? '';
  return new Set(
    list
      .split(',')
      .map((alias) => alias.trim().toLowerCase())
      .filter(Boolean),
  );
}
