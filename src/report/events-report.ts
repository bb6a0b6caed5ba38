import type { SeriesEvent } from '../aggregate/events.js';
import { OptionError } from '../errors.js';
import type { Registry } from '../model/registry.js';
import { unitName } from '../model/unit.js';
import { describeCount, formatCount } from '../numbers/format-count.js';
import type { ReportKind } from './report-kind.js';
import type { ResolvedReportOptions } from './report-options.js';
import type { Field } from './table.js';

/** Anomalies and milestones to render, as returned by `seriesEvents`. */
export interface EventsReport {
  registry: Registry;
  events: readonly SeriesEvent[];
  /** The calendar the dates are written in. @default 'Asia/Kolkata' */
  timeZone?: string;
}

/** Anomalies and milestones, one row each, by date. Internal. */
export const eventsReport: ReportKind<EventsReport> = {
  table(report, options) {
    const { words, title } = options;
    return {
      title: title ?? words.events.title,
      columns: [
        { label: words.events.date, kind: 'text', key: 'date' },
        { label: words.report.unit, kind: 'text', key: 'unit' },
        { label: words.events.event, kind: 'text', key: 'event' },
      ],
      rows: report.events.map((e) => ({
        kind: 'unit',
        id: e.unit,
        depth: 0,
        cells: [
          { kind: 'text', text: date(e.at, report, options) },
          { kind: 'text', text: name(report, e.unit, options) },
          { kind: 'text', text: describe(e, report, options) },
        ],
      })),
      notes: report.events.length === 0 ? [words.events.none] : [],
    };
  },

  records(report, options) {
    return {
      header: EVENT_HEADER,
      rows: report.events.map((e): Field[] => [
        e.at.toISOString(),
        e.unit,
        name(report, e.unit, options),
        e.kind,
        e.kind === 'jump' || e.kind === 'drop' || e.kind === 'zero' ? e.from.value : null,
        e.kind === 'jump' || e.kind === 'drop' ? e.to.value : e.kind === 'zero' ? 0 : null,
        e.kind === 'jump' || e.kind === 'drop' ? Number(e.percent.toFixed(4)) : null,
        e.kind === 'milestone' ? e.milestone : null,
        e.kind === 'stale' ? e.days : null,
      ]),
    };
  },

  document(report, options) {
    return {
      report: 'events',
      events: report.events.map((e) => ({
        ...e,
        name: name(report, e.unit, options),
        at: e.at.toISOString(),
        ...(e.kind === 'stale' ? { until: e.until.toISOString() } : {}),
      })),
    };
  },
};

const EVENT_HEADER: readonly string[] = [
  'date',
  'unit_id',
  'unit',
  'kind',
  'from',
  'to',
  'percent',
  'milestone',
  'days',
];

function name(report: EventsReport, id: string, { words }: ResolvedReportOptions): string {
  const unit = report.registry.unit(id);
  return unit ? unitName(unit, words.names) : id;
}

function date(at: Date, report: EventsReport, { locale }: ResolvedReportOptions): string {
  const timeZone = report.timeZone ?? 'Asia/Kolkata';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(at);
  } catch {
    throw new OptionError('timeZone', 'an IANA time zone such as "Asia/Kolkata"', timeZone);
  }
}

function describe(e: SeriesEvent, report: EventsReport, options: ResolvedReportOptions): string {
  const { words, locale, notation } = options;
  const figure = (c: Parameters<typeof describeCount>[0]) => describeCount(c, { locale, notation });
  switch (e.kind) {
    case 'jump':
    case 'drop': {
      const percent = `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(e.percent)}%`;
      return words.events[e.kind](percent, figure(e.from), figure(e.to));
    }
    case 'zero':
      return words.events.zero(figure(e.from));
    case 'stale':
      // `until` is the end of the last period, exclusive: the day shown is the one before it
      return words.events.stale(
        figure(e.count),
        Math.round(e.days),
        date(new Date(e.until.getTime() - 1), report, options),
      );
    case 'milestone':
      return words.events.milestone(formatCount(e.milestone, { locale, notation: 'compact' }));
  }
}
