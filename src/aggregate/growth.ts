import { type Count, type CountChange, subtractCounts } from '../model/count.js';
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

  // One slot per unit and platform (`unit * platforms + platform`), in typed arrays: sums of the
  // two sides (NaN for an unknown bound, so sums of them stay unknown), how many were compared,
  // and when the slot was first used (a unit lists its platforms in that order).
  const platformOf = new Map<PlatformId, number>();
  for (const identity of identities) {
    if (!platformOf.has(identity.platform)) platformOf.set(identity.platform, platformOf.size);
  }
  const platforms = [...platformOf.keys()];
  const width = Math.max(1, platforms.length);
  const slots = registry.units.length * width;
  const sums = Array.from({ length: 6 }, () => new Float64Array(slots));
  const [bValue, bMin, bMax, aValue, aMin, aMax] = sums as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const compared = new Int32Array(slots);
  const rank = new Int32Array(slots); // 0: unused; k: the unit's k-th platform
  const used = new Int32Array(registry.units.length);
  const onlyBefore: (string[] | undefined)[] = new Array(slots);
  const onlyAfter: (string[] | undefined)[] = new Array(slots);

  identities.forEach((identity, n) => {
    const a = first[n];
    const b = second[n];
    if (a === undefined && b === undefined) return;
    const k = platformOf.get(identity.platform)!;
    const id = identity.accounts[0]!.id;
    for (const u of identity.units) {
      const slot = u * width + k;
      if (rank[slot] === 0) rank[slot] = ++used[u]!;
      if (a && b) {
        bValue[slot]! += a.followers.value;
        bMin[slot]! += a.followers.min ?? Number.NaN;
        bMax[slot]! += a.followers.max ?? Number.NaN;
        aValue[slot]! += b.followers.value;
        aMin[slot]! += b.followers.min ?? Number.NaN;
        aMax[slot]! += b.followers.max ?? Number.NaN;
        compared[slot]!++;
      } else {
        const list = a ? onlyBefore : onlyAfter;
        const ids = list[slot];
        if (ids === undefined) list[slot] = [id];
        else ids.push(id);
      }
    }
  });

  const order: number[] = [];
  return registry.units.map((unit, u) => {
    // The unit's platforms, in the order they were first used.
    order.length = 0;
    for (let k = 0; k < platforms.length; k++) if (rank[u * width + k]! > 0) order.push(k);
    order.sort((x, y) => rank[u * width + x]! - rank[u * width + y]!);
    const byPlatform: Partial<Record<PlatformId, Omit<UnitGrowth, 'unit' | 'byPlatform'>>> = {};
    const total = new Float64Array(6);
    let comparedAll = 0;
    const beforeAll: string[] = [];
    const afterAll: string[] = [];
    for (const k of order) {
      const slot = u * width + k;
      for (let i = 0; i < 6; i++) total[i]! += sums[i]![slot]!;
      comparedAll += compared[slot]!;
      const onlyB = onlyBefore[slot] ?? [];
      const onlyA = onlyAfter[slot] ?? [];
      for (const id of onlyB) beforeAll.push(id);
      for (const id of onlyA) afterAll.push(id);
      byPlatform[platforms[k]!] = compare(
        [bValue[slot]!, bMin[slot]!, bMax[slot]!, aValue[slot]!, aMin[slot]!, aMax[slot]!],
        compared[slot]!,
        onlyB,
        onlyA,
      );
    }
    return { unit, ...compare(total, comparedAll, beforeAll, afterAll), byPlatform };
  });
}

/** One side's sum as a Count: NaN bounds are unknown. */
function count(value: number, min: number, max: number): Count {
  return { value, min: Number.isNaN(min) ? null : min, max: Number.isNaN(max) ? null : max };
}

/** `sums`: before's value, min, max, then after's. */
function compare(
  sums: ArrayLike<number>,
  compared: number,
  onlyBefore: string[],
  onlyAfter: string[],
): Omit<UnitGrowth, 'unit' | 'byPlatform'> {
  const before = count(sums[0]!, sums[1]!, sums[2]!);
  const after = count(sums[3]!, sums[4]!, sums[5]!);
  const change = subtractCounts(after, before);
  return {
    before,
    after,
    change,
    percent: before.value === 0 ? null : (change.value / before.value) * 100,
    compared,
    onlyBefore,
    onlyAfter,
  };
}
