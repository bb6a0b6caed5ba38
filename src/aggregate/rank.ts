import { OptionError } from '../errors.js';
import type { Count } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { type Unit, type UnitKind, unitName } from '../model/unit.js';
import { ownValue } from '../util/guards.js';
import type { CountSummary, Totals } from './totals.js';

/** Options of {@link rank}. */
export interface RankOptions {
  /** Rank units of this kind, e.g. `'district'`. */
  kind: UnitKind;
  /** Only units below this unit (e.g. a state's districts). @default every unit of the kind */
  within?: string;
  /** Rank by this platform's count instead of the total. */
  platform?: PlatformId;
}

/** One line of a ranking. */
export interface RankEntry extends CountSummary {
  /** Competition rank: equal counts share a rank and the next rank is skipped ("1, 2, 2, 4"). */
  readonly rank: number;
  readonly unit: Unit;
}

/**
 * Ranks the units of one kind under one ancestor by their total (or one platform's), highest
 * first, with competition ranking for ties. Units whose accounts are missing snapshots keep their
 * `missing` list, so a ranking can say which places are uncertain.
 *
 * @example
 * ```ts
 * rank(registry, totals(registry, snapshots), { kind: 'district', within: 'mp' });
 * // [{ rank: 1, unit: indore, count: … }, { rank: 2, … }, { rank: 2, … }, { rank: 4, … }]
 * ```
 */
export function rank(registry: Registry, totals: Totals, options: RankOptions): RankEntry[] {
  const { kind, within, platform } = options ?? ({} as RankOptions);
  if (typeof kind !== 'string' || kind === '')
    throw new OptionError('kind', 'a unit kind such as "district"', kind);
  if (within !== undefined && registry.unit(within) === undefined) {
    throw new OptionError('within', 'the id of a unit in the registry', within);
  }
  if (platform !== undefined && registry.platform(platform) === undefined) {
    throw new OptionError('platform', 'a platform known to the registry', platform);
  }
  const inside = within === undefined ? undefined : below(registry, within);
  const entries: Omit<RankEntry, 'rank'>[] = [];
  for (const unit of registry.units) {
    if (unit.kind !== kind) continue;
    if (inside !== undefined && !inside.has(unit.id)) continue;
    const total = totals.units.get(unit.id);
    if (!total) continue;
    const summary: CountSummary =
      platform === undefined ? total : (ownValue(total.byPlatform, platform) ?? EMPTY);
    entries.push({
      unit,
      count: summary.count,
      accounts: summary.accounts,
      observed: summary.observed,
      missing: summary.missing,
    });
  }
  entries.sort(
    (a, b) => b.count.value - a.count.value || unitName(a.unit).localeCompare(unitName(b.unit)),
  );
  let previous: number | undefined;
  let currentRank = 0;
  return entries.map((entry, i) => {
    if (entry.count.value !== previous) {
      currentRank = i + 1;
      previous = entry.count.value;
    }
    return { rank: currentRank, ...entry };
  });
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
