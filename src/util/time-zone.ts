/**
 * Calendar arithmetic in an IANA time zone, on `Intl` alone: local midnights and the starts of
 * days, weeks and months, correct across daylight-saving changes. Internal.
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

/** The next local midnight in a zone strictly after `time` (YouTube's quota resets at midnight PT). */
export function nextMidnight(time: number, timeZone: string): number {
  const p = zonedParts(time, timeZone);
  return zonedTime(timeZone, p.year, p.month, p.day + 1);
}

/** A calendar period: a day, a week starting on Monday (ISO), or a month. */
export type Period = 'day' | 'week' | 'month';

/** The start of the period that contains `time`, in a zone. */
export function periodStart(time: number, period: Period, timeZone: string): number {
  const p = zonedParts(time, timeZone);
  if (period === 'day') return zonedTime(timeZone, p.year, p.month, p.day);
  if (period === 'month') return zonedTime(timeZone, p.year, p.month, 1);
  const sinceMonday = (p.weekday + 6) % 7;
  return zonedTime(timeZone, p.year, p.month, p.day - sinceMonday);
}

/** The start of the period after the one that starts at `start`. */
export function nextPeriodStart(start: number, period: Period, timeZone: string): number {
  const p = zonedParts(start, timeZone);
  if (period === 'day') return zonedTime(timeZone, p.year, p.month, p.day + 1);
  if (period === 'month') return zonedTime(timeZone, p.year, p.month + 1, 1);
  return zonedTime(timeZone, p.year, p.month, p.day + 7);
}
