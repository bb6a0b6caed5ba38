import type { UnitGrowth } from '../aggregate/growth.js';
import type { RankEntry } from '../aggregate/rank.js';
import type { CountSummary, Totals } from '../aggregate/totals.js';
import type { CollectFailure } from '../engine/collect.js';
import { OptionError } from '../errors.js';
import type { Count } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { LocalizedName } from '../model/unit.js';
import type { ClaimCheck } from '../numbers/check-claim.js';
import { type ResolvedReportOptions, resolveReportOptions } from '../report/report-options.js';
import { fiscalYearLabel, quarterLabel } from '../util/time-zone.js';
import { type VisualWords, visualWordsFor } from './words.js';

/**
 * What a visual report shows: results already computed by the library's functions (`totals`,
 * `rank`, `growth`, `series`, `collect`'s failures, `checkClaim`), never a store or a clock, so
 * the same report can be made from any source of snapshots and any kind of period.
 *
 * @example
 * ```ts
 * const report: VisualReport = {
 *   registry,
 *   totals: totals(registry, snapshots),
 *   ranking: { entries: rank(registry, t, { kind: 'district', within: 'mp' }) },
 *   failures: result.failures,
 * };
 * ```
 */
export interface VisualReport {
  registry: Registry;
  /** What `totals` returned: the headline, the table per unit and platform, platform shares. */
  totals: Totals;
  /**
   * The units shown, each with the units below it; the first is the headline's unit and, with
   * its children, the units of the charts.
   * @default the registry's roots
   */
  units?: readonly string[];
  /** List each unit's own accounts under it in the table of totals. @default true */
  accounts?: boolean;
  /** A ranking to show as bars and as a table. */
  ranking?: RankingInput;
  /** Growth between two dates, shown as a table. */
  growth?: GrowthInput;
  /** Totals per period, shown as lines (and a table of their figures). */
  series?: SeriesInput;
  /**
   * The collection's failures (`collect(...).failures`): the coverage section says why each
   * account has no figure. Without them, it lists the accounts without a figure.
   */
  failures?: readonly CollectFailure[];
  /** Claims checked against the arithmetic, as `checkClaim` judged them. */
  claims?: readonly CheckedClaim[];
}

/**
 * A ranking as `rank` returns it, and the platform it was ranked by. An entry may also carry the
 * best and worst places it could hold given the uncertainty of every figure (`bestRank`,
 * `worstRank`); without them the report computes them with `withPossiblePlaces`, and shows a
 * column of possible places when some place is uncertain.
 */
export interface RankingInput {
  entries: readonly RankedUnit[];
  /** The platform the units were ranked by. @default the total over platforms */
  platform?: PlatformId;
}

/** A line of a ranking, with the hook for the range of places it could hold. */
export type RankedUnit = RankEntry & {
  /** The best place the unit could hold, given every figure's bounds. */
  readonly bestRank?: number;
  /** The worst place the unit could hold, given every figure's bounds. */
  readonly worstRank?: number;
};

/** Growth as `growth` returns it, and the two dates it compares. */
export interface GrowthInput {
  units: readonly UnitGrowth[];
  from: Date;
  to: Date;
}

/** A series to draw, and the units whose lines to draw. */
export interface SeriesInput {
  series: SeriesData;
  /** @default the headline's unit and its children */
  units?: readonly string[];
}

/**
 * What `series` returns, as the charts read it: periods of any kind (days, weeks, months, and
 * other calendars such as quarters or financial years), each with a summary per unit.
 */
export interface SeriesData {
  /** `day`, `week`, `month`, or another period's name. */
  readonly interval: string;
  /** The calendar the periods follow, e.g. `Asia/Kolkata`. */
  readonly timeZone: string;
  readonly periods: readonly {
    /** Inclusive. */
    readonly start: Date;
    /** Exclusive. */
    readonly end: Date;
    readonly units: ReadonlyMap<string, CountSummary>;
  }[];
}

/** A claimed figure checked against the computed one (`checkClaim`). */
export interface CheckedClaim {
  /** What the claim is about: `'All accounts (X + Facebook)'`, or `{ en, hi }`. */
  label: LocalizedName;
  /** The claim as written: `'दो लाख से अधिक'`. */
  claim: string;
  /** The claim as read, e.g. `parseCount(claim)`. */
  claimed: Count;
  /** The figure computed from the accounts. */
  computed: Count;
  /** `checkClaim(claimed, computed)`. */
  check: ClaimCheck;
}

/** Options of `renderHtmlReport`, `renderXlsxReport` and the chart specs. */
export interface VisualReportOptions {
  /**
   * A BCP 47 tag: its language chooses the words and names (English, Hindi), the whole tag the
   * figures and dates (`hi-IN-u-nu-deva` for Devanagari digits).
   * @default 'en-IN'
   */
  locale?: string;
  /** The page's title (and the workbook's). @default one naming the headline's unit */
  title?: string;
  /** `standard` (`2,03,500`) or `compact` (`2.04 lakh`) figures in the page. @default 'standard' */
  notation?: 'standard' | 'compact';
  /** The time zone dates are written in. @default 'Asia/Kolkata' */
  timeZone?: string;
  /**
   * The month (1–12) the financial year starts in, for the names of quarters (`Q3 FY 2026-27`), as
   * given to `series`. @default 4 (April, India's financial year)
   */
  fiscalYearStartMonth?: number;
  /**
   * How a period of a series is named (tables, chart descriptions, the workbook).
   * @default the day (`28 Nov 2026`), the week's first day, the month (`Nov 2026`), the quarter
   *   (`Q3 FY 2026-27`, `quarterLabel`) or the financial year (`FY 2026-27`, `fiscalYearLabel`)
   * @example
   * ```ts
   * const options: VisualReportOptions = {
   *   periodLabel: ({ start }) => `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`,
   * };
   * ```
   */
  periodLabel?: (period: PeriodToName) => string;
}

/** A period of a series, to be named by {@link VisualReportOptions.periodLabel}. */
export interface PeriodToName {
  /** Inclusive: midnight in `timeZone`. */
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
  /** The series' interval: `day`, `week`, `month`, … */
  readonly interval: string;
  /** The series' time zone. */
  readonly timeZone: string;
  /** The report's locale. */
  readonly locale: string;
  /** The month (1–12) the financial year starts in. */
  readonly fiscalYearStartMonth: number;
}

/** {@link VisualReportOptions} checked, with every default filled in. Internal. */
export interface ResolvedVisualOptions extends ResolvedReportOptions {
  readonly timeZone: string;
  readonly fiscalYearStartMonth: number;
  readonly periodLabel: (period: PeriodToName) => string;
  /** The words of the page, charts and workbook in the locale's language. */
  readonly visual: VisualWords;
}

const KNOWN = ['locale', 'title', 'notation', 'timeZone', 'fiscalYearStartMonth', 'periodLabel'];

/** Checks the options once, saying what was expected, and fills in the defaults. Internal. */
export function resolveVisualOptions(
  options: VisualReportOptions | undefined,
  what: string,
  extra: readonly string[] = [],
): ResolvedVisualOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError('options', 'an object or undefined', options);
  }
  const known = [...KNOWN, ...extra];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new OptionError(
        key,
        `absent: ${what}'s options are ${known.map((k) => `\`${k}\``).join(', ')}`,
        (options as Record<string, unknown>)[key],
      );
    }
  }
  const {
    locale,
    title,
    notation,
    timeZone = 'Asia/Kolkata',
    fiscalYearStartMonth = 4,
    periodLabel,
  } = options;
  const base = resolveReportOptions({ locale, title, notation });
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new OptionError('timeZone', 'an IANA time zone such as "Asia/Kolkata"', timeZone);
  }
  if (
    !Number.isInteger(fiscalYearStartMonth) ||
    fiscalYearStartMonth < 1 ||
    fiscalYearStartMonth > 12
  ) {
    throw new OptionError('fiscalYearStartMonth', 'a month from 1 to 12', fiscalYearStartMonth);
  }
  if (periodLabel !== undefined && typeof periodLabel !== 'function') {
    throw new OptionError('periodLabel', 'a function or undefined', periodLabel);
  }
  return {
    ...base,
    timeZone,
    fiscalYearStartMonth,
    periodLabel: periodLabel ?? defaultPeriodLabel,
    visual: visualWordsFor(base.words.language),
  };
}

/** The name of a series' period, by the options' `periodLabel` (tables, charts, workbook). Internal. */
export function nameOfPeriod(
  o: Pick<ResolvedVisualOptions, 'periodLabel' | 'locale' | 'fiscalYearStartMonth'>,
  period: { readonly start: Date; readonly end: Date },
  series: { readonly interval: string; readonly timeZone: string },
): string {
  return o.periodLabel({
    start: period.start,
    end: period.end,
    interval: series.interval,
    timeZone: series.timeZone,
    locale: o.locale,
    fiscalYearStartMonth: o.fiscalYearStartMonth,
  });
}

/** Checks a report's shape before anything is drawn. Internal. */
export function checkReport(report: VisualReport): void {
  if (typeof report !== 'object' || report === null) {
    throw new OptionError('report', 'an object with `registry` and `totals`', report);
  }
  if (typeof report.registry?.unit !== 'function') {
    throw new OptionError('registry', 'a registry made by defineRegistry', report.registry);
  }
  if (!(report.totals?.units instanceof Map)) {
    throw new OptionError('totals', 'what totals() returns', report.totals);
  }
  for (const id of report.units ?? []) {
    if (!report.registry.unit(id))
      throw new OptionError('units', 'ids of units in the registry', id);
  }
  if (report.ranking !== undefined && !Array.isArray(report.ranking.entries)) {
    throw new OptionError('ranking.entries', 'what rank() returns', report.ranking.entries);
  }
  if (report.growth !== undefined) {
    const { units, from, to } = report.growth;
    if (!Array.isArray(units))
      throw new OptionError('growth.units', 'what growth() returns', units);
    for (const [name, date] of [
      ['growth.from', from],
      ['growth.to', to],
    ] as const) {
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
        throw new OptionError(name, 'a valid Date', date);
      }
    }
  }
  if (report.series !== undefined && !Array.isArray(report.series.series?.periods)) {
    throw new OptionError('series.series', 'what series() returns', report.series.series);
  }
}

/**
 * The default period names: a day, a week's first day, a month, a quarter or financial year of
 * the library's calendar (`Q3 FY 2026-27`, `FY 2026-27`); any other kind as a range of days.
 */
function defaultPeriodLabel(period: PeriodToName): string {
  const { start, end, interval, timeZone, locale, fiscalYearStartMonth } = period;
  if (interval === 'quarter') return quarterLabel(start, timeZone, { fiscalYearStartMonth });
  if (interval === 'fiscal-year') {
    // A financial year starts in its own first month: name it from there, whatever the option.
    const month = Number(
      new Intl.DateTimeFormat('en', { month: 'numeric', timeZone }).format(start),
    );
    return fiscalYearLabel(start, timeZone, { fiscalYearStartMonth: month });
  }
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  if (interval === 'day' || interval === 'week') return day.format(start);
  if (interval === 'month') {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone }).format(
      start,
    );
  }
  return `${day.format(start)} – ${day.format(new Date(end.getTime() - 1))}`;
}

/**
 * The calendar date of an instant in a time zone, as midnight UTC of that date: how a chart's
 * time axis (a UTC scale) places a period that starts at midnight in India.
 */
export function wallDate(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
}
