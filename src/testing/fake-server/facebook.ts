/**
 * Facebook Graph API Pages (platforms.md §2) and Instagram business discovery (§3), under
 * `/facebook`: `GET /v{N}/?ids=a,b&fields=…`, `GET /v{N}/{page}`,
 * `GET /v{N}/{ig-user-id}?fields=business_discovery.username(name){…}`, and batch calls of any of
 * these (`POST /v{N}/` with the form field `batch`), each part counted and answered on its own.
 * Any version is accepted.
 *
 * @module
 */
import {
  type ApiRequest,
  type BatchPlan,
  bearer,
  type FakePlatformModule,
  faultHint,
  type PlatformApi,
  type Reply,
  type Route,
  type ServerContext,
  type StoredAccount,
} from './api.js';

/** The platforms Graph serves. */
type Graph = 'facebook' | 'instagram';

const MAX_IDS = 50;
/** Sub-requests per batch call (developers.facebook.com/docs/graph-api/batch-requests). */
const MAX_BATCH = 50;
const PAGE_FIELDS = ['id', 'name', 'username', 'followers_count', 'fan_count'];
const IG_FIELDS = ['id', 'username', 'name', 'followers_count', 'follows_count', 'media_count'];
const DISCOVERY = /business_discovery\.username\(([^)]*)\)(?:\{([^}]*)\})?/;
const RATE_LIMITING = 'https://developers.facebook.com/docs/graph-api/overview/rate-limiting';
const THROTTLE_MESSAGES: Record<number, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80001: `(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to ${RATE_LIMITING}.`,
  80002: `(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to ${RATE_LIMITING}.`,
};

const api: PlatformApi<Graph> = {
  prefix: 'facebook',

  route(request, context) {
    const path = request.path.replace(/^\/v\d+(?:\.\d+)?(?=\/|$)/, '');
    const node = path.split('/')[1] ?? '';
    const own = context.options.credentials?.instagramUserId;
    // a batch is Instagram's when its first sub-request is
    const items = batchItems(request);
    const first = Array.isArray(items) ? items[0] : undefined;
    const instagram = first
      ? first.fields.includes('business_discovery') || (first.node !== '' && first.node === own)
      : (request.query.get('fields') ?? '').includes('business_discovery') ||
        (node !== '' && node === own);
    return {
      platform: instagram ? 'instagram' : 'facebook',
      token: request.query.get('access_token') ?? bearer(request.headers),
      path,
    };
  },

  handle(request, route, context) {
    const refused = authenticate(route, context);
    if (refused) return refused;
    const nodes = route.path.split('/').filter(Boolean);
    if (nodes.length === 0) {
      if (!request.query.has('ids')) return unsupported('', context);
      return refusal('ids', context) ?? pages(request, context);
    }
    if (nodes.length > 1) return unsupported(route.path.slice(1), context);
    const node = decodeURIComponent(nodes[0]!);
    if (route.platform === 'instagram') return businessDiscovery(request, node, context);
    const fields = pageFields(request, context);
    if (!Array.isArray(fields)) return fields;
    const account = findPage(node, context);
    return account ? { status: 200, body: page(account, fields) } : unsupported(node, context);
  },

  throttle(route, throttle, context) {
    const code =
      route.platform === 'instagram' ? 80002 : (context.options.facebook?.throttleCode ?? 80001);
    // not a 429: Graph throttles with 400 (or 403) and a code (fetch-engine.md §9)
    return {
      status: context.options.facebook?.throttleStatus ?? 400,
      body: graphError(THROTTLE_MESSAGES[code] ?? `(#${code}) Rate limited`, code, context, {
        is_transient: true,
      }),
      headers: faultHint(throttle),
    };
  },

  limitHeaders(route, window, throttle, context) {
    const used = window.limit - window.remaining;
    const percent =
      window.limit === 0 ? 100 : Math.min(100, Math.floor((100 * used) / window.limit));
    const settings = context.options.facebook;
    const regain = throttle
      ? (settings?.regainMinutes ?? Math.ceil((window.resetAt - throttle.now) / 60_000))
      : 0;
    const key =
      route.platform === 'instagram'
        ? (context.options.credentials?.instagramUserId ?? route.path.split('/')[1] ?? '')
        : (settings?.businessId ?? '100000000000000');
    const usage = { call_count: percent, total_cputime: percent, total_time: percent };
    return {
      'X-App-Usage': JSON.stringify({
        call_count: percent,
        total_time: percent,
        total_cputime: percent,
      }),
      'X-Business-Use-Case-Usage': JSON.stringify({
        [key]: [
          {
            type: route.platform === 'instagram' ? 'instagram' : 'pages',
            ...usage,
            estimated_time_to_regain_access: regain,
          },
        ],
      }),
    };
  },

  batch(request, route, context) {
    if (request.method !== 'POST' || route.path.split('/').some(Boolean)) return undefined;
    const items = batchItems(request);
    if (items === undefined) return undefined;
    const refused = authenticate(route, context) ?? refusal('batch', context);
    if (refused) return { reply: refused };
    if (items === 'malformed') {
      const message = '(#100) The parameter batch must be a JSON array of requests';
      return { reply: { status: 400, body: graphError(message, 100, context) } };
    }
    if (items.length > MAX_BATCH) {
      const message = `(#100) Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`;
      return { reply: { status: 400, body: graphError(message, 100, context) } };
    }
    const includeHeaders = formValue(request, 'include_headers') !== 'false';
    const parts = items.map((item): { request: ApiRequest; route: Route<Graph> } => {
      const query = new URLSearchParams(item.query);
      // a sub-request without a token of its own uses the batch's
      if (!query.has('access_token') && route.token) query.set('access_token', route.token);
      const sub: ApiRequest = {
        method: 'GET',
        path: item.path,
        query,
        headers: request.headers,
        body: '',
        now: request.now,
      };
      return { request: sub, route: api.route(sub, context) };
    });
    return { parts, includeHeaders } satisfies BatchPlan<Graph>;
  },

  joinBatch(parts, includeHeaders) {
    // the answer's own usage headers: those of the last part answered (every part counted)
    const last = [...parts].reverse().find((part) => part !== null);
    const usage: Record<string, string> = {};
    for (const [name, value] of Object.entries(last?.headers ?? {})) {
      if (/^x-(app|business-use-case|page)-usage$/i.test(name)) usage[name] = value;
    }
    return {
      status: 200,
      headers: usage,
      body: parts.map((part) => {
        if (part === null) return null;
        const body = typeof part.body === 'string' ? part.body : JSON.stringify(part.body);
        if (!includeHeaders) return { code: part.status, body };
        const headers = Object.entries({ ...PART_HEADERS, ...part.headers }).map(
          ([name, value]) => ({ name, value }),
        );
        return { code: part.status, headers, body };
      }),
    };
  },

  logTail(request) {
    const items = request.method === 'POST' ? batchItems(request) : undefined;
    if (!Array.isArray(items)) return undefined;
    const names = items.map(
      (item) => DISCOVERY.exec(item.fields)?.[1] ?? decodeURIComponent(item.node),
    );
    return `batch=${names.join(',')}`;
  },

  errorBody(_status, context) {
    return graphError(
      'An unexpected error has occurred. Please retry your request later.',
      2,
      context,
      {
        is_transient: true,
      },
    );
  },
};

/** Facebook Pages: page user names, numeric ids. */
export const facebook = {
  id: 'facebook',
  api,
  logKeys: ['ids'],
  generatedHandle: (base) => base,
  generatedId: (seed) => `1000${seed.digits(11)}`,
} satisfies FakePlatformModule<'facebook', Graph>;

/** Instagram professional accounts, served by Facebook's Graph API: user names, numeric ids. */
export const instagram = {
  id: 'instagram',
  api,
  logKeys: ['fields'],
  generatedHandle: (base) => base,
  generatedId: (seed) => `1784${seed.digits(13)}`,
} satisfies FakePlatformModule<'instagram', Graph>;

/** Headers every batch part carries besides its usage headers (as Graph's parts do). */
const PART_HEADERS: Record<string, string> = {
  'Content-Type': 'text/javascript; charset=UTF-8',
  'Cache-Control': 'private, no-cache, no-store, must-revalidate',
};

/** One sub-request of a batch: its path below the version, its node, query and fields. */
interface BatchItem {
  readonly path: string;
  readonly node: string;
  readonly query: string;
  readonly fields: string;
}

/**
 * The sub-requests of a batch call (the form field, or query parameter, `batch`): `undefined`
 * when the request carries none, `'malformed'` when it is not a JSON list of
 * `{ method?, relative_url }`.
 */
function batchItems(
  request: Pick<ApiRequest, 'method' | 'query' | 'body'>,
): BatchItem[] | 'malformed' | undefined {
  if (request.method !== 'POST') return undefined;
  const raw = formValue(request, 'batch');
  if (raw === undefined) return undefined;
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return 'malformed';
  }
  if (!Array.isArray(list)) return 'malformed';
  const items: BatchItem[] = [];
  for (const entry of list) {
    const relative = (entry as { relative_url?: unknown } | null)?.relative_url;
    if (typeof relative !== 'string') return 'malformed';
    const url = new URL(relative.replace(/^\/+/, ''), 'http://graph.invalid/');
    const path = url.pathname.replace(/^\/v\d+(?:\.\d+)?(?=\/|$)/, '');
    items.push({
      path,
      node: path.split('/')[1] ?? '',
      query: url.search,
      fields: url.searchParams.get('fields') ?? '',
    });
  }
  return items;
}

/** A form field of a POST body, or the same query parameter. */
function formValue(request: Pick<ApiRequest, 'query' | 'body'>, name: string): string | undefined {
  return new URLSearchParams(request.body).get(name) ?? request.query.get(name) ?? undefined;
}

/**
 * Graph's refusal of a legacy feature the server is told the app may not use (`facebook.refuse`):
 * code 12, with HTTP 400 (an assumption: platforms.md gives no shape; docs/platforms.md).
 */
function refusal(feature: 'ids' | 'batch', context: ServerContext<Graph>): Reply | undefined {
  if (!context.options.facebook?.refuse?.includes(feature)) return undefined;
  const message =
    feature === 'ids'
      ? '(#12) Multi-ID requests are not available to apps created after 4 November 2026'
      : '(#12) Batch requests are not available to this app';
  return { status: 400, body: graphError(message, 12, context) };
}

function authenticate(route: Route<Graph>, context: ServerContext<Graph>): Reply | undefined {
  const expected = context.options.credentials?.facebook;
  if (expected === undefined || route.token === expected) return undefined;
  if (!route.token) {
    return {
      status: 400,
      body: graphError('An access token is required to request this resource.', 104, context),
    };
  }
  return {
    status: context.options.facebook?.authErrorStatus ?? 400,
    body: graphError('Invalid OAuth access token - Cannot parse access token', 190, context),
  };
}

function pages(request: ApiRequest, context: ServerContext<Graph>): Reply {
  const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
  if (ids.length > MAX_IDS) {
    const message = `(#100) Too many IDs. Maximum: ${MAX_IDS}. Provided: ${ids.length}.`;
    return { status: 400, body: graphError(message, 100, context) };
  }
  const fields = pageFields(request, context);
  if (!Array.isArray(fields)) return fields;
  const found = ids.map((id) => [id, findPage(id, context)] as const);
  const missing = found.filter(([, account]) => !account).map(([id]) => id);
  if (missing.length > 0) {
    // one unknown alias fails the whole request (observed Graph behaviour, code 803)
    const message = `(#803) Some of the aliases you requested do not exist: ${missing.join(',')}`;
    return { status: 400, body: graphError(message, 803, context) };
  }
  const body: Record<string, unknown> = {};
  for (const [id, account] of found) body[id] = page(account!, fields); // keyed as requested
  return { status: 200, body };
}

function businessDiscovery(
  request: ApiRequest,
  node: string,
  context: ServerContext<Graph>,
): Reply {
  const own = context.options.credentials?.instagramUserId;
  if (own !== undefined && node !== own) return unsupported(node, context);
  const match = DISCOVERY.exec(request.query.get('fields') ?? '');
  if (!match) {
    return { status: 200, body: { id: node } };
  }
  const [, username = '', wanted = 'id'] = match;
  const fields = wanted
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  const unknown = fields.find((field) => !IG_FIELDS.includes(field));
  if (unknown) return nonexistingField(unknown, 'User', context);
  const account = context.accounts.byHandle('instagram', username);
  if (!account || (account.state !== 'active' && account.state !== 'hidden')) {
    // platforms.md §3: unknown and personal accounts give the same error
    return {
      status: 400,
      body: graphError('Invalid user id', 110, context, { error_subcode: 2207013 }),
    };
  }
  const values: Record<string, unknown> = {
    username: account.handle,
    name: account.name,
    followers_count: account.state === 'hidden' ? undefined : account.followers,
    follows_count: account.following,
    media_count: account.posts,
  };
  const discovered: Record<string, unknown> = {};
  for (const field of fields) if (values[field] !== undefined) discovered[field] = values[field];
  discovered.id = account.id;
  return { status: 200, body: { business_discovery: discovered, id: node } };
}

function pageFields(request: ApiRequest, context: ServerContext<Graph>): string[] | Reply {
  const fields = (request.query.get('fields') ?? 'id,name').split(',').map((f) => f.trim());
  const unknown = fields.find((field) => field && !PAGE_FIELDS.includes(field));
  return unknown ? nonexistingField(unknown, 'Page', context) : fields;
}

function findPage(
  idOrName: string,
  context: ServerContext<Graph>,
): StoredAccount<Graph> | undefined {
  const account =
    context.accounts.byId('facebook', idOrName) ?? context.accounts.byHandle('facebook', idOrName);
  return account && account.state !== 'suspended' && account.state !== 'deactivated'
    ? account
    : undefined;
}

function page(account: StoredAccount<Graph>, fields: readonly string[]) {
  const values: Record<string, unknown> = {
    name: account.name,
    username: account.handle,
    followers_count: account.state === 'hidden' ? undefined : account.followers,
    fan_count: account.likes,
  };
  const out: Record<string, unknown> = {};
  for (const field of fields) if (values[field] !== undefined) out[field] = values[field];
  out.id = account.id; // Graph always returns the id
  return out;
}

function unsupported(node: string, context: ServerContext<Graph>): Reply {
  const message = `Unsupported get request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`;
  return {
    status: 400,
    body: graphError(message, 100, context, { type: 'GraphMethodException', error_subcode: 33 }),
  };
}

function nonexistingField(field: string, nodeType: string, context: ServerContext<Graph>): Reply {
  const message = `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`;
  return { status: 400, body: graphError(message, 100, context) };
}

function graphError(
  message: string,
  code: number,
  context: ServerContext<Graph>,
  extra: Record<string, unknown> = {},
) {
  return {
    error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: context.traceId() },
  };
}
