import { OptionError } from '../errors.js';
import { emitCsv, emitJson, emitMarkdown, emitText } from './emit.js';
import { type EventsReport, eventsReport } from './events-report.js';
import { type GrowthReport, growthReport } from './growth-report.js';
import { type RankingReport, rankingReport } from './ranking-report.js';
import type { ReportKind } from './report-kind.js';
import {
  type RenderReportOptions,
  type ResolvedReportOptions,
  resolveReportOptions,
} from './report-options.js';
import { type TotalsReport, totalsReport } from './totals-report.js';

export type { EventsReport } from './events-report.js';
export type { GrowthReport } from './growth-report.js';
export type { RankingReport } from './ranking-report.js';
export type { RenderReportOptions, ReportFormat } from './report-options.js';
export type { TotalsReport } from './totals-report.js';

/**
 * Renders totals, a ranking, growth or anomalies and milestones as a text table, Markdown, CSV (RFC 4180, one row per unit
 * and platform, raw numbers with their bounds) or JSON, with labels and unit names in English or
 * Hindi. Every string (names, handles, labels, notes, the title) is treated as hostile and escaped
 * for its format: no name can break a row, start Markdown or HTML, reorder a line with bidi
 * controls, or run as a spreadsheet formula (docs/aggregation.md, "Hostile text").
 *
 * @throws {OptionError} when an option or the report is not what is expected.
 * @example
 * ```ts
 * console.log(renderReport({ registry, totals: t }, { locale: 'hi-IN' }));
 * const csv = renderReport({ registry, totals: t }, { format: 'csv', locale: 'hi-IN', bom: true });
 * ```
 */
export function renderReport(
  report: TotalsReport | RankingReport | GrowthReport | EventsReport,
  options?: RenderReportOptions,
): string {
  const resolved = resolveReportOptions(options);
  if (
    typeof report !== 'object' ||
    report === null ||
    typeof report.registry?.unit !== 'function'
  ) {
    throw new OptionError(
      'report',
      'an object with `registry` and one of `totals`, `ranking`, `growth` or `events`',
      report,
    );
  }
  if ('totals' in report) return render(totalsReport, report, resolved);
  if ('ranking' in report) return render(rankingReport, report, resolved);
  if ('growth' in report) return render(growthReport, report, resolved);
  if ('events' in report) return render(eventsReport, report, resolved);
  throw new OptionError(
    'report',
    'an object with one of `totals`, `ranking`, `growth` or `events`',
    report,
  );
}

/**
 * A kind builds a table (for people), records (for spreadsheets) or a document (for programs);
 * one emitter per format writes it.
 */
function render<R>(kind: ReportKind<R>, report: R, options: ResolvedReportOptions): string {
  switch (options.format) {
    case 'text':
      return emitText(kind.table(report, options), options);
    case 'markdown':
      return emitMarkdown(kind.table(report, options), options);
    case 'csv': {
      const csv = emitCsv(kind.records(report, options));
      // U+FEFF, written as EF BB BF in UTF-8: how Excel on Windows knows a CSV is not in the ANSI
      // code page. Allowed only with CSV (see RenderReportOptions.bom).
      return options.bom ? `\uFEFF${csv}` : csv;
    }
    case 'json':
      return emitJson(kind.document(report, options));
  }
}
