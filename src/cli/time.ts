/**
 * Dates on the command line and times on the screen, in one time zone (Asia/Kolkata unless
 * `--time-zone` says otherwise): `--as-of 2026-11-30` is the end of that day there, `--from
 * 2026-11-01` its start; a waiting line reads "until 14:32 IST".
 */
import { nextPeriodStart, periodStart } from '../index.js';
import { UsageError } from './errors.js';

/** The time zone of dates and times unless `--time-zone` is given. */
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

/** Checks an IANA time zone name, as `--time-zone` gives it. */
export function checkTimeZone(zone: string, command?: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw new UsageError(
      `Expected --time-zone <zone> to be an IANA time zone such as "Asia/Kolkata" or "UTC", got "${zone}"`,
      command,
    );
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// an ISO 8601 time with its offset (or Z): a time without one would depend on the machine's zone
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads a date flag: a day (`2026-11-30`: its start, or with `end` its last millisecond, in the
 * time zone), or an ISO time with an offset (`2026-11-30T18:00+05:30`), or `now` / `today`.
 */
export function parseDate(
  text: string,
  flag: string,
  zone: string,
  options: { end?: boolean; now?: Date; command?: string } = {},
): Date {
  const now = options.now ?? new Date();
  const expected = `Expected ${flag} to be a date like 2026-11-30 (a day in ${zone}) or a time with its offset like 2026-11-30T18:00+05:30`;
  const trimmed = text.trim();
  if (trimmed === 'now') return now;
  if (trimmed === 'today') {
    const start = periodStart(now, 'day', zone);
    return options.end ? new Date(nextPeriodStart(start, 'day', zone).getTime() - 1) : start;
  }
  const day = DAY.exec(trimmed);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    const noon = new Date(Date.UTC(y, m - 1, d, 12));
    if (noon.getUTCFullYear() !== y || noon.getUTCMonth() !== m - 1 || noon.getUTCDate() !== d) {
      throw new UsageError(`${expected}, got "${text}" (no such day)`, options.command);
    }
    const start = startOfLocalDay(y, m, d, zone);
    return options.end ? new Date(nextPeriodStart(start, 'day', zone).getTime() - 1) : start;
  }
  if (INSTANT.test(trimmed)) {
    const time = new Date(trimmed);
    if (!Number.isNaN(time.getTime())) return time;
  }
  const hint = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(trimmed)
    ? ' (write the year first: 30/11/2026 is 2026-11-30)'
    : '';
  throw new UsageError(`${expected}, got "${text}"${hint}`, options.command);
}

/** The start, in `zone`, of the calendar day y-m-d there. */
function startOfLocalDay(y: number, m: number, d: number, zone: string): Date {
  // Noon UTC falls on y-m-d in zones from UTC-11 to UTC+11; step a day for the others.
  for (const hours of [12, 0, 23, -12, 36]) {
    const guess = new Date(Date.UTC(y, m - 1, d, hours));
    if (localDay(guess, zone) === `${y}-${pad(m)}-${pad(d)}`)
      return periodStart(guess, 'day', zone);
  }
  return periodStart(new Date(Date.UTC(y, m - 1, d, 12)), 'day', zone);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-11-30`: the calendar day of a time in a zone. */
export function localDay(time: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(time);
}

/**
 * `14:32 IST` (en-IN's name for the zone, `GMT+5:30` style where it has none); a time on another
 * day than `now` there gets its date too: `3 Dec, 00:00 IST`.
 */
export function clockTime(
  time: Date,
  zone: string,
  now: Date = new Date(),
  locale = 'en-IN',
): string {
  const sameDay = localDay(time, zone) === localDay(now, zone);
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(time);
}
