/**
 * What the Facebook and Instagram providers share: Meta's Graph API error bodies and rate-limit
 * signals (platforms.md §2–3, fetch-engine.md §9). Internal.
 *
 * @module
 */

import { MAX_HINT_MS, parseRetryAfter } from '../engine/limits.js';
import { quoteServerText } from '../engine/redact.js';
import { type FetchError, OptionError } from '../errors.js';
import type { HttpResponse, LimitObservation, LimitParser, ProviderV1 } from '../spec/v1/index.js';
import { isObject } from '../util/guards.js';
import { batchError } from './shared.js';

/**
 * The Graph API version the providers call unless told otherwise: v27.0, released on 4 November
 * 2026 (issue #18). Meta keeps each version for at least two years after its release.
 */
export const DEFAULT_GRAPH_VERSION = 'v27.0';
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

/**
 * Codes 12 ("API version / feature deprecated") and 11 ("method deprecated"): Graph refuses a
 * legacy feature, such as multi-ID requests for an app created after 4 November 2026, or the
 * version asked for once it has expired. platforms.md gives no shape for these refusals; this is
 * an assumption (docs/platforms.md, "Legacy features"): an error body with code 12 or 11, sent with
 * HTTP 400.
 */
export function isDeprecated(error: GraphError | undefined): boolean {
  return error?.code === 12 || error?.code === 11;
}

/** Codes 1 and 2: a temporary Graph problem ("unknown error", "service unavailable"). */
export function isTransientCode(code: number | undefined): boolean {
  return code === 1 || code === 2;
}

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

/** Checks an `apiVersion` option (`v27.0`). */
export function readApiVersion(value: unknown): string {
  if (value === undefined) return DEFAULT_GRAPH_VERSION;
  if (typeof value !== 'string' || !/^v\d+\.\d+$/.test(value)) {
    throw new OptionError('apiVersion', "a Graph API version such as 'v27.0'", value);
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
 * A batch answer (a 200 whose body is the list of `{ code, headers, body }` parts, handed over
 * with the client's `limitsInBody`) is read part by part, as Meta counts each part as a call:
 * - the usage is the highest counter over the answer's own headers and every part's;
 * - a part with code 190 (or status 401) refuses the token: `refused`;
 * - parts throttled (a throttle code in the part's body, or status 429) make it `throttled`, with
 *   `throttledParts` and the longest regain time of all; `partial` when other parts answered
 *   (`null` parts, which timed out, answered nothing), so that the provider gets the answer and
 *   asks again only for the throttled parts. When every part that answered was throttled, the
 *   request is throttled as a whole and is sent again once the bucket reopens.
 *
 * Malformed headers and parts are ignored: no NaN, no negative wait, no wait beyond a day. A
 * counter above 100 % (Meta reports overuse that way) gives no `usagePct`: it says nothing usable
 * about the limit, and the throttle that comes with it pauses the bucket anyway.
 */
export const metaLimits: LimitParser = ({ status, headers, body }, now) => {
  const usage: Usage = { pct: [], regainMs: undefined };
  readHeaders((name) => headers.get(name), usage);
  const error = status >= 400 ? readGraphError(body) : undefined;
  let kind: LimitObservation['kind'] = 'ok';
  if (status === 401 || error?.code === INVALID_TOKEN_CODE) kind = 'refused';
  else if (status === 429 || (status >= 400 && isThrottleCode(error?.code))) kind = 'throttled';
  const out: LimitObservation = { kind, source: 'fb-usage' };
  if (status === 200 && Array.isArray(body)) {
    const parts = readParts(body, usage);
    if (parts.refused) out.kind = 'refused';
    else if (parts.throttled > 0) {
      out.kind = 'throttled';
      out.throttledParts = parts.throttled;
      if (parts.throttled < parts.answered) out.partial = true;
    }
  }
  // Only ordinary answers teach the engine the limit: a throttle's usage (100 %) adds nothing
  // that the pause does not handle.
  if (usage.pct.length > 0 && out.kind === 'ok') {
    const highest = Math.max(...usage.pct);
    if (highest <= 100) out.usagePct = highest;
  }
  const retryAfterMs = usage.regainMs ?? parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfterMs !== undefined) out.retryAfterMs = retryAfterMs;
  // A throttle without a regain time (an app-level code 4 comes without usage headers): Meta says
  // to wait; every throttled call counts against the usage too, so wait minutes, not seconds.
  else if (out.kind === 'throttled') out.retryAfterMs = UNHINTED_THROTTLE_MS;
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

/** Usage percentages seen so far, and the longest regain time. */
interface Usage {
  pct: number[];
  regainMs: number | undefined;
}

/** Reads the usage headers of an answer, or of a batch part, into `usage`. */
function readHeaders(get: (name: string) => string | null | undefined, usage: Usage): void {
  for (const name of ['x-app-usage', 'x-page-usage']) {
    const pct = highestCounter(parseJson(get(name)));
    if (pct !== undefined) usage.pct.push(pct);
  }
  readBusinessUsage(get('x-business-use-case-usage'), usage);
}

/** `X-Business-Use-Case-Usage`: every entry's highest counter, and the longest regain time. */
function readBusinessUsage(header: string | null | undefined, usage: Usage): void {
  const parsed = parseJson(header);
  if (!isObject(parsed)) return;
  for (const entries of Object.values(parsed)) {
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      const pct = highestCounter(entry);
      if (pct !== undefined) usage.pct.push(pct);
      const minutes = isObject(entry)
        ? readNumber(entry.estimated_time_to_regain_access)
        : undefined;
      if (minutes !== undefined && minutes > 0) {
        const ms = Math.min(Math.round(minutes * 60_000), MAX_HINT_MS);
        usage.regainMs = Math.max(usage.regainMs ?? 0, ms);
      }
    }
  }
}

/** Parts of a batch read at most: Graph takes 50 per batch. */
const MAX_PARTS = 1_000;
/** A part's error body longer than this is not read for its code (Graph's are a few hundred bytes). */
const MAX_PART_ERROR_CHARS = 16_384;

/**
 * Reads the parts of a Graph batch answer (`[{ code, headers: [{ name, value }], body }, null, …]`):
 * their usage headers into `usage`, and how many answered, were throttled, or refused the token.
 */
function readParts(
  parts: readonly unknown[],
  usage: Usage,
): { answered: number; throttled: number; refused: boolean } {
  const out = { answered: 0, throttled: 0, refused: false };
  for (const part of parts.length > MAX_PARTS ? parts.slice(0, MAX_PARTS) : parts) {
    if (!isObject(part)) continue; // null: the sub-request timed out, it answered nothing
    out.answered++;
    if (Array.isArray(part.headers)) {
      const list = part.headers;
      readHeaders((name) => headerOf(list, name), usage);
    }
    const code = isInteger(part.code) ? part.code : undefined;
    if (code === undefined || code < 400) continue;
    const error =
      typeof part.body === 'string' && part.body.length <= MAX_PART_ERROR_CHARS
        ? readGraphError(parseJson(part.body))
        : undefined;
    if (code === 401 || error?.code === INVALID_TOKEN_CODE) out.refused = true;
    else if (code === 429 || isThrottleCode(error?.code)) out.throttled++;
  }
  return out;
}

/** A header of a batch part's `[{ name, value }]` list, by name in any case. */
export function headerOf(list: readonly unknown[], name: string): string | undefined {
  for (const header of list) {
    if (
      isObject(header) &&
      typeof header.name === 'string' &&
      typeof header.value === 'string' &&
      header.name.toLowerCase() === name
    ) {
      return header.value;
    }
  }
  return undefined;
}

function parseJson(text: string | null | undefined): unknown {
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
