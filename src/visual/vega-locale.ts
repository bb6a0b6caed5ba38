/**
 * Vega's number and time locales (d3-format's and d3-time-format's definitions) made from `Intl`
 * for a BCP 47 tag, so that a chart's axes group digits as the report does (`2,03,500`: groups of
 * 3 then 2 in `en-IN` and `hi-IN`), use the locale's digits (`hi-IN-u-nu-deva`: `२,०३,५००`) and
 * name months and days in its language (`नव॰`). The definitions travel inside each chart spec
 * (`config.locale`), so a dashboard that embeds the spec draws the same axes. Internal.
 *
 * @module
 */

/** d3-format's locale definition, as Vega-Lite's `config.locale.number` takes it. */
export interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  numerals?: string[];
  minus?: string;
}

/** d3-time-format's locale definition, as Vega-Lite's `config.locale.time` takes it. */
export interface TimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

/** The number locale of a tag: separators, grouping and digits as `Intl.NumberFormat` writes them. */
export function numberLocale(tag: string): NumberLocale {
  const format = new Intl.NumberFormat(tag, { useGrouping: true, maximumFractionDigits: 1 });
  const parts = format.formatToParts(1_234_567_890.5);
  const thousands = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  // Group sizes from the right: 1,23,45,67,890 → [3, 2, 2, 2] → d3's [3, 2] (the last repeats).
  const sizes = parts
    .filter((p) => p.type === 'integer')
    .map((p) => p.value.length)
    .reverse();
  const grouping = sizes.length > 1 ? sizes.slice(0, -1) : [3];
  while (grouping.length > 1 && grouping[grouping.length - 1] === grouping[grouping.length - 2]) {
    grouping.pop();
  }
  const digits = new Intl.NumberFormat(tag, { useGrouping: false });
  const numerals = Array.from({ length: 10 }, (_, d) => digits.format(d));
  const latin = numerals.every((n, d) => n === String(d));
  return {
    decimal,
    thousands,
    grouping,
    currency: ['₹', ''],
    ...(latin ? {} : { numerals }),
    minus: '−',
  };
}

/** The time locale of a tag: month and day names from `Intl.DateTimeFormat`, Sunday first. */
export function timeLocale(tag: string): TimeLocale {
  const names = (options: Intl.DateTimeFormatOptions, dates: Date[]) => {
    const format = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' });
    return dates.map((d) => format.format(d));
  };
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 1)));
  // 4 January 2026 was a Sunday: d3 lists days from Sunday.
  const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 0, 4 + d)));
  const periods = new Intl.DateTimeFormat(tag, { hour: 'numeric', hour12: true, timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 0, 1, 1)))
    .find((p) => p.type === 'dayPeriod')?.value;
  const pm = new Intl.DateTimeFormat(tag, { hour: 'numeric', hour12: true, timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 0, 1, 13)))
    .find((p) => p.type === 'dayPeriod')?.value;
  return {
    dateTime: '%e %b %Y, %H:%M',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: [periods ?? 'AM', pm ?? 'PM'],
    days: names({ weekday: 'long' }, days),
    shortDays: names({ weekday: 'short' }, days),
    months: names({ month: 'long' }, months),
    shortMonths: names({ month: 'short' }, months),
  };
}
