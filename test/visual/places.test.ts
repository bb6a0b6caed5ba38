import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RankEntry, rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import type { Count } from '../../src/model/count.js';
import { defineRegistry } from '../../src/model/registry.js';
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

describe('withPossiblePlaces with the places rank gives (issue #15)', () => {
  it("uses rank's best and worst, bounded from each account's own count", () => {
    const registry = defineRegistry({
      units: [
        { id: 'a', kind: 'district', name: 'A' },
        { id: 'b', kind: 'district', name: 'B' },
      ],
      accounts: [
        { id: 'a-x', unit: 'a', platform: 'x', handle: 'ax' },
        { id: 'a-fb', unit: 'a', platform: 'facebook', handle: 'afacebook' },
        { id: 'b-x', unit: 'b', platform: 'x', handle: 'bx' },
      ],
    });
    const at = new Date('2026-01-01T00:00:00Z');
    const source = { provider: 'test' };
    const t = totals(registry, [
      // at least 32,000 plus about 5,000: the total has no lower bound, the accounts do
      {
        accountId: 'a-x',
        platform: 'x',
        takenAt: at,
        followers: { value: 32_000, min: 32_000, max: null },
        source,
      },
      {
        accountId: 'a-fb',
        platform: 'facebook',
        takenAt: at,
        followers: { value: 5_000, min: null, max: null },
        source,
      },
      {
        accountId: 'b-x',
        platform: 'x',
        takenAt: at,
        followers: { value: 30_000, min: 30_000, max: 30_000 },
        source,
      },
    ]);
    const ranking = rank(registry, t, { kind: 'district' });
    expect(withPossiblePlaces(ranking).map((p) => [p.unit.id, p.bestRank, p.worstRank])).toEqual([
      ['a', 1, 1], // at least 32,000 from its X account alone
      ['b', 2, 2],
    ]);
    // from the totals alone A has no lower bound, so B could be above it
    const bare = ranking.map(({ best: _b, worst: _w, ...e }) => e as unknown as RankEntry);
    expect(withPossiblePlaces(bare).map((p) => [p.unit.id, p.bestRank, p.worstRank])).toEqual([
      ['a', 1, 2],
      ['b', 1, 2],
    ]);
  });
});
