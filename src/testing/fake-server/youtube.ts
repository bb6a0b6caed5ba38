/**
 * YouTube Data API v3 `channels.list` (platforms.md §4) under `/youtube`:
 * `GET /youtube/v3/channels?part=statistics&id=UC…,UC…&key=` or `&forHandle=@name`, with the
 * daily unit quota. YouTube sends no limit headers.
 *
 * @module
 */
import {
  type ApiRequest,
  type FakePlatformModule,
  faultHint,
  type PlatformApi,
  type Reply,
  type ServerContext,
  type StoredAccount,
  statusText,
} from './api.js';

const MAX_IDS = 50;
const FILTERS = ['id', 'forHandle', 'forUsername', 'mine', 'managedByMe', 'categoryId'];
const QUOTA_MESSAGE = 'The request cannot be completed because you have exceeded your quota.';
const RATE_MESSAGE = 'The request cannot be completed because you have exceeded your rate limit.';

const api: PlatformApi<'youtube'> = {
  prefix: 'youtube',

  route(request) {
    return {
      platform: 'youtube',
      token: request.query.get('key') ?? undefined,
      path: request.path,
    };
  },

  handle(request, route, context) {
    if (route.path.replace(/\/+$/, '') !== '/youtube/v3/channels') {
      return googleError(404, 'notFound', 'global', 'Not Found');
    }
    const expected = context.options.credentials?.youtube;
    if (expected !== undefined && route.token !== expected) {
      return route.token
        ? googleError(
            400,
            'keyInvalid',
            'usageLimits',
            'API key not valid. Please pass a valid API key.',
            'INVALID_ARGUMENT',
          )
        : googleError(
            403,
            'forbidden',
            'global',
            'The request is missing a valid API key.',
            'PERMISSION_DENIED',
          );
    }
    // invalid requests cost units too (platforms.md §4), so charge before checking the request
    if (!context.quota.charge(request.now)) {
      // platforms.md §4: this exact envelope, no `status`
      return {
        ...googleError(403, 'quotaExceeded', 'youtube.quota', QUOTA_MESSAGE),
        throttled: true,
      };
    }
    return channels(request, context);
  },

  throttle(_route, throttle) {
    return {
      ...googleError(403, 'rateLimitExceeded', 'usageLimits', RATE_MESSAGE),
      headers: faultHint(throttle),
    };
  },

  limitHeaders() {
    return {};
  },

  errorBody(status) {
    const message = status >= 500 ? 'Backend Error' : statusText(status);
    return googleError(status, status >= 500 ? 'backendError' : 'badRequest', 'global', message)
      .body;
  },
};

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

/**
 * YouTube: handles `@name`, `UC` + 22 character ids (an account given as its channel id has no
 * handle), the daily unit quota.
 */
export const youtube = {
  id: 'youtube',
  api,
  logKeys: ['id', 'forHandle', 'forUsername'],
  generatedHandle: (base) => `@${base}`,
  generatedId: (seed) => `UC${seed.letters(URL_SAFE, 22)}`,
  canonicalHandle: (handle, raw) => (CHANNEL_ID.test(raw) ? { handle: '', id: raw } : { handle }),
  unitsUsed: (context) => context.quota.unitsUsed(),
} satisfies FakePlatformModule<'youtube'>;

/** YouTube's public subscriber count: rounded down to 3 significant figures, exact below 1,000. */
export function roundDown3(n: number): number {
  if (n < 1000) return n;
  const step = 10 ** (String(Math.floor(n)).length - 3);
  return Math.floor(n / step) * step;
}

function channels(request: ApiRequest, context: ServerContext<'youtube'>): Reply {
  const part = request.query.get('part');
  if (!part) {
    return googleError(400, 'required', 'global', 'Required parameter: part', undefined, 'part');
  }
  const filters = FILTERS.filter((filter) => request.query.has(filter));
  if (filters.length !== 1) {
    const message =
      filters.length === 0
        ? `No filter selected. Expected one of: ${FILTERS.join(', ')}`
        : `Incompatible parameters specified in the request: ${filters.join(', ')}`;
    return googleError(400, 'badRequest', 'youtube.parameter', message);
  }
  let found: (StoredAccount<'youtube'> | undefined)[] = [];
  if (filters[0] === 'id') {
    const ids = (request.query.get('id') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length > MAX_IDS) {
      const message = `The request specifies ${ids.length} channel ids; at most ${MAX_IDS} are allowed.`;
      return googleError(400, 'badRequest', 'youtube.parameter', message);
    }
    found = ids.map((id) => context.accounts.byId('youtube', id));
  } else if (filters[0] === 'forHandle') {
    // the `@` is optional; handles are case-insensitive
    found = [context.accounts.byHandle('youtube', request.query.get('forHandle') ?? '')];
  }
  const parts = part.split(',').map((p) => p.trim());
  // unknown, suspended and closed channels are silently absent
  const items = found
    .filter(
      (account) => account && account.state !== 'suspended' && account.state !== 'deactivated',
    )
    .map((account) => channel(account!, parts));
  const noMatch = context.options.youtube?.noMatch ?? 'absent';
  return {
    status: 200,
    body: {
      kind: 'youtube#channelListResponse',
      etag: `fake-etag-${items.length}`,
      pageInfo: { totalResults: items.length, resultsPerPage: 5 },
      ...(items.length > 0 || noMatch === 'empty' ? { items } : {}),
    },
  };
}

function channel(account: StoredAccount<'youtube'>, parts: readonly string[]) {
  const hidden = account.state === 'hidden';
  return {
    kind: 'youtube#channel',
    etag: `fake-etag-${account.id.slice(2, 12)}`,
    id: account.id,
    ...(parts.includes('snippet')
      ? {
          snippet: {
            title: account.name,
            description: '',
            ...(account.handle ? { customUrl: `@${account.handle.toLowerCase()}` } : {}),
            publishedAt: '2015-03-01T00:00:00Z',
          },
        }
      : {}),
    ...(parts.includes('statistics')
      ? {
          statistics: {
            viewCount: String(account.views),
            // a hidden count is left out (platforms.md §4 leaves "omitted or 0" open)
            ...(hidden ? {} : { subscriberCount: String(roundDown3(account.followers)) }),
            hiddenSubscriberCount: hidden,
            videoCount: String(account.posts),
          },
        }
      : {}),
  };
}

function googleError(
  code: number,
  reason: string,
  domain: string,
  message: string,
  status?: string,
  location?: string,
): Reply {
  const error = {
    message,
    domain,
    reason,
    ...(location ? { location, locationType: 'parameter' } : {}),
  };
  return {
    status: code,
    body: { error: { code, message, errors: [error], ...(status ? { status } : {}) } },
  };
}
