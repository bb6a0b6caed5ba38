import { z } from 'zod/v4';
import { checkAdaptiveRate } from '../engine/collect-options.js';
import { MAX_HINT_MS, parseRetryAfter } from '../engine/limits.js';
import { quoteServerText } from '../engine/redact.js';
import { OptionError } from '../errors.js';
import { exactCount } from '../model/count.js';
import type { AdaptiveRate, LimitParser, ProviderV1 } from '../spec/v1/index.js';
import { isObject } from '../util/guards.js';
import { credentialTag } from '../util/hash.js';
import {
  batchError,
  failureResult,
  parseBody,
  readBaseUrl,
  requireCredential,
  snapshotResult,
} from './shared.js';

/** Options of {@link telegramProvider}. */
export interface TelegramProviderOptions {
  /**
   * The bot's token from @BotFather, `<bot id>:<secret>` (e.g. `123456789:AAH…`, 35 characters
   * after the colon). It travels in the URL path, as the Bot API requires; the engine redacts it
   * from every message.
   */
  botToken: string;
  /**
   * The Bot API server: Telegram's, or a self-hosted `telegram-bot-api`.
   * @default 'https://api.telegram.org'
   */
  baseUrl?: string;
  /**
   * Pacing, in requests per second. Telegram publishes no limit for `getChatMemberCount` and sends
   * no quota headers, so the engine starts at `initialRate`, speeds up while answers come, and
   * slows down at each `429` (then waits the `retry_after` the answer gives).
   * @default { initialRate: 5, minRate: 0.5, maxRate: 30 }
   */
  rate?: Partial<AdaptiveRate>;
}

/**
 * The default pacing. Telegram documents limits only for sending (Bot FAQ: about 30 messages per
 * second per bot, 1 per second per chat, 20 per minute per group; platforms.md §7) and none for
 * read methods. Each request here reads a different chat, so the per-chat limit does not apply;
 * the bot-wide 30/s is the one figure Telegram gives, so it is the ceiling. The start, 5/s, is low
 * enough that a bot already busy sending messages keeps room, and the engine's slow start reaches
 * the ceiling within seconds when Telegram lets it. Staying under the limit is worth more than the
 * last bit of speed: flood-control waits run to tens of seconds (`retry after 35` is a typical
 * answer) and grow for bots that keep hitting them.
 */
const DEFAULT_RATE: Required<AdaptiveRate> = { initialRate: 5, minRate: 0.5, maxRate: 30 };

/**
 * Bot API tokens: the bot's numeric id, a colon, and a secret of letters, digits, `_` and `-`
 * (35 characters today). The length is checked loosely so a future format still passes; the
 * alphabet is not, because the engine's path redaction (`/bot<id>:<secret>/`) relies on it.
 */
const BOT_TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{20,100}$/;

/** Both answers: `{ ok: true, result }` and `{ ok: false, error_code, description, parameters }`. */
const Answer = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  description: z.string().optional(),
});
const Success = z.object({ ok: z.literal(true), result: z.number().int().nonnegative() });

/**
 * Reads Telegram's one limit signal: a `429` whose JSON body carries `parameters.retry_after`, in
 * seconds (platforms.md §7; a number, or a string of digits from some proxies), clamped to
 * {@link MAX_HINT_MS}. Without it, a `Retry-After` header is read. `401 Unauthorized` (a revoked
 * or wrong token) is a refused credential, and so is a Bot API `404 Not Found` (`ok: false`): its
 * answer to a path it does not know (a malformed token, or a wrong method path), which no request of
 * the bot can get past. Any other 404 (a web server's page) is left to the provider. Telegram sends no quota headers, so nothing else is read.
 *
 * @example
 * ```ts
 * telegramLimits(
 *   { status: 429, headers: new Headers(), body: { ok: false, parameters: { retry_after: 35 } } },
 *   Date.now(),
 * ); // { kind: 'throttled', retryAfterMs: 35_000, source: 'telegram' }
 * ```
 */
export const telegramLimits: LimitParser = ({ status, headers, body }, now) => {
  if (status === 401 || (status === 404 && isBotApiError(body))) {
    return { kind: 'refused', source: 'telegram' };
  }
  if (status !== 429) return { kind: 'ok', source: 'telegram' };
  const retryAfterMs = retryAfterOf(body) ?? parseRetryAfter(headers.get('retry-after'), now);
  return retryAfterMs === undefined
    ? { kind: 'throttled', source: 'telegram' }
    : { kind: 'throttled', retryAfterMs, source: 'telegram' };
};

/**
 * Member counts of public Telegram channels and groups, from the Bot API
 * (`GET /bot<token>/getChatMemberCount?chat_id=@name`), one chat per request. The count is exact:
 * a channel's subscribers or a group's members. Any bot can read a public chat by its `@username`
 * without being a member of it.
 *
 * Telegram announces no quota, so the bucket (one per bot) is paced adaptively (see
 * {@link TelegramProviderOptions.rate}) and a `429` pauses it for the `retry_after` the answer
 * gives. A chat Telegram does not know is `not-found`; a chat the bot may not see (`403`) is
 * `unauthorized` for that chat only; a refused token (`401`) or a path the Bot API does not know
 * (its `404`: a malformed token) is `unauthorized` for every chat of the bot, and nothing more is
 * sent with it.
 *
 * @example
 * ```ts
 * const telegram = telegramProvider({ botToken: process.env.TELEGRAM_BOT_TOKEN! });
 * await collect(registry, { providers: [telegram] });
 * ```
 */
export function telegramProvider(options: TelegramProviderOptions): ProviderV1 {
  const token = requireCredential('botToken', options?.botToken, 'TELEGRAM_BOT_TOKEN');
  if (!BOT_TOKEN.test(token)) {
    // The value is never echoed, not even in part: only its shape is described.
    throw new OptionError(
      'botToken',
      `a bot token from @BotFather, \`<bot id>:<secret>\`: digits, a colon, then 20–100 letters, digits, _ or -${/^bot\d/i.test(token) ? ' (without the "bot" prefix of the URL path)' : ''} (set TELEGRAM_BOT_TOKEN and pass it in)`,
      shapeOf(token),
    );
  }
  const base = readBaseUrl(options.baseUrl, 'https://api.telegram.org');
  const rate = readRate(options.rate);
  const bucket = `telegram:${credentialTag(token)}`;
  const endpoint = `${base}/bot${token}/getChatMemberCount`;
  // What Telegram says about a chat is quoted, cut short, and never with the token in it, whole or
  // its secret half alone (a proxy may echo the URL, or a message may quote the secret).
  const secrets = [token, token.slice(token.indexOf(':') + 1)];
  const quote = (text: string | undefined, fallback: string) =>
    text ? quoteServerText(text, secrets) : fallback;

  const provider: ProviderV1 = {
    specificationVersion: 'v1',
    platform: 'telegram',
    name: 'telegram-bot-api',
    maxBatchSize: 1,
    bucketOf: () => bucket,
    readLimits: telegramLimits,
    rateLimit: { adaptive: rate },
    async fetchBatch(accounts, { http, now }) {
      return Promise.all(
        accounts.map(async (account) => {
          const response = await http.get(endpoint, {
            searchParams: { chat_id: `@${account.handle}` },
            operation: 'getChatMemberCount',
          });
          const answer = Answer.safeParse(response.body);
          const description = answer.success ? answer.data.description : undefined;
          if (response.status === 200 && answer.success && answer.data.ok) {
            const { result } = parseBody(provider, 'getChatMemberCount', Success, response);
            return snapshotResult(provider, account, now(), exactCount(result));
          }
          if (response.status === 401) {
            throw batchError(
              provider,
              response,
              'unauthorized',
              `getChatMemberCount answered 401 (${quote(description, 'Unauthorized')}): Telegram refused the bot token; check TELEGRAM_BOT_TOKEN, or ask @BotFather for a new one if it was revoked`,
            );
          }
          if (!answer.success) {
            throw batchError(
              provider,
              response,
              'invalid-response',
              `getChatMemberCount answered ${response.status} with a body that is not a Bot API answer`,
            );
          }
          if (response.status === 400 && /chat not found/i.test(description ?? '')) {
            return failureResult(
              provider,
              account,
              'not-found',
              `Telegram knows no public chat by this name (${quote(description, 'chat not found')})`,
              400,
            );
          }
          if (response.status === 403) {
            // "Forbidden: bot was kicked from the channel chat", "…bot is not a member of…": this
            // chat is closed to the bot; the token is fine and other chats go on.
            return failureResult(
              provider,
              account,
              'unauthorized',
              `the bot may not read this chat (${quote(description, 'Forbidden')})`,
              403,
            );
          }
          if (response.status === 404) {
            // The Bot API's answer to an unknown method or a malformed token path: the setup is
            // wrong, not the chat, and every request of this bot would meet the same answer.
            throw batchError(
              provider,
              response,
              'unauthorized',
              `getChatMemberCount answered 404 (${quote(description, 'Not Found')}): the Bot API knows no such path, so the bot token is malformed or baseUrl points at the wrong path; check TELEGRAM_BOT_TOKEN and baseUrl`,
            );
          }
          return failureResult(
            provider,
            account,
            'provider-error',
            `getChatMemberCount answered ${response.status} (${quote(description, 'no description')})`,
            response.status,
          );
        }),
      );
    },
  };
  return provider;
}

/** Whether a body is the Bot API's error envelope (`{ ok: false, … }`). */
function isBotApiError(body: unknown): boolean {
  return isObject(body) && body.ok === false;
}

/** `parameters.retry_after` in ms: a non-negative number of seconds, or a string of digits. */
function retryAfterOf(body: unknown): number | undefined {
  if (!isObject(body) || !isObject(body.parameters)) return undefined;
  const value = body.parameters.retry_after;
  let seconds: number | undefined;
  if (typeof value === 'number') seconds = value;
  else if (typeof value === 'string' && /^\s*\d{1,15}(?:\.\d{1,6})?\s*$/.test(value))
    seconds = Number(value);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(seconds * 1_000, MAX_HINT_MS);
}

/** The `rate` option with its defaults, checked: positive rates, `minRate <= initialRate <= maxRate`. */
function readRate(rate: Partial<AdaptiveRate> | undefined): AdaptiveRate {
  if (rate === undefined) return DEFAULT_RATE;
  if (typeof rate !== 'object' || rate === null)
    throw new OptionError('rate', 'an object { initialRate?, minRate?, maxRate? }', rate);
  const initialRate = rate.initialRate ?? DEFAULT_RATE.initialRate;
  // A start outside the default bounds moves the bound, rather than failing (a bad start is
  // reported first, whatever the bounds became).
  return checkAdaptiveRate(
    {
      initialRate,
      minRate: rate.minRate ?? Math.min(DEFAULT_RATE.minRate, initialRate),
      maxRate: rate.maxRate ?? Math.max(DEFAULT_RATE.maxRate, initialRate),
    },
    'rate',
  );
}

/** What a malformed token looks like, without any of its characters. */
function shapeOf(token: string): string {
  const colon = token.indexOf(':');
  return colon < 0
    ? `<${token.length} characters, no colon>`
    : `<${colon} characters>:<${token.length - colon - 1} characters>`;
}
