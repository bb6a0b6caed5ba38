/**
 * Calendar arithmetic in an IANA time zone, on `Intl` alone: local midnights and the starts of
 * days, weeks, months, quarters and financial years, correct across daylight-saving changes.
 *
 * The public helpers ({@link periodStart}, {@link nextPeriodStart}, {@link nextMidnight}) take and
 * return `Date`s, like the rest of the API; the `…Ms` versions on epoch milliseconds are internal,
 * for loops that would otherwise allocate a `Date` per step (series, YouTube's quota ledger).
 *
 * @module
 */
import { OptionError } from '../errors.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new OptionError('timeZone', 'an IANA time zone such as "Asia/Kolkata"', timeZone);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time in a zone. `month` is 1–12; `weekday` 0 (Sunday)–6. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** The wall-clock parts of an instant in a zone. */
export function zonedParts(time: number, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(time)) {
    if (type !== 'literal') parts[type] = Number(value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** How far a zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(time: number, timeZone: string): number {
  const p = zonedParts(time, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(time / 1_000) * 1_000;
}

/**
 * The instant a wall-clock time happens in a zone (for a time skipped by a DST change, the instant
 * just after the gap). `month` may overflow (13 = January of the next year), as may `day`.
 */
export function zonedTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the answer may differ from the offset at the guess near a DST change: iterate.
  let guess = wall - offsetAt(wall, timeZone);
  for (let i = 0; i < 3; i++) {
    const next = wall - offsetAt(guess, timeZone);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/**
 * A calendar period: a day, a week starting on Monday (ISO), a month, a quarter of the financial
 * year, or the financial year itself (India's runs April to March: `FY 2026-27`).
 */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'fiscal-year';

/** Options of the period helpers. */
export interface PeriodOptions {
  /**
   * The month (1–12) the financial year starts in; quarters start in it and every third month
   * after it. India's financial year starts in April.
   * @default 4
   */
  fiscalYearStartMonth?: number;
}

/** The next local midnight in a zone strictly after `time` (epoch ms). Internal. */
export function nextMidnightMs(time: number, timeZone: string): number {
  const p = zonedParts(time, timeZone);
  return zonedTime(timeZone, p.year, p.month, p.day + 1);
}

/**
 * The first month (as `year * 12 + month - 1`) of the quarter or financial year holding a month,
 * for a financial year starting in `startMonth`.
 */
function firstMonthOf(year: number, month: number, length: 3 | 12, startMonth: number): number {
  const index = year * 12 + month - 1;
  const offset = (((index - (startMonth - 1)) % length) + length) % length;
  return index - offset;
}

/** The start of the period that contains `time` (epoch ms), in a zone. Internal. */
export function periodStartMs(
  time: number,
  period: Period,
  timeZone: string,
  fiscalYearStartMonth = 4,
): number {
  const p = zonedParts(time, timeZone);
  if (period === 'day') return zonedTime(timeZone, p.year, p.month, p.day);
  if (period === 'month') return zonedTime(timeZone, p.year, p.month, 1);
  if (period === 'quarter' || period === 'fiscal-year') {
    const first = firstMonthOf(
      p.year,
      p.month,
      period === 'quarter' ? 3 : 12,
      fiscalYearStartMonth,
    );
    return zonedTime(timeZone, Math.floor(first / 12), (first % 12) + 1, 1);
  }
  const sinceMonday = (p.weekday + 6) % 7;
  return zonedTime(timeZone, p.year, p.month, p.day - sinceMonday);
}

/** The start of the period after the one that starts at `start` (epoch ms). Internal. */
export function nextPeriodStartMs(start: number, period: Period, timeZone: string): number {
  const p = zonedParts(start, timeZone);
  if (period === 'day') return zonedTime(timeZone, p.year, p.month, p.day + 1);
  if (period === 'month') return zonedTime(timeZone, p.year, p.month + 1, 1);
  if (period === 'quarter') return zonedTime(timeZone, p.year, p.month + 3, 1);
  if (period === 'fiscal-year') return zonedTime(timeZone, p.year, p.month + 12, 1);
  return zonedTime(timeZone, p.year, p.month, p.day + 7);
}

// ---------------------------------------------------------------------------------------------
// The public helpers: a Date in, a Date out.

/**
 * The start of the calendar period that contains `time`: local midnight for `'day'`, Monday's
 * midnight for `'week'` (ISO weeks), the 1st's midnight for `'month'`, the midnight starting the
 * quarter or the financial year (April 1st, unless `fiscalYearStartMonth` says otherwise) for
 * `'quarter'` and `'fiscal-year'`, in an IANA time zone and right across daylight-saving changes.
 *
 * @throws {OptionError} when `time` is not a valid `Date`, `period` is not a period,
 *   `timeZone` is not a known zone or `fiscalYearStartMonth` is not 1–12.
 * @example
 * ```ts
 * // 28 November 2026, 15:30 in India: the day started at 18:30 UTC the day before
 * periodStart(new Date('2026-11-28T10:00:00Z'), 'day', 'Asia/Kolkata'); // 2026-11-27T18:30:00.000Z
 * periodStart(new Date('2026-11-28T10:00:00Z'), 'week', 'Asia/Kolkata'); // Monday 23: 2026-11-22T18:30:00.000Z
 * periodStart(new Date('2026-11-28T10:00:00Z'), 'fiscal-year', 'Asia/Kolkata'); // FY 2026-27: 2026-03-31T18:30:00.000Z
 * ```
 */
export function periodStart(
  time: Date,
  period: Period,
  timeZone: string,
  options?: PeriodOptions,
): Date {
  return new Date(
    periodStartMs(
      checkTime(time, 'time'),
      checkPeriod(period),
      timeZone,
      fiscalYearStartMonth(options),
    ),
  );
}

/**
 * The start of the period after the one that starts at `start` (a value of {@link periodStart}):
 * the next day's, Monday's, month's, quarter's or financial year's local midnight. Days are 23 or 25 hours long across
 * daylight-saving changes, so add periods with this, never with a fixed number of hours.
 *
 * @throws {OptionError} when `start` is not a valid `Date`, `period` is not a period or
 *   `timeZone` is not a known zone.
 * @example
 * ```ts
 * const start = periodStart(new Date('2026-12-31T12:00:00Z'), 'month', 'Asia/Kolkata');
 * nextPeriodStart(start, 'month', 'Asia/Kolkata'); // 1 January 2027, 00:00 IST: 2026-12-31T18:30:00.000Z
 * ```
 */
export function nextPeriodStart(start: Date, period: Period, timeZone: string): Date {
  return new Date(nextPeriodStartMs(checkTime(start, 'start'), checkPeriod(period), timeZone));
}

/**
 * The first local midnight strictly after `time` in a time zone (at midnight exactly, the next
 * one), e.g. when YouTube's daily quota resets (midnight Pacific time).
 *
 * @throws {OptionError} when `time` is not a valid `Date` or `timeZone` is not a known zone.
 * @example
 * ```ts
 * nextMidnight(new Date('2026-07-15T20:00:00Z'), 'America/Los_Angeles'); // 2026-07-16T07:00:00.000Z (PDT)
 * ```
 */
export function nextMidnight(time: Date, timeZone: string): Date {
  return new Date(nextMidnightMs(checkTime(time, 'time'), timeZone));
}

/**
 * The label of the financial year that contains `time`, as Indian government documents write it:
 * `FY 2026-27` for April 2026 to March 2027. A year starting in January is labelled by its one
 * calendar year (`FY 2026`).
 *
 * @throws {OptionError} when `time` is not a valid `Date`, `timeZone` is not a known zone or
 *   `fiscalYearStartMonth` is not 1–12.
 * @example
 * ```ts
 * fiscalYearLabel(new Date('2027-02-10T00:00:00Z'), 'Asia/Kolkata'); // 'FY 2026-27'
 * fiscalYearLabel(new Date('2026-04-01T00:00:00Z'), 'Asia/Kolkata'); // 'FY 2026-27'
 * ```
 */
export function fiscalYearLabel(time: Date, timeZone: string, options?: PeriodOptions): string {
  const startMonth = fiscalYearStartMonth(options);
  const p = zonedParts(checkTime(time, 'time'), timeZone);
  const startYear = Math.floor(firstMonthOf(p.year, p.month, 12, startMonth) / 12);
  if (startMonth === 1) return `FY ${startYear}`;
  return `FY ${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The label of the quarter of the financial year that contains `time`: `Q1 FY 2026-27` for April
 * to June 2026 (with the default April start).
 *
 * @throws {OptionError} as {@link fiscalYearLabel}.
 * @example
 * ```ts
 * quarterLabel(new Date('2027-02-10T00:00:00Z'), 'Asia/Kolkata'); // 'Q4 FY 2026-27'
 * ```
 */
export function quarterLabel(time: Date, timeZone: string, options?: PeriodOptions): string {
  const startMonth = fiscalYearStartMonth(options);
  const p = zonedParts(checkTime(time, 'time'), timeZone);
  const yearStart = firstMonthOf(p.year, p.month, 12, startMonth);
  const quarter = Math.floor((p.year * 12 + p.month - 1 - yearStart) / 3) + 1;
  return `Q${quarter} ${fiscalYearLabel(time, timeZone, options)}`;
}

const PERIODS: readonly unknown[] = [
  'day',
  'week',
  'month',
  'quarter',
  'fiscal-year',
] satisfies Period[];

/** The checked start month of the financial year (1–12), April when not given. Internal. */
export function fiscalYearStartMonth(options: PeriodOptions | undefined): number {
  const month = options?.fiscalYearStartMonth ?? 4;
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new OptionError('fiscalYearStartMonth', 'a whole month number from 1 to 12', month);
  return month;
}

function checkTime(time: Date, name: string): number {
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) {
    // 0.1.0 took epoch milliseconds: say how to pass one now.
    const hint = typeof time === 'number' ? ' (for epoch milliseconds, pass new Date(ms))' : '';
    throw new OptionError(name, `a valid Date${hint}`, time);
  }
  return time.getTime();
}

/** The periods, for messages. Internal. */
export const PERIOD_NAMES = '"day", "week", "month", "quarter" or "fiscal-year"';

function checkPeriod(period: Period): Period {
  if (!PERIODS.includes(period)) throw new OptionError('period', PERIOD_NAMES, period);
  return period;
}
