/**
 * `renderHtmlReport`: one self-contained HTML page (inline CSS and SVG, no script, no request to
 * any origin, a Content-Security-Policy that forbids both) in English or Hindi, that prints on A4.
 *
 * @module
 */

import { OptionError } from '../errors.js';
import { type Count, countPrecision } from '../model/count.js';
import type { Registry } from '../model/registry.js';
import { localizedName, unitName } from '../model/unit.js';
import { describeCount } from '../numbers/format-count.js';
import { emitHtml } from '../report/emit.js';
import { htmlText } from '../report/escape.js';
import { growthReport } from '../report/growth-report.js';
import { rankingReport } from '../report/ranking-report.js';
import { platformName, selectUnits } from '../report/report-kind.js';
import type { Cell, Row, Table } from '../report/table.js';
import { totalsReport } from '../report/totals-report.js';
import {
  type ChartSpec,
  chartUnits,
  platformSharesChartSpec,
  rankingChartSpec,
  seriesChartSpec,
} from './chart-specs.js';
import { chartSvg } from './chart-svg.js';
import { withPossiblePlaces } from './places.js';
import {
  checkReport,
  nameOfPeriod,
  type RankedUnit,
  type ResolvedVisualOptions,
  resolveVisualOptions,
  type VisualReport,
  type VisualReportOptions,
} from './report-input.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions extends VisualReportOptions {
  /** Draw the charts (needs `vega` and `vega-lite`). With `false`, the page has tables only. @default true */
  charts?: boolean;
}

/**
 * Renders a report as one self-contained HTML page: the headline figure with its precision in
 * words, the table per unit and platform, the ranking (bars with whiskers where figures are
 * bounds, and a table), growth, followers over time, platform shares, coverage (which accounts
 * had no figure, and why) and the claims checked. Charts are SVG drawn on the server by Vega; the
 * page has no script and loads nothing (its Content-Security-Policy forbids it), and prints on A4.
 *
 * Every text (unit names, handles, labels, failure messages, the title) is escaped; every figure
 * shown carries its raw numbers in `data-value`, `data-min`, `data-max` and `data-precision`.
 *
 * @throws {OptionError} when an option or the report is not what is expected.
 * @example
 * ```ts
 * const html = await renderHtmlReport({ registry, totals: t }, { locale: 'hi-IN' });
 * ```
 */
export async function renderHtmlReport(
  report: VisualReport,
  options?: HtmlReportOptions,
): Promise<string> {
  const { charts = true, ...rest } = options ?? {};
  const o = resolveVisualOptions(rest, 'renderHtmlReport');
  if (typeof charts !== 'boolean') throw new OptionError('charts', 'true or false', charts);
  checkReport(report);
  const page = new PageBuilder(report, o);
  return page.build(charts);
}

class PageBuilder {
  private readonly registry: Registry;
  private readonly head: string | undefined;

  constructor(
    private readonly report: VisualReport,
    private readonly o: ResolvedVisualOptions,
  ) {
    this.registry = report.registry;
    this.head = report.units?.[0] ?? report.registry.roots[0]?.id;
  }

  async build(charts: boolean): Promise<string> {
    const { o, report } = this;
    const headName = this.head ? this.name(this.head) : '';
    const title = o.title ?? o.visual.pageTitle(headName);
    const sections: string[] = [this.headline()];
    sections.push(
      this.section(
        'totals',
        o.visual.sections.totals,
        tableWrap(
          emitHtml(
            totalsReport.table(
              {
                registry: report.registry,
                totals: report.totals,
                units: report.units,
                accounts: report.accounts ?? true,
              },
              o,
            ),
            o,
          ),
        ),
      ),
    );
    if (report.ranking) {
      const chart = charts
        ? await this.chart(
            'ranking',
            rankingChartSpec(report.registry, report.ranking, this.chartOptions()),
          )
        : '';
      const table = rankingReport.table(
        {
          registry: report.registry,
          ranking: report.ranking.entries,
          platform: report.ranking.platform,
        },
        o,
      );
      sections.push(
        this.section(
          'ranking',
          o.visual.sections.ranking,
          chart + tableWrap(emitHtml(withPlaces(table, placed(report.ranking.entries), o), o)),
        ),
      );
    }
    if (report.growth) {
      const fmt = new Intl.DateTimeFormat(o.locale, { dateStyle: 'medium', timeZone: o.timeZone });
      const caption = o.visual.growthPeriod(
        fmt.format(report.growth.from),
        fmt.format(report.growth.to),
      );
      const table = growthReport.table(
        { registry: report.registry, growth: report.growth.units, units: report.units },
        o,
      );
      sections.push(
        this.section(
          'growth',
          o.visual.sections.growth,
          `<p class="caption">${htmlText(caption)}</p>\n${tableWrap(emitHtml(table, o))}`,
        ),
      );
    }
    if (report.series) {
      const units = chartUnits(report.registry, report.series.units ?? this.chartDefault());
      const chart = charts
        ? await this.chart(
            'series',
            seriesChartSpec(report.registry, report.series.series, {
              ...this.chartOptions(),
              units,
            }),
          )
        : '';
      sections.push(
        this.section(
          'series',
          o.visual.sections.series,
          `${chart}<details class="figures"${charts ? '' : ' open'}><summary>${htmlText(o.visual.chartFigures)}</summary>\n${tableWrap(emitHtml(this.seriesTable(units), o))}</details>`,
        ),
      );
    }
    if (charts) {
      const spec = platformSharesChartSpec(report.registry, report.totals, this.chartOptions());
      sections.push(
        this.section('shares', o.visual.sections.shares, await this.chart('shares', spec)),
      );
    }
    sections.push(this.coverage());
    if (report.claims?.length) sections.push(this.claims());
    const asOf = report.totals.asOf
      ? `<p class="as-of">${htmlText(o.visual.asOf(this.date(report.totals.asOf)))}</p>`
      : '';
    return [
      '<!DOCTYPE html>',
      // Urdu is written right to left: the whole page is, figures and tables included.
      `<html lang="${htmlText(o.words.language)}"${RTL.has(o.words.language) ? ' dir="rtl"' : ''}>`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      // Nothing may load or run: no script, no image, font or style from anywhere but this file.
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
      '<meta name="referrer" content="no-referrer">',
      `<meta name="generator" content="social-reach">`,
      `<title>${htmlText(title)}</title>`,
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      '<main>',
      `<header><h1>${htmlText(title)}</h1>${asOf}</header>`,
      ...sections,
      `<footer><p>${htmlText(o.visual.madeWith)}</p></footer>`,
      '</main>',
      '</body>',
      '</html>',
      '',
    ].join('\n');
  }

  private chartOptions() {
    const { locale, notation, timeZone, fiscalYearStartMonth, periodLabel } = this.o;
    return {
      locale,
      notation,
      timeZone,
      fiscalYearStartMonth,
      periodLabel,
      units: this.chartDefault(),
    };
  }

  /** The headline's unit and its children. */
  private chartDefault(): string[] | undefined {
    if (this.head === undefined) return undefined;
    return [this.head, ...this.registry.children(this.head).map((u) => u.id)];
  }

  private async chart(kind: string, spec: ChartSpec): Promise<string> {
    const svg = await chartSvg(spec, { id: `chart-${kind}` });
    // A chart keeps a readable size on a phone and scrolls inside its frame (focusable, so a
    // keyboard can scroll it); printed, it shrinks to the page.
    return `<figure class="chart" data-chart="${htmlText(kind)}" tabindex="0">${svg}<figcaption>${htmlText(spec.description)}</figcaption></figure>\n`;
  }

  private section(id: string, heading: string, body: string): string {
    return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${htmlText(heading)}</h2>\n${body}</section>`;
  }

  private name(unitId: string): string {
    const unit = this.registry.unit(unitId);
    return unit ? unitName(unit, this.o.words.names) : unitId;
  }

  private date(d: Date): string {
    return new Intl.DateTimeFormat(this.o.locale, {
      dateStyle: 'medium',
      timeZone: this.o.timeZone,
    }).format(d);
  }

  private figure(count: Count): string {
    return describeCount(count, { locale: this.o.locale, notation: this.o.notation });
  }

  /** The headline: the head unit's total in words; a lower bound when accounts have no figure. */
  private headline(): string {
    const { o } = this;
    const total = this.head ? this.report.totals.units.get(this.head) : undefined;
    if (!total) {
      return this.section('headline', o.visual.headline(''), '<p class="figure">—</p>');
    }
    const missing = total.observed < total.accounts;
    // Accounts without a figure are not zeros: the total is at least what was counted.
    const shown: Count =
      missing && total.count.max !== null ? { ...total.count, max: null } : total.count;
    const platforms = Object.values(total.byPlatform).filter((s) => s && s.observed > 0).length;
    const text = total.observed === 0 ? o.words.count.noFigure : this.figure(shown);
    const data =
      total.observed === 0
        ? ' data-precision="none"'
        : ` data-value="${shown.value}"${shown.min === null ? '' : ` data-min="${shown.min}"`}${shown.max === null ? '' : ` data-max="${shown.max}"`} data-precision="${countPrecision(shown)}"`;
    return this.section(
      'headline',
      o.visual.headline(this.name(this.head!)),
      [
        `<p class="figure" data-id="${htmlText(this.head!)}"${data}>${htmlText(text)}</p>`,
        `<p class="coverage">${htmlText(o.visual.headlineCoverage(total.observed, total.accounts, platforms))}</p>`,
        missing ? `<p class="note">${htmlText(o.visual.headlineMissing)}</p>` : '',
      ].join('\n'),
    );
  }

  /** The series' figures: one row per period, one column per unit drawn. */
  private seriesTable(units: readonly string[]): Table {
    const { o } = this;
    const s = this.report.series!.series;
    return {
      title: o.visual.sections.series,
      columns: [
        { label: o.visual.columns.period, kind: 'text', key: 'period' },
        ...units.map((id) => ({ label: this.name(id), kind: 'count' as const, key: id })),
      ],
      rows: s.periods.map((p) => ({
        kind: 'unit' as const,
        id: p.start.toISOString(),
        depth: 0,
        cells: [
          {
            kind: 'text' as const,
            text: nameOfPeriod(o, p, s),
          },
          ...units.map((id): Cell => {
            const point = p.units.get(id);
            if (!point || point.accounts === 0) return { kind: 'none' };
            return point.observed === 0
              ? { kind: 'no-figure' }
              : { kind: 'count', count: point.count };
          }),
        ],
      })),
      notes: [],
    };
  }

  /** Accounts without a figure, and why; accounts whose latest collection failed. */
  private coverage(): string {
    const { o, report, registry } = this;
    const roots = report.units ?? registry.roots.map((u) => u.id);
    const shownUnits = new Set(selectUnits(registry, roots).map((s) => s.unit.id));
    const accounts = registry.accounts.filter(
      (a) => a.status === 'active' && shownUnits.has(a.unit),
    );
    const failures = new Map((report.failures ?? []).map((f) => [f.accountId, f]));
    const rows: Row[] = [];
    let missing = 0;
    for (const account of accounts) {
      const counted = report.totals.snapshots.has(account.id);
      const failure = failures.get(account.id);
      if (counted && !failure) continue;
      if (!counted) missing += 1;
      const reason = failure
        ? (o.visual.reasons[failure.reason] ?? failure.reason)
        : o.visual.reasons.none;
      const details = counted ? o.visual.olderFigure : failure ? cut(failure.message, 200) : '';
      rows.push({
        kind: 'account',
        id: account.id,
        depth: 0,
        cells: [
          {
            kind: 'text',
            text: account.label ? localizedName(account.label, o.words.names) : account.id,
          },
          { kind: 'text', text: this.name(account.unit) },
          { kind: 'text', text: platformName(registry, account.platform, o.words) },
          { kind: 'text', text: account.handle },
          { kind: 'text', text: reason },
          { kind: 'text', text: details },
        ],
      });
    }
    const summary =
      missing === 0
        ? o.visual.allCovered(accounts.length)
        : o.visual.someMissing(missing, accounts.length);
    const body = [
      `<p class="summary" data-missing="${missing}" data-accounts="${accounts.length}">${htmlText(summary)}</p>`,
    ];
    if (rows.length) {
      const c = o.visual.columns;
      body.push(
        tableWrap(
          emitHtml(
            {
              title: o.visual.sections.coverage,
              columns: [
                { label: c.account, kind: 'text', key: 'account' },
                { label: o.words.report.unit, kind: 'text', key: 'unit' },
                { label: c.platform, kind: 'text', key: 'platform' },
                { label: c.handle, kind: 'text', key: 'handle' },
                { label: c.reason, kind: 'text', key: 'reason' },
                { label: c.details, kind: 'text', key: 'details' },
              ],
              rows,
              notes: [],
            },
            o,
          ),
        ),
      );
    }
    return this.section('coverage', o.visual.sections.coverage, body.join('\n'));
  }

  private claims(): string {
    const { o } = this;
    const c = o.visual.columns;
    const rows: Row[] = this.report.claims!.map((claim) => ({
      kind: 'unit',
      depth: 0,
      cells: [
        { kind: 'text', text: localizedName(claim.label, o.words.names) },
        { kind: 'text', text: claim.claim },
        { kind: 'count', count: claim.claimed },
        { kind: 'count', count: claim.computed },
        { kind: 'text', text: o.words.verdict[claim.check.verdict] },
        claim.check.ratio === null
          ? { kind: 'none' }
          : { kind: 'percent', value: Math.round(claim.check.ratio * 1000) / 10 },
      ],
    }));
    const table: Table = {
      title: o.visual.sections.claims,
      columns: [
        { label: c.claim, kind: 'text', key: 'label' },
        { label: c.asWritten, kind: 'text', key: 'claim' },
        { label: c.readAs, kind: 'count', key: 'claimed' },
        { label: c.computed, kind: 'count', key: 'computed' },
        { label: c.verdict, kind: 'text', key: 'verdict' },
        { label: c.ratio, kind: 'percent', key: 'ratio' },
      ],
      rows,
      notes: [o.visual.claimsNote],
    };
    return this.section('claims', o.visual.sections.claims, tableWrap(emitHtml(table, o)));
  }
}

/** A ranking's table, with a column of possible places when entries carry them. */
function withPlaces(table: Table, entries: readonly RankedUnit[], o: ResolvedVisualOptions): Table {
  // Only when some place is uncertain: a column of "3" next to the places says nothing.
  if (
    entries.every((e) => (e.bestRank ?? e.rank) === e.rank && (e.worstRank ?? e.rank) === e.rank)
  ) {
    return table;
  }
  return {
    ...table,
    columns: [...table.columns, { label: o.visual.columns.places, kind: 'text', key: 'places' }],
    rows: table.rows.map((row, i) => {
      const e = entries[i]!;
      const best = e.bestRank ?? e.rank;
      const worst = e.worstRank ?? e.rank;
      return {
        ...row,
        cells: [
          ...row.cells,
          { kind: 'text', text: best === worst ? String(best) : `${best}–${worst}` },
        ],
      };
    }),
  };
}

/** The entries with their possible places, computed from the bounds where not given. */
function placed(entries: readonly RankedUnit[]): readonly RankedUnit[] {
  if (entries.some((e) => e.bestRank !== undefined || e.worstRank !== undefined)) return entries;
  return withPossiblePlaces(entries);
}

function tableWrap(html: string): string {
  // A wide table scrolls inside its box (focusable, so keyboards can scroll it), never the page.
  return `<div class="table-wrap" tabindex="0">${html}</div>\n`;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Languages written right to left (of those in src/locales). */
const RTL = new Set(['ur']);

/**
 * The page's stylesheet: system fonts with Noto first — Latin, then one for each script of
 * src/locales (Debian's fonts-noto-core has them all), then what Windows (Nirmala UI) and older
 * Windows (Mangal) have — and A4 print rules.
 */
const STYLE = `
:root{--ink:#111827;--muted:#4b5563;--rule:#d1d5db;--band:#f3f4f6;--accent:#1f5f99}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 "Noto Sans","Noto Sans Devanagari","Noto Sans Bengali","Noto Sans Gujarati","Noto Sans Gurmukhi","Noto Sans Oriya","Noto Sans Tamil","Noto Sans Telugu","Noto Sans Kannada","Noto Sans Malayalam","Noto Naskh Arabic","Nirmala UI",Mangal,system-ui,sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:1.25;margin:.2em 0}
h2{font-size:1.2rem;margin:1.6em 0 .5em;border-bottom:2px solid var(--accent);padding-bottom:.2em}
.as-of,.caption,.coverage,.note,.summary,figcaption,.notes{color:var(--muted)}
#headline .figure{font-size:2.4rem;font-weight:700;margin:.1em 0;color:var(--accent);overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;max-width:100%;margin:.5em 0}
.table-wrap:focus{outline:2px solid var(--accent)}
table{border-collapse:collapse;font-size:.9rem;min-width:50%}
caption{text-align:start;font-weight:600;padding:.3em 0;caption-side:top}
th,td{border-bottom:1px solid var(--rule);padding:.35em .6em;vertical-align:top}
thead th{background:var(--band);text-align:start}
td.num,th.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
th.name{text-align:start;font-weight:500;padding-inline-start:calc(.6em + var(--depth,0) * 1.1em)}
tr.account th.name{font-weight:400;color:var(--muted)}
tr.unit th.name{overflow-wrap:anywhere}
.notes{font-size:.85rem;padding-inline-start:1.2em}
figure.chart{margin:.5em 0 1em;max-width:100%;overflow-x:auto}
figure.chart:focus{outline:2px solid var(--accent)}
figure.chart svg{display:block;max-width:100%;min-width:600px;height:auto}
th.name{min-width:9em}
td.text,th.text{min-width:7em}
figcaption{font-size:.85rem}
details.figures summary{cursor:pointer;color:var(--accent)}
footer{margin-top:2em;border-top:1px solid var(--rule);color:var(--muted);font-size:.85rem}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{font-size:11pt}
  main{max-width:none;padding:0}
  section{break-inside:auto}
  h2{break-after:avoid}
  figure.chart,tr{break-inside:avoid}
  figure.chart{overflow:visible}
  figure.chart svg{min-width:0}
  .table-wrap{overflow:visible}
  details.figures>*{display:block}
  thead{display:table-header-group}
}
`
  .trim()
  .replace(/\n\s*/g, '');
