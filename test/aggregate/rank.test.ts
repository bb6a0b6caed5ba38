import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth } from '../../src/aggregate/growth.js';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import type { Count } from '../../src/model/count.js';
import { defineRegistry, type RegistryInput } from '../../src/model/registry.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { snap } from '../fixtures.js';

const day1 = '2026-11-01T00:00:00Z';
const day2 = '2026-11-15T00:00:00Z';

/** Districts of one state, each with a collector tagged `collector`. */
function stateRegistry(districts: readonly string[], accountsPer: readonly number[]) {
  const input: RegistryInput = {
    units: [
      { id: 'mp', kind: 'state', name: 'MP' },
      ...districts.flatMap((d) => [
        { id: d, kind: 'district', name: d, parent: 'mp' },
        {
          id: `${d}-collector`,
          kind: 'official',
          name: `Collector ${d}`,
          parent: d,
          tags: ['collector'],
        },
      ]),
    ],
    accounts: districts.flatMap((d, i) =>
      Array.from({ length: accountsPer[i] ?? 1 }, (_, k) => ({
        id: `${d}-${k}`,
        unit: k === 0 ? `${d}-collector` : d,
        platform: k % 2 === 0 ? 'x' : 'facebook',
        handle: `${d}page${k}`,
      })),
    ),
  };
  return defineRegistry(input);
}

const at = (c: Partial<Count> & { value: number }): Count => ({ min: null, max: null, ...c });

describe('rank: places with their uncertainty', () => {
  const registry = stateRegistry(['indore', 'bhopal', 'ujjain', 'dhar'], [2, 2, 1, 1]);

  it('gives exact figures certain places, and a lower bound an open best place', () => {
    const t = totals(registry, [
      snap('indore-0', 'x', at({ value: 32_000, min: 32_000 }), day1), // "more than 32 thousand"
      snap('indore-1', 'facebook', 5_500, day1),
      snap('bhopal-0', 'x', 40_000, day1),
      snap('bhopal-1', 'facebook', 1_000, day1),
      snap('ujjain-0', 'x', 20_000, day1),
      snap('dhar-0', 'x', 10_000, day1),
    ]);
    const ranking = rank(registry, t, { kind: 'district', within: 'mp' });
    expect(ranking.map((r) => [r.unit.id, r.rank, r.best, r.worst, r.certain])).toEqual([
      ['bhopal', 1, 1, 2, false], // Indore may be above it
      ['indore', 2, 1, 2, false], // at least 37,500: first or second, never third
      ['ujjain', 3, 3, 3, true],
      ['dhar', 4, 4, 4, true],
    ]);
    expect(ranking.apart).toEqual([]);
  });

  it('lets a missing account widen the worst place of the others, and an approximate figure rank anywhere', () => {
    const t = totals(registry, [
      snap('indore-0', 'x', at({ value: 77_000 }), day1), // "about 77 thousand"
      snap('bhopal-0', 'x', 40_000, day1), // bhopal-1 missing
      snap('ujjain-0', 'x', 20_000, day1),
      snap('dhar-0', 'x', 10_000, day1),
    ]);
    const ranking = rank(registry, t, { kind: 'district' });
    const place = (id: string) => ranking.find((r) => r.unit.id === id)!;
    expect([place('indore').best, place('indore').worst]).toEqual([1, 4]);
    expect([place('bhopal').best, place('bhopal').worst]).toEqual([1, 2]);
    expect([place('ujjain').best, place('ujjain').worst]).toEqual([2, 3]);
    // with "about" read as ±5%, Indore (73,150 to 80,850) is first for certain
    const bounded = rank(registry, t, { kind: 'district', tolerance: 0.05 });
    expect(bounded.find((r) => r.unit.id === 'indore')).toMatchObject({ best: 1, worst: 2 });
    const full = totals(registry, [...t.snapshots.values(), snap('bhopal-1', 'facebook', 0, day1)]);
    expect(rank(registry, full, { kind: 'district', tolerance: 0.05 })[0]).toMatchObject({
      unit: { id: 'indore' },
      certain: true,
    });
  });

  it('ranks one role across districts by tag, and by platform', () => {
    const t = totals(registry, [
      snap('indore-0', 'x', 77_000, day1),
      snap('bhopal-0', 'x', 40_000, day1),
      snap('bhopal-1', 'facebook', 90_000, day1),
      snap('ujjain-0', 'x', 20_000, day1),
    ]);
    const collectors = rank(registry, t, { tag: 'collector', within: 'mp' });
    expect(collectors.map((r) => [r.unit.id, r.rank, r.best, r.worst])).toEqual([
      // Dhar's collector has no figure: it may be anywhere, so everyone may be one place lower
      ['indore-collector', 1, 1, 2],
      ['bhopal-collector', 2, 2, 3],
      ['ujjain-collector', 3, 3, 4],
      ['dhar-collector', 4, 1, 4],
    ]);
    expect(rank(registry, t, { kind: 'district', platform: 'facebook' })[0]?.unit.id).toBe(
      'bhopal',
    );
  });

  it('lists units below a coverage threshold apart instead of ranking them', () => {
    const t = totals(registry, [
      snap('indore-0', 'x', 77_000, day1),
      snap('indore-1', 'facebook', 1_000, day1),
      snap('bhopal-0', 'x', 40_000, day1),
      snap('ujjain-0', 'x', 20_000, day1),
    ]);
    const ranking = rank(registry, t, { kind: 'district', minCoverage: 1 });
    expect(ranking.map((r) => r.unit.id)).toEqual(['indore', 'ujjain']);
    expect(ranking.apart).toEqual([
      { unit: registry.unit('bhopal'), reason: 'coverage', observed: 1, accounts: 2 },
      { unit: registry.unit('dhar'), reason: 'coverage', observed: 0, accounts: 1 },
    ]);
  });

  it('ranks growth by change and by percent, with bounds', () => {
    const before = [
      snap('indore-0', 'x', 70_000, day1),
      snap('bhopal-0', 'x', 10_000, day1),
      snap('ujjain-0', 'x', at({ value: 20_000, min: 20_000 }), day1),
    ];
    const after = [
      snap('indore-0', 'x', 77_000, day2),
      snap('bhopal-0', 'x', 12_000, day2),
      snap('ujjain-0', 'x', 21_000, day2),
      snap('dhar-0', 'x', 5_000, day2),
    ];
    const g = growth(registry, before, after);
    const byChange = rank(registry, g, { kind: 'district' });
    expect(byChange.map((r) => [r.unit.id, r.change.value, r.best, r.worst])).toEqual([
      ['indore', 7_000, 1, 1],
      ['bhopal', 2_000, 2, 2],
      // the earlier figure was a floor ("more than 20,000"): Ujjain gained at most 1,000, maybe less
      ['ujjain', 1_000, 3, 3],
    ]);
    expect(byChange.apart.map((a) => [a.unit.id, a.reason])).toEqual([['dhar', 'no-figure']]);
    const byPercent = rank(registry, g, { kind: 'district', by: 'percent' });
    expect(byPercent.map((r) => [r.unit.id, r.rank])).toEqual([
      ['bhopal', 1],
      ['indore', 2],
      ['ujjain', 3],
    ]);
    expect(byPercent[0]?.percent).toBeCloseTo(20, 6);
  });

  it('reads unit tags as a registry field, checked like the others', () => {
    expect(registry.unit('indore-collector')?.tags).toEqual(['collector']);
    expect(() =>
      defineRegistry({ units: [{ id: 'a', kind: 'official', name: 'A', tags: [''] }] }),
    ).toThrow(/units\[0\]\.tags\[0\]/);
  });

  it('rejects options it cannot use, saying what was expected', () => {
    const t = totals(registry, []);
    expect(() => rank(registry, t, {})).toThrow(/`kind`/);
    expect(() => rank(registry, t, { kind: 'district', minCoverage: 2 })).toThrow(/`minCoverage`/);
    expect(() => rank(registry, t, { kind: 'district', tolerance: -1 })).toThrow(/`tolerance`/);
    // options of the other kind of ranking are refused, not ignored
    expect(() => rank(registry, t, { kind: 'district', by: 'percent' })).toThrow(/`by`/);
    expect(() => rank(registry, [], { kind: 'district', tolerance: 0.05 })).toThrow(/`tolerance`/);
    // @ts-expect-error an unknown measure
    expect(() => rank(registry, [], { kind: 'district', by: 'likes' })).toThrow(/`by`/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: every completion of the bounds ranks inside [best, worst]

type Shape = 'exact' | 'at-least' | 'at-most' | 'range' | 'approximate' | 'missing';

const shapes: Shape[] = ['exact', 'at-least', 'at-most', 'range', 'approximate', 'missing'];

interface Spec {
  shape: Shape;
  value: number;
  spread: number;
}

function countOf({ shape, value, spread }: Spec): Count | undefined {
  switch (shape) {
    case 'exact':
      return { value, min: value, max: value };
    case 'at-least':
      return { value, min: value, max: null };
    case 'at-most':
      return { value, min: null, max: value };
    case 'range':
      return { value, min: Math.max(0, value - spread), max: value + spread };
    case 'approximate':
      return { value, min: null, max: null };
    case 'missing':
      return undefined;
  }
}

/** A value inside the bounds a count (or a missing one) allows, picked by `pick` in [0, 1]. */
function complete(count: Count | undefined, pick: number, tolerance: number | undefined): number {
  let low = count?.min ?? 0;
  let high = count?.max ?? (count?.value ?? 0) + 200_000;
  if (count && count.min === null && count.max === null && tolerance !== undefined) {
    low = Math.max(0, Math.floor(count.value * (1 - tolerance)));
    high = Math.ceil(count.value * (1 + tolerance));
  }
  // the ends themselves are the interesting completions: pick them often
  if (pick < 0.2) return low;
  if (pick > 0.8) return high;
  return Math.round(low + (high - low) * pick);
}

const spec = fc.record({
  shape: fc.constantFrom(...shapes),
  value: fc.integer({ min: 0, max: 100_000 }),
  spread: fc.integer({ min: 0, max: 5_000 }),
});

const scenario = fc
  .array(fc.array(spec, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 6 })
  .chain((districts) =>
    fc.record({
      districts: fc.constant(districts),
      picks: fc.array(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        {
          minLength: districts.length,
          maxLength: districts.length,
        },
      ),
      tolerance: fc.option(fc.constantFrom(0, 0.05, 0.2), { nil: undefined }),
    }),
  );

describe('rank: properties', () => {
  it('the place of every completion of the bounds lies within [best, worst]', () => {
    fc.assert(
      fc.property(scenario, ({ districts, picks, tolerance }) => {
        const names = districts.map((_, i) => `d${i}`);
        const registry = stateRegistry(
          names,
          districts.map((d) => d.length),
        );
        const counts = districts.map((d) => d.map(countOf));
        const snapshots: Snapshot[] = [];
        const completed: Snapshot[] = [];
        for (const [i, list] of counts.entries()) {
          for (const [k, count] of list.entries()) {
            const id = `d${i}-${k}`;
            const platform = k % 2 === 0 ? 'x' : 'facebook';
            if (count) snapshots.push(snap(id, platform, count, day1));
            completed.push(snap(id, platform, complete(count, picks[i]![k]!, tolerance), day1));
          }
        }
        const options = { kind: 'district', tolerance } as const;
        const ranking = rank(registry, totals(registry, snapshots), options);
        const actual = rank(registry, totals(registry, completed), options);
        for (const entry of ranking) {
          const place = actual.find((a) => a.unit.id === entry.unit.id)!.rank;
          expect(entry.best).toBeLessThanOrEqual(place);
          expect(place).toBeLessThanOrEqual(entry.worst);
          // the value itself is one completion
          expect(entry.best).toBeLessThanOrEqual(entry.rank);
          expect(entry.rank).toBeLessThanOrEqual(entry.worst);
        }
        // per platform and per role too
        for (const o of [
          { kind: 'district', platform: 'x', tolerance },
          { tag: 'collector', tolerance },
        ] as const) {
          const r = rank(registry, totals(registry, snapshots), o);
          const a = rank(registry, totals(registry, completed), o);
          for (const entry of r) {
            const place = a.find((x) => x.unit.id === entry.unit.id)!.rank;
            expect(entry.best <= place && place <= entry.worst).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('best and worst are reached: the unit at its highest and the others at their lowest, and the reverse', () => {
    fc.assert(
      fc.property(scenario, ({ districts }) => {
        const names = districts.map((_, i) => `d${i}`);
        const registry = stateRegistry(
          names,
          districts.map((d) => d.length),
        );
        const counts = districts.map((d) => d.map(countOf));
        const snapshots = counts.flatMap((list, i) =>
          list.flatMap((count, k) =>
            count ? [snap(`d${i}-${k}`, k % 2 === 0 ? 'x' : 'facebook', count, day1)] : [],
          ),
        );
        const ranking = rank(registry, totals(registry, snapshots), { kind: 'district' });
        const edge = (me: number, high: boolean) =>
          counts.flatMap((list, i) =>
            list.map((count, k) =>
              snap(
                `d${i}-${k}`,
                k % 2 === 0 ? 'x' : 'facebook',
                // an unbounded high is "higher than anyone's low": 10^9 is
                complete(count, (i === me) === high ? 1 : 0, undefined) +
                  ((i === me) === high && (count === undefined || count.max === null)
                    ? 1_000_000_000
                    : 0),
                day1,
              ),
            ),
          );
        for (const entry of ranking) {
          const me = names.indexOf(entry.unit.id);
          const atBest = rank(registry, totals(registry, edge(me, true)), { kind: 'district' });
          const atWorst = rank(registry, totals(registry, edge(me, false)), { kind: 'district' });
          expect(atBest.find((a) => a.unit.id === entry.unit.id)!.rank).toBe(entry.best);
          expect(atWorst.find((a) => a.unit.id === entry.unit.id)!.rank).toBe(entry.worst);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a growth ranking holds every completion of the before and after bounds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            spec,
            spec,
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          {
            minLength: 2,
            maxLength: 6,
          },
        ),
        fc.constantFrom('change' as const, 'percent' as const),
        (units, by) => {
          const names = units.map((_, i) => `d${i}`);
          const registry = stateRegistry(
            names,
            units.map(() => 1),
          );
          const before: Snapshot[] = [];
          const after: Snapshot[] = [];
          const before2: Snapshot[] = [];
          const after2: Snapshot[] = [];
          units.forEach(([a, b, pa, pb], i) => {
            const ca = countOf(a) ?? { value: a.value, min: a.value, max: a.value };
            const cb = countOf(b) ?? { value: b.value, min: b.value, max: b.value };
            before.push(snap(`d${i}-0`, 'x', ca, day1));
            after.push(snap(`d${i}-0`, 'x', cb, day2));
            before2.push(snap(`d${i}-0`, 'x', complete(ca, pa, undefined), day1));
            after2.push(snap(`d${i}-0`, 'x', complete(cb, pb, undefined), day2));
          });
          if (by === 'percent') {
            // a unit whose earlier figure is (or may complete to) 0 has no percent: not ranked
            const zero = (s: Snapshot) => s.followers.value === 0;
            fc.pre(!before.some(zero) && !before2.some(zero));
          }
          const ranking = rank(registry, growth(registry, before, after), { kind: 'district', by });
          const actual = rank(registry, growth(registry, before2, after2), {
            kind: 'district',
            by,
          });
          for (const entry of ranking) {
            const place = actual.find((a) => a.unit.id === entry.unit.id);
            if (place === undefined) continue; // a completed earlier figure of 0 has no percent
            expect(entry.best <= place.rank && place.rank <= entry.worst).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
