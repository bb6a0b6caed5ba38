import type { RankEntry } from '../aggregate/rank.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { unitName } from '../model/unit.js';
import {
  platformName,
  type ReportKind,
  SUMMARY_HEADER,
  summaryCell,
  summaryFields,
  summaryJson,
} from './report-kind.js';

/** A ranking to render, as returned by `rank`. */
export interface RankingReport {
  registry: Registry;
  ranking: readonly RankEntry[];
  /** The platform the ranking is for, if it was ranked by one. */
  platform?: PlatformId;
}

/** Units in the order of `rank`, with their places. Internal. */
export const rankingReport: ReportKind<RankingReport> = {
  table({ registry, ranking, platform }, { words, title }) {
    const measure = platform ? platformName(registry, platform, words) : words.report.total;
    return {
      title: title ?? words.report.rankingTitle(measure),
      columns: [
        { label: words.report.rank, kind: 'integer', key: 'rank' },
        { label: words.report.unit, kind: 'text', key: 'unit' },
        { label: measure, kind: 'count', key: platform ?? 'total' },
        { label: words.report.withFigures, kind: 'coverage', key: 'coverage' },
      ],
      rows: ranking.map((r) => ({
        kind: 'unit',
        id: r.unit.id,
        depth: 0,
        cells: [
          { kind: 'integer', value: r.rank },
          { kind: 'text', text: unitName(r.unit, words.names) },
          summaryCell(r),
          { kind: 'coverage', observed: r.observed, of: r.accounts },
        ],
      })),
      notes: ranking.some((r) => r.missing.length > 0) ? [words.report.rankingNote] : [],
    };
  },

  records({ ranking, platform }, { words }) {
    return {
      header: ['rank', ...SUMMARY_HEADER],
      rows: ranking.map((r) => [r.rank, ...summaryFields(r.unit, words, platform ?? 'all', r)]),
    };
  },

  document({ ranking, platform }, { words }) {
    return {
      report: 'ranking',
      platform: platform ?? null,
      entries: ranking.map((r) => ({
        rank: r.rank,
        id: r.unit.id,
        name: unitName(r.unit, words.names),
        ...summaryJson(r),
      })),
    };
  },
};
