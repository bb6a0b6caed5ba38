import { OptionError } from '../errors.js';
import type { Count } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { type Unit, type UnitKind, unitName } from '../model/unit.js';
import { ownValue } from '../util/guards.js';
import type { UnitGrowth } from './growth.js';
import { indexRegistry } from './registry-index.js';
import type { CountSummary, Totals } from './totals.js';

/** Options of {@link rank}. */
export interface RankOptions {
  /**
   * Rank units of this kind, e.g. `'district'`. A custom kind (`'collector'`) or a {@link tag}
   * ranks one role across the tree. At least one of `kind` and `tag` is required.
   */
  kind?: UnitKind;
  /** Rank units carrying this tag (`Unit.tags`), e.g. every `'collector'` of a state. */
  tag?: string;
  /** Only units below this unit (e.g. a state's districts). @default every unit of the kind */
  within?: string;
  /** Rank by this platform's count instead of the total. */
  platform?: PlatformId;
  /**
   * The share of a unit's accounts (0 to 1) that must have a figure for the unit to be ranked;
   * units below it are listed apart in `ranking.apart`, not ranked. For growth, the share of
   * accounts observed at both dates. @default no threshold: every unit is ranked
   */
  minCoverage?: number;
  /**
   * How far an approximate count ("about 77 thousand") may be from the truth, relative to its
   * value, when the places are bounded: 0.05 reads "about 77,000" as 73,150 to 80,850. Without it
   * an approximate count has no bounds, and its place is open. For totals (refused with growth).
   * @default no bounds for approximate counts
   */
  tolerance?: number;
  /**
   * What a growth ranking compares: the change in followers, or the change in per cent of the
   * earlier figure (units with no earlier figure are listed apart). For growth (refused with
   * totals).
   * @default 'change'
   */
  by?: 'change' | 'percent';
}

/**
 * A unit's place in a ranking, with the places its bounds allow. Competition ranking: equal
 * figures share a place and the next place is skipped ("1, 2, 2, 4").
 */
export interface RankPlace {
  readonly unit: Unit;
  /** The place by the figures' values. */
  readonly rank: number;
  /**
   * The best place any figures within the bounds allow: the unit at its highest, every other unit
   * at its lowest. Missing accounts and unknown upper bounds make it 1.
   */
  readonly best: number;
  /** The worst place the bounds allow: the unit at its lowest, every other one at its highest. */
  readonly worst: number;
  /** `best === worst`: no figures within the bounds give another place. */
  readonly certain: boolean;
}

/** One line of a ranking of totals. */
export interface RankEntry extends CountSummary, RankPlace {}

/** One line of a ranking of growth. */
export interface GrowthRankEntry extends RankPlace, Omit<UnitGrowth, 'unit' | 'byPlatform'> {}

/** A unit not ranked: too few of its accounts have a figure (see `minCoverage`). */
export interface UnrankedEntry {
  readonly unit: Unit;
  /** `coverage`: below `minCoverage`; `no-figure`: nothing to rank it by. */
  readonly reason: 'coverage' | 'no-figure';
  /** Accounts with a figure (for growth: observed at both dates). */
  readonly observed: number;
  /** Accounts counted. */
  readonly accounts: number;
}

/**
 * What {@link rank} returns: the ranked entries, best first, as an array, with the units listed
 * apart in `apart` (empty without `minCoverage`, or for totals where every unit has figures).
 */
export type Ranking<E extends RankPlace = RankEntry> = E[] & {
  readonly apart: readonly UnrankedEntry[];
};

/**
 * Ranks units of one kind (or tag) under one ancestor by their total, one platform's, or their
 * growth, highest first, with competition ranking for ties. Each entry carries the best and worst
 * place its bounds allow (`best`, `worst`, `certain`): "at least 32,000", a missing account or an
 * approximate figure can place a unit higher or lower than its value does.
 *
 * @example
 * ```ts
 * const ranking = rank(registry, totals(registry, snapshots), { kind: 'district', within: 'mp' });
 * // [{ rank: 1, best: 1, worst: 2, certain: false, unit: indore, count: … }, …]
 * rank(registry, growth(registry, before, after), { kind: 'district', by: 'percent' });
 * ```
 */
export function rank(
  registry: Registry,
  growth: readonly UnitGrowth[],
  options: RankOptions,
): Ranking<GrowthRankEntry>;
export function rank(registry: Registry, totals: Totals, options: RankOptions): Ranking;
export function rank(
  registry: Registry,
  figures: Totals | readonly UnitGrowth[],
  options: RankOptions,
): Ranking | Ranking<GrowthRankEntry> {
  const o = checkOptions(registry, options);
  if (Array.isArray(figures)) {
    // an option that would be ignored is refused: the ranking would not be what was asked for
    if (o.tolerance !== undefined)
      throw new OptionError(
        'tolerance',
        'absent when ranking growth (it bounds totals)',
        o.tolerance,
      );
    return rankGrowth(registry, figures as readonly UnitGrowth[], o);
  }
  if (options?.by !== undefined)
    throw new OptionError(
      'by',
      'absent when ranking totals (it chooses a measure of growth)',
      options.by,
    );
  if (
    typeof figures !== 'object' ||
    figures === null ||
    !((figures as Totals).units instanceof Map)
  ) {
    throw new OptionError(
      'totals',
      'the result of `totals(…)` or of `growth(…)`',
      figures as unknown,
    );
  }
  return rankTotals(registry, figures as Totals, o);
}

interface Checked {
  kind: UnitKind | undefined;
  tag: string | undefined;
  inside: Set<string> | undefined;
  platform: PlatformId | undefined;
  minCoverage: number | undefined;
  tolerance: number | undefined;
  by: 'change' | 'percent';
}

function checkOptions(registry: Registry, options: RankOptions): Checked {
  const {
    kind,
    tag,
    within,
    platform,
    minCoverage,
    tolerance,
    by = 'change',
  } = options ?? ({} as RankOptions);
  if (kind !== undefined && (typeof kind !== 'string' || kind === ''))
    throw new OptionError('kind', 'a unit kind such as "district"', kind);
  if (tag !== undefined && (typeof tag !== 'string' || tag === ''))
    throw new OptionError('tag', 'a unit tag such as "collector"', tag);
  if (kind === undefined && tag === undefined)
    throw new OptionError('kind', 'a unit kind such as "district" (or a `tag`)', kind);
  if (within !== undefined && registry.unit(within) === undefined) {
    throw new OptionError('within', 'the id of a unit in the registry', within);
  }
  if (platform !== undefined && registry.platform(platform) === undefined) {
    throw new OptionError('platform', 'a platform known to the registry', platform);
  }
  if (
    minCoverage !== undefined &&
    (typeof minCoverage !== 'number' || !(minCoverage >= 0 && minCoverage <= 1))
  ) {
    throw new OptionError('minCoverage', 'a share from 0 to 1, such as 0.8', minCoverage);
  }
  if (
    tolerance !== undefined &&
    (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0)
  ) {
    throw new OptionError('tolerance', 'a finite number >= 0, such as 0.05 for 5%', tolerance);
  }
  if (by !== 'change' && by !== 'percent') {
    throw new OptionError('by', '"change" or "percent"', by);
  }
  return {
    kind,
    tag,
    inside: within === undefined ? undefined : below(registry, within),
    platform,
    minCoverage,
    tolerance,
    by,
  };
}

/** The units the options select, in registry order. */
function selected(registry: Registry, o: Checked): Unit[] {
  return registry.units.filter(
    (unit) =>
      (o.kind === undefined || unit.kind === o.kind) &&
      (o.tag === undefined || (unit.tags?.includes(o.tag) ?? false)) &&
      (o.inside === undefined || o.inside.has(unit.id)),
  );
}

function rankTotals(registry: Registry, totals: Totals, o: Checked): Ranking {
  const bounds = unitBounds(registry, totals, o.platform, o.tolerance);
  const { unitIndex } = indexRegistry(registry);
  const items: { entry: Omit<RankEntry, keyof RankPlace> & { unit: Unit }; figure: Figure }[] = [];
  const apart: UnrankedEntry[] = [];
  for (const unit of selected(registry, o)) {
    const total = totals.units.get(unit.id);
    if (!total) continue;
    const summary: CountSummary =
      o.platform === undefined ? total : (ownValue(total.byPlatform, o.platform) ?? EMPTY);
    const { accounts, observed } = summary;
    if (o.minCoverage !== undefined && (accounts === 0 || observed / accounts < o.minCoverage)) {
      apart.push({ unit, reason: 'coverage', observed, accounts });
      continue;
    }
    const u = unitIndex.get(unit.id)!;
    items.push({
      entry: { unit, count: summary.count, accounts, observed, missing: summary.missing },
      figure: { value: summary.count.value, low: bounds.low[u]!, high: bounds.high[u]! },
    });
  }
  return withApart(places(items), apart);
}

function rankGrowth(
  registry: Registry,
  growth: readonly UnitGrowth[],
  o: Checked,
): Ranking<GrowthRankEntry> {
  const byUnit = new Map<string, UnitGrowth>();
  for (const g of growth) byUnit.set(g.unit.id, g);
  const items: {
    entry: Omit<GrowthRankEntry, keyof RankPlace> & { unit: Unit };
    figure: Figure;
  }[] = [];
  const apart: UnrankedEntry[] = [];
  for (const unit of selected(registry, o)) {
    const g = byUnit.get(unit.id);
    if (!g) continue;
    const line = o.platform === undefined ? g : ownValue(g.byPlatform, o.platform);
    if (line === undefined) {
      apart.push({ unit, reason: 'no-figure', observed: 0, accounts: 0 });
      continue;
    }
    const observed = line.compared;
    const accounts = line.compared + line.onlyBefore.length + line.onlyAfter.length;
    if (observed === 0 || (o.by === 'percent' && line.percent === null)) {
      apart.push({ unit, reason: 'no-figure', observed, accounts });
      continue;
    }
    if (o.minCoverage !== undefined && observed / accounts < o.minCoverage) {
      apart.push({ unit, reason: 'coverage', observed, accounts });
      continue;
    }
    const { byPlatform: _b, unit: _u, ...rest } = line as UnitGrowth;
    items.push({
      entry: { unit, ...rest },
      figure: o.by === 'percent' ? percentFigure(line) : changeFigure(line),
    });
  }
  return withApart(places(items), apart);
}

/** A figure to rank by: its value, and the lowest and highest values its bounds allow. */
interface Figure {
  value: number;
  low: number;
  high: number;
}

function changeFigure(g: Omit<UnitGrowth, 'unit' | 'byPlatform'>): Figure {
  const { value, min, max } = g.change;
  return {
    value,
    low: min ?? Number.NEGATIVE_INFINITY,
    high: max ?? Number.POSITIVE_INFINITY,
  };
}

/** Percent change, bounded by the lowest after over the highest before and the reverse. */
function percentFigure(g: Omit<UnitGrowth, 'unit' | 'byPlatform'>): Figure {
  const beforeLow = g.before.min ?? 0;
  const beforeHigh = g.before.max ?? Number.POSITIVE_INFINITY;
  const afterLow = g.after.min ?? 0;
  const afterHigh = g.after.max ?? Number.POSITIVE_INFINITY;
  return {
    value: g.percent!,
    low: beforeHigh === Number.POSITIVE_INFINITY ? -100 : (afterLow / beforeHigh - 1) * 100,
    high: beforeLow === 0 ? Number.POSITIVE_INFINITY : (afterHigh / beforeLow - 1) * 100,
  };
}

/**
 * Competition places by value (ties share a place; then by name), and for each entry the best and
 * worst place: best = 1 + the others whose lowest is above this one's highest; worst = 1 + the
 * others whose highest is above this one's lowest. Both are reached by some choice of figures
 * within the bounds, so they are the tightest interval. O(n log n).
 */
function places<E extends { unit: Unit }>(
  items: { entry: E; figure: Figure }[],
): (E & RankPlace)[] {
  items.sort(
    (a, b) =>
      b.figure.value - a.figure.value ||
      unitName(a.entry.unit).localeCompare(unitName(b.entry.unit)),
  );
  const n = items.length;
  const lows = new Float64Array(n);
  const highs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lows[i] = items[i]!.figure.low;
    highs[i] = items[i]!.figure.high;
  }
  lows.sort();
  highs.sort();
  const out: (E & RankPlace)[] = new Array(n);
  let previous: number | undefined;
  let current = 0;
  for (let i = 0; i < n; i++) {
    const { entry, figure } = items[i]!;
    const { value, low, high } = figure;
    if (value !== previous) {
      current = i + 1;
      previous = value;
    }
    // the entry itself: low <= high, so its own low is never above its own high
    const best = 1 + countAbove(lows, high);
    const worst = 1 + countAbove(highs, low) - (high > low ? 1 : 0);
    // the place first, then the entry: a spread followed by more properties is slow in V8 (6×)
    out[i] = { rank: current, best, worst, certain: best === worst, ...entry };
  }
  return out;
}

/** How many of the sorted `values` are strictly greater than `x`. */
function countAbove(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return values.length - lo;
}

/**
 * Per unit (by registry index), the lowest and highest total its accounts' bounds allow, from each account's own
 * count (so "at least 32,000" plus "about 5,000" is at least 32,000, not unbounded): an unknown
 * lower bound is 0, an unknown upper bound and a missing account are unbounded, and with a
 * tolerance an approximate count is its value ± the tolerance.
 */
function unitBounds(
  registry: Registry,
  totals: Totals,
  platform: PlatformId | undefined,
  tolerance: number | undefined,
): { low: Float64Array; high: Float64Array } {
  const { identities, unitIds } = indexRegistry(registry);
  const low = new Float64Array(unitIds.length);
  const high = new Float64Array(unitIds.length);
  const filter = totals.platforms;
  for (const identity of identities) {
    if (platform !== undefined && identity.platform !== platform) continue;
    if (filter !== undefined && !filter.includes(identity.platform)) continue;
    const count = totals.snapshots.get(identity.accounts[0]!.id)?.followers;
    let lo = 0;
    let hi = Number.POSITIVE_INFINITY;
    if (count !== undefined) {
      const { value, min, max } = count;
      const approximate = min === null && max === null && tolerance !== undefined;
      lo = min ?? (approximate ? Math.max(0, Math.floor(value * (1 - tolerance))) : 0);
      hi = max ?? (approximate ? Math.ceil(value * (1 + tolerance)) : Number.POSITIVE_INFINITY);
    }
    const units = identity.units;
    for (let k = 0; k < units.length; k++) {
      const u = units[k]!;
      low[u]! += lo;
      high[u]! += hi;
    }
  }
  return { low, high };
}

function withApart<E extends RankPlace>(entries: E[], apart: UnrankedEntry[]): Ranking<E> {
  return Object.assign(entries, { apart: apart as readonly UnrankedEntry[] });
}

/**
 * The ids of every unit below `id`, found once from the top (asking each unit for its ancestors
 * cost units × depth: 5 billion steps in a 100,000-deep chain).
 */
function below(registry: Registry, id: string): Set<string> {
  const found = new Set<string>();
  const stack = [id];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (const child of registry.children(next)) {
      found.add(child.id);
      stack.push(child.id);
    }
  }
  return found;
}

const ZERO: Count = { value: 0, min: 0, max: 0 };
const EMPTY: CountSummary = { count: ZERO, accounts: 0, observed: 0, missing: [] };
