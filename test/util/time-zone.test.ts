import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import {
  nextMidnight,
  nextPeriodStart,
  periodStart,
  zonedParts,
} from '../../src/util/time-zone.js';

const iso = (t: number) => new Date(t).toISOString();
const LA = 'America/Los_Angeles';

describe('nextMidnight in America/Los_Angeles (YouTube quota resets)', () => {
  it('is 08:00 UTC in winter (PST) and 07:00 UTC in summer (PDT)', () => {
    expect(iso(nextMidnight(Date.parse('2026-01-15T20:00:00Z'), LA))).toBe(
      '2026-01-16T08:00:00.000Z',
    );
    expect(iso(nextMidnight(Date.parse('2026-07-15T20:00:00Z'), LA))).toBe(
      '2026-07-16T07:00:00.000Z',
    );
  });

  it('is right across the spring change (Sunday 8 March 2026, 02:00 → 03:00)', () => {
    // Saturday evening PST: the next midnight is Sunday 00:00 PST
    expect(iso(nextMidnight(Date.parse('2026-03-08T05:00:00Z'), LA))).toBe(
      '2026-03-08T08:00:00.000Z',
    );
    // Sunday 12:00 PDT: the next midnight is Monday 00:00 PDT (a 23-hour day has passed)
    expect(iso(nextMidnight(Date.parse('2026-03-08T19:00:00Z'), LA))).toBe(
      '2026-03-09T07:00:00.000Z',
    );
  });

  it('is right across the autumn change (Sunday 1 November 2026, 02:00 → 01:00)', () => {
    expect(iso(nextMidnight(Date.parse('2026-11-01T04:00:00Z'), LA))).toBe(
      '2026-11-01T07:00:00.000Z',
    );
    // Sunday 12:00 PST: the next midnight is Monday 00:00 PST (a 25-hour day)
    expect(iso(nextMidnight(Date.parse('2026-11-01T20:00:00Z'), LA))).toBe(
      '2026-11-02T08:00:00.000Z',
    );
  });

  it('at midnight exactly, is the next one', () => {
    expect(iso(nextMidnight(Date.parse('2026-07-16T07:00:00Z'), LA))).toBe(
      '2026-07-17T07:00:00.000Z',
    );
  });
});

describe('periods in Asia/Kolkata', () => {
  const IST = 'Asia/Kolkata';
  it('starts days at local midnight (18:30 UTC the day before)', () => {
    expect(iso(periodStart(Date.parse('2026-11-28T02:00:00Z'), 'day', IST))).toBe(
      '2026-11-27T18:30:00.000Z',
    );
    expect(iso(nextPeriodStart(Date.parse('2026-11-27T18:30:00Z'), 'day', IST))).toBe(
      '2026-11-28T18:30:00.000Z',
    );
  });

  it('starts weeks on Monday and months on the 1st', () => {
    // Saturday 28 November 2026 (IST) → Monday 23 November
    expect(iso(periodStart(Date.parse('2026-11-28T10:00:00Z'), 'week', IST))).toBe(
      '2026-11-22T18:30:00.000Z',
    );
    expect(iso(periodStart(Date.parse('2026-11-28T10:00:00Z'), 'month', IST))).toBe(
      '2026-10-31T18:30:00.000Z',
    );
    expect(iso(nextPeriodStart(Date.parse('2026-12-31T18:30:00Z'), 'month', IST))).toBe(
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
    expect(() => periodStart(0, 'day', 'Mars/Olympus')).toThrow(OptionError);
  });
});
