import { OptionError } from '../errors.js';
import type { Count } from '../model/count.js';
import type { Series, SeriesPoint } from './series.js';

/**
 * Round Indian milestones: 10 हजार, 1 लाख, 10 लाख, 1 करोड़ (10 thousand, 1 lakh, 10 lakh, 1 crore).
 *
 * @example
 * ```ts
 * seriesEvents(daily, { milestones: [...INDIAN_MILESTONES, 5_00_000] });
 * ```
 */
export const INDIAN_MILESTONES: readonly number[] = Object.freeze([
  10_000, 1_00_000, 10_00_000, 1_00_00_000,
]);

/** Options of {@link seriesEvents}; every threshold has a default. */
export interface SeriesEventOptions {
  /** Only these units. @default every unit of the series */
  units?: readonly string[];
  /** A rise between consecutive periods of at least this share of the earlier figure is a jump. @default 0.2 (20%) */
  jump?: number;
  /** A fall of at least this share of the earlier figure is a drop. @default 0.1 (10%) */
  drop?: number;
  /** A figure unchanged over at least this many days is stale. @default 30 */
  staleDays?: number;
  /** Figures whose crossing (upwards) is a milestone. @default {@link INDIAN_MILESTONES} */
  milestones?: readonly number[];
}

/**
 * Something worth a look in a unit's series:
 * - `jump` / `drop`: the figure rose or fell by at least the threshold between two consecutive
 *   periods with figures for the same accounts (`percent` is the change in per cent);
 * - `zero`: a figure above zero fell to zero (an account emptied, closed or misread);
 * - `stale`: the figure did not change from `at` to `until` (`days` long): perhaps nobody
 *   collects it any more, or a provider returns a cached value;
 * - `milestone`: the figure reached `milestone` (10 हजार, 1 लाख, …) in the period starting `at`.
 */
export type SeriesEvent =
  | {
      readonly kind: 'jump' | 'drop';
      readonly unit: string;
      /** The start of the period in which the change was seen. */
      readonly at: Date;
      readonly from: Count;
      readonly to: Count;
      readonly percent: number;
    }
  | { readonly kind: 'zero'; readonly unit: string; readonly at: Date; readonly from: Count }
  | {
      readonly kind: 'stale';
      readonly unit: string;
      /** The start of the first period with the unchanged figure. */
      readonly at: Date;
      /** The end of the last period with it. */
      readonly until: Date;
      readonly days: number;
      readonly count: Count;
    }
  | {
      readonly kind: 'milestone';
      readonly unit: string;
      readonly at: Date;
      readonly milestone: number;
      readonly count: Count;
    };

const DAY_MS = 86_400_000;

/**
 * Anomalies and milestones in a {@link Series}: jumps, drops, falls to zero, stale figures, and
 * crossings of round figures, per unit, each with its date, ordered by date then unit. Periods in
 * which a unit has no figure are skipped; jumps, drops and falls to zero are looked for only
 * between periods with figures for the same number of accounts, so an account added or lost is
 * never a jump or a drop.
 *
 * @example
 * ```ts
 * const events = seriesEvents(daily, { jump: 0.5, staleDays: 14 });
 * console.log(renderReport({ registry, events }));
 * ```
 */
export function seriesEvents(series: Series, options: SeriesEventOptions = {}): SeriesEvent[] {
  const o = checkOptions(options);
  const periods = series?.periods;
  if (!Array.isArray(periods)) throw new OptionError('series', 'the result of `series(…)`', series);
  const known = [...(periods[0]?.units.keys() ?? [])];
  for (const id of o.units ?? []) {
    if (periods.length > 0 && !periods[0]!.units.has(id))
      throw new OptionError('units', 'ids of units in the series', id);
  }
  const ids = o.units ?? known;
  const events: SeriesEvent[] = [];
  for (const unit of ids) {
    let previous: SeriesPoint | undefined;
    let run: { at: Date; until: Date; count: Count } | undefined;
    const closeRun = () => {
      if (run === undefined) return;
      const days = (run.until.getTime() - run.at.getTime()) / DAY_MS;
      if (days >= o.staleDays) events.push({ kind: 'stale', unit, ...run, days });
      run = undefined;
    };
    for (const period of periods) {
      const point = period.units.get(unit);
      if (point === undefined || point.observed === 0) {
        closeRun();
        previous = undefined;
        continue;
      }
      const to = point.count;
      if (run !== undefined && sameCount(run.count, to)) run.until = period.end;
      else {
        closeRun();
        run = { at: period.start, until: period.end, count: to };
      }
      if (previous !== undefined) {
        const from = previous.count;
        const sameAccounts =
          previous.observed === point.observed && previous.accounts === point.accounts;
        if (sameAccounts && from.value > 0) {
          const percent = ((to.value - from.value) / from.value) * 100;
          if (to.value === 0) events.push({ kind: 'zero', unit, at: period.start, from });
          else if (percent >= o.jump * 100)
            events.push({ kind: 'jump', unit, at: period.start, from, to, percent });
          else if (percent <= -o.drop * 100)
            events.push({ kind: 'drop', unit, at: period.start, from, to, percent });
        }
        for (const milestone of o.milestones) {
          if (from.value < milestone && to.value >= milestone) {
            events.push({ kind: 'milestone', unit, at: period.start, milestone, count: to });
          }
        }
      }
      previous = point;
    }
    closeRun();
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return events.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || order.get(a.unit)! - order.get(b.unit)!,
  );
}

function sameCount(a: Count, b: Count): boolean {
  return a.value === b.value && a.min === b.min && a.max === b.max;
}

function checkOptions(options: SeriesEventOptions) {
  if (typeof options !== 'object' || options === null)
    throw new OptionError('options', 'an object or undefined', options);
  const { units, jump = 0.2, drop = 0.1, staleDays = 30, milestones = INDIAN_MILESTONES } = options;
  const share = (name: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw new OptionError(name, 'a share > 0, such as 0.2 for 20%', value);
  };
  share('jump', jump);
  share('drop', drop);
  if (typeof staleDays !== 'number' || !Number.isFinite(staleDays) || staleDays <= 0)
    throw new OptionError('staleDays', 'a number of days > 0', staleDays);
  if (
    !Array.isArray(milestones) ||
    milestones.length > 100 ||
    !milestones.every((m) => Number.isSafeInteger(m) && m > 0)
  ) {
    throw new OptionError('milestones', 'up to 100 whole numbers > 0', milestones);
  }
  if (units !== undefined && (!Array.isArray(units) || !units.every((u) => typeof u === 'string')))
    throw new OptionError('units', 'an array of unit ids', units);
  return { units, jump, drop, staleDays, milestones: [...milestones].sort((a, b) => a - b) };
}
