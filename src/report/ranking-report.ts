import type { GrowthRankEntry, RankEntry, RankPlace, UnrankedEntry } from '../aggregate/rank.js';
import type { Locale } from '../locales/index.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { unitName } from '../model/unit.js';
import { GROWTH_FIELDS } from './growth-report.js';
import {
  platformName,
  type ReportKind,
  SUMMARY_HEADER,
  summaryCell,
  summaryFields,
  summaryJson,
} from './report-kind.js';
import type { Cell, Column, Field } from './table.js';

/** A ranking to render, as returned by `rank` (of totals or of growth). */
export interface RankingReport {
  registry: Registry;
  ranking: readonly RankEntry[] | readonly GrowthRankEntry[];
  /** The platform the ranking is for, if it was ranked by one. */
  platform?: PlatformId;
  /** What a ranking of growth compared (`rank`'s `by`). @default 'change' */
  by?: 'change' | 'percent';
}

/** Units in the order of `rank`, with their places and the places their bounds allow. Internal. */
export const rankingReport: ReportKind<RankingReport> = {
  table(report, { words, title }) {
    const { registry, platform } = report;
    const { totals, growth } = split(report);
    const measure = measureOf(report, words);
    const place = (r: RankPlace): Cell[] => [
      { kind: 'integer', value: r.rank },
      // the unit is the first text column: the row's header in HTML
      { kind: 'text', text: unitName(r.unit, words.names) },
      { kind: 'text', text: r.best === r.worst ? String(r.best) : `${r.best}–${r.worst}` },
    ];
    const head: Column[] = [
      { label: words.report.rank, kind: 'integer', key: 'rank' },
      { label: words.report.unit, kind: 'text', key: 'unit' },
      { label: words.report.places, kind: 'text', key: 'places' },
    ];
    const ranking: readonly RankPlace[] = growth ?? totals;
    const notes: string[] = [];
    if (ranking.some((r) => !(r.best === r.worst))) notes.push(words.report.placesNote);
    if (totals.some((r) => r.missing.length > 0)) notes.push(words.report.rankingNote);
    notes.push(...apartNotes(apartOf(report), words));
    if (growth) {
      return {
        title: title ?? words.report.rankingTitle(measure),
        columns: [
          ...head,
          { label: words.report.change, kind: 'change', key: 'change' },
          { label: words.report.percent, kind: 'percent', key: 'percent' },
          { label: words.report.compared, kind: 'integer', key: 'compared' },
        ],
        rows: growth.map((r) => ({
          kind: 'unit',
          id: r.unit.id,
          depth: 0,
          cells: [
            ...place(r),
            { kind: 'change', change: r.change },
            r.percent === null ? { kind: 'none' } : { kind: 'percent', value: r.percent },
            { kind: 'integer', value: r.compared },
          ],
        })),
        notes,
      };
    }
    return {
      title: title ?? words.report.rankingTitle(measure),
      columns: [
        ...head,
        {
          label: platform ? platformName(registry, platform, words) : words.report.total,
          kind: 'count',
          key: platform ?? 'total',
        },
        { label: words.report.withFigures, kind: 'coverage', key: 'coverage' },
      ],
      rows: totals.map((r) => ({
        kind: 'unit',
        id: r.unit.id,
        depth: 0,
        cells: [
          ...place(r),
          summaryCell(r),
          { kind: 'coverage', observed: r.observed, of: r.accounts },
        ],
      })),
      notes,
    };
  },

  records(report, { words }) {
    const { platform } = report;
    const { totals, growth } = split(report);
    if (growth) {
      return {
        header: ['rank', 'best', 'worst', 'unit_id', 'unit', 'platform', ...GROWTH_FIELDS],
        rows: growth.map((r): Field[] => [
          r.rank,
          r.best,
          r.worst,
          r.unit.id,
          unitName(r.unit, words.names),
          platform ?? 'all',
          r.before.value,
          r.after.value,
          r.change.value,
          r.change.min,
          r.change.max,
          r.percent === null ? null : Number(r.percent.toFixed(4)),
          r.compared,
        ]),
      };
    }
    return {
      header: ['rank', 'best', 'worst', ...SUMMARY_HEADER],
      rows: totals.map((r) => [
        r.rank,
        r.best,
        r.worst,
        ...summaryFields(r.unit, words, platform ?? 'all', r),
      ]),
    };
  },

  document(report, { words }) {
    const { platform } = report;
    const { totals, growth } = split(report);
    const place = (r: RankPlace) => ({
      rank: r.rank,
      best: r.best,
      worst: r.worst,
      certain: r.best === r.worst,
      id: r.unit.id,
      name: unitName(r.unit, words.names),
    });
    return {
      report: 'ranking',
      platform: platform ?? null,
      by: growth ? (report.by ?? 'change') : 'total',
      entries: growth
        ? growth.map((r) => ({
            ...place(r),
            before: r.before,
            after: r.after,
            change: r.change,
            percent: r.percent,
            compared: r.compared,
            onlyBefore: r.onlyBefore,
            onlyAfter: r.onlyAfter,
          }))
        : totals.map((r) => ({ ...place(r), ...summaryJson(r) })),
      apart: apartOf(report).map((a) => ({
        id: a.unit.id,
        name: unitName(a.unit, words.names),
        reason: a.reason,
        observed: a.observed,
        accounts: a.accounts,
      })),
    };
  },
};

/** A ranking of totals, or one of growth (its entries have a `change`). */
function split(report: RankingReport): {
  totals: readonly RankEntry[];
  growth: readonly GrowthRankEntry[] | undefined;
} {
  const { ranking } = report;
  const first = ranking[0];
  return first !== undefined && 'change' in first
    ? { totals: [], growth: ranking as readonly GrowthRankEntry[] }
    : { totals: ranking as readonly RankEntry[], growth: undefined };
}

function measureOf(report: RankingReport, words: Locale): string {
  const { growth } = split(report);
  const base = report.platform
    ? platformName(report.registry, report.platform, words)
    : words.report.total;
  if (!growth) return base;
  const what = report.by === 'percent' ? words.report.changePercent : words.report.change;
  return report.platform ? `${what}, ${base}` : what;
}

/** The units `rank` listed apart, when the ranking carries them. */
function apartOf(report: RankingReport): readonly UnrankedEntry[] {
  const apart = (report.ranking as { apart?: unknown }).apart;
  return Array.isArray(apart) ? (apart as readonly UnrankedEntry[]) : [];
}

function apartNotes(apart: readonly UnrankedEntry[], words: Locale): string[] {
  const name = (a: UnrankedEntry) =>
    `${unitName(a.unit, words.names)} (${a.observed}/${a.accounts})`;
  const coverage = apart.filter((a) => a.reason === 'coverage').map(name);
  const none = apart
    .filter((a) => a.reason === 'no-figure')
    .map((a) => unitName(a.unit, words.names));
  const notes: string[] = [];
  if (coverage.length > 0) notes.push(words.report.apartNote(coverage));
  if (none.length > 0) notes.push(words.report.noFigureNote(none));
  return notes;
}
