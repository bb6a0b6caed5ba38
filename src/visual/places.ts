import type { RankEntry } from '../aggregate/rank.js';
import { OptionError } from '../errors.js';
import type { RankedUnit } from './report-input.js';

/**
 * The places each unit of a ranking could hold, given the bounds of every figure: the `best` and
 * `worst` that `rank` gives each entry, or, for entries without them, computed here: a unit is
 * certainly below another only when the other's least possible figure is above its greatest. A
 * figure with accounts missing, or with no upper bound ("at least"), could be any higher; one with
 * no lower bound counts from 0. Places follow `rank`'s competition ranking (equal figures share a
 * place), so the best place is 1 + the units certainly above, the worst 1 + the units that could be
 * above. O(n log n).
 *
 * @returns the entries, in their order, each with `bestRank` and `worstRank`.
 * @example
 * ```ts
 * const ranking = { entries: withPossiblePlaces(rank(registry, t, { kind: 'district' })) };
 * ```
 */
export function withPossiblePlaces(entries: readonly RankEntry[]): RankedUnit[] {
  if (!Array.isArray(entries)) throw new OptionError('entries', 'what rank() returns', entries);
  // `rank` (issue #15) already gives each entry its `best` and `worst` places, bounded from every
  // account's own count (as tight or tighter than the unit's total, and with rank's `tolerance`):
  // use them when every entry has them.
  if (entries.every((e) => Number.isSafeInteger(e.best) && Number.isSafeInteger(e.worst))) {
    return entries.map((e) => ({ ...e, bestRank: e.best, worstRank: e.worst }));
  }
  const low = entries.map((e) => e.count.min ?? 0);
  const high = entries.map((e) =>
    e.observed < e.accounts || e.count.max === null ? Number.POSITIVE_INFINITY : e.count.max,
  );
  const lows = [...low].sort((a, b) => a - b);
  const highs = [...high].sort((a, b) => a - b);
  /** How many of `sorted` are strictly greater than `x`. */
  const above = (sorted: readonly number[], x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return sorted.length - lo;
  };
  return entries.map((e, i) => {
    // A unit is never above itself: its low never exceeds its high; its high may exceed its low.
    const certainlyAbove = above(lows, high[i]!);
    const possiblyAbove = above(highs, low[i]!) - (high[i]! > low[i]! ? 1 : 0);
    return { ...e, bestRank: 1 + certainlyAbove, worstRank: 1 + possiblyAbove };
  });
}
