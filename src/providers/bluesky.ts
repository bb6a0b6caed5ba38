import { z } from 'zod';
import { blueskyLimits } from '../engine/limits.js';
import { quoteServerText } from '../engine/redact.js';
import { exactCount } from '../model/count.js';
import type { ProviderResult, ProviderV1 } from '../provider/types.js';
import { batchError, failed, observed, parseBody, readBaseUrl } from './shared.js';

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
      const byKey = new Map<string, z.output<typeof Profile>>();
      for (const profile of profiles) {
        byKey.set(profile.handle.toLowerCase(), profile);
        byKey.set(profile.did, profile);
      }
      const takenAt = now();
      return accounts.map((account): ProviderResult => {
        const profile = byKey.get(
          account.handle.startsWith('did:') ? account.handle : account.handle.toLowerCase(),
        );
        if (!profile) {
          // getProfiles silently omits actors it cannot show (platforms.md §6)
          return failed(
            provider,
            account,
            'not-found',
            'the AppView left this actor out of its answer (unknown, taken down or deactivated)',
          );
        }
        if (profile.followersCount === undefined) {
          return failed(provider, account, 'hidden', 'the profile came without followersCount');
        }
        return observed(provider, account, takenAt, exactCount(profile.followersCount), {
          platformUserId: profile.did,
          following: profile.followsCount,
          posts: profile.postsCount,
        });
      });
    },
  };
  return provider;
}
