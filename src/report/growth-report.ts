import type { UnitGrowth } from '../aggregate/growth.js';
import type { Registry } from '../model/registry.js';
import { type Unit, unitName } from '../model/unit.js';
import { platformOrder, type ReportKind, selectUnits } from './report-kind.js';
import type { Field } from './table.js';

/** Growth to render, as returned by `growth`. */
export interface GrowthReport {
  registry: Registry;
  growth: readonly UnitGrowth[];
  /** Show only these units and their descendants. @default every unit */
  units?: readonly string[];
}

/** Growth by unit between two dates, like compared with like. Internal. */
export const growthReport: ReportKind<GrowthReport> = {
  table(report, { words, title }) {
    const shown = select(report);
    return {
      title: title ?? words.report.growthTitle,
      columns: [
        { label: words.report.unit, kind: 'text', key: 'unit' },
        { label: words.report.before, kind: 'count', key: 'before' },
        { label: words.report.after, kind: 'count', key: 'after' },
        { label: words.report.change, kind: 'change', key: 'change' },
        { label: words.report.percent, kind: 'percent', key: 'percent' },
        { label: words.report.compared, kind: 'integer', key: 'compared' },
      ],
      rows: shown.map(({ unit, depth, growth: g }) => ({
        kind: 'unit',
        id: unit.id,
        depth,
        cells:
          g.compared === 0
            ? [
                { kind: 'text', text: unitName(unit, words.names) },
                { kind: 'none' },
                { kind: 'none' },
                { kind: 'none' },
                { kind: 'none' },
                { kind: 'integer', value: 0 },
              ]
            : [
                { kind: 'text', text: unitName(unit, words.names) },
                { kind: 'count', count: g.before },
                { kind: 'count', count: g.after },
                { kind: 'change', change: g.change },
                g.percent === null ? { kind: 'none' } : { kind: 'percent', value: g.percent },
                { kind: 'integer', value: g.compared },
              ],
      })),
      notes: shown.some(({ growth: g }) => g.onlyAfter.length + g.onlyBefore.length > 0)
        ? [words.report.growthNote]
        : [],
    };
  },

  records(report, { words }) {
    const rows = select(report).flatMap(({ unit, growth: g }) => {
      const line = (platform: string, x: Omit<UnitGrowth, 'unit' | 'byPlatform'>): Field[] => [
        unit.id,
        unitName(unit, words.names),
        platform,
        x.before.value,
        x.after.value,
        x.change.value,
        x.change.min,
        x.change.max,
        x.percent === null ? null : Number(x.percent.toFixed(4)),
        x.compared,
        x.onlyBefore.join(' '),
        x.onlyAfter.join(' '),
      ];
      return [
        line('all', g),
        ...platformOrder(Object.keys(g.byPlatform)).map((p) => line(p, g.byPlatform[p]!)),
      ];
    });
    return { header: GROWTH_HEADER, rows };
  },

  document(report, { words }) {
    return {
      report: 'growth',
      units: select(report).map(({ unit, growth: g }) => {
        const { unit: _unit, ...rest } = g;
        return { id: unit.id, name: unitName(unit, words.names), ...rest };
      }),
    };
  },
};

/** The CSV and JSON columns of one growth's figures (a growth report's, a growth ranking's). */
export const GROWTH_FIELDS = [
  'before',
  'after',
  'change',
  'change_min',
  'change_max',
  'percent',
  'compared',
] as const;

const GROWTH_HEADER: readonly string[] = [
  'unit_id',
  'unit',
  'platform',
  ...GROWTH_FIELDS,
  'only_before',
  'only_after',
];

/** The units shown that have growth, in tree order, each with its growth. */
function select(report: GrowthReport): { unit: Unit; depth: number; growth: UnitGrowth }[] {
  const byUnit = new Map(report.growth.map((g) => [g.unit.id, g]));
  return selectUnits(report.registry, report.units).flatMap(({ unit, depth }) => {
    const growth = byUnit.get(unit.id);
    return growth ? [{ unit, depth, growth }] : [];
  });
}
