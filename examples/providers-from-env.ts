/**
 * The providers `examples/live.ts` uses, made from environment variables: one per platform whose
 * credentials are set, and a line for each one skipped. Mastodon and Bluesky need no credential.
 *
 *   X_BEARER_TOKEN          X API v2 app-only Bearer token
 *   FACEBOOK_ACCESS_TOKEN   a Graph API access token that can read the Pages (Page or system user)
 *   INSTAGRAM_ACCESS_TOKEN  a Graph API token with instagram_basic and pages_read_engagement, and
 *   INSTAGRAM_USER_ID       the id of your own Instagram professional account (business discovery)
 *   YOUTUBE_API_KEY         a YouTube Data API v3 key
 *   TELEGRAM_BOT_TOKEN      a bot token from @BotFather
 *
 * See docs/platforms.md for how to get each one.
 */
import {
  blueskyProvider,
  facebookProvider,
  instagramProvider,
  mastodonProvider,
  type ProviderV1,
  telegramProvider,
  xProvider,
  youtubeProvider,
} from '../src/index.js';

/** The platforms with a built-in API provider. */
export type ApiPlatform =
  | 'x'
  | 'facebook'
  | 'instagram'
  | 'youtube'
  | 'telegram'
  | 'mastodon'
  | 'bluesky';

/** The base URL of a platform's API (Mastodon: of one server), when not the real one. */
export type BaseUrl = (platform: ApiPlatform, host?: string) => string;

export function providersFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  baseUrl?: BaseUrl,
): { providers: ProviderV1[]; skipped: string[] } {
  const at = (platform: ApiPlatform) => baseUrl?.(platform);
  const providers: ProviderV1[] = [
    mastodonProvider(baseUrl ? { baseUrl: (host) => baseUrl('mastodon', host) } : {}),
    blueskyProvider({ baseUrl: at('bluesky') }),
  ];
  const skipped: string[] = [];
  const { X_BEARER_TOKEN, FACEBOOK_ACCESS_TOKEN, INSTAGRAM_ACCESS_TOKEN, INSTAGRAM_USER_ID } = env;
  const { YOUTUBE_API_KEY, TELEGRAM_BOT_TOKEN } = env;

  if (X_BEARER_TOKEN) providers.push(xProvider({ bearerToken: X_BEARER_TOKEN, baseUrl: at('x') }));
  else skipped.push('X: set X_BEARER_TOKEN (an app-only Bearer token)');

  if (FACEBOOK_ACCESS_TOKEN) {
    providers.push(
      facebookProvider({ accessToken: FACEBOOK_ACCESS_TOKEN, baseUrl: at('facebook') }),
    );
  } else skipped.push('Facebook: set FACEBOOK_ACCESS_TOKEN (a Graph API access token)');

  if (INSTAGRAM_ACCESS_TOKEN && INSTAGRAM_USER_ID) {
    providers.push(
      instagramProvider({
        accessToken: INSTAGRAM_ACCESS_TOKEN,
        igUserId: INSTAGRAM_USER_ID,
        baseUrl: at('instagram'),
      }),
    );
  } else {
    skipped.push(
      'Instagram: set INSTAGRAM_ACCESS_TOKEN and INSTAGRAM_USER_ID (your professional account)',
    );
  }

  if (YOUTUBE_API_KEY)
    providers.push(youtubeProvider({ apiKey: YOUTUBE_API_KEY, baseUrl: at('youtube') }));
  else skipped.push('YouTube: set YOUTUBE_API_KEY (a YouTube Data API v3 key)');

  if (TELEGRAM_BOT_TOKEN)
    providers.push(telegramProvider({ botToken: TELEGRAM_BOT_TOKEN, baseUrl: at('telegram') }));
  else skipped.push('Telegram: set TELEGRAM_BOT_TOKEN (a bot token from @BotFather)');

  return { providers, skipped };
}
