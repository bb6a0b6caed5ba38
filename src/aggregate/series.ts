import { OptionError } from '../errors.js';
import type { Count } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { SnapshotStore } from '../stores/types.js';
import { compareIds } from '../stores/validate.js';
import {
  fiscalYearStartMonth,
  nextPeriodStartMs,
  PERIOD_NAMES,
  type Period,
  type PeriodOptions,
  periodStartMs,
} from '../util/time-zone.js';
import { asOfTime, platformFilter } from './latest.js';
import { indexRegistry, type RegistryIndex } from './registry-index.js';
import type { CountSummary } from './totals.js';

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
 * accounts had a fresh value and how many were carried.
 *
 * The last values come from the store's {@link SnapshotStore.periodValues} (one row per account
 * and period, computed in the database for the postgres store), or, for a store without it, from
 * one streaming pass over its history. A real account listed under several ids counts once: its
 * newest value among them (on equal times, the first id in code-point order).
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
  const filter = platformFilter(options.platforms, registry);

  const bounds: number[] = [];
  for (let start = periodStartMs(from, interval, timeZone, startMonth); start <= to; ) {
    bounds.push(start);
    start = nextPeriodStartMs(start, interval, timeZone);
  }
  bounds.push(nextPeriodStartMs(bounds[bounds.length - 1]!, interval, timeZone));

  const index = indexRegistry(registry);
  const cells = new Cells(bounds, maxStaleness, index.identities.length);
  const counted = (n: number | undefined): n is number =>
    n !== undefined && (!filter || filter.has(index.identities[n]!.platform));
  if (store.periodValues) {
    // Only the accounts the series counts: the store probes nothing else.
    const accountIds: string[] = [];
    for (const [id, n] of index.identityOf) if (counted(n)) accountIds.push(id);
    const rows = store.periodValues({
      bounds: bounds.map((time) => new Date(time)),
      maxStalenessMs: maxStaleness,
      accountIds,
    });
    // Rows come by account id, so on equal times the first id of an identity stays.
    for await (const row of rows) {
      const n = index.identityOf.get(row.accountId);
      if (counted(n)) cells.offer(row.period, n, row.takenAt.getTime(), row.followers);
    }
  } else {
    await fromHistory(store, cells, index, counted);
  }
  return { interval, timeZone, periods: cells.fold(registry, index, counted) };
}

/**
 * The chosen value of every identity (real account) in every period, in typed arrays indexed by
 * `period * identities + identity`: the time (`-Infinity` for none), the value and the bounds
 * (`NaN` for an unknown bound, so that sums of them stay unknown).
 */
class Cells {
  readonly periods: number;
  readonly from: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;

  constructor(
    bounds: readonly number[],
    maxStaleness: number,
    readonly identities: number,
  ) {
    this.periods = bounds.length - 1;
    this.start = Float64Array.from(bounds.slice(0, -1));
    this.end = Float64Array.from(bounds.slice(1));
    this.from = this.start.map((start) => Math.ceil(start - maxStaleness));
    const size = this.periods * identities;
    this.time = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
    this.value = new Float64Array(size);
    this.min = new Float64Array(size);
    this.max = new Float64Array(size);
  }

  /** Keeps a value for an identity in a period when it is newer than the one kept. */
  offer(period: number, n: number, time: number, count: Count): void {
    const cell = period * this.identities + n;
    if (!(time > this.time[cell]!)) return;
    this.set(cell, time, count);
  }

  set(cell: number, time: number, count: Count): void {
    this.time[cell] = time;
    this.value[cell] = count.value;
    this.min[cell] = count.min ?? Number.NaN;
    this.max[cell] = count.max ?? Number.NaN;
  }

  /** Every period's totals: one pass over the identities per period, adding into typed arrays. */
  fold(registry: Registry, index: RegistryIndex, counted: (n: number) => boolean): SeriesPeriod[] {
    const { identities } = index;
    const unitCount = registry.units.length;
    // Accounts per unit do not change from period to period.
    const accounts = new Int32Array(unitCount);
    const members: number[] = [];
    identities.forEach((identity, n) => {
      if (!counted(n)) return;
      members.push(n);
      for (const u of identity.units) accounts[u]!++;
    });
    const value = new Float64Array(unitCount);
    const min = new Float64Array(unitCount);
    const max = new Float64Array(unitCount);
    const observed = new Int32Array(unitCount);
    const fresh = new Int32Array(unitCount);
    const periods: SeriesPeriod[] = [];
    for (let p = 0; p < this.periods; p++) {
      value.fill(0);
      min.fill(0);
      max.fill(0);
      observed.fill(0);
      fresh.fill(0);
      const missing: (string[] | undefined)[] = new Array(unitCount);
      const start = this.start[p]!;
      const base = p * this.identities;
      for (const n of members) {
        const identity = identities[n]!;
        const cell = base + n;
        const time = this.time[cell]!;
        if (time === Number.NEGATIVE_INFINITY) {
          const id = identity.accounts[0]!.id;
          for (const u of identity.units) {
            const ids = missing[u];
            if (ids === undefined) missing[u] = [id];
            else ids.push(id);
          }
          continue;
        }
        const v = this.value[cell]!;
        const lo = this.min[cell]!;
        const hi = this.max[cell]!;
        const isFresh = time >= start;
        for (const u of identity.units) {
          value[u]! += v;
          min[u]! += lo;
          max[u]! += hi;
          observed[u]!++;
          if (isFresh) fresh[u]!++;
        }
      }
      const units = new Map<string, SeriesPoint>();
      for (let u = 0; u < unitCount; u++) {
        const gone = missing[u];
        units.set(index.unitIds[u]!, {
          count: {
            value: value[u]!,
            min: Number.isNaN(min[u]!) ? null : min[u]!,
            max: gone !== undefined || Number.isNaN(max[u]!) ? null : max[u]!,
          },
          accounts: accounts[u]!,
          observed: observed[u]!,
          missing: gone ?? [],
          fresh: fresh[u]!,
          carried: observed[u]! - fresh[u]!,
        });
      }
      periods.push({ start: new Date(start), end: new Date(this.end[p]!), units });
    }
    return periods;
  }
}

/**
 * For a store without `periodValues`: one pass over its history, in time order, keeping each
 * identity's newest value; at each period's end, what is within the period's window is the
 * period's value.
 */
async function fromHistory(
  store: SnapshotStore,
  cells: Cells,
  index: RegistryIndex,
  counted: (n: number | undefined) => n is number,
): Promise<void> {
  const size = index.identities.length;
  const newest = new Cells([0, 1], 0, size);
  const ids: (string | undefined)[] = new Array(size);
  const last = cells.end[cells.periods - 1]!;
  const first = Math.max(cells.from[0]!, -8.64e15); // the earliest time a Date holds
  const history = store.history({ from: new Date(first), to: new Date(last - 1) });
  let p = 0;
  const close = (until: number) => {
    // Periods ending at or before `until` take what is newest now.
    for (; p < cells.periods && cells.end[p]! <= until; p++) {
      const from = cells.from[p]!;
      const base = p * size;
      for (let n = 0; n < size; n++) {
        const time = newest.time[n]!;
        if (time < from) continue;
        const cell = base + n;
        cells.time[cell] = time;
        cells.value[cell] = newest.value[n]!;
        cells.min[cell] = newest.min[n]!;
        cells.max[cell] = newest.max[n]!;
      }
    }
  };
  for await (const s of history) {
    const time = s.takenAt.getTime();
    close(time);
    const n = index.identityOf.get(s.accountId);
    if (!counted(n)) continue;
    const kept = newest.time[n]!;
    // Rows come in time order. Of an identity's ids with a value in one millisecond, the first in
    // code-point order counts (as periodValues' rows, sorted by id, give); a later row of the same
    // id within it (stored to the microsecond by another program) replaces its own.
    if (
      time > kept ||
      (time === kept && (ids[n] === s.accountId || compareIds(s.accountId, ids[n]!) < 0))
    ) {
      newest.set(n, time, s.followers);
      ids[n] = s.accountId;
    }
  }
  close(Number.POSITIVE_INFINITY);
}
