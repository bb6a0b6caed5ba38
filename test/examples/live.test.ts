import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providersFromEnv } from '../../examples/providers-from-env.js';
import { collect } from '../../src/engine/collect.js';
import { defineRegistry } from '../../src/model/registry.js';
import { createFakePlatformServer, type FakePlatformServer } from '../../src/testing/index.js';

/** The live example's providers, made from environment variables, against the fake API server. */
describe('examples/live.ts: providers from environment variables', () => {
  // One Graph API token may serve Facebook and Instagram (the fake server checks one for both).
  const graphToken = 'EAAB-graph-token-for-tests';
  const env = {
    X_BEARER_TOKEN: 'x-bearer-token-for-tests',
    FACEBOOK_ACCESS_TOKEN: graphToken,
    INSTAGRAM_ACCESS_TOKEN: graphToken,
    INSTAGRAM_USER_ID: '17841400000000000',
    YOUTUBE_API_KEY: 'AIza-youtube-key-for-tests',
    TELEGRAM_BOT_TOKEN: '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4',
  };
  let server: FakePlatformServer;

  beforeAll(async () => {
    server = await createFakePlatformServer({
      credentials: {
        x: env.X_BEARER_TOKEN,
        facebook: graphToken,
        instagramUserId: env.INSTAGRAM_USER_ID,
        youtube: env.YOUTUBE_API_KEY,
        telegram: env.TELEGRAM_BOT_TOKEN,
      },
      accounts: [
        { platform: 'x', handle: 'JansamparkMP', followers: 1_200_000 },
        { platform: 'facebook', handle: 'JansamparkMP', followers: 900_000, likes: 850_000 },
        { platform: 'instagram', handle: 'jansamparkmp', followers: 250_000 },
        {
          platform: 'youtube',
          handle: '@JansamparkMP',
          id: 'UCBVjMGOIkavEAhyqpxJ73Dw',
          followers: 123_456,
        },
        { platform: 'telegram', handle: '@JansamparkMP', followers: 48_000 },
        { platform: 'mastodon', handle: 'jansampark@mastodon.social', followers: 1_500 },
        { platform: 'bluesky', handle: 'jansampark.bsky.social', followers: 2_500 },
      ],
    });
  });
  afterAll(() => server.close());

  it('without credentials: Mastodon and Bluesky only, and a line naming the variable for each other platform', () => {
    const { providers, skipped } = providersFromEnv({});
    expect(providers.map((p) => p.platform)).toEqual(['mastodon', 'bluesky']);
    expect(skipped).toHaveLength(5);
    for (const variable of [
      'X_BEARER_TOKEN',
      'FACEBOOK_ACCESS_TOKEN',
      'INSTAGRAM_USER_ID',
      'YOUTUBE_API_KEY',
      'TELEGRAM_BOT_TOKEN',
    ]) {
      expect(skipped.join('\n')).toContain(variable);
    }
  });

  it('with every credential: all seven providers collect one registry, every account counted', async () => {
    const { providers, skipped } = providersFromEnv(env, (platform, host) =>
      server.baseUrl(platform, host),
    );
    expect(skipped).toEqual([]);
    expect(providers.map((p) => p.platform).sort()).toEqual([
      'bluesky',
      'facebook',
      'instagram',
      'mastodon',
      'telegram',
      'x',
      'youtube',
    ]);
    const registry = defineRegistry({
      units: [{ id: 'jansampark', kind: 'office', name: 'Jansampark MP' }],
      accounts: [
        { id: 'x', unit: 'jansampark', platform: 'x', handle: '@JansamparkMP' },
        { id: 'fb', unit: 'jansampark', platform: 'facebook', handle: 'facebook.com/JansamparkMP' },
        {
          id: 'ig',
          unit: 'jansampark',
          platform: 'instagram',
          handle: 'instagram.com/jansamparkmp',
        },
        {
          id: 'yt',
          unit: 'jansampark',
          platform: 'youtube',
          handle: 'https://www.youtube.com/@JansamparkMP',
        },
        { id: 'tg', unit: 'jansampark', platform: 'telegram', handle: 't.me/JansamparkMP' },
        {
          id: 'md',
          unit: 'jansampark',
          platform: 'mastodon',
          handle: '@jansampark@mastodon.social',
        },
        { id: 'bs', unit: 'jansampark', platform: 'bluesky', handle: 'jansampark.bsky.social' },
      ],
    });
    const result = await collect(registry, { providers, http: { retryDelayMs: 5 } });
    expect(result.failures).toEqual([]);
    expect(Object.fromEntries(result.snapshots.map((s) => [s.accountId, s.followers]))).toEqual({
      x: { value: 1_200_000, min: 1_200_000, max: 1_200_000 },
      fb: { value: 900_000, min: 900_000, max: 900_000 },
      ig: { value: 250_000, min: 250_000, max: 250_000 },
      yt: { value: 123_000, min: 123_000, max: 123_999 }, // YouTube rounds to 3 significant figures
      tg: { value: 48_000, min: 48_000, max: 48_000 },
      md: { value: 1_500, min: 1_500, max: 1_500 },
      bs: { value: 2_500, min: 2_500, max: 2_500 },
    });
  });
});
