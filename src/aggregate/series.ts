import { OptionError } from '../errors.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { Snapshot } from '../model/snapshot.js';
import type { SnapshotStore } from '../stores/types.js';
import {
  fiscalYearStartMonth,
  nextPeriodStartMs,
  PERIOD_NAMES,
  type Period,
  type PeriodOptions,
  periodStartMs,
} from '../util/time-zone.js';
import { asOfTime } from './latest.js';
import { type CountSummary, totals } from './totals.js';

/** Options of {@link series}. */
export interface SeriesOptions extends PeriodOptions {
  /** The first period is the one containing `from`. */
  from: Date;
  /** The last period is the one containing `to`. */
  to: Date;
  /**
   * The periods: `'quarter'` and `'fiscal-year'` follow the financial year (April to March in
   * India; `fiscalYearStartMonth` to change it).
   * @default 'day'
   */
  interval?: Period;
  /** The calendar the periods follow. @default 'Asia/Kolkata' */
  timeZone?: string;
  /**
   * How long before a period's start a value may have been taken and still count in the period
   * (carried forward). Older values are missing, never zero.
   * @default one interval (a day, 7, 31, 92 or 366 days): the previous period's last value carries over
   */
  maxStalenessMs?: number;
  /** Count only these platforms. @default every platform */
  platforms?: readonly PlatformId[];
}

/** One unit's figure for one period. */
export interface SeriesPoint extends CountSummary {
  /** Accounts whose value was taken during this period. */
  readonly fresh: number;
  /** Accounts whose value was carried forward from before the period (within the staleness). */
  readonly carried: number;
}

/** One period of a {@link series}. */
export interface SeriesPeriod {
  /** Inclusive. */
  readonly start: Date;
  /** Exclusive: the next period's start. */
  readonly end: Date;
  /** Every unit of the registry, in registry order. */
  readonly units: ReadonlyMap<string, SeriesPoint>;
}

/** What {@link series} returns. */
export interface Series {
  readonly interval: Period;
  readonly timeZone: string;
  readonly periods: readonly SeriesPeriod[];
}

const PERIOD_MS: Record<Period, number> = {
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 31 * 86_400_000,
  quarter: 92 * 86_400_000,
  'fiscal-year': 366 * 86_400_000,
};

/**
 * One total per period (day, week or month, in a time zone) per unit, from the last value of each
 * account in each period, carried forward at most `maxStalenessMs`; each point says how many
 * accounts had a fresh value and how many were carried. Reads the store's history once, streaming.
 *
 * @example
 * ```ts
 * const daily = await series(registry, store, {
 *   from: new Date('2026-09-01T00:00:00+05:30'),
 *   to: new Date('2026-11-28T00:00:00+05:30'),
 *   interval: 'day',
 *   timeZone: 'Asia/Kolkata',
 * });
 * for (const p of daily.periods) console.log(p.start, p.units.get('indore')!.count.value);
 * ```
 */
export async function series(
  registry: Registry,
  store: SnapshotStore,
  options: SeriesOptions,
): Promise<Series> {
  const { interval = 'day', timeZone = 'Asia/Kolkata' } = options ?? ({} as SeriesOptions);
  const from = asOfTime(options?.from, 'from');
  const to = asOfTime(options?.to, 'to');
  if (!Number.isFinite(from)) throw new OptionError('from', 'a valid Date', options?.from);
  if (!Number.isFinite(to) || to < from)
    throw new OptionError('to', 'a valid Date not before `from`', options?.to);
  // own keys only: `'constructor' in PERIOD_MS` is true
  if (typeof interval !== 'string' || !Object.hasOwn(PERIOD_MS, interval))
    throw new OptionError('interval', PERIOD_NAMES, interval);
  const startMonth = fiscalYearStartMonth(options);
  const maxStaleness = options.maxStalenessMs ?? PERIOD_MS[interval];
  if (typeof maxStaleness !== 'number' || !Number.isFinite(maxStaleness) || maxStaleness < 0) {
    throw new OptionError('maxStalenessMs', 'a number of milliseconds >= 0', maxStaleness);
  }

  const bounds: [number, number][] = [];
  for (let start = periodStartMs(from, interval, timeZone, startMonth); start <= to; ) {
    const end = nextPeriodStartMs(start, interval, timeZone);
    bounds.push([start, end]);
    start = end;
  }
  const first = bounds[0]![0];
  const last = bounds[bounds.length - 1]![1];

  const known = new Set(registry.accounts.map((a) => a.id));
  const newest = new Map<string, Snapshot>();
  const periods: SeriesPeriod[] = [];
  const history = store
    .history({ from: new Date(first - maxStaleness), to: new Date(last - 1) })
    [Symbol.asyncIterator]();
  let next = await history.next();
  for (const [start, end] of bounds) {
    // Everything taken before the end of this period updates the accounts' last values.
    while (!next.done && next.value.takenAt.getTime() < end) {
      const s = next.value;
      if (known.has(s.accountId)) newest.set(s.accountId, s);
      next = await history.next();
    }
    const current: Snapshot[] = [];
    const fresh: Snapshot[] = [];
    for (const s of newest.values()) {
      const t = s.takenAt.getTime();
      if (t < start - maxStaleness) continue;
      current.push(s);
      if (t >= start) fresh.push(s);
    }
    const all = totals(registry, current, { platforms: options.platforms });
    const recent = totals(registry, fresh, { platforms: options.platforms });
    const units = new Map<string, SeriesPoint>();
    for (const [id, total] of all.units) {
      const freshCount = recent.units.get(id)!.observed;
      const { count, accounts, observed, missing } = total;
      units.set(id, {
        count,
        accounts,
        observed,
        missing,
        fresh: freshCount,
        carried: observed - freshCount,
      });
    }
    periods.push({ start: new Date(start), end: new Date(end), units });
  }
  await history.return?.();
  return { interval, timeZone, periods };
}
