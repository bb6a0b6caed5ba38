import { z } from 'zod/v4';
import { MAX_HINT_MS, resetFromEpochSeconds, tripleLimits } from '../engine/limits.js';
import { quoteServerText } from '../engine/redact.js';
import { exactCount } from '../model/count.js';
import type { LimitParser, ProviderResult, ProviderV1 } from '../spec/v1/index.js';
import {
  type AnswerIdentity,
  batchError,
  failureResult,
  matchAnswers,
  parseBody,
  readBaseUrl,
  snapshotResult,
} from './shared.js';

/** Options of {@link blueskyProvider}. */
export interface BlueskyProviderOptions {
  /** The AppView to ask. @default 'https://public.api.bsky.app' (public, cached, no credential) */
  baseUrl?: string;
}

const Profile = z.object({
  did: z.string(),
  handle: z.string(),
  followersCount: z.number().int().nonnegative().optional(),
  followsCount: z.number().int().nonnegative().optional(),
  postsCount: z.number().int().nonnegative().optional(),
});
const Profiles = z.object({ profiles: z.array(Profile) });
type Profile = z.output<typeof Profile>;

/** The DID methods Bluesky supports (`did:plc`, `did:web`), with a host name's length bound. */
const BLUESKY_DID = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]{1,253})$/;

/**
 * Who a profile is: its handle, case-insensitively (handles are domain names), or its DID, exactly,
 * whichever the account was asked by. The DID becomes `platformUserId`.
 */
const BLUESKY_IDENTITY: AnswerIdentity<Profile> = {
  noun: 'profile',
  keyOf: (account) =>
    account.handle.startsWith('did:') ? account.handle : account.handle.toLowerCase(),
  keysOf: (profile) => [profile.handle.toLowerCase(), profile.did],
  nameOf: (profile) => profile.handle,
  idOf: (profile) => profile.did,
  idPattern: BLUESKY_DID,
  idRule: 'a Bluesky DID (did:plc:<24 characters> or did:web:<host>)',
  figuresOf: (p) => [p.did, p.followersCount, p.followsCount, p.postsCount],
};

const blueskyTriple = tripleLimits('ratelimit-', resetFromEpochSeconds, 'ratelimit-epoch');

/** Bluesky: `RateLimit-Limit`, `-Remaining`, `-Reset` (epoch seconds), `RateLimit-Policy: 3000;w=300`. */
export const blueskyLimits: LimitParser = (response, now) => {
  const triple = blueskyTriple(response, now);
  const policy = /^\s*(\d+)\s*;\s*w=(\d+)/.exec(response.headers.get('ratelimit-policy') ?? '');
  if (!policy) return triple;
  return {
    ...triple,
    limit: triple.limit ?? Number(policy[1]),
    windowMs: Math.min(Number(policy[2]) * 1_000, MAX_HINT_MS),
  };
};

/**
 * Follower counts from Bluesky's public AppView (`app.bsky.actor.getProfiles`, up to 25 actors per
 * request as repeated `actors=`), paced by its `RateLimit-*` headers (epoch-seconds reset) and
 * `RateLimit-Policy`.
 *
 * Actors the AppView leaves out of its answer (unknown, taken down, deactivated) become `not-found`
 * failures; a profile without `followersCount` is a `hidden` failure, never a zero.
 *
 * @example
 * ```ts
 * const bluesky = blueskyProvider();
 * ```
 */
export function blueskyProvider(options: BlueskyProviderOptions = {}): ProviderV1 {
  const base = readBaseUrl(options.baseUrl, 'https://public.api.bsky.app');
  const bucket = `bluesky:${new URL(base).host}`;
  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'bluesky',
    name: 'bluesky-appview',
    maxBatchSize: 25,
    bucketOf: () => bucket,
    readLimits: blueskyLimits,
    async fetchBatch(accounts, { http, now }) {
      const response = await http.get(`${base}/xrpc/app.bsky.actor.getProfiles`, {
        searchParams: { actors: accounts.map((a) => a.handle) },
        operation: 'app.bsky.actor.getProfiles',
      });
      if (response.status !== 200) {
        const error = (response.body as { error?: unknown; message?: unknown } | undefined) ?? {};
        const detail = [error.error, error.message].filter((p) => typeof p === 'string').join(': ');
        throw batchError(
          provider,
          response,
          'invalid-response',
          `getProfiles answered ${response.status}${detail ? ` (${quoteServerText(detail, [])})` : ''}`,
        );
      }
      const { profiles } = parseBody(provider, 'getProfiles', Profiles, response);
      // by handle or DID; a profile twice with different figures, or one not asked for in place
      // of the one asked, is that account's invalid-response (defect 8)
      const matches = matchAnswers(provider, 'getProfiles', accounts, profiles, BLUESKY_IDENTITY);
      const takenAt = now();
      return accounts.map((account, i): ProviderResult => {
        const match = matches[i]!;
        if (match.kind === 'failed') return match.failure;
        if (match.kind === 'absent') {
          if (match.stray) return match.stray;
          // getProfiles silently omits actors it cannot show (platforms.md §6)
          return failureResult(
            provider,
            account,
            'not-found',
            'the AppView left this actor out of its answer (unknown, taken down or deactivated)',
          );
        }
        const profile = match.entry;
        if (profile.followersCount === undefined) {
          return failureResult(
            provider,
            account,
            'hidden',
            'the profile came without followersCount',
          );
        }
        return snapshotResult(provider, account, takenAt, exactCount(profile.followersCount), {
          platformUserId: match.id,
          following: profile.followsCount,
          posts: profile.postsCount,
        });
      });
    },
  };
  return provider;
}
