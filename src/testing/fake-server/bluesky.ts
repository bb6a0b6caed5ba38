/**
 * Bluesky's public AppView (platforms.md §6) under `/bluesky`:
 * `GET /xrpc/app.bsky.actor.getProfiles?actors=a&actors=b` and
 * `GET /xrpc/app.bsky.actor.getProfile?actor=`, by handle or DID.
 *
 * @module
 */
import {
  bearer,
  type FakePlatformModule,
  faultHint,
  type PlatformApi,
  type Reply,
  type ServerContext,
  type StoredAccount,
  secondsUntil,
  statusText,
} from './api.js';

const MAX_ACTORS = 25;

const api: PlatformApi<'bluesky'> = {
  prefix: 'bluesky',

  route(request) {
    return { platform: 'bluesky', token: bearer(request.headers), path: request.path };
  },

  handle(request, route, context) {
    const path = route.path.replace(/\/+$/, '');
    if (path === '/xrpc/app.bsky.actor.getProfiles') {
      const actors = request.query.getAll('actors');
      if (actors.length === 0) return invalid('Error: Params must have the property "actors"');
      if (actors.length > MAX_ACTORS) {
        return invalid(`Error: actors must not have more than ${MAX_ACTORS} elements`);
      }
      // unknown, taken-down and deactivated actors are silently left out
      const profiles = actors
        .map((actor) => find(actor, context))
        .filter(
          (account) => account && account.state !== 'suspended' && account.state !== 'deactivated',
        )
        .map((account) => profile(account!));
      return { status: 200, body: { profiles } };
    }
    if (path === '/xrpc/app.bsky.actor.getProfile') {
      const actor = request.query.get('actor');
      if (!actor) return invalid('Error: Params must have the property "actor"');
      const account = find(actor, context);
      if (!account) return invalid('Profile not found');
      if (account.state === 'suspended') {
        return xrpcError(400, 'AccountTakedown', 'Account has been suspended');
      }
      if (account.state === 'deactivated') {
        return xrpcError(400, 'AccountDeactivated', 'Account is deactivated');
      }
      return { status: 200, body: profile(account) };
    }
    if (path.startsWith('/xrpc/')) {
      return xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented');
    }
    return xrpcError(404, 'NotFound', 'Not Found');
  },

  throttle(_route, throttle) {
    // atproto xrpc-server: a 429 carries the RateLimit-* headers and Retry-After in seconds
    const headers = throttle.window
      ? { 'Retry-After': String(secondsUntil(throttle.window.resetAt, throttle.now)) }
      : faultHint(throttle);
    return {
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers,
    };
  },

  limitHeaders(_route, window) {
    return {
      'RateLimit-Limit': String(window.limit),
      'RateLimit-Remaining': String(window.remaining),
      'RateLimit-Reset': String(window.resetAt / 1000), // epoch seconds, not a delta
      'RateLimit-Policy': `${window.limit};w=${window.windowMs / 1000}`,
    };
  },

  errorBody(status) {
    const text = statusText(status);
    return { error: text.replace(/ /g, ''), message: text };
  },
};

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Bluesky: handles `name.bsky.social`, `did:plc:` ids, 3000 requests / 5 min. */
export const bluesky = {
  id: 'bluesky',
  api,
  logKeys: ['actors', 'actor'],
  documentedLimit: { limit: 3000, windowMs: 5 * 60_000 },
  generatedHandle: (base) => `${base}.bsky.social`,
  generatedId: (seed) => `did:plc:${seed.letters(BASE32, 24)}`,
} satisfies FakePlatformModule<'bluesky'>;

function find(
  actor: string,
  context: ServerContext<'bluesky'>,
): StoredAccount<'bluesky'> | undefined {
  return actor.startsWith('did:')
    ? context.accounts.byId('bluesky', actor)
    : context.accounts.byHandle('bluesky', actor);
}

function profile(account: StoredAccount<'bluesky'>) {
  // app.bsky.actor.defs#profileViewDetailed: the counts are optional; a hidden one is left out
  return {
    did: account.id,
    handle: account.handle.toLowerCase(),
    displayName: account.name,
    ...(account.state === 'hidden' ? {} : { followersCount: account.followers }),
    followsCount: account.following,
    postsCount: account.posts,
    indexedAt: '2024-01-25T23:46:31.000Z',
    createdAt: '2023-04-12T04:53:57.057Z',
    labels: [],
  };
}

function invalid(message: string): Reply {
  return xrpcError(400, 'InvalidRequest', message);
}

function xrpcError(status: number, error: string, message: string): Reply {
  return { status, body: { error, message } };
}
