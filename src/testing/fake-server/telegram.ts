/**
 * Telegram Bot API `getChatMemberCount` (platforms.md §7) under `/telegram`:
 * `GET|POST /bot<token>/getChatMemberCount?chat_id=@name`, also the old `getChatMembersCount`;
 * method names are case-insensitive; parameters in the query, a JSON or a form body.
 *
 * @module
 */
import {
  type ApiRequest,
  type FakePlatformModule,
  type PlatformApi,
  type Reply,
  secondsUntil,
  statusText,
} from './api.js';

const PATH = /^\/bot([^/]+)\/([^/]+)\/?$/;
const METHODS = ['getchatmembercount', 'getchatmemberscount'];

const api: PlatformApi<'telegram'> = {
  prefix: 'telegram',

  route(request) {
    return { platform: 'telegram', token: PATH.exec(request.path)?.[1], path: request.path };
  },

  handle(request, route, context) {
    const match = PATH.exec(route.path);
    if (!match) return failure(404, 'Not Found');
    const expected = context.options.credentials?.telegram;
    if (expected !== undefined && route.token !== expected) return failure(401, 'Unauthorized');
    if (!METHODS.includes((match[2] ?? '').toLowerCase())) return failure(404, 'Not Found');
    const params = parameters(request);
    if (!params) return failure(400, "Bad Request: can't parse JSON object");
    const chatId = params.chat_id;
    if (chatId === undefined || chatId === '') return failure(400, 'Bad Request: chat_id is empty');
    const account = /^@/.test(chatId)
      ? context.accounts.byHandle('telegram', chatId)
      : context.accounts.byId('telegram', chatId);
    if (!account || account.state === 'suspended' || account.state === 'deactivated') {
      return failure(400, 'Bad Request: chat not found');
    }
    return { status: 200, body: { ok: true, result: account.followers } };
  },

  throttle(_route, throttle) {
    // the hint is only in the body: parameters.retry_after, in seconds (platforms.md §7); a
    // fault's raw hint goes there too, as a number when it is one, as given otherwise
    let hint: number | string | undefined;
    if (throttle.window) hint = Math.max(1, secondsUntil(throttle.window.resetAt, throttle.now));
    else if (throttle.retryAfter !== undefined) {
      hint = /^\d+$/.test(throttle.retryAfter) ? Number(throttle.retryAfter) : throttle.retryAfter;
    }
    if (hint === undefined) return failure(429, 'Too Many Requests');
    return {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${hint}`,
        parameters: { retry_after: hint },
      },
    };
  },

  limitHeaders() {
    return {};
  },

  errorBody(status) {
    return { ok: false, error_code: status, description: statusText(status) };
  },
};

/** Telegram: chat user names, `-100…` chat ids. */
export const telegram = {
  id: 'telegram',
  api,
  logKeys: ['chat_id'],
  generatedHandle: (base) => base,
  generatedId: (seed) => `-100${seed.digits(10)}`,
} satisfies FakePlatformModule<'telegram'>;

function failure(code: number, description: string): Reply {
  return { status: code, body: { ok: false, error_code: code, description } };
}

/** The method's parameters: the query, then a JSON or urlencoded body. `undefined`: bad JSON. */
function parameters(request: ApiRequest): Record<string, string> | undefined {
  const params: Record<string, string> = Object.fromEntries(request.query);
  if (!request.body) return params;
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(request.body);
      if (typeof parsed !== 'object' || parsed === null) return undefined;
      for (const [key, value] of Object.entries(parsed)) params[key] = String(value);
    } catch {
      return undefined;
    }
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(request.body)) params[key] = value;
  }
  return params;
}
