/**
 * Growth this financial year against last, for the examples (`npm run example:growth` and
 * `npm run example:report`): the financial year (India: April–March) to date, and the whole of
 * the one before it, each compared from the last figures of the year before it, like with like
 * (`growth`). Written with honest precision: a change whose figures are ranges (Instagram's
 * rounded counts) is a range, and so is its percent when the range reaches its first decimal.
 */
import {
  type CountChange,
  fiscalYearLabel,
  formatCount,
  growth,
  periodStart,
  type Registry,
  type Snapshot,
  type SnapshotStore,
  type UnitGrowth,
} from '../src/index.js';

/** One financial year's growth. */
export interface YearGrowth {
  /** `FY 2026-27 to date` or `FY 2025-26`. */
  label: string;
  /** The last moment of the year before: the figures compared from are the latest then. */
  from: Date;
  /** The year's last moment, or `asOf` for the year to date. */
  to: Date;
  units: UnitGrowth[];
  /** The latest snapshots at `from` and at `to`. */
  before: Snapshot[];
  after: Snapshot[];
}

/** This financial year to `asOf`, then the whole of the last one. */
export async function fiscalYearGrowth(
  registry: Registry,
  store: SnapshotStore,
  asOf: Date,
  timeZone: string,
): Promise<[YearGrowth, YearGrowth]> {
  const thisYear = periodStart(asOf, 'fiscal-year', timeZone);
  const lastYear = periodStart(new Date(thisYear.getTime() - 1), 'fiscal-year', timeZone);
  const endOf = (start: Date) => new Date(start.getTime() - 1); // the year before's last moment
  const atStart = await store.latest({ asOf: endOf(lastYear) });
  const atTurn = await store.latest({ asOf: endOf(thisYear) });
  const now = await store.latest({ asOf });
  return [
    {
      label: `${fiscalYearLabel(thisYear, timeZone)} to date`,
      from: endOf(thisYear),
      to: asOf,
      units: growth(registry, atTurn, now),
      before: atTurn,
      after: now,
    },
    {
      label: fiscalYearLabel(lastYear, timeZone),
      from: endOf(lastYear),
      to: endOf(thisYear),
      units: growth(registry, atStart, atTurn),
      before: atStart,
      after: atTurn,
    },
  ];
}

/**
 * A unit's growth in a year, in two lines: the change and its percent over the days between the
 * figures compared, then when those figures were taken and how many accounts were compared.
 */
export function describeYearGrowth(year: YearGrowth, unitId: string, timeZone: string): string {
  const g = year.units.find((u) => u.unit.id === unitId);
  if (g === undefined) throw new Error(`no unit ${unitId}`);
  if (g.compared === 0) return `${year.label}: no account observed at both ends`;
  const date = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone });
  const newest = (s: readonly Snapshot[]) => Math.max(...s.map((x) => x.takenAt.getTime()));
  const takenOn = (s: readonly Snapshot[]) => {
    const first = date.format(Math.min(...s.map((x) => x.takenAt.getTime())));
    const last = date.format(newest(s));
    return first === last ? first : `${first} to ${last}`;
  };
  const days = Math.round((newest(year.after) - newest(year.before)) / 86_400_000);
  return (
    `${year.label}: ${signed(g.change)} (${percent(g)}) in ${days} days\n` +
    `  figures of ${takenOn(year.before)} against ${takenOn(year.after)}, ${g.compared} accounts compared`
  );
}

/** A change with its sign, and its bounds when they differ. */
function signed(change: CountChange): string {
  const one = (n: number) => `${n < 0 ? '−' : '+'}${formatCount(Math.abs(n))}`;
  if (change.min !== null && change.max !== null && change.min !== change.max) {
    return `between ${one(change.min)} and ${one(change.max)}`;
  }
  if (change.min === null && change.max === null) return `about ${one(change.value)}`;
  if (change.min === null) return `at most ${one(change.max!)}`;
  if (change.max === null) return `at least ${one(change.min)}`;
  return one(change.value);
}

/** A percent, as a range when the figures' bounds make its first decimal uncertain. */
function percent(g: UnitGrowth): string {
  const one = (n: number) => `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(1)}%`;
  const { change, before } = g;
  if (change.min === null || change.max === null || before.min === null || before.max === null) {
    return g.percent === null ? 'no percent: nothing before' : `about ${one(g.percent)}`;
  }
  const low = one((change.min / before.max) * 100);
  const high = one((change.max / before.min) * 100);
  return low === high ? low : `${low} to ${high}`;
}
