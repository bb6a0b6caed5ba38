/**
 * `renderXlsxReport`: the report as an Excel workbook (exceljs), one sheet per section.
 *
 * @module
 */

import { type Count, countPrecision } from '../model/count.js';
import type { Registry } from '../model/registry.js';
import { localizedName, unitName } from '../model/unit.js';
import { textCell } from '../report/escape.js';
import { growthReport } from '../report/growth-report.js';
import { rankingReport } from '../report/ranking-report.js';
import { platformName, selectUnits } from '../report/report-kind.js';
import type { Field } from '../report/table.js';
import { totalsReport } from '../report/totals-report.js';
import { importOptional } from './optional-dependency.js';
import { withPossiblePlaces } from './places.js';
import {
  checkReport,
  nameOfPeriod,
  type ResolvedVisualOptions,
  resolveVisualOptions,
  type VisualReport,
  type VisualReportOptions,
  wallDate,
} from './report-input.js';

/** Options of {@link renderXlsxReport}. */
export interface XlsxReportOptions extends VisualReportOptions {}

/**
 * Indian digit grouping as an Excel number format, for counts (never negative): `2,03,500`
 * displays while the cell holds 203500, so columns still sum. Excel allows two conditions per
 * format, which covers thousands, lakhs and crores (`12,34,56,789`).
 */
export const INDIAN_NUMBER_FORMAT = '[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0';

/**
 * The same for negative numbers (a fall in growth): a format's third section shows a number
 * without its sign, so a negative cell gets a format of its own, chosen when it is written.
 */
export const INDIAN_NEGATIVE_FORMAT =
  '[<=-10000000]-##\\,##\\,##\\,##0;[<=-100000]-##\\,##\\,##0;-##,##0';

/**
 * Renders a report as an `.xlsx` workbook: a sheet per section (totals by unit, platform and
 * account; the ranking; growth; the series, one row per period and unit; coverage; claims), with
 * the header row frozen and filterable (and repeated on every printed page: each sheet prints on
 * A4 landscape, its columns on one page's width), column labels and names in English or Hindi,
 * figures as numbers shown with Indian digit grouping, and each figure's bounds and precision in
 * columns of their own. Text is written as text, never as a formula (a name starting with `=`, `+`, `-` or
 * `@` stays that name). Needs the optional peer dependency `exceljs` (`npm install exceljs@4`).
 *
 * @returns the workbook's bytes, to write to a `.xlsx` file or send with the type
 *   `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`.
 * @throws {OptionError} when an option or the report is not what is expected.
 * @example
 * ```ts
 * writeFileSync('report.xlsx', await renderXlsxReport({ registry, totals: t }, { locale: 'hi-IN' }));
 * ```
 */
export async function renderXlsxReport(
  report: VisualReport,
  options?: XlsxReportOptions,
): Promise<Uint8Array> {
  const o = resolveVisualOptions(options, 'renderXlsxReport');
  checkReport(report);
  const ExcelJS = await importOptional(
    'exceljs',
    async () => {
      const module = await import('exceljs');
      return (module as unknown as { default?: typeof module }).default ?? module;
    },
    'renderXlsxReport',
  );
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'social-reach';
  const when = report.totals.asOf ?? new Date(0);
  workbook.created = when;
  workbook.modified = when;
  workbook.title = clean(o.title ?? o.visual.pageTitle(headName(report, o)));
  for (const sheet of sheets(report, o)) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: 0 }],
      pageSetup: PAGE_SETUP,
      headerFooter: { oddFooter: '&C&P / &N' }, // page numbers, in no language
    });
    ws.columns = sheet.columns.map((c) => ({
      header: clean(c.label),
      key: c.key,
      // wide enough for its label, so that a printed header is not cut
      width: Math.max(c.width ?? (c.kind === 'text' ? 24 : 14), Math.min(40, c.label.length + 2)),
    }));
    ws.getRow(1).font = { bold: true, name: 'Calibri', size: 11, family: 2 }; // the body's font, bold
    for (const values of sheet.rows) {
      const row = ws.addRow(
        values.map((v) => (typeof v === 'string' ? clean(v) : v instanceof Date ? v : v)),
      );
      sheet.columns.forEach((c, i) => {
        const value = values[i];
        const cell = row.getCell(i + 1);
        if (typeof value === 'number') {
          if (c.kind === 'count') cell.numFmt = INDIAN_NUMBER_FORMAT;
          else if (c.kind === 'change') {
            cell.numFmt = value < 0 ? INDIAN_NEGATIVE_FORMAT : INDIAN_NUMBER_FORMAT;
          } else if (c.kind === 'percent') cell.numFmt = '0.0';
          else cell.numFmt = '0';
        } else if (value instanceof Date) {
          cell.numFmt = 'yyyy-mm-dd';
        } else if (typeof value === 'string') {
          // A string cell is text (t="s"), never a formula; saying so keeps it text on edit too.
          cell.numFmt = '@';
        }
      });
    }
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length },
    };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The header rows: frozen on screen, repeated on every printed page. */
const HEADER_ROWS = 1;

/**
 * How every sheet prints: A4 landscape, all its columns on one page's width (as many pages down
 * as the rows need), the header rows on every page, grid lines to read the rows by.
 */
const PAGE_SETUP = {
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0, // as many pages as the rows need
  printTitlesRow: `1:${HEADER_ROWS}`,
  showGridLines: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

interface SheetColumn {
  readonly label: string;
  readonly key: string;
  readonly kind: 'text' | 'count' | 'change' | 'percent' | 'integer' | 'date';
  readonly width?: number;
}

interface Sheet {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly (Field | Date)[])[];
}

/** Text in a cell: one line, no control characters (XML cannot hold them) or bidi overrides. */
function clean(text: string): string {
  return textCell(text);
}

function headName(report: VisualReport, o: ResolvedVisualOptions): string {
  const id = report.units?.[0] ?? report.registry.roots[0]?.id;
  const unit = id === undefined ? undefined : report.registry.unit(id);
  return unit ? unitName(unit, o.words.names) : '';
}

function sheets(report: VisualReport, o: ResolvedVisualOptions): Sheet[] {
  const out: Sheet[] = [totalsSheet(report, o)];
  if (report.ranking) out.push(rankingSheet(report, o));
  if (report.growth) out.push(growthSheet(report, o));
  if (report.series) out.push(seriesSheet(report, o));
  out.push(coverageSheet(report, o));
  if (report.claims?.length) out.push(claimsSheet(report, o));
  return out;
}

/** The columns of a summary record (`unit_id`, `unit`, …), labelled in the report's language. */
function summaryColumns(o: ResolvedVisualOptions): SheetColumn[] {
  const c = o.visual.columns;
  return [
    { label: c.unitId, key: 'unit_id', kind: 'text', width: 18 },
    { label: o.words.report.unit, key: 'unit', kind: 'text', width: 32 },
    { label: c.kind, key: 'kind', kind: 'text', width: 12 },
    { label: c.parent, key: 'parent', kind: 'text', width: 18 },
    { label: c.platform, key: 'platform', kind: 'text', width: 16 },
    { label: c.accountId, key: 'account_id', kind: 'text', width: 18 },
    { label: c.value, key: 'value', kind: 'count' },
    { label: c.min, key: 'min', kind: 'count' },
    { label: c.max, key: 'max', kind: 'count' },
    { label: c.precision, key: 'precision', kind: 'text', width: 12 },
    { label: c.accounts, key: 'accounts', kind: 'integer' },
    { label: c.observed, key: 'observed', kind: 'integer' },
    { label: c.missing, key: 'missing', kind: 'text', width: 30 },
  ];
}

/** A summary record with its platform and precision in words. */
function localizeSummary(
  fields: readonly Field[],
  registry: Registry,
  o: ResolvedVisualOptions,
): Field[] {
  const out = [...fields];
  const platform = out[4];
  out[4] =
    platform === 'all' ? o.words.report.total : platformName(registry, String(platform), o.words);
  const precision = out[9] as keyof ResolvedVisualOptions['visual']['precision'];
  // A summary without any figure has no precision: it is not a count of zero.
  out[9] = out[11] === 0 && Number(out[10]) > 0 ? null : o.visual.precision[precision];
  if (out[11] === 0 && Number(out[10]) > 0) {
    out[6] = null;
    out[7] = null;
    out[8] = null;
  }
  return out;
}

function totalsSheet(report: VisualReport, o: ResolvedVisualOptions): Sheet {
  const records = totalsReport.records(
    {
      registry: report.registry,
      totals: report.totals,
      units: report.units,
      accounts: report.accounts ?? true,
    },
    o,
  );
  return {
    name: o.visual.sheets.totals,
    columns: summaryColumns(o),
    rows: records.rows.map((r) => localizeSummary(r, report.registry, o)),
  };
}

function rankingSheet(report: VisualReport, o: ResolvedVisualOptions): Sheet {
  const { entries, platform } = report.ranking!;
  const places = entries.some((e) => e.bestRank !== undefined || e.worstRank !== undefined)
    ? entries
    : withPossiblePlaces(entries);
  const records = rankingReport.records(
    { registry: report.registry, ranking: entries, platform },
    o,
  );
  return {
    name: o.visual.sheets.ranking,
    columns: [
      { label: o.words.report.rank, key: 'rank', kind: 'integer', width: 8 },
      ...summaryColumns(o),
      { label: o.visual.columns.bestPlace, key: 'best_rank', kind: 'integer', width: 10 },
      { label: o.visual.columns.worstPlace, key: 'worst_rank', kind: 'integer', width: 10 },
    ],
    // A record is the rank, the best and worst places, then the summary's fields.
    rows: records.rows.map((r, i) => [
      r[0]!,
      ...localizeSummary(r.slice(3), report.registry, o),
      places[i]!.bestRank ?? null,
      places[i]!.worstRank ?? null,
    ]),
  };
}

function growthSheet(report: VisualReport, o: ResolvedVisualOptions): Sheet {
  const c = o.visual.columns;
  const r = o.words.report;
  const records = growthReport.records(
    { registry: report.registry, growth: report.growth!.units, units: report.units },
    o,
  );
  return {
    name: o.visual.sheets.growth,
    columns: [
      { label: c.unitId, key: 'unit_id', kind: 'text', width: 18 },
      { label: r.unit, key: 'unit', kind: 'text', width: 32 },
      { label: c.platform, key: 'platform', kind: 'text', width: 16 },
      { label: r.before, key: 'before', kind: 'count' },
      { label: r.after, key: 'after', kind: 'count' },
      { label: r.change, key: 'change', kind: 'change' },
      { label: c.changeMin, key: 'change_min', kind: 'change' },
      { label: c.changeMax, key: 'change_max', kind: 'change' },
      { label: `${r.percent} (%)`, key: 'percent', kind: 'percent' },
      { label: r.compared, key: 'compared', kind: 'integer' },
      { label: c.onlyBefore, key: 'only_before', kind: 'text', width: 24 },
      { label: c.onlyAfter, key: 'only_after', kind: 'text', width: 24 },
    ],
    rows: records.rows.map((row) => {
      const out = [...row];
      out[2] = out[2] === 'all' ? r.total : platformName(report.registry, String(out[2]), o.words);
      return out;
    }),
  };
}

function seriesSheet(report: VisualReport, o: ResolvedVisualOptions): Sheet {
  const c = o.visual.columns;
  const { series, units: asked } = report.series!;
  const head = report.units?.[0] ?? report.registry.roots[0]?.id;
  const units =
    asked ?? (head === undefined ? [] : [head, ...report.registry.children(head).map((u) => u.id)]);
  const rows: (Field | Date)[][] = [];
  for (const period of series.periods) {
    const label = nameOfPeriod(o, period, series);
    for (const id of units) {
      const unit = report.registry.unit(id);
      const point = period.units.get(id) as
        | (NonNullable<ReturnType<typeof period.units.get>> & { fresh?: number; carried?: number })
        | undefined;
      if (!unit || !point) continue;
      const figure = point.observed > 0 ? point.count : null;
      rows.push([
        wallDate(period.start, series.timeZone),
        label,
        id,
        unitName(unit, o.words.names),
        ...countColumns(figure, o),
        point.accounts,
        point.observed,
        point.fresh ?? null,
        point.carried ?? null,
      ]);
    }
  }
  return {
    name: o.visual.sheets.series,
    columns: [
      { label: c.periodStart, key: 'period_start', kind: 'date', width: 12 },
      { label: c.period, key: 'period', kind: 'text', width: 16 },
      { label: c.unitId, key: 'unit_id', kind: 'text', width: 18 },
      { label: o.words.report.unit, key: 'unit', kind: 'text', width: 32 },
      { label: c.value, key: 'value', kind: 'count' },
      { label: c.min, key: 'min', kind: 'count' },
      { label: c.max, key: 'max', kind: 'count' },
      { label: c.precision, key: 'precision', kind: 'text', width: 12 },
      { label: c.accounts, key: 'accounts', kind: 'integer' },
      { label: c.observed, key: 'observed', kind: 'integer' },
      { label: c.fresh, key: 'fresh', kind: 'integer' },
      { label: c.carried, key: 'carried', kind: 'integer' },
    ],
    rows,
  };
}

/** A figure as four cells: value, min, max, precision in words (all empty without a figure). */
function countColumns(count: Count | null, o: ResolvedVisualOptions): Field[] {
  if (count === null) return [null, null, null, null];
  return [count.value, count.min, count.max, o.visual.precision[countPrecision(count)]];
}

function coverageSheet(report: VisualReport, o: ResolvedVisualOptions): Sheet {
  const c = o.visual.columns;
  const { registry } = report;
  const roots = report.units ?? registry.roots.map((u) => u.id);
  const shown = new Set(selectUnits(registry, roots).map((s) => s.unit.id));
  const failures = new Map((report.failures ?? []).map((f) => [f.accountId, f]));
  const rows: Field[][] = [];
  for (const account of registry.accounts) {
    if (account.status !== 'active' || !shown.has(account.unit)) continue;
    const counted = report.totals.snapshots.has(account.id);
    const failure = failures.get(account.id);
    if (counted && !failure) continue;
    const unit = registry.unit(account.unit)!;
    rows.push([
      account.id,
      account.label ? localizedName(account.label, o.words.names) : '',
      unitName(unit, o.words.names),
      platformName(registry, account.platform, o.words),
      account.handle,
      failure ? (o.visual.reasons[failure.reason] ?? failure.reason) : o.visual.reasons.none,
      counted ? o.visual.olderFigure : failure ? [...failure.message].slice(0, 200).join('') : '',
      counted ? 1 : 0,
    ]);
  }
  return {
    name: o.visual.sheets.coverage,
    columns: [
      { label: c.accountId, key: 'account_id', kind: 'text', width: 18 },
      { label: c.account, key: 'account', kind: 'text', width: 28 },
      { label: o.words.report.unit, key: 'unit', kind: 'text', width: 28 },
      { label: c.platform, key: 'platform', kind: 'text', width: 14 },
      { label: c.handle, key: 'handle', kind: 'text', width: 22 },
      { label: c.reason, key: 'reason', kind: 'text', width: 18 },
      { label: c.details, key: 'details', kind: 'text', width: 40 },
      { label: o.visual.olderFigure, key: 'older_figure_counted', kind: 'integer', width: 10 },
    ],
    rows,
  };
}

function claimsSheet(report: VisualReport, o: ResolvedVisualOptions): Sheet {
  const c = o.visual.columns;
  const rows = report.claims!.map((claim) => [
    localizedName(claim.label, o.words.names),
    claim.claim,
    ...countColumns(claim.claimed, o),
    ...countColumns(claim.computed, o),
    o.words.verdict[claim.check.verdict],
    claim.check.ratio === null ? null : Math.round(claim.check.ratio * 1000) / 10,
  ]);
  return {
    name: o.visual.sheets.claims,
    columns: [
      { label: c.claim, key: 'claim_label', kind: 'text', width: 40 },
      { label: c.asWritten, key: 'claim', kind: 'text', width: 20 },
      { label: c.readAs, key: 'claimed', kind: 'count' },
      { label: `${c.readAs}: ${c.min}`, key: 'claimed_min', kind: 'count' },
      { label: `${c.readAs}: ${c.max}`, key: 'claimed_max', kind: 'count' },
      { label: `${c.readAs}: ${c.precision}`, key: 'claimed_precision', kind: 'text' },
      { label: c.computed, key: 'computed', kind: 'count' },
      { label: `${c.computed}: ${c.min}`, key: 'computed_min', kind: 'count' },
      { label: `${c.computed}: ${c.max}`, key: 'computed_max', kind: 'count' },
      { label: `${c.computed}: ${c.precision}`, key: 'computed_precision', kind: 'text' },
      { label: c.verdict, key: 'verdict', kind: 'text', width: 14 },
      { label: `${c.ratio} (%)`, key: 'ratio', kind: 'percent' },
    ],
    rows,
  };
}
