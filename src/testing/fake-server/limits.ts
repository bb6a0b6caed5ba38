import { OptionError } from '../../errors.js';
import type { FakeLimit } from './shapes.js';

/** A limit with its defaults filled in. */
export interface ResolvedLimit {
  readonly limit: number;
  readonly windowMs: number;
  readonly announce: boolean;
  readonly scope: 'global' | 'token' | 'host';
  readonly countRejected: boolean;
  readonly rolling: boolean;
}

/** Where a request stands in its window, after being counted (or not). */
export interface WindowState {
  readonly limit: number;
  /** Requests left in the window (never negative). */
  readonly remaining: number;
  /** Server time (ms) when the window ends: always a whole second when announced. */
  readonly resetAt: number;
  readonly windowMs: number;
}

/** The limit's verdict on one request. */
export interface Admission {
  readonly allowed: boolean;
  /** Whether the platform's limit headers and hints are sent. */
  readonly announce: boolean;
  readonly window: WindowState;
}

/** What a request is counted by: its credential and (Mastodon) host. */
export interface ScopeKeys {
  readonly token?: string | undefined;
  readonly host?: string | undefined;
}

/**
 * Fixed windows aligned to the Unix epoch on the server clock: the window holding `t` is
 * `[k·windowMs, (k+1)·windowMs)`, `k = floor(t / windowMs)`. Announced windows are whole seconds
 * long, so every boundary is a whole epoch second and the announced reset is exact. This is also
 * what Mastodon's rack-attack does (`period - now % period`). A `rolling` limit keeps a sliding log
 * instead.
 */
export class LimitBook {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly logs = new Map<string, number[]>();
  private readonly peaks = new Map<string, number>();

  /** `limits` per platform id. */
  constructor(private readonly limits: Partial<Record<string, ResolvedLimit>>) {}

  /** Counts a request and says whether it is within the limit; `undefined` without a limit. */
  admit(platform: string, keys: ScopeKeys, now: number): Admission | undefined {
    const limit = this.limits[platform];
    if (!limit) return undefined;
    const scopeKey =
      limit.scope === 'global' ? '' : ((limit.scope === 'token' ? keys.token : keys.host) ?? '');
    const key = `${platform}\u0000${scopeKey}`;
    if (limit.rolling) return this.#admitRolling(platform, key, limit, now);
    const start = Math.floor(now / limit.windowMs) * limit.windowMs;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.count < limit.limit;
    if (allowed || limit.countRejected) window.count++;
    this.#peak(platform, window.count);
    return {
      allowed,
      announce: limit.announce,
      window: {
        limit: limit.limit,
        remaining: Math.max(0, limit.limit - window.count),
        resetAt: start + limit.windowMs,
        windowMs: limit.windowMs,
      },
    };
  }

  /**
   * A rolling window (a sliding log, as Meta's hourly usage): the requests counted in
   * `(now - windowMs, now]`. Its "reset" is when the oldest of them leaves the window, rounded up
   * to a whole second.
   */
  #admitRolling(platform: string, key: string, limit: ResolvedLimit, now: number): Admission {
    let log = this.logs.get(key);
    if (!log) {
      log = [];
      this.logs.set(key, log);
    }
    let expired = 0;
    while (expired < log.length && log[expired]! <= now - limit.windowMs) expired++;
    if (expired > 0) log.splice(0, expired);
    const allowed = log.length < limit.limit;
    if (allowed || limit.countRejected) log.push(now);
    this.#peak(platform, log.length);
    const leaves = (log[0] ?? now) + limit.windowMs;
    return {
      allowed,
      announce: limit.announce,
      window: {
        limit: limit.limit,
        remaining: Math.max(0, limit.limit - log.length),
        resetAt: Math.ceil(leaves / 1000) * 1000,
        windowMs: limit.windowMs,
      },
    };
  }

  #peak(platform: string, count: number): void {
    if (count > (this.peaks.get(platform) ?? 0)) this.peaks.set(platform, count);
  }

  /** Most requests counted in any one window of the platform. */
  peak(platform: string): number {
    return this.peaks.get(platform) ?? 0;
  }

  reset(): void {
    this.windows.clear();
    this.logs.clear();
    this.peaks.clear();
  }
}

/**
 * Checks and completes the `limits` option; `defaultScope` is the platform's scope when a limit
 * gives none (its module's `defaultScope`).
 */
export function resolveLimits(
  limits: Partial<Record<string, FakeLimit>> = {},
  defaultScope: (platform: string) => FakeLimit['scope'] = () => undefined,
): Partial<Record<string, ResolvedLimit>> {
  const resolved: Partial<Record<string, ResolvedLimit>> = {};
  for (const [platform, limit] of Object.entries(limits)) {
    if (limit === undefined) continue;
    const where = `limits.${platform}`;
    const announce = limit.announce ?? true;
    const scope = limit.scope ?? defaultScope(platform) ?? 'global';
    if (!Number.isSafeInteger(limit.limit) || limit.limit < 0) {
      throw new OptionError(`${where}.limit`, 'an integer >= 0', limit.limit);
    }
    if (!Number.isSafeInteger(limit.windowMs) || limit.windowMs < 1) {
      throw new OptionError(`${where}.windowMs`, 'an integer >= 1', limit.windowMs);
    }
    if (announce && limit.windowMs % 1000 !== 0) {
      // an announced reset is a whole epoch second (X, Bluesky) or an ISO time on a whole second
      throw new OptionError(
        `${where}.windowMs`,
        'a multiple of 1000 when the limit is announced (or set `announce: false`)',
        limit.windowMs,
      );
    }
    if (limit.rolling !== undefined && typeof limit.rolling !== 'boolean') {
      throw new OptionError(`${where}.rolling`, 'a boolean', limit.rolling);
    }
    if (!['global', 'token', 'host'].includes(scope)) {
      throw new OptionError(`${where}.scope`, "'global', 'token' or 'host'", scope);
    }
    resolved[platform] = {
      limit: limit.limit,
      windowMs: limit.windowMs,
      announce,
      scope,
      countRejected: limit.countRejected ?? true,
      rolling: limit.rolling ?? false,
    };
  }
  return resolved;
}

/**
 * YouTube's daily unit quota: it resets at midnight America/Los_Angeles on the server's clock
 * (platforms.md §4), so the day changes at 07:00 or 08:00 UTC depending on daylight saving time.
 */
export class DailyQuota {
  private day = '';
  private used = 0;

  constructor(
    readonly unitsPerDay: number,
    readonly unitsPerCall: number,
  ) {
    if (!Number.isSafeInteger(unitsPerDay) || unitsPerDay < 0) {
      throw new OptionError('youtube.quota.unitsPerDay', 'an integer >= 0', unitsPerDay);
    }
    if (!Number.isSafeInteger(unitsPerCall) || unitsPerCall < 0) {
      throw new OptionError('youtube.quota.unitsPerCall', 'an integer >= 0', unitsPerCall);
    }
  }

  /** Takes one call's units; false (and nothing taken) when they do not fit in today's quota. */
  charge(now: number): boolean {
    const day = pacificDay(now);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
    if (this.used + this.unitsPerCall > this.unitsPerDay) return false;
    this.used += this.unitsPerCall;
    return true;
  }

  /** Units used on the current Pacific day. */
  unitsUsed(): number {
    return this.used;
  }

  reset(): void {
    this.day = '';
    this.used = 0;
  }
}

let pacific: Intl.DateTimeFormat | undefined;

/** The calendar day (`YYYY-MM-DD`) in America/Los_Angeles at epoch ms `t`. */
export function pacificDay(t: number): string {
  pacific ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return pacific.format(t);
}
