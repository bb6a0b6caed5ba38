import type { CountSummary } from '../aggregate/totals.js';
import { OptionError } from '../errors.js';
import type { Locale } from '../locales/index.js';
import { type Count, countPrecision } from '../model/count.js';
import { BUILT_IN_PLATFORM_IDS, type PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { type Unit, unitName } from '../model/unit.js';
import type { ResolvedReportOptions } from './report-options.js';
import type { Cell, Field, Records, Table } from './table.js';

/**
 * One kind of report (totals, ranking, growth), built once for each audience; `renderReport`
 * hands the result to the emitter of the format asked for. Internal.
 */
export interface ReportKind<R> {
  /** For people: the text and Markdown emitters (and an HTML one later). */
  table(report: R, options: ResolvedReportOptions): Table;
  /** For spreadsheets: the CSV's records, numbers as numbers. */
  records(report: R, options: ResolvedReportOptions): Records;
  /** For programs: the JSON document, whose shape is public (docs/aggregation.md). */
  document(report: R, options: ResolvedReportOptions): unknown;
}

// ---------------------------------------------------------------------------------------------
// Shared by the kinds

/** Units in tree order (depth first, registry order among siblings), from the given roots. */
export function selectUnits(
  registry: Registry,
  roots?: readonly string[],
): { unit: Unit; depth: number }[] {
  const starts =
    roots === undefined
      ? registry.roots
      : roots.map((id) => {
          const unit = registry.unit(id);
          if (!unit) throw new OptionError('units', 'ids of units in the registry', id);
          return unit;
        });
  const out: { unit: Unit; depth: number }[] = [];
  const seen = new Set<string>();
  // Depth first, pre-order, with an explicit stack: a registry 100,000 units deep is valid, and a
  // recursive walk would overflow the call stack on it.
  const stack: { unit: Unit; depth: number }[] = [];
  for (let i = starts.length - 1; i >= 0; i--) stack.push({ unit: starts[i]!, depth: 0 });
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next.unit.id)) continue;
    seen.add(next.unit.id);
    out.push(next);
    const children = registry.children(next.unit.id);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ unit: children[i]!, depth: next.depth + 1 });
    }
  }
  return out;
}

/** Platform ids, each once: the built-in ones in catalog order, then the others by name. */
export function platformOrder(ids: readonly string[]): PlatformId[] {
  const unique = [...new Set(ids)];
  const order = (id: string) => {
    const i = (BUILT_IN_PLATFORM_IDS as readonly string[]).indexOf(id);
    return i === -1 ? BUILT_IN_PLATFORM_IDS.length : i;
  };
  return unique.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

/**
 * `record[key]` if it is the record's own entry. Platform ids are data (a custom platform may be
 * called `constructor`), so a plain `record[key]` could find Object.prototype's members.
 */
export function own<T>(record: Readonly<Partial<Record<string, T>>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A platform's name: a built-in platform's from the locale (src/locales), a custom one's from the
 * registry's catalog, in the locale's names; its id if unknown.
 */
export function platformName(registry: Registry, id: PlatformId, words: Locale): string {
  const p = registry.platform(id);
  if (p === undefined) return id;
  return own(words.platforms, id) ?? p.name[words.names];
}

/** A summary's figure, or `no-figure` when it has accounts and none of them a figure. */
export function summaryCell(s: CountSummary): Cell {
  return s.accounts > 0 && s.observed === 0
    ? { kind: 'no-figure' }
    : { kind: 'count', count: s.count };
}

/** Column names of the CSV of totals and rankings (a ranking puts `rank` first). */
export const SUMMARY_HEADER: readonly string[] = [
  'unit_id',
  'unit',
  'kind',
  'parent',
  'platform',
  'account_id',
  'value',
  'min',
  'max',
  'precision',
  'accounts',
  'observed',
  'missing',
];

/** One CSV record of {@link SUMMARY_HEADER}: a unit's summary on a platform (or `all`). */
export function summaryFields(
  unit: Unit,
  words: Locale,
  platform: string,
  s: CountSummary,
  accountId?: string,
): Field[] {
  return [
    unit.id,
    unitName(unit, words.names),
    unit.kind,
    unit.parent ?? null,
    platform,
    accountId ?? null,
    s.count.value,
    s.count.min,
    s.count.max,
    countPrecision(s.count),
    s.accounts,
    s.observed,
    s.missing.join(' '),
  ];
}

/** A summary in the JSON document. */
export function summaryJson(s: CountSummary): {
  count: Count;
  precision: string;
  accounts: number;
  observed: number;
  missing: readonly string[];
} {
  return {
    count: s.count,
    precision: countPrecision(s.count),
    accounts: s.accounts,
    observed: s.observed,
    missing: s.missing,
  };
}
