/**
 * The providers a collection uses, made from environment variables: one per platform whose
 * credentials are set, and a line for each one skipped. Mastodon and Bluesky need no credential.
 *
 *   X_BEARER_TOKEN          X API v2 app-only Bearer token
 *   FACEBOOK_ACCESS_TOKEN   a Graph API access token that can read the Pages (Page or system user)
 *   INSTAGRAM_ACCESS_TOKEN  a Graph API token with instagram_basic and pages_read_engagement, and
 *   INSTAGRAM_USER_ID       the id of your own Instagram professional account (business discovery)
 *   YOUTUBE_API_KEY         a YouTube Data API v3 key (YOUTUBE_QUOTA_UNITS: its daily units, 10000)
 *   TELEGRAM_BOT_TOKEN      a bot token from @BotFather
 *   MASTODON_ACCESS_TOKENS  only for servers that require one: `host=token` pairs, comma-separated
 *                           (`mastodon.social=abc123,social.example.in=def456`); each token is sent
 *                           only to the server named with it
 *
 * See docs/platforms.md for how to get each one. `examples/live.ts` and the `social-reach` command
 * share this function.
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
} from '../index.js';
import type { YoutubeState } from '../providers/youtube-state.js';
import { UsageError } from './errors.js';

/** The platforms with a built-in API provider. */
export const API_PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'youtube',
  'telegram',
  'mastodon',
  'bluesky',
] as const;

/** A platform of {@link API_PLATFORMS}. */
export type ApiPlatform = (typeof API_PLATFORMS)[number];

/** The base URL of a platform's API (Mastodon: of one server), when not the real one. */
export type BaseUrl = (platform: ApiPlatform, host?: string) => string | undefined;

/** The credentials, by variable name, with what each is (for `.env.example` and messages). */
export const CREDENTIAL_VARIABLES = [
  ['X_BEARER_TOKEN', 'X API v2 app-only Bearer token'],
  ['FACEBOOK_ACCESS_TOKEN', 'a Graph API access token that can read the Pages'],
  ['INSTAGRAM_ACCESS_TOKEN', 'a Graph API token with instagram_basic and pages_read_engagement'],
  ['INSTAGRAM_USER_ID', 'the id of your own Instagram professional account'],
  ['YOUTUBE_API_KEY', 'a YouTube Data API v3 key'],
  ['TELEGRAM_BOT_TOKEN', 'a bot token from @BotFather'],
  [
    'MASTODON_ACCESS_TOKENS',
    'only for Mastodon servers that require one: host=token pairs, comma-separated',
  ],
] as const;

/**
 * `YOUTUBE_QUOTA_UNITS`: the key's daily quota in units, for a project granted more than YouTube's
 * default 10,000 (or sharing its key with other programs and keeping some for them).
 */
function youtubeUnits(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 10_000;
  const units = Number(text.trim());
  if (!/^\d{1,10}$/.test(text.trim()) || units < 1) {
    throw new UsageError(
      `Expected YOUTUBE_QUOTA_UNITS to be the key's daily quota in units (a whole number, e.g. 10000), got "${text.slice(0, 20)}"`,
    );
  }
  return units;
}

/** Options of {@link providersFromEnv}. */
export interface ProvidersFromEnvOptions {
  /**
   * Where providers keep what they must remember across runs (YouTube's quota ledger and handle
   * cache): the store. @default in the providers only
   */
  state?: YoutubeState;
}

/** What {@link providersFromEnv} returns. */
export interface ProvidersFromEnv {
  providers: ProviderV1[];
  /** One line per platform skipped for want of a credential, naming the variable to set. */
  skipped: string[];
  /** The platforms skipped, in the order of `skipped`. */
  missing: ApiPlatform[];
}

/**
 * Makes the built-in providers from environment variables (see the module comment for the list).
 * `baseUrl` points a platform at another address (the fake API server in tests, an API gateway).
 *
 * @throws {UsageError} when `MASTODON_ACCESS_TOKENS` is not `host=token` pairs (its value is never
 *   quoted).
 */
export function providersFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  baseUrl?: BaseUrl,
  options: ProvidersFromEnvOptions = {},
): ProvidersFromEnv {
  const at = (platform: ApiPlatform) => baseUrl?.(platform);
  const providers: ProviderV1[] = [
    mastodonProvider({
      ...(baseUrl === undefined
        ? {}
        : { baseUrl: (host: string) => baseUrl('mastodon', host) ?? `https://${host}` }),
      accessTokens: mastodonTokens(env.MASTODON_ACCESS_TOKENS),
    }),
    blueskyProvider({ baseUrl: at('bluesky') }),
  ];
  const skipped: string[] = [];
  const missing: ApiPlatform[] = [];
  const skip = (platform: ApiPlatform, line: string) => {
    skipped.push(line);
    missing.push(platform);
  };
  const { X_BEARER_TOKEN, FACEBOOK_ACCESS_TOKEN, INSTAGRAM_ACCESS_TOKEN, INSTAGRAM_USER_ID } = env;
  const { YOUTUBE_API_KEY, TELEGRAM_BOT_TOKEN } = env;

  if (X_BEARER_TOKEN) providers.push(xProvider({ bearerToken: X_BEARER_TOKEN, baseUrl: at('x') }));
  else skip('x', 'X: set X_BEARER_TOKEN (an app-only Bearer token)');

  if (FACEBOOK_ACCESS_TOKEN) {
    providers.push(
      facebookProvider({ accessToken: FACEBOOK_ACCESS_TOKEN, baseUrl: at('facebook') }),
    );
  } else skip('facebook', 'Facebook: set FACEBOOK_ACCESS_TOKEN (a Graph API access token)');

  if (INSTAGRAM_ACCESS_TOKEN && INSTAGRAM_USER_ID) {
    providers.push(
      instagramProvider({
        accessToken: INSTAGRAM_ACCESS_TOKEN,
        igUserId: INSTAGRAM_USER_ID,
        baseUrl: at('instagram') ?? at('facebook'),
      }),
    );
  } else {
    skip(
      'instagram',
      'Instagram: set INSTAGRAM_ACCESS_TOKEN and INSTAGRAM_USER_ID (your professional account)',
    );
  }

  if (YOUTUBE_API_KEY)
    providers.push(
      youtubeProvider({
        apiKey: YOUTUBE_API_KEY,
        baseUrl: at('youtube'),
        quota: { unitsPerDay: youtubeUnits(env.YOUTUBE_QUOTA_UNITS) },
        ...(options.state ? { state: options.state } : {}),
      }),
    );
  else skip('youtube', 'YouTube: set YOUTUBE_API_KEY (a YouTube Data API v3 key)');

  if (TELEGRAM_BOT_TOKEN)
    providers.push(telegramProvider({ botToken: TELEGRAM_BOT_TOKEN, baseUrl: at('telegram') }));
  else skip('telegram', 'Telegram: set TELEGRAM_BOT_TOKEN (a bot token from @BotFather)');

  return { providers, skipped, missing };
}

/**
 * `MASTODON_ACCESS_TOKENS=mastodon.social=abc,social.example.in=def` → `{ 'mastodon.social': 'abc', … }`.
 * Server names are kept lower-case, as registry handles hold them. A token is never quoted in an
 * error.
 */
export function mastodonTokens(text: string | undefined): Record<string, string> {
  const tokens: Record<string, string> = {};
  if (text === undefined || text.trim() === '') return tokens;
  text.split(',').forEach((entry, i) => {
    if (entry.trim() === '') return;
    const at = entry.indexOf('=');
    const host = entry.slice(0, at).trim().toLowerCase();
    const token = entry.slice(at + 1).trim();
    if (at < 1 || token === '' || !/^[a-z0-9.-]+(:\d+)?$/.test(host)) {
      throw new UsageError(
        `MASTODON_ACCESS_TOKENS: expected server=token pairs separated by commas, like mastodon.social=<token>; entry ${i + 1} is not one${host && /^[a-z0-9.-]+$/.test(host) ? ` (server ${host})` : ''}`,
      );
    }
    tokens[host] = token;
  });
  return tokens;
}
