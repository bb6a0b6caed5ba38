import { addCounts, type Count, type CountChange, subtractCounts } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Unit } from '../model/unit.js';
import { latestByIdentity, platformFilter } from './latest.js';
import { indexRegistry } from './registry-index.js';

/** Options of {@link growth}. */
export interface GrowthOptions {
  /** Compare only these platforms. @default every platform */
  platforms?: readonly PlatformId[];
}

/** How one unit's audience changed between two sets of snapshots. */
export interface UnitGrowth {
  readonly unit: Unit;
  /** Sum, over accounts observed in both sets, of their count in the first set. */
  readonly before: Count;
  /** The same accounts' sum in the second set. */
  readonly after: Count;
  /** `after - before`, with bounds where both sides have them. */
  readonly change: CountChange;
  /** `change / before` in percent, or `null` when `before` is 0. */
  readonly percent: number | null;
  /** Real accounts observed in both sets (the ones compared). */
  readonly compared: number;
  /** Ids of accounts observed in only one of the sets, left out of the comparison. */
  readonly onlyBefore: readonly string[];
  readonly onlyAfter: readonly string[];
  /** Per platform, for platforms with at least one account compared. */
  readonly byPlatform: Readonly<
    Partial<Record<PlatformId, Omit<UnitGrowth, 'unit' | 'byPlatform'>>>
  >;
}

/**
 * Growth per unit between two sets of snapshots (for example `store.latest({ asOf: from })` and
 * `store.latest({ asOf: to })`). Like is compared with like: only accounts observed in both sets
 * count, and the others are listed, so a newly added account never looks like growth.
 *
 * @returns one entry per unit, in registry order.
 *
 * @example
 * ```ts
 * const g = growth(registry, await store.latest({ asOf: lastMonth }), await store.latest({ asOf: today }));
 * ```
 */
export function growth(
  registry: Registry,
  before: Iterable<Snapshot>,
  after: Iterable<Snapshot>,
  options: GrowthOptions = {},
): UnitGrowth[] {
  const filter = platformFilter(options.platforms, registry);
  const first = latestByIdentity(registry, before, Number.POSITIVE_INFINITY, filter);
  const second = latestByIdentity(registry, after, Number.POSITIVE_INFINITY, filter);
  const { identities } = indexRegistry(registry);

  const perUnit = registry.units.map(() => new Map<PlatformId, Pairs>());
  identities.forEach((identity, n) => {
    const a = first[n];
    const b = second[n];
    if (a === undefined && b === undefined) return;
    for (const u of identity.units) {
      const platforms = perUnit[u]!;
      let pairs = platforms.get(identity.platform);
      if (!pairs) {
        pairs = { before: [], after: [], onlyBefore: [], onlyAfter: [] };
        platforms.set(identity.platform, pairs);
      }
      const id = identity.accounts[0]!.id;
      if (a && b) {
        pairs.before.push(a.followers);
        pairs.after.push(b.followers);
      } else if (a) pairs.onlyBefore.push(id);
      else pairs.onlyAfter.push(id);
    }
  });

  return registry.units.map((unit, u) => {
    const platforms = perUnit[u]!;
    const byPlatform: Partial<Record<PlatformId, Omit<UnitGrowth, 'unit' | 'byPlatform'>>> = {};
    for (const [platform, pairs] of platforms) byPlatform[platform] = compare(pairs);
    const all = [...platforms.values()];
    const merged: Pairs = {
      before: all.flatMap((p) => p.before),
      after: all.flatMap((p) => p.after),
      onlyBefore: all.flatMap((p) => p.onlyBefore),
      onlyAfter: all.flatMap((p) => p.onlyAfter),
    };
    return { unit, ...compare(merged), byPlatform };
  });
}

interface Pairs {
  before: Count[];
  after: Count[];
  onlyBefore: string[];
  onlyAfter: string[];
}

function compare(pairs: Pairs): Omit<UnitGrowth, 'unit' | 'byPlatform'> {
  const before = addCounts(pairs.before);
  const after = addCounts(pairs.after);
  const change = subtractCounts(after, before);
  return {
    before,
    after,
    change,
    percent: before.value === 0 ? null : (change.value / before.value) * 100,
    compared: pairs.before.length,
    onlyBefore: pairs.onlyBefore,
    onlyAfter: pairs.onlyAfter,
  };
}
