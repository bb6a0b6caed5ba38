/**
 * The parsers that read limit signals into the engine's one limit model (`LimitObservation`, in
 * `src/spec/v1/limits.ts`), and the readers they are made of. Every parser is total: malformed or absent values are ignored, never turned into NaN, a negative
 * wait, or a sleep of days.
 *
 * @module
 */

import type { LimitObservation, LimitParser } from '../spec/v1/index.js';

/** The longest wait any header may ask for: a day. Longer hints are treated as a day. */
export const MAX_HINT_MS = 86_400_000;
/** Offsets between the server's `Date` and ours below this are read as HTTP-date rounding. */
const SKEW_TOLERANCE_MS = 2_000;

// ---------------------------------------------------------------------------------------------
// Primitive readers.

/** A non-negative integer header value, or `undefined`. */
export function readCount(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (!/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

/**
 * `Retry-After`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns a wait in ms between 0
 * and {@link MAX_HINT_MS}, or `undefined` for a malformed value.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  serverNow?: number,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return clampWait(Number(text) * 1_000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  // An HTTP-date is on the server's clock: measure it from the server's own "now" when known.
  return clampWait(at - (serverNow ?? now));
}

/** The server's clock minus ours, from its `Date` header; 0 when absent or within rounding. */
export function clockOffset(headers: Headers, now: number): number {
  const date = headers.get('date');
  if (!date) return 0;
  const server = Date.parse(date);
  if (Number.isNaN(server)) return 0;
  // HTTP dates have whole seconds: an offset under the tolerance is rounding, not skew.
  const offset = server - now;
  return Math.abs(offset) < SKEW_TOLERANCE_MS ? 0 : offset;
}

/** An absolute reset on the server's clock (epoch ms) → local epoch ms, clamped to a day ahead. */
function localReset(serverResetMs: number, now: number, offset: number): number {
  const local = serverResetMs - offset;
  return Math.min(Math.max(local, now), now + MAX_HINT_MS);
}

/** Epoch seconds (X, Bluesky) → local epoch ms. */
export function resetFromEpochSeconds(
  value: string | null | undefined,
  now: number,
  offset: number,
): number | undefined {
  const seconds = readCount(value);
  if (seconds === undefined || seconds < 1_000_000_000) return undefined;
  return localReset(seconds * 1_000, now, offset);
}

/** ISO 8601 (Mastodon: `2026-07-02T12:35:00.000000Z`) → local epoch ms. */
export function resetFromIso(
  value: string | null | undefined,
  now: number,
  offset: number,
): number | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) return undefined;
  // Date.parse takes at most milliseconds: cut microseconds.
  const at = Date.parse(value.trim().replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(at) ? undefined : localReset(at, now, offset);
}

/** Delta seconds (IETF drafts, `t=`) → local epoch ms. */
export function resetFromDelta(
  value: string | number | null | undefined,
  now: number,
): number | undefined {
  const seconds = typeof value === 'number' ? value : readCount(value);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return now + Math.min(seconds * 1_000, MAX_HINT_MS);
}

function clampWait(ms: number): number | undefined {
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_HINT_MS);
}

function observation(status: number, fields: Omit<LimitObservation, 'kind'>): LimitObservation {
  const out: LimitObservation = { kind: kindOf(status) };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** What a status alone says: 429 is a throttle, 401 a refused credential. */
export function kindOf(status: number): LimitObservation['kind'] {
  if (status === 429) return 'throttled';
  if (status === 401) return 'refused';
  return 'ok';
}

// ---------------------------------------------------------------------------------------------
// Parsers. Each platform's own parser sits in its provider file (`xLimits` in providers/x.ts).

/** Reads a reset header into local epoch ms: {@link resetFromEpochSeconds}, {@link resetFromIso}. */
export type ResetReader = (value: string | null, now: number, offset: number) => number | undefined;

/**
 * A parser for the three-header form `<prefix>limit`, `-remaining`, `-reset` (the reset read by
 * `readReset`), with `Retry-After`: X's `x-rate-limit-*`, Mastodon's `X-RateLimit-*`, Bluesky's
 * `RateLimit-*`.
 */
export function tripleLimits(prefix: string, readReset: ResetReader, source: string): LimitParser {
  return ({ status, headers }, now) => {
    const offset = clockOffset(headers, now);
    return observation(status, {
      limit: readCount(headers.get(`${prefix}limit`)),
      remaining: readCount(headers.get(`${prefix}remaining`)),
      resetAt: readReset(headers.get(`${prefix}reset`), now, offset),
      retryAfterMs: parseRetryAfter(headers.get('retry-after'), now, now + offset),
      source,
    });
  };
}

/**
 * The IETF fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit: "default";r=50;t=30` and
 * `RateLimit-Policy: "burst";q=100;w=60, "daily";q=1000;w=86400`. Takes the tightest policy: the one
 * with the fewest requests left.
 */
export const ietfLimits: LimitParser = ({ status, headers }, now) => {
  const items = parseStructuredList(headers.get('ratelimit'));
  const policies = parseStructuredList(headers.get('ratelimit-policy'));
  let tightest: { r: number; t?: number; name: string } | undefined;
  for (const item of items) {
    const r = item.params.r;
    if (typeof r !== 'number' || r < 0) continue;
    const t = typeof item.params.t === 'number' && item.params.t >= 0 ? item.params.t : undefined;
    if (!tightest || r < tightest.r) tightest = { r, t, name: item.name };
  }
  const policy =
    policies.find((p) => p.name === tightest?.name) ??
    (policies.length === 1 ? policies[0] : undefined);
  const q = policy?.params.q;
  const w = policy?.params.w;
  return observation(status, {
    limit: typeof q === 'number' && q >= 0 ? q : undefined,
    remaining: tightest?.r,
    resetAt: tightest?.t === undefined ? undefined : resetFromDelta(tightest.t, now),
    windowMs: typeof w === 'number' && w > 0 ? Math.min(w * 1_000, MAX_HINT_MS) : undefined,
    retryAfterMs: parseRetryAfter(headers.get('retry-after'), now, now + clockOffset(headers, now)),
    source: 'ietf',
  });
};

/**
 * For APIs the engine knows nothing about: `Retry-After`, then the IETF fields, then the legacy
 * `RateLimit-*` / `X-RateLimit-*` / `x-rate-limit-*` triples, whose reset is read as an ISO date,
 * epoch seconds (values above 10⁹) or delta seconds.
 */
export const genericLimits: LimitParser = (response, now) => {
  const { status, headers } = response;
  if (headers.has('ratelimit') && !headers.has('ratelimit-remaining'))
    return ietfLimits(response, now);
  const offset = clockOffset(headers, now);
  for (const prefix of ['ratelimit-', 'x-ratelimit-', 'x-rate-limit-']) {
    const remaining = readCount(headers.get(`${prefix}remaining`));
    if (remaining === undefined) continue;
    const reset = headers.get(`${prefix}reset`);
    const count = readCount(reset);
    const resetAt =
      resetFromIso(reset, now, offset) ??
      (count !== undefined && count >= 1_000_000_000
        ? resetFromEpochSeconds(reset, now, offset)
        : resetFromDelta(count, now));
    return observation(status, {
      limit: readCount(headers.get(`${prefix}limit`)),
      remaining,
      resetAt,
      retryAfterMs: parseRetryAfter(headers.get('retry-after'), now, now + offset),
      source: `generic:${prefix}`,
    });
  }
  return observation(status, {
    retryAfterMs: parseRetryAfter(headers.get('retry-after'), now, now + offset),
    source: 'generic',
  });
};

// ---------------------------------------------------------------------------------------------
// A small Structured Fields (RFC 9651) list reader: enough for `"name";r=1;t=2, "other";q=3`.

interface ListItem {
  name: string;
  params: Record<string, number | string | boolean>;
}

function parseStructuredList(value: string | null): ListItem[] {
  if (!value) return [];
  const items: ListItem[] = [];
  for (const member of value.split(',')) {
    const [head = '', ...rest] = member.split(';').map((s) => s.trim());
    const name =
      /^"([^"]*)"$/.exec(head)?.[1] ?? (/^[A-Za-z*][\w.:/*-]*$/.test(head) ? head : undefined);
    if (name === undefined) continue;
    const params: ListItem['params'] = {};
    for (const param of rest) {
      const [key = '', raw] = param.split('=').map((s) => s.trim());
      if (!/^[a-z*][a-z0-9_.*-]*$/.test(key)) continue;
      if (raw === undefined) params[key] = true;
      else if (/^-?\d{1,15}(?:\.\d{1,3})?$/.test(raw)) params[key] = Number(raw);
      else if (/^"[^"]*"$/.test(raw)) params[key] = raw.slice(1, -1);
    }
    items.push({ name, params });
  }
  return items;
}
