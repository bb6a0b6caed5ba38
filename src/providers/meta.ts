/**
 * What the Facebook and Instagram providers share: Meta's Graph API error bodies and rate-limit
 * signals (platforms.md §2–3, fetch-engine.md §9). Internal.
 *
 * @module
 */

import type { HttpResponse } from '../engine/http-client.js';
import {
  type LimitObservation,
  type LimitParser,
  MAX_HINT_MS,
  parseRetryAfter,
} from '../engine/limits.js';
import { quoteServerText } from '../engine/redact.js';
import { type FetchError, OptionError } from '../errors.js';
import type { ProviderV1 } from '../provider/types.js';
import { isObject } from '../util/guards.js';
import { batchError } from './shared.js';

/** The Graph API version the providers call unless told otherwise (platforms.md §2). */
const DEFAULT_GRAPH_VERSION = 'v26.0';
/** Meta's usage percentages cover a rolling hour. */
const GRAPH_USAGE_WINDOW_MS = 3_600_000;

/** The fields of a Graph error body (`{"error": {...}}`) that are read; each may be absent. */
export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
}

/**
 * Error codes that mean "too many calls, wait and try again", sent with HTTP 400 or 403, not 429:
 * 4 (app), 17 (user), 32 (Page), 613 (custom), and the Business Use Case codes 80000–80014
 * (80001 Pages, 80002 Instagram; the rest of the range from third-party code, platforms.md §2).
 */
export function isThrottleCode(code: number | undefined): boolean {
  if (code === undefined) return false;
  return (
    code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80000 && code <= 80014)
  );
}

/** The pause after a throttle that names no regain time (fetch-engine.md §10.6: five minutes). */
const UNHINTED_THROTTLE_MS = 5 * 60_000;

/** Code 190: the access token is invalid or expired. Nothing more can be sent with it. */
const INVALID_TOKEN_CODE = 190;

/** The `error` object of a Graph error body, field by field; `undefined` when there is none. */
export function readGraphError(body: unknown): GraphError | undefined {
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const e = body.error;
  const out: GraphError = {};
  if (typeof e.message === 'string') out.message = e.message;
  if (typeof e.type === 'string') out.type = e.type;
  if (isInteger(e.code)) out.code = e.code;
  if (isInteger(e.error_subcode)) out.subcode = e.error_subcode;
  if (typeof e.fbtrace_id === 'string') out.fbtraceId = e.fbtrace_id;
  return out;
}

/**
 * A Graph error for a message: `OAuthException code 190: Invalid OAuth access token (fbtrace_id
 * AbC)`. Every text the server sent (type, message, fbtrace_id) is quoted with the given secrets
 * (the access token) removed, every run of 8 characters of them in any case, in case the platform
 * echoed one whole or cut; then each is cut to its length (200 characters for the message).
 */
export function describeGraphError(
  error: GraphError | undefined,
  secrets: readonly string[] = [],
): string {
  if (!error) return 'no Graph error in the body';
  const code = [
    error.type ? quoteServerText(error.type, secrets, 40) : undefined,
    error.code === undefined ? undefined : `code ${error.code}`,
    error.subcode === undefined ? undefined : `subcode ${error.subcode}`,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  const message = error.message ? quoteServerText(error.message, secrets) : 'no message';
  const trace = error.fbtraceId
    ? ` (fbtrace_id ${quoteServerText(error.fbtraceId, secrets, 40)})`
    : '';
  return `${code ? `${code}: ` : ''}${message}${trace}`;
}

/**
 * The batch error for a refused access token (code 190, or HTTP 401), or `undefined` when the
 * answer is something else. The engine has already stopped the bucket; this fails the batch.
 */
export function tokenRefused(
  provider: Pick<ProviderV1, 'platform' | 'name'>,
  response: HttpResponse,
  error: GraphError | undefined,
  operation: string,
  secrets: readonly string[],
): FetchError | undefined {
  if (response.status !== 401 && error?.code !== INVALID_TOKEN_CODE) return undefined;
  return batchError(
    provider,
    response,
    'unauthorized',
    `${operation} answered ${response.status}: the access token was refused (${describeGraphError(error, secrets)})`,
  );
}

/** Checks an `apiVersion` option (`v26.0`). */
export function readApiVersion(value: unknown): string {
  if (value === undefined) return DEFAULT_GRAPH_VERSION;
  if (typeof value !== 'string' || !/^v\d+\.\d+$/.test(value)) {
    throw new OptionError('apiVersion', "a Graph API version such as 'v26.0'", value);
  }
  return value;
}

/** Checks a `usageWindowMs` option. */
export function readUsageWindow(value: unknown): number {
  if (value === undefined) return GRAPH_USAGE_WINDOW_MS;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1_000) {
    throw new OptionError('usageWindowMs', 'an integer >= 1000 (milliseconds)', value);
  }
  return value;
}

/**
 * Reads Meta's rate-limit signals (fetch-engine.md §10.4):
 * - `X-App-Usage` and `X-Page-Usage` (`{"call_count":28,"total_time":25,"total_cputime":25}`,
 *   per cent of the limit) and `X-Business-Use-Case-Usage` (an object keyed by business id, each
 *   a list of such counters with a `type`): `usagePct` is the highest counter of all, on ordinary
 *   answers only;
 * - `estimated_time_to_regain_access` (minutes, in the business use case header) → `retryAfterMs`
 *   when above 0, else a `Retry-After` header, else (on a throttle) five minutes;
 * - error codes 4, 17, 32, 613 and 80000–80014, with HTTP 400 or 403 (or 429) → `throttled`;
 * - code 190 in an error answer, or HTTP 401 → `refused`.
 *
 * Malformed headers are ignored: no NaN, no negative wait, no wait beyond a day. A counter above
 * 100 % (Meta reports overuse that way) gives no `usagePct`: it says nothing usable about the
 * limit, and the throttle that comes with it pauses the bucket anyway.
 */
export const metaLimits: LimitParser = ({ status, headers, body }, now) => {
  const business = readBusinessUsage(headers.get('x-business-use-case-usage'));
  const usage = [
    readUsage(headers.get('x-app-usage')),
    readUsage(headers.get('x-page-usage')),
    business.pct,
  ].filter((pct): pct is number => pct !== undefined);
  const error = status >= 400 ? readGraphError(body) : undefined;
  let kind: LimitObservation['kind'] = 'ok';
  if (status === 401 || error?.code === INVALID_TOKEN_CODE) kind = 'refused';
  else if (status === 429 || (status >= 400 && isThrottleCode(error?.code))) kind = 'throttled';
  const out: LimitObservation = { kind, source: 'fb-usage' };
  // Only ordinary answers teach the engine the limit: a throttle's usage (100 %) adds nothing
  // that the pause does not handle.
  if (usage.length > 0 && kind === 'ok') {
    const highest = Math.max(...usage);
    if (highest <= 100) out.usagePct = highest;
  }
  const retryAfterMs = business.regainMs ?? parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfterMs !== undefined) out.retryAfterMs = retryAfterMs;
  // A throttle without a regain time (an app-level code 4 comes without usage headers): Meta says
  // to wait; every throttled call counts against the usage too, so wait minutes, not seconds.
  else if (kind === 'throttled') out.retryAfterMs = UNHINTED_THROTTLE_MS;
  return out;
};

// ---------------------------------------------------------------------------------------------

const COUNTERS = ['call_count', 'total_time', 'total_cputime'] as const;

/** The highest counter of one usage object, or `undefined` when it has none. */
function highestCounter(value: unknown): number | undefined {
  if (!isObject(value)) return undefined;
  let highest: number | undefined;
  for (const name of COUNTERS) {
    const pct = readNumber(value[name]);
    if (pct !== undefined && pct <= 1_000) highest = Math.max(highest ?? 0, pct);
  }
  return highest;
}

/** `X-App-Usage` / `X-Page-Usage`: the highest counter. */
function readUsage(header: string | null): number | undefined {
  return highestCounter(parseJson(header));
}

/** `X-Business-Use-Case-Usage`: the highest counter and the longest regain time of all entries. */
function readBusinessUsage(header: string | null): { pct?: number; regainMs?: number } {
  const parsed = parseJson(header);
  const out: { pct?: number; regainMs?: number } = {};
  if (!isObject(parsed)) return out;
  for (const entries of Object.values(parsed)) {
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      const pct = highestCounter(entry);
      if (pct !== undefined) out.pct = Math.max(out.pct ?? 0, pct);
      const minutes = isObject(entry)
        ? readNumber(entry.estimated_time_to_regain_access)
        : undefined;
      if (minutes !== undefined && minutes > 0) {
        const ms = Math.min(Math.round(minutes * 60_000), MAX_HINT_MS);
        out.regainMs = Math.max(out.regainMs ?? 0, ms);
      }
    }
  }
  return out;
}

function parseJson(text: string | null): unknown {
  // A usage header is a few hundred bytes; anything far longer is not one.
  if (!text || text.length > 16_384) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A finite, non-negative number (or a string of one), else `undefined`. */
function readNumber(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,9}(?:\.\d{1,6})?$/.test(value.trim())
        ? Number(value)
        : undefined;
  return n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
