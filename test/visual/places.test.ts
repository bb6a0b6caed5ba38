import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RankEntry } from '../../src/aggregate/rank.js';
import type { Count } from '../../src/model/count.js';
import { withPossiblePlaces } from '../../src/visual/places.js';

function entry(id: string, count: Count, observed = 1, accounts = 1): RankEntry {
  return {
    rank: 0,
    unit: { id, kind: 'district', name: id },
    count,
    accounts,
    observed,
    missing: [],
  } as unknown as RankEntry;
}

describe('withPossiblePlaces (issue #14: the ranking with its uncertainty)', () => {
  it('exact figures have one place; a lower bound could be first; missing accounts lift the ceiling', () => {
    const placed = withPossiblePlaces([
      entry('a', { value: 300, min: 300, max: 300 }),
      entry('b', { value: 200, min: 200, max: null }), // at least 200
      entry('c', { value: 100, min: 100, max: 100 }),
      entry('d', { value: 100, min: 100, max: 100 }),
      entry('e', { value: 50, min: 50, max: 50 }, 1, 2), // an account without a figure
    ]);
    expect(placed.map((p) => [p.unit.id, p.bestRank, p.worstRank])).toEqual([
      ['a', 1, 3], // b and e could be higher
      ['b', 1, 3],
      ['c', 3, 4], // ties share a place; b and e could be above
      ['d', 3, 4],
      ['e', 1, 5],
    ]);
  });

  it('property: every choice of true figures within the bounds ranks each unit within its places', () => {
    const bounded = fc
      .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.boolean())
      .map(([min, width, open]) => ({ min, max: open ? null : min + width }));
    fc.assert(
      fc.property(
        fc.array(bounded, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 8 }),
        (bounds, picks) => {
          const entries = bounds.map((b, i) => entry(`u${i}`, { value: b.min, ...b }));
          const placed = withPossiblePlaces(entries);
          // a true figure in each range (an open range goes up to min + 100)
          const truth = bounds.map((b, i) => {
            const top = b.max ?? b.min + 100;
            return b.min + (picks[i]! % (top - b.min + 1));
          });
          truth.forEach((v, i) => {
            const place = 1 + truth.filter((w) => w > v).length;
            expect(place).toBeGreaterThanOrEqual(placed[i]!.bestRank!);
            expect(place).toBeLessThanOrEqual(placed[i]!.worstRank!);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
