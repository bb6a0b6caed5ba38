/**
 * Mastodon (platforms.md §5), one instance per host under `/mastodon/<host>`:
 * `GET /api/v1/accounts/lookup?acct=`, `GET /api/v1/accounts/:id` and `GET /api/v1/accounts?id[]=`.
 * Each instance answers only for accounts whose home host it is (lookup uses `skip_webfinger`).
 *
 * @module
 */
import { OptionError } from '../../errors.js';
import {
  bearer,
  type FakePlatformModule,
  faultHint,
  type PlatformApi,
  type Reply,
  type StoredAccount,
  statusText,
} from './api.js';

const MAX_IDS = 40;
const NOT_FOUND: Reply = { status: 404, body: { error: 'Record not found' } };

const api: PlatformApi<'mastodon'> = {
  prefix: 'mastodon',

  route(request) {
    const [, host = '', ...rest] = request.path.split('/');
    return {
      platform: 'mastodon',
      token: bearer(request.headers),
      host: host.toLowerCase(),
      path: `/${rest.join('/')}`,
    };
  },

  handle(request, route, context) {
    const host = route.host ?? '';
    const local = (account: StoredAccount<'mastodon'> | undefined) =>
      account && account.state !== 'deactivated' && account.handle.endsWith(`@${host}`)
        ? account
        : undefined;
    const path = route.path.replace(/\/+$/, '');

    if (path === '/api/v1/accounts/lookup') {
      const acct = (request.query.get('acct') ?? '').replace(/^@/, '');
      const [user = '', domain = host] = acct.split('@');
      // skip_webfinger: an instance knows only what it has; here, only its own accounts
      if (!user || domain.toLowerCase() !== host) return NOT_FOUND;
      const account = local(context.accounts.byHandle('mastodon', `${user}@${host}`));
      return account ? { status: 200, body: entity(account, host) } : NOT_FOUND;
    }
    if (path === '/api/v1/accounts') {
      const ids = request.query.getAll('id[]');
      if (ids.length > MAX_IDS) {
        return {
          status: 422,
          body: { error: `Validation failed: id must contain at most ${MAX_IDS} items` },
        };
      }
      const found = ids.map((id) => local(context.accounts.byId('mastodon', id)));
      return {
        status: 200,
        body: found.flatMap((account) => (account ? [entity(account, host)] : [])),
      };
    }
    const byId = /^\/api\/v1\/accounts\/([^/]+)$/.exec(path);
    if (byId) {
      const account = local(context.accounts.byId('mastodon', decodeURIComponent(byId[1] ?? '')));
      return account ? { status: 200, body: entity(account, host) } : NOT_FOUND;
    }
    return NOT_FOUND;
  },

  throttle(_route, throttle) {
    // rack_attack.rb's throttled responder: 429 JSON with the X-RateLimit-* headers, no Retry-After
    return { status: 429, body: { error: 'Too many requests' }, headers: faultHint(throttle) };
  },

  limitHeaders(_route, window) {
    return {
      'X-RateLimit-Limit': String(window.limit),
      'X-RateLimit-Remaining': String(window.remaining),
      'X-RateLimit-Reset': iso8601Micros(window.resetAt),
    };
  },

  errorBody(status) {
    return { error: statusText(status) };
  },
};

/**
 * Mastodon: handles `user@host` (the home host, lower-cased), numeric ids, 300 requests / 5 min
 * per host, base URLs per host.
 */
export const mastodon = {
  id: 'mastodon',
  api,
  logKeys: ['acct', 'id[]'],
  documentedLimit: { limit: 300, windowMs: 5 * 60_000, scope: 'host' },
  defaultScope: 'host',
  hostInBaseUrl: { expected: 'a Mastodon host like "mastodon.social"' },
  generatedHandle: (base, host = 'mastodon.example') => `${base}@${host}`,
  generatedId: (seed) => `1${seed.digits(17)}`,
  canonicalHandle(handle, raw, where) {
    if (!/^[^@]+@[^@]+$/.test(handle)) {
      throw new OptionError(where, 'a Mastodon handle user@host', raw);
    }
    return { handle: handle.replace(/@.*$/, (host) => host.toLowerCase()) };
  },
  // not handle.split('@'): an array per account is what made loading 90,000 accounts slow
  displayName: (handle) => handle.slice(0, handle.indexOf('@')),
} satisfies FakePlatformModule<'mastodon'>;

/** `2026-07-02T12:35:00.000000Z`: Ruby's `iso8601(6)`, as Mastodon's rate-limit headers use. */
export function iso8601Micros(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

function entity(account: StoredAccount<'mastodon'>, host: string) {
  const username = account.handle.slice(0, account.handle.lastIndexOf('@'));
  const suspended = account.state === 'suspended';
  const url = `https://${host}`;
  return {
    id: account.id,
    username,
    acct: username, // a local account's acct has no domain
    display_name: suspended ? '' : account.name,
    locked: false,
    bot: false,
    discoverable: !suspended,
    group: false,
    created_at: '2022-11-01T00:00:00.000Z',
    note: '',
    url: `${url}/@${username}`,
    uri: `${url}/users/${username}`,
    avatar: `${url}/avatars/original/missing.png`,
    avatar_static: `${url}/avatars/original/missing.png`,
    header: `${url}/headers/original/missing.png`,
    header_static: `${url}/headers/original/missing.png`,
    // glitch-soc-style servers send -1 when the count is hidden; suspended accounts show zeros
    followers_count: suspended ? 0 : account.state === 'hidden' ? -1 : account.followers,
    following_count: suspended ? 0 : account.following,
    statuses_count: suspended ? 0 : account.posts,
    last_status_at: suspended ? null : '2026-07-01',
    ...(suspended ? { suspended: true } : {}),
    emojis: [],
    fields: [],
  };
}
