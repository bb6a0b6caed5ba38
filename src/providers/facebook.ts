import { z } from 'zod/v4';
import { OptionError } from '../errors.js';
import type { Account } from '../model/account.js';
import { exactCount } from '../model/count.js';
import type {
  FetchContext,
  HttpClient,
  HttpResponse,
  ProviderResult,
  ProviderV1,
} from '../spec/v1/index.js';
import { credentialTag } from '../util/hash.js';
import { graphBatch } from './graph-batch.js';
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
  matchAnswers,
  matchOne,
  parseBody,
  readBaseUrl,
  requireCredential,
  settleEach,
  shapeIssues,
  snapshotResult,
} from './shared.js';

/**
 * How {@link facebookProvider} asks Graph for Pages:
 * - `'batch'`: Graph batch requests, `POST /{version}/` with up to 50 single-Page GETs; every app
 *   may use them, on every version;
 * - `'ids'`: multi-ID requests, `GET /{version}/?ids=a,b` with up to 50 Pages; refused to apps
 *   created since 4 November 2026 on every version, and to every app from v28.0;
 * - `'single'`: one `GET /{version}/{page}` per Page.
 */
export type FacebookRequests = 'batch' | 'ids' | 'single';

/** Options of {@link facebookProvider}. */
export interface FacebookProviderOptions {
  /**
   * A Graph API access token that may read the Pages: a Page or system-user token, or a user/app
   * token with the Page Public Content Access feature for Pages you do not manage. Sent as the
   * `access_token` query parameter, which the engine redacts from everything it reports.
   */
  accessToken: string;
  /**
   * The Graph API version in the path. Meta keeps each version for at least two years after its
   * release; an expired one is refused (docs/platforms.md says how to move).
   * @default 'v27.0'
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
   * How Pages are asked for (see {@link FacebookRequests}): `'batch'` works for every app and
   * reads 50 Pages per HTTP request (Meta counts 50 calls); `'ids'` reads 50 per request with
   * `?ids=`, for apps that may still use it; `'single'` one per request. When Graph refuses a
   * legacy feature (code 12 or 11), the provider falls back once for its bucket, remembers it for
   * later collections, and says so in a `notice` progress event: `'ids'` → `'batch'` →
   * `'single'`.
   * @default 'batch'
   */
  requests?: FacebookRequests;
  /**
   * @deprecated Use `requests`: `multiId: true` is `requests: 'ids'`, `multiId: false` is
   * `requests: 'single'` (for an app created since 4 November 2026, `'batch'`, the default, keeps
   * 50 Pages per request). Accepted in this release only; giving both is an `OptionError`.
   */
  multiId?: boolean;
}

// `username` (the Page's alias) says which Page an answer is about when it was asked by alias
const FIELDS = 'username,followers_count,fan_count';
const MAX_IDS = 50;
const REQUEST_MODES: readonly FacebookRequests[] = ['batch', 'ids', 'single'];
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
/** Graph refused a legacy feature: the error and the answer that carried it. */
type Refusal = { readonly refused: GraphError | undefined };

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
 * `fan_count` (Page likes, kept as `extra.fans`). By default 50 Pages per HTTP request with a
 * Graph batch request (`POST /{version}/`, form field `batch` holding 50
 * `GET {page}?fields=username,followers_count,fan_count`), which every app may use; `requests:
 * 'ids'` uses `GET /{version}/?ids=a,b` instead, `requests: 'single'` one `GET /{version}/{page}`
 * per Page. A lone Page is always read with a single GET. Handles are Page user names or numeric
 * Page ids; the Page id becomes the snapshot's `platformUserId`.
 *
 * Errors, as Graph sends them (HTTP 400/403 with a code, not 429; in a batch, in each part):
 * - an unknown Page (code 803, or 100 with subcode 33) is that Page's `not-found`; one unknown
 *   alias fails a whole `?ids=` request, so the provider asks again for the Pages Graph did not
 *   name, or one by one;
 * - codes 10 and 200–299 are that Page's `unauthorized`;
 * - a Page without `followers_count` is a `hidden` failure, never a zero;
 * - code 190 (invalid or expired token), at the top or in any part, fails the batch as
 *   `unauthorized`, and its bucket sends nothing more;
 * - codes 4, 17, 32, 613 and 80000–80014 are throttles: the bucket pauses (for
 *   `estimated_time_to_regain_access` when given, five minutes when nothing is). A throttled
 *   request is sent again; in a batch, only the throttled parts are asked again (three rounds at
 *   most, then those Pages fail as `rate-limited`), as are parts that timed out (`null`);
 * - codes 12 and 11 (a legacy feature refused): the provider falls back, once for its bucket,
 *   from `?ids=` to batches and from batches to single GETs, with a `notice` progress event.
 *
 * Pacing: one bucket per access token; `X-App-Usage` and `X-Business-Use-Case-Usage` (on the
 * answer and on each part of a batch) put the bucket in usage mode, so that the usage stays under
 * 100 % of Meta's hourly limit; a batch counts as one call per part.
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
  /** How Pages are asked for now: the option, until Graph refuses it (then the next one). */
  let mode = readRequests(options.requests, options.multiId);
  const bucket = `facebook:${credentialTag(token)}`;
  const secrets = [token];

  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'facebook',
    name: 'facebook-graph',
    maxBatchSize: mode === 'single' ? 1 : MAX_IDS,
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
    const [only] = accounts;
    if (accounts.length === 1 && only) return [await one(http, only, now)];
    const used = mode;
    if (used === 'single') return settleEach(accounts, (a) => one(http, a, now));
    if (used === 'ids') {
      const answers = await many(http, accounts, now, true);
      if (!('refused' in answers)) return answers;
      fallBack(used, answers.refused, context);
      return fetchWith(accounts, context);
    }
    const { results, refused } = await viaBatch(http, accounts, now);
    if (!refused) return results as ProviderResult[];
    fallBack(used, refused.refused, context);
    const rest = accounts.filter((_, i) => results[i] === undefined);
    const more = rest.length === 0 ? [] : await fetchWith(rest, context);
    const byId = new Map(more.map((r) => [r.ok ? r.snapshot.accountId : r.accountId, r]));
    return accounts.map((a, i) => results[i] ?? byId.get(a.id)!);
  }

  /**
   * Graph refused `from` (code 12 or 11): use the next kind of request for the rest of the
   * bucket's work, this collection's and later ones, and say so once. A batch that meets the
   * refusal after another batch already fell back only follows.
   */
  function fallBack(from: FacebookRequests, error: GraphError | undefined, context: FetchContext) {
    if (mode !== from) return;
    mode = from === 'ids' ? 'batch' : 'single';
    const graph = describeGraphError(error, secrets);
    context.notice(
      'fallback',
      from === 'ids'
        ? `Graph refused multi-ID requests (?ids=) for this app (${graph}): Pages are read with batch requests from now on, 50 per request (set requests: 'batch' to skip the refused request)`
        : `Graph refused batch requests for this app (${graph}): Pages are read one per request from now on (requests: 'single')`,
    );
  }

  /** `GET /{version}/{page}`. */
  async function one(http: HttpClient, account: Account, now: () => Date): Promise<ProviderResult> {
    const response = await http.get(`${base}/${version}/${encodeURIComponent(account.handle)}`, {
      searchParams: { fields: FIELDS, access_token: token },
      operation: 'Graph Page',
    });
    if (response.status !== 200) {
      const refused = tokenRefused(
        provider,
        response,
        readGraphError(response.body),
        'Graph Page',
        secrets,
      );
      if (refused) throw refused;
    }
    return interpret(account, response.status, response.body, 'Graph Page', now());
  }

  /**
   * One batch call of single-Page GETs (asking again for throttled and timed-out parts). A result
   * is `undefined` for the Pages Graph did not answer because it refused batch requests.
   */
  async function viaBatch(
    http: HttpClient,
    accounts: readonly Account[],
    now: () => Date,
  ): Promise<{ results: (ProviderResult | undefined)[]; refused?: Refusal }> {
    const operation = 'Graph batch';
    const { parts, refused } = await graphBatch(http, {
      provider,
      url: `${base}/${version}/`,
      token,
      relativeUrls: accounts.map((a) => `${encodeURIComponent(a.handle)}?fields=${FIELDS}`),
      secrets,
      operation,
    });
    const takenAt = now();
    const results = accounts.map((account, i) => {
      const part = parts[i];
      if (part === undefined) return undefined;
      if (part.kind === 'answer') {
        return interpret(account, part.status, part.body, operation, takenAt);
      }
      if (part.kind === 'unreadable') {
        return failureResult(
          provider,
          account,
          'invalid-response',
          `${operation} answered ${part.status} for this Page with ${part.why}`,
          part.status,
        );
      }
      return failureResult(provider, account, part.reason, part.message);
    });
    return refused ? { results, refused: { refused: refused.error } } : { results };
  }

  /**
   * What Graph's answer about one Page (a single GET, or a part of a batch) means for it. A
   * refused token was handled before: here an error is this Page's failure.
   */
  function interpret(
    account: Account,
    status: number,
    body: unknown,
    operation: string,
    takenAt: Date,
  ): ProviderResult {
    if (status === 200) {
      const page = Page.safeParse(body);
      if (!page.success) {
        return failureResult(
          provider,
          account,
          'invalid-response',
          `${operation} answered 200 with a body that is not the documented shape (${shapeIssues(page.error)})`,
          status,
        );
      }
      // the Page must be the one asked for (defect 8)
      const match = matchOne(
        provider,
        operation,
        account,
        [account.handle, page.data] as const,
        FACEBOOK_IDENTITY,
      );
      return match.kind === 'failed'
        ? match.failure
        : result(account, page.data, match.id, takenAt);
    }
    const error = readGraphError(body);
    const graph = describeGraphError(error, secrets);
    // Any code 100 here is about this one node: unknown, not a Page (no such field on a User), or
    // not readable with this token.
    if (isUnknown(error) || error?.code === 100) {
      return failureResult(
        provider,
        account,
        'not-found',
        `Graph knows no Page by this name or id, or the token may not read it (${graph})`,
        status,
      );
    }
    if (isPermission(error)) {
      return failureResult(
        provider,
        account,
        'unauthorized',
        `the token may not read this Page (${graph})`,
        status,
      );
    }
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

  /**
   * `GET /{version}/?ids=a,b`; on an unknown alias, asks again without it (`retry`) or one by one.
   * Graph's refusal of multi-ID requests comes back as a {@link Refusal}.
   */
  async function many(
    http: HttpClient,
    accounts: readonly Account[],
    now: () => Date,
    retry: boolean,
  ): Promise<ProviderResult[] | Refusal> {
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
          failureResult(provider, account, 'not-found', 'Graph left this Page out of its answer')
        );
      });
    }
    const error = readGraphError(response.body);
    const refused = tokenRefused(provider, response, error, 'Graph ?ids=', secrets);
    if (refused) throw refused;
    if (isDeprecated(error)) return { refused: error };
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
    if ('refused' in answers) return answers;
    const byId = new Map(rest.map((a, i) => [a.id, answers[i]!]));
    const notFound = `Graph says this Page does not exist (${describeGraphError(error, secrets)})`;
    return accounts.map(
      (a) => byId.get(a.id) ?? failureResult(provider, a, 'not-found', notFound, response.status),
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
        ...accounts.slice(2).map((a) => failureResult(provider, a, 'unauthorized', message)),
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
      return failureResult(
        provider,
        account,
        'hidden',
        'Graph returned the Page without followers_count (hidden by the Page, or not readable with this token)',
      );
    }
    return snapshotResult(provider, account, takenAt, exactCount(page.followers_count), {
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

/** Checks `requests` (and the deprecated `multiId`), giving the mode to start with. */
function readRequests(requests: unknown, multiId: unknown): FacebookRequests {
  if (multiId !== undefined) {
    if (typeof multiId !== 'boolean') throw new OptionError('multiId', 'a boolean', multiId);
    if (requests !== undefined) {
      throw new OptionError(
        'multiId',
        "absent when `requests` is given (multiId is deprecated: multiId: true is requests: 'ids', false is requests: 'single')",
        multiId,
      );
    }
    return multiId ? 'ids' : 'single';
  }
  if (requests === undefined) return 'batch';
  if (!REQUEST_MODES.includes(requests as FacebookRequests)) {
    throw new OptionError('requests', "'batch', 'ids' or 'single'", requests);
  }
  return requests as FacebookRequests;
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
