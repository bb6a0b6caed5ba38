import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import {
  fiscalYearLabel,
  nextMidnight,
  nextMidnightMs,
  nextPeriodStart,
  nextPeriodStartMs,
  type Period,
  periodStart,
  periodStartMs,
  quarterLabel,
  zonedParts,
} from '../../src/util/time-zone.js';

const iso = (d: Date) => d.toISOString();
const at = (text: string) => new Date(text);
const LA = 'America/Los_Angeles';

describe('nextMidnight in America/Los_Angeles (YouTube quota resets)', () => {
  it('is 08:00 UTC in winter (PST) and 07:00 UTC in summer (PDT)', () => {
    expect(iso(nextMidnight(at('2026-01-15T20:00:00Z'), LA))).toBe('2026-01-16T08:00:00.000Z');
    expect(iso(nextMidnight(at('2026-07-15T20:00:00Z'), LA))).toBe('2026-07-16T07:00:00.000Z');
  });

  it('is right across the spring change (Sunday 8 March 2026, 02:00 → 03:00)', () => {
    // Saturday evening PST: the next midnight is Sunday 00:00 PST
    expect(iso(nextMidnight(at('2026-03-08T05:00:00Z'), LA))).toBe('2026-03-08T08:00:00.000Z');
    // Sunday 12:00 PDT: the next midnight is Monday 00:00 PDT (a 23-hour day has passed)
    expect(iso(nextMidnight(at('2026-03-08T19:00:00Z'), LA))).toBe('2026-03-09T07:00:00.000Z');
  });

  it('is right across the autumn change (Sunday 1 November 2026, 02:00 → 01:00)', () => {
    expect(iso(nextMidnight(at('2026-11-01T04:00:00Z'), LA))).toBe('2026-11-01T07:00:00.000Z');
    // Sunday 12:00 PST: the next midnight is Monday 00:00 PST (a 25-hour day)
    expect(iso(nextMidnight(at('2026-11-01T20:00:00Z'), LA))).toBe('2026-11-02T08:00:00.000Z');
  });

  it('at midnight exactly, is the next one', () => {
    expect(iso(nextMidnight(at('2026-07-16T07:00:00Z'), LA))).toBe('2026-07-17T07:00:00.000Z');
  });
});

describe('periods in Asia/Kolkata', () => {
  const IST = 'Asia/Kolkata';
  it('starts days at local midnight (18:30 UTC the day before)', () => {
    expect(iso(periodStart(at('2026-11-28T02:00:00Z'), 'day', IST))).toBe(
      '2026-11-27T18:30:00.000Z',
    );
    expect(iso(nextPeriodStart(at('2026-11-27T18:30:00Z'), 'day', IST))).toBe(
      '2026-11-28T18:30:00.000Z',
    );
  });

  it('starts weeks on Monday and months on the 1st', () => {
    // Saturday 28 November 2026 (IST) → Monday 23 November
    expect(iso(periodStart(at('2026-11-28T10:00:00Z'), 'week', IST))).toBe(
      '2026-11-22T18:30:00.000Z',
    );
    expect(iso(periodStart(at('2026-11-28T10:00:00Z'), 'month', IST))).toBe(
      '2026-10-31T18:30:00.000Z',
    );
    expect(iso(nextPeriodStart(at('2026-12-31T18:30:00Z'), 'month', IST))).toBe(
      '2027-01-31T18:30:00.000Z',
    );
  });

  it('reads wall-clock parts', () => {
    expect(zonedParts(Date.parse('2026-11-28T10:00:00Z'), IST)).toMatchObject({
      year: 2026,
      month: 11,
      day: 28,
      hour: 15,
      minute: 30,
      weekday: 6,
    });
  });

  it('rejects an unknown zone', () => {
    expect(() => periodStart(new Date(0), 'day', 'Mars/Olympus')).toThrow(OptionError);
  });
});

describe('the public helpers take and return Dates', () => {
  it('give the same instants as the internal epoch versions, in any zone and period', () => {
    const zones = ['Asia/Kolkata', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom<Period>('day', 'week', 'month', 'quarter', 'fiscal-year'),
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 12 }),
        (time, period, zone, fiscalYearStartMonth) => {
          const start = periodStart(new Date(time), period, zone, { fiscalYearStartMonth });
          expect(start).toBeInstanceOf(Date);
          expect(start.getTime()).toBe(periodStartMs(time, period, zone, fiscalYearStartMonth));
          expect(start.getTime()).toBeLessThanOrEqual(time);
          const next = nextPeriodStart(start, period, zone);
          expect(next.getTime()).toBe(nextPeriodStartMs(start.getTime(), period, zone));
          expect(next.getTime()).toBeGreaterThan(time);
          expect(nextMidnight(new Date(time), zone).getTime()).toBe(nextMidnightMs(time, zone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuse an epoch number, saying how to pass it, and an invalid Date', () => {
    // @ts-expect-error 0.1.0 took epoch milliseconds
    expect(() => periodStart(Date.now(), 'day', 'Asia/Kolkata')).toThrow(
      /Expected `time` to be a valid Date \(for epoch milliseconds, pass new Date\(ms\)\), got `\d+` \(number\)/,
    );
    expect(() => nextMidnight(new Date('soon'), 'Asia/Kolkata')).toThrow(OptionError);
    // @ts-expect-error a string is not a Date
    expect(() => nextPeriodStart('2026-11-28', 'day', 'Asia/Kolkata')).toThrow(
      /Expected `start` to be a valid Date, got/,
    );
  });

  it('refuse an unknown period instead of reading it as a week', () => {
    // @ts-expect-error not a Period
    expect(() => periodStart(new Date(0), 'year', 'Asia/Kolkata')).toThrow(
      /Expected `period` to be "day", "week", "month", "quarter" or "fiscal-year", got `"year"`/,
    );
  });
});

describe("India's financial year and its quarters", () => {
  const IST = 'Asia/Kolkata';
  // midnight IST of a date is 18:30 UTC the day before
  const istMidnight = (y: number, m: number, d: number) =>
    new Date(Date.UTC(y, m - 1, d, -5, -30)).toISOString();

  it('starts on 1 April, midnight IST, and is labelled FY 2026-27', () => {
    for (const text of [
      '2026-04-01T00:00:00+05:30',
      '2026-12-03T12:00:00Z',
      '2027-03-31T23:59:59+05:30',
    ]) {
      const time = new Date(text);
      expect(iso(periodStart(time, 'fiscal-year', IST))).toBe(istMidnight(2026, 4, 1));
      expect(fiscalYearLabel(time, IST)).toBe('FY 2026-27');
    }
    // 31 March 2026, 23:59 IST is still the year before, although it is 31 March in UTC too
    expect(fiscalYearLabel(new Date('2026-03-31T23:59:00+05:30'), IST)).toBe('FY 2025-26');
    // 1 April 2026, 00:30 IST is 31 March in UTC: the zone decides
    expect(fiscalYearLabel(new Date('2026-04-01T00:30:00+05:30'), IST)).toBe('FY 2026-27');
    expect(iso(nextPeriodStart(new Date(istMidnight(2026, 4, 1)), 'fiscal-year', IST))).toBe(
      istMidnight(2027, 4, 1),
    );
    expect(fiscalYearLabel(new Date('2099-06-01T00:00:00Z'), IST)).toBe('FY 2099-00');
  });

  it('has quarters April-June, July-September, October-December, January-March', () => {
    const cases: [string, string, string][] = [
      ['2026-05-15T12:00:00Z', istMidnight(2026, 4, 1), 'Q1 FY 2026-27'],
      ['2026-09-30T12:00:00Z', istMidnight(2026, 7, 1), 'Q2 FY 2026-27'],
      ['2026-12-03T12:00:00Z', istMidnight(2026, 10, 1), 'Q3 FY 2026-27'],
      ['2027-02-10T12:00:00Z', istMidnight(2027, 1, 1), 'Q4 FY 2026-27'],
    ];
    for (const [text, start, label] of cases) {
      expect(iso(periodStart(new Date(text), 'quarter', IST))).toBe(start);
      expect(quarterLabel(new Date(text), IST)).toBe(label);
    }
    expect(iso(nextPeriodStart(new Date(istMidnight(2026, 10, 1)), 'quarter', IST))).toBe(
      istMidnight(2027, 1, 1),
    );
  });

  it('takes another start month (a calendar year, or July as in Pakistan and Australia)', () => {
    const jan = { fiscalYearStartMonth: 1 };
    expect(fiscalYearLabel(new Date('2026-12-03T12:00:00Z'), IST, jan)).toBe('FY 2026');
    expect(quarterLabel(new Date('2026-12-03T12:00:00Z'), IST, jan)).toBe('Q4 FY 2026');
    const july = { fiscalYearStartMonth: 7 };
    expect(iso(periodStart(new Date('2026-05-01T12:00:00Z'), 'fiscal-year', IST, july))).toBe(
      istMidnight(2025, 7, 1),
    );
    expect(quarterLabel(new Date('2026-05-01T12:00:00Z'), IST, july)).toBe('Q4 FY 2025-26');
  });

  it('quarters tile the financial year: four of them, from its start to the next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: 1, max: 12 }),
        (time, fiscalYearStartMonth) => {
          const options = { fiscalYearStartMonth };
          const year = periodStart(new Date(time), 'fiscal-year', IST, options);
          let start = year;
          for (let q = 1; q <= 4; q++) {
            expect(quarterLabel(start, IST, options)).toBe(
              `Q${q} ${fiscalYearLabel(year, IST, options)}`,
            );
            expect(periodStart(start, 'quarter', IST, options).getTime()).toBe(start.getTime());
            start = nextPeriodStart(start, 'quarter', IST);
          }
          expect(start.getTime()).toBe(nextPeriodStart(year, 'fiscal-year', IST).getTime());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a start month outside 1-12', () => {
    for (const fiscalYearStartMonth of [0, 13, 4.5, Number.NaN]) {
      expect(() => periodStart(new Date(0), 'quarter', IST, { fiscalYearStartMonth })).toThrow(
        /Expected `fiscalYearStartMonth` to be a whole month number from 1 to 12/,
      );
    }
  });
});
