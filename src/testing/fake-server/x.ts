/**
 * X API v2 user lookup (platforms.md §1), under `/x`: `GET /2/users/by?usernames=`,
 * `GET /2/users?ids=`, `GET /2/users/by/username/:username` and `GET /2/users/:id`.
 *
 * @module
 */
import {
  type ApiRequest,
  bearer,
  type FakePlatformModule,
  faultHint,
  type PlatformApi,
  type Reply,
  type ServerContext,
  type StoredAccount,
  statusText,
} from './api.js';

const PROBLEMS = 'https://api.twitter.com/2/problems';
const USERNAME = /^[A-Za-z0-9_]{1,15}$/;
const USER_ID = /^[0-9]{1,19}$/;
const MAX_USERS = 100;

type Lookup = 'usernames' | 'ids';

const api: PlatformApi<'x'> = {
  prefix: 'x',

  route(request) {
    return { platform: 'x', token: bearer(request.headers), path: request.path };
  },

  handle(request, route, context) {
    const expected = context.options.credentials?.x;
    if (expected !== undefined && route.token !== expected) {
      return { status: 401, body: problem(401) };
    }
    const path = route.path.replace(/\/+$/, '');
    if (path === '/2/users/by') return lookupMany(request, 'usernames', context);
    if (path === '/2/users') return lookupMany(request, 'ids', context);
    const single = /^\/2\/users\/(?:by\/username\/([^/]+)|([^/]+))$/.exec(path);
    if (single) {
      const [, username, id] = single;
      return username !== undefined
        ? lookupOne(request, 'usernames', decodeURIComponent(username), context)
        : lookupOne(request, 'ids', decodeURIComponent(id ?? ''), context);
    }
    return { status: 404, body: problem(404) };
  },

  throttle(_route, throttle) {
    // platforms.md §1: the observed 429 body; the hint is in the x-rate-limit-* headers
    return { status: 429, body: problem(429), headers: faultHint(throttle) };
  },

  limitHeaders(_route, window) {
    return {
      'x-rate-limit-limit': String(window.limit),
      'x-rate-limit-remaining': String(window.remaining),
      'x-rate-limit-reset': String(window.resetAt / 1000),
    };
  },

  errorBody: problem,
};

/** X: numeric ids beyond 2^53, user names as given, 300 requests / 15 min per app. */
export const x = {
  id: 'x',
  api,
  logKeys: ['usernames', 'ids'],
  documentedLimit: { limit: 300, windowMs: 15 * 60_000 },
  generatedHandle: (base) => base,
  generatedId: (seed) => `1${seed.digits(18)}`, // 19 digits: beyond 2^53, as real X ids are
} satisfies FakePlatformModule<'x'>;

function lookupMany(request: ApiRequest, kind: Lookup, context: ServerContext<'x'>): Reply {
  const raw = request.query.get(kind);
  const values = raw === null || raw === '' ? [] : raw.split(',');
  if (values.length < 1 || values.length > MAX_USERS) {
    return invalid(
      kind,
      values,
      `The number of values in the \`${kind}\` query parameter list [${values.length}] is not between 1 and ${MAX_USERS}`,
    );
  }
  const pattern = kind === 'usernames' ? USERNAME : USER_ID;
  const bad = values.filter((value) => !pattern.test(value));
  if (bad.length > 0) {
    return invalid(
      kind,
      bad,
      `The \`${kind}\` query parameter value [${bad[0]}] does not match ${pattern.source}`,
    );
  }
  const metrics = wantsMetrics(request);
  const data: unknown[] = [];
  const errors: unknown[] = [];
  for (const value of values) {
    const account = find(kind, value, context);
    if (account?.state === 'suspended') errors.push(suspended(kind, value));
    else if (!account || account.state === 'deactivated') errors.push(notFound(kind, value));
    else data.push(user(account, metrics, context));
  }
  // platforms.md §1: partial success is a 200; `data` is absent when nobody was found.
  const body: { data?: unknown[]; errors?: unknown[] } = {};
  if (data.length > 0) body.data = data;
  if (errors.length > 0) body.errors = errors;
  return { status: 200, body };
}

function lookupOne(
  request: ApiRequest,
  kind: Lookup,
  value: string,
  context: ServerContext<'x'>,
): Reply {
  const pattern = kind === 'usernames' ? USERNAME : USER_ID;
  const parameter = kind === 'usernames' ? 'username' : 'id';
  if (!pattern.test(value)) {
    return invalid(
      parameter,
      [value],
      `The \`${parameter}\` query parameter value [${value}] does not match ${pattern.source}`,
    );
  }
  const account = find(kind, value, context);
  if (account && account.state !== 'suspended' && account.state !== 'deactivated') {
    return { status: 200, body: { data: user(account, wantsMetrics(request), context) } };
  }
  // the integrate guide says 404, public clients see 200 with errors[] (platforms.md §1)
  const error =
    account?.state === 'suspended' ? suspended(parameter, value) : notFound(parameter, value);
  const status = context.options.x?.singleNotFoundStatus ?? 200;
  return { status, body: { errors: [error] } };
}

function find(
  kind: Lookup,
  value: string,
  context: ServerContext<'x'>,
): StoredAccount<'x'> | undefined {
  return kind === 'usernames'
    ? context.accounts.byHandle('x', value)
    : context.accounts.byId('x', value);
}

function wantsMetrics(request: ApiRequest): boolean {
  // X returns only id, name and username unless `user.fields` asks for more
  return (request.query.get('user.fields') ?? '').split(',').includes('public_metrics');
}

function user(account: StoredAccount<'x'>, metrics: boolean, context: ServerContext<'x'>) {
  const { id, name, handle: username, followers, following, posts } = account;
  if (!metrics) return { id, name, username };
  const listed = Math.floor(followers / 200);
  // literal objects (no computed key) keep 100-user answers cheap to build and serialise
  const public_metrics =
    context.options.x?.postCountField === 'post_count'
      ? {
          followers_count: followers,
          following_count: following,
          post_count: posts,
          listed_count: listed,
        }
      : {
          followers_count: followers,
          following_count: following,
          tweet_count: posts,
          listed_count: listed,
        };
  return { id, name, username, public_metrics };
}

function notFound(parameter: string, value: string) {
  return {
    value,
    detail: `Could not find user with ${parameter}: [${value}].`,
    title: 'Not Found Error',
    resource_type: 'user',
    parameter,
    resource_id: value,
    type: `${PROBLEMS}/resource-not-found`,
  };
}

function suspended(parameter: string, value: string) {
  // platforms.md §1 (observed): title "Forbidden", but the type is still resource-not-found
  return {
    parameter,
    resource_id: value,
    value,
    detail: `User has been suspended: [${value}].`,
    title: 'Forbidden',
    resource_type: 'user',
    type: `${PROBLEMS}/resource-not-found`,
  };
}

function invalid(parameter: string, values: string[], message: string): Reply {
  return {
    status: 400,
    body: {
      errors: [{ parameters: { [parameter]: values }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEMS}/invalid-request`,
    },
  };
}

function problem(status: number) {
  const text = statusText(status);
  return { title: text, detail: text, type: 'about:blank', status };
}
