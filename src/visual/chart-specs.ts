/**
 * The report's charts as Vega-Lite specifications: plain JSON a dashboard can embed as it is
 * (vega-embed, Kibana, Observable, Jupyter) and that `chartSvg` renders to SVG on the server. Each
 * spec carries its data as a named dataset (`datasets.followers`, `datasets.ranking`,
 * `datasets.shares`), its title and description (read by screen readers), and the report's number
 * and time locale (`config.locale`), so axes group digits the Indian way and name months in Hindi.
 *
 * @module
 */

import type { CountSummary, Totals } from '../aggregate/totals.js';
import { OptionError } from '../errors.js';
import { type Count, countPrecision } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { unitName } from '../model/unit.js';
import { describeCount } from '../numbers/format-count.js';
import { textCell } from '../report/escape.js';
import { own, platformName, platformOrder } from '../report/report-kind.js';
import {
  nameOfPeriod,
  type RankingInput,
  type ResolvedVisualOptions,
  resolveVisualOptions,
  type SeriesData,
  type VisualReportOptions,
  wallDate,
} from './report-input.js';
import { numberLocale, timeLocale } from './vega-locale.js';

/**
 * A Vega-Lite v5 specification: JSON, with its data inline as a named dataset. Render it with
 * `chartSvg`, or embed it in a dashboard (`vegaEmbed('#chart', spec)`).
 */
export interface ChartSpec {
  /** `https://vega.github.io/schema/vega-lite/v5.json` */
  readonly $schema: string;
  /** The chart's title, in the report's language. */
  readonly title: string;
  /** What the chart shows, in words: the SVG's description for screen readers. */
  readonly description: string;
  /** The rest of the specification (data, marks, encodings, config). */
  readonly [key: string]: unknown;
}

/** Options of the chart specs: the report's options, the units drawn and the width. */
export interface ChartOptions extends VisualReportOptions {
  /**
   * The units drawn (series lines, share bars).
   * @default the registry's first root and its children
   */
  units?: readonly string[];
  /** The plotting area's width in pixels; the SVG scales down to fit narrower screens. @default 640 */
  width?: number;
}

/**
 * Fonts named in the charts: Latin Noto, then Noto for each script of src/locales, then what
 * Windows and Android have.
 */
export const CHART_FONT =
  'Noto Sans, Noto Sans Devanagari, Noto Sans Bengali, Noto Sans Gujarati, Noto Sans Gurmukhi, Noto Sans Oriya, Noto Sans Tamil, Noto Sans Telugu, Noto Sans Kannada, Noto Sans Malayalam, Noto Naskh Arabic, Nirmala UI, Mangal, sans-serif';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Colours of the precisions: exact figures dark, bounds and estimates in their own hues. */
const PRECISION_COLOURS = {
  exact: '#1f5f99',
  'at-least': '#c2570c',
  'at-most': '#7b4fa6',
  range: '#1d7f74',
  approximate: '#6b7280',
} as const;

/**
 * Followers over time: one line per unit, one point per unit and period with a figure. A period
 * in which a unit has no figure breaks its line (it is never drawn as zero); a point whose figure
 * is a bound or an estimate has its own shape.
 *
 * @example
 * ```ts
 * const spec = seriesChartSpec(registry, await series(registry, store, { from, to }), {
 *   units: ['indore', 'bhopal'],
 *   locale: 'hi-IN',
 * });
 * ```
 */
export function seriesChartSpec(
  registry: Registry,
  series: SeriesData,
  options?: ChartOptions,
): ChartSpec {
  const o = resolveChart(options, 'seriesChartSpec');
  const units = chartUnits(registry, o.units);
  const names = uniqueNames(registry, units, o);
  const rows: Record<string, unknown>[] = [];
  for (const period of series.periods) {
    const label = cleanText(nameOfPeriod(o, period, series));
    const date = wallDate(period.start, series.timeZone).toISOString().slice(0, 10);
    for (const id of units) {
      const point = period.units.get(id);
      const name = names.get(id)!;
      const figure = point !== undefined && point.observed > 0 ? point.count : null;
      rows.push({
        date,
        period: label,
        unit: id,
        name,
        ...countFields(figure, o),
        description:
          figure === null ? null : `${name}, ${label}: ${describeCount(figure, numbers(o))}`,
      });
    }
  }
  const points = rows.filter((r) => r.value !== null);
  const precise = points.every((r) => r.precision === 'exact');
  const first = series.periods[0];
  const last = series.periods[series.periods.length - 1];
  const dateOf = (d: Date | undefined) =>
    d === undefined
      ? '—'
      : new Intl.DateTimeFormat(o.locale, {
          dateStyle: 'medium',
          timeZone: series.timeZone,
        }).format(d);
  const x = {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc' },
    axis: {
      title: o.visual.charts.date,
      format: series.interval === 'day' || series.interval === 'week' ? '%e %b' : '%b %Y',
      labelOverlap: true,
    },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    scale: { zero: false },
    axis: { title: o.visual.columns.followers, format: ',d' },
  };
  const color = {
    field: 'name',
    type: 'nominal',
    sort: [...names.values()],
    legend: { title: o.words.report.unit, orient: 'bottom', direction: 'vertical' },
  };
  return {
    $schema: SCHEMA,
    title: cleanText(o.title ?? o.visual.charts.seriesTitle),
    description: o.visual.charts.seriesDescription(
      [...names.values()],
      dateOf(first?.start),
      dateOf(last === undefined ? undefined : new Date(last.end.getTime() - 1)),
      points.length,
    ),
    width: o.width,
    height: 260,
    datasets: { followers: rows },
    data: { name: 'followers' },
    layer: [
      {
        // a null value breaks the line: a period without a figure is a gap, not a zero
        mark: { type: 'line', strokeWidth: 2, invalid: null },
        encoding: { x, y, color },
      },
      {
        transform: [{ filter: 'datum.value != null' }],
        mark: { type: 'point', filled: true, size: 30, opacity: 1 },
        encoding: {
          x,
          y,
          color,
          ...(precise
            ? {}
            : {
                shape: {
                  field: 'precisionLabel',
                  type: 'nominal',
                  legend: { title: o.visual.columns.precision, orient: 'bottom' },
                },
              }),
          description: { field: 'description' },
          tooltip: [
            { field: 'name', title: o.words.report.unit },
            { field: 'period', title: o.visual.columns.period },
            { field: 'text', title: o.visual.columns.followers },
          ],
        },
      },
    ],
    config: chartConfig(o),
  };
}

/**
 * A ranking as horizontal bars, highest first, labelled with their places. Bars are coloured by
 * the precision of their figure; a whisker spans a figure's range where both bounds are known,
 * and a triangle at the end of a bar marks a lower bound ("at least": the true figure may be
 * longer). Units without any figure are left out of the bars (never drawn as zero) and said so in
 * the description.
 *
 * @example
 * ```ts
 * const spec = rankingChartSpec(registry, { entries: rank(registry, t, { kind: 'district' }) });
 * ```
 */
export function rankingChartSpec(
  registry: Registry,
  ranking: RankingInput,
  options?: ChartOptions,
): ChartSpec {
  const o = resolveChart(options, 'rankingChartSpec');
  if (!Array.isArray(ranking?.entries)) {
    throw new OptionError('ranking.entries', 'what rank() returns', ranking?.entries);
  }
  const measure = ranking.platform
    ? platformName(registry, ranking.platform, o.words)
    : o.words.report.total;
  const seen = new Set<string>();
  const rows = ranking.entries
    .filter((e) => e.observed > 0)
    .map((e) => {
      let label = `${e.rank}. ${cleanText(unitName(e.unit, o.words.names))}`;
      // Two units with the same name and place would share a bar: add the id.
      if (seen.has(label)) label = `${label} (${e.unit.id})`;
      seen.add(label);
      const { min, max } = e.count;
      return {
        rank: e.rank,
        unit: e.unit.id,
        label,
        ...countFields(e.count, o),
        low: min,
        high: max,
        whisker: min !== null && max !== null && min < max,
        open: min !== null && max === null,
        description: `${label}: ${describeCount(e.count, numbers(o))}`,
      };
    });
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    axis: { title: null, labelLimit: 260 },
  };
  const present = precisionScale(
    rows.map((r) => r.precision as keyof typeof PRECISION_COLOURS),
    o,
  );
  return {
    $schema: SCHEMA,
    title: cleanText(o.title ?? o.visual.charts.rankingTitle(measure)),
    description: o.visual.charts.rankingDescription(rows.length),
    width: o.width,
    height: { step: 22 },
    datasets: { ranking: rows },
    data: { name: 'ranking' },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative', axis: { title: measure, format: ',d' } },
          color: {
            field: 'precisionLabel',
            type: 'nominal',
            scale: present,
            legend: { title: o.visual.columns.precision, orient: 'bottom' },
          },
          description: { field: 'description' },
          tooltip: [
            { field: 'label', title: o.words.report.unit },
            { field: 'text', title: measure },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.whisker' }],
        mark: { type: 'rule', strokeWidth: 1.5, color: '#111827', aria: false },
        encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        transform: [{ filter: 'datum.open' }],
        mark: { type: 'point', shape: 'triangle-right', filled: true, size: 60, aria: false },
        encoding: { y, x: { field: 'value', type: 'quantitative' }, color: { value: '#111827' } },
      },
    ],
    config: chartConfig(o),
  };
}

/**
 * Each unit's followers split by platform, as stacked bars of 100 %: one bar per unit, one
 * segment per platform with a figure. The segments of a unit whose figures are bounds show the
 * shares of the figures counted.
 *
 * @example
 * ```ts
 * const spec = platformSharesChartSpec(registry, totals(registry, snapshots), { units: ['indore'] });
 * ```
 */
export function platformSharesChartSpec(
  registry: Registry,
  totals: Totals,
  options?: ChartOptions,
): ChartSpec {
  const o = resolveChart(options, 'platformSharesChartSpec');
  if (!(totals?.units instanceof Map)) {
    throw new OptionError('totals', 'what totals() returns', totals);
  }
  const units = chartUnits(registry, o.units).filter(
    (id) => (totals.units.get(id)?.observed ?? 0) > 0,
  );
  const names = uniqueNames(registry, units, o);
  const platforms = platformOrder(
    units.flatMap((id) => Object.keys(totals.units.get(id)?.byPlatform ?? {})),
  );
  const rows: Record<string, unknown>[] = [];
  for (const id of units) {
    const total = totals.units.get(id)!;
    const sum = platforms.reduce((s, p) => {
      const summary = own<CountSummary>(total.byPlatform, p);
      return s + (summary && summary.observed > 0 ? summary.count.value : 0);
    }, 0);
    platforms.forEach((p: PlatformId, order) => {
      const summary = own<CountSummary>(total.byPlatform, p);
      if (!summary || summary.observed === 0 || summary.count.value === 0) return;
      const share = sum === 0 ? 0 : summary.count.value / sum;
      const name = names.get(id)!;
      const platform = cleanText(platformName(registry, p, o.words));
      const percent = new Intl.NumberFormat(o.locale, {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(share);
      rows.push({
        unit: id,
        name,
        platform: p,
        platformName: platform,
        platformOrder: order,
        ...countFields(summary.count, o),
        share,
        description: `${name}, ${platform}: ${describeCount(summary.count, numbers(o))} (${percent})`,
      });
    });
  }
  const platformNames = platforms.map((p) => cleanText(platformName(registry, p, o.words)));
  return {
    $schema: SCHEMA,
    title: cleanText(o.title ?? o.visual.charts.sharesTitle),
    description: o.visual.charts.sharesDescription(units.length),
    width: o.width,
    height: { step: 26 },
    datasets: { shares: rows },
    data: { name: 'shares' },
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      y: {
        field: 'name',
        type: 'nominal',
        sort: [...names.values()],
        axis: { title: null, labelLimit: 260 },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        stack: 'normalize',
        axis: { title: o.visual.charts.share, format: '.0%' },
      },
      color: {
        field: 'platformName',
        type: 'nominal',
        sort: platformNames,
        scale: { scheme: 'tableau10' },
        legend: { title: o.visual.columns.platform, orient: 'bottom' },
      },
      order: { field: 'platformOrder' },
      description: { field: 'description' },
      tooltip: [
        { field: 'name', title: o.words.report.unit },
        { field: 'platformName', title: o.visual.columns.platform },
        { field: 'text', title: o.visual.columns.followers },
        { field: 'share', title: o.visual.columns.share, format: '.1%' },
      ],
    },
    config: chartConfig(o),
  };
}

// ---------------------------------------------------------------------------------------------

interface ResolvedChartOptions extends ResolvedVisualOptions {
  readonly units: readonly string[] | undefined;
  readonly width: number;
}

function resolveChart(options: ChartOptions | undefined, what: string): ResolvedChartOptions {
  const { units, width = 640, ...rest } = options ?? {};
  const resolved = resolveVisualOptions(rest, what);
  if (units !== undefined && !Array.isArray(units)) {
    throw new OptionError('units', 'an array of unit ids or undefined', units);
  }
  if (typeof width !== 'number' || !Number.isFinite(width) || width < 100 || width > 4000) {
    throw new OptionError('width', 'a number of pixels from 100 to 4000', width);
  }
  return { ...resolved, units, width };
}

/** The units of a chart: those asked for, else the first root and its children. */
export function chartUnits(registry: Registry, units: readonly string[] | undefined): string[] {
  if (units !== undefined) {
    for (const id of units) {
      if (!registry.unit(id)) throw new OptionError('units', 'ids of units in the registry', id);
    }
    return [...units];
  }
  const head = registry.roots[0];
  if (head === undefined) return [];
  return [head.id, ...registry.children(head.id).map((u) => u.id)];
}

/** Unit names as drawn: cleaned, and made unique (a duplicate gets its id) so bars do not merge. */
function uniqueNames(
  registry: Registry,
  units: readonly string[],
  o: ResolvedVisualOptions,
): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of units) {
    let name = cleanText(unitName(registry.unit(id)!, o.words.names));
    if (taken.has(name)) name = `${name} (${id})`;
    taken.add(name);
    names.set(id, name);
  }
  return names;
}

/** A figure's fields in a chart's data: raw numbers, precision, and the figure in words. */
function countFields(count: Count | null, o: ResolvedVisualOptions) {
  if (count === null) {
    return { value: null, min: null, max: null, precision: null, precisionLabel: null, text: null };
  }
  const precision = countPrecision(count);
  return {
    value: count.value,
    min: count.min,
    max: count.max,
    precision,
    precisionLabel: o.visual.precision[precision],
    text: describeCount(count, numbers(o)),
  };
}

/** The colour scale of the precisions present, in a fixed order. */
function precisionScale(
  present: readonly (keyof typeof PRECISION_COLOURS)[],
  o: ResolvedVisualOptions,
): { domain: string[]; range: string[] } {
  const keys = (Object.keys(PRECISION_COLOURS) as (keyof typeof PRECISION_COLOURS)[]).filter((k) =>
    present.includes(k),
  );
  return {
    domain: keys.map((k) => o.visual.precision[k]),
    range: keys.map((k) => PRECISION_COLOURS[k]),
  };
}

function numbers(o: ResolvedVisualOptions) {
  return { locale: o.locale, notation: o.notation };
}

/**
 * Text drawn in a chart: one line, without control characters or bidi overrides (as in every
 * report format). Vega writes text and attributes escaped into the SVG; nothing of the data is
 * ever read as an expression.
 */
function cleanText(text: string): string {
  return textCell(text).trim();
}

function chartConfig(o: ResolvedVisualOptions) {
  return {
    font: CHART_FONT,
    locale: { number: numberLocale(o.locale), time: timeLocale(o.locale) },
    title: { anchor: 'start', fontSize: 15, fontWeight: 600, color: '#111827' },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      labelColor: '#1f2937',
      titleColor: '#1f2937',
      gridColor: '#e5e7eb',
    },
    legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
    view: { stroke: null },
    background: '#ffffff',
  };
}
