import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/aggregate/series.js';
import { OptionError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import { memoryStore } from '../../src/stores/memory.js';
import type { SnapshotStore } from '../../src/stores/types.js';
import { smallRegistry, snap } from '../fixtures.js';
import {
  historyArbitrary,
  referenceSeries,
  registryArbitrary,
  seriesOptionsArbitrary,
  sharesAMillisecond,
} from './reference.js';

// Days in Asia/Kolkata start at 18:30 UTC the day before.
const ist = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour - 5, -30));

describe('series', () => {
  it('gives one total per day per unit from the last value of each day, with coverage', async () => {
    const store = memoryStore();
    await store.put([
      snap('collector-x', 'x', 100, ist(1, 9)),
      snap('collector-x', 'x', 110, ist(1, 21)), // the last value of 1 November counts
      snap('collector-fb', 'facebook', 50, ist(1, 10)),
      snap('collector-x', 'x', 120, ist(2, 9)),
      // 3 November: nothing for the collector's Facebook page (carried from the 1st? too old)
      snap('collector-x', 'x', 130, ist(3, 0)), // just after midnight IST: the 3rd, not the 2nd
    ]);
    const s = await series(smallRegistry(), store, {
      from: ist(1, 12),
      to: ist(3, 12),
      interval: 'day',
      timeZone: 'Asia/Kolkata',
    });
    expect(s.periods.map((p) => p.start.toISOString())).toEqual([
      '2026-10-31T18:30:00.000Z',
      '2026-11-01T18:30:00.000Z',
      '2026-11-02T18:30:00.000Z',
    ]);
    const collector = s.periods.map((p) => p.units.get('collector')!);
    expect(collector.map((c) => c.count.value)).toEqual([160, 170, 130]);
    expect(collector.map((c) => [c.fresh, c.carried])).toEqual([
      [2, 0],
      [1, 1], // the Facebook figure of the 1st is carried into the 2nd (within a day)
      [1, 0], // …but not into the 3rd: more than a day old, so missing, never zero
    ]);
    expect(collector[2]?.missing).toEqual(['collector-fb']);
    expect(collector[2]?.count).toEqual({ value: 130, min: 130, max: null });
  });

  it('carries values further with a longer staleness, and buckets by week and month', async () => {
    const store = memoryStore();
    await store.put([snap('dhar-x', 'x', 5, ist(2, 12)), snap('dhar-x', 'x', 9, ist(20, 12))]);
    const daily = await series(smallRegistry(), store, {
      from: ist(2, 12),
      to: ist(6, 12),
      maxStalenessMs: 10 * 86_400_000,
    });
    expect(daily.periods.map((p) => p.units.get('dhar')!.count.value)).toEqual([5, 5, 5, 5, 5]);
    const weekly = await series(smallRegistry(), store, {
      from: ist(2, 12),
      to: ist(20, 12),
      interval: 'week',
    });
    // weeks start on Monday: 2, 9 and 16 November 2026
    expect(
      weekly.periods.map((p) => [p.start.toISOString(), p.units.get('dhar')!.observed]),
    ).toEqual([
      ['2026-11-01T18:30:00.000Z', 1],
      ['2026-11-08T18:30:00.000Z', 1], // carried, within 7 days
      ['2026-11-15T18:30:00.000Z', 1], // the 20th
    ]);
    const monthly = await series(smallRegistry(), store, {
      from: ist(2, 12),
      to: ist(20, 12),
      interval: 'month',
    });
    expect(monthly.periods).toHaveLength(1);
    expect(monthly.periods[0]?.units.get('dhar')?.count.value).toBe(9);
  });

  it('gives quarters and financial years (April to March in India)', async () => {
    const store = memoryStore();
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 6));
    await store.put([
      snap('dhar-x', 'x', 5, day(2026, 3, 20)), // FY 2025-26, Q4
      snap('dhar-x', 'x', 7, day(2026, 4, 10)), // FY 2026-27, Q1
      snap('dhar-x', 'x', 9, day(2026, 11, 2)), // Q3
    ]);
    const quarters = await series(smallRegistry(), store, {
      from: day(2026, 3, 1),
      to: day(2026, 12, 1),
      interval: 'quarter',
    });
    expect(
      quarters.periods.map((p) => [p.start.toISOString(), p.units.get('dhar')?.count.value]),
    ).toEqual([
      ['2025-12-31T18:30:00.000Z', 5],
      ['2026-03-31T18:30:00.000Z', 7],
      ['2026-06-30T18:30:00.000Z', 7], // carried, within 92 days
      ['2026-09-30T18:30:00.000Z', 9],
    ]);
    const years = await series(smallRegistry(), store, {
      from: day(2026, 3, 1),
      to: day(2026, 12, 1),
      interval: 'fiscal-year',
    });
    expect(
      years.periods.map((p) => [p.start.toISOString(), p.units.get('dhar')?.count.value]),
    ).toEqual([
      ['2025-03-31T18:30:00.000Z', 5],
      ['2026-03-31T18:30:00.000Z', 9],
    ]);
    const calendar = await series(smallRegistry(), store, {
      from: day(2026, 3, 1),
      to: day(2026, 12, 1),
      interval: 'fiscal-year',
      fiscalYearStartMonth: 1,
    });
    expect(calendar.periods.map((p) => p.start.toISOString())).toEqual([
      '2025-12-31T18:30:00.000Z',
    ]);
    await expect(
      series(smallRegistry(), store, {
        from: day(2026, 3, 1),
        to: day(2026, 12, 1),
        interval: 'quarter',
        fiscalYearStartMonth: 0,
      }),
    ).rejects.toThrow(/fiscalYearStartMonth/);
  });

  it('rejects bad options', async () => {
    const store = memoryStore();
    await expect(
      series(smallRegistry(), store, { from: ist(3, 0), to: ist(1, 0) }),
    ).rejects.toBeInstanceOf(OptionError);
    await expect(
      series(smallRegistry(), store, { from: ist(1, 0), to: ist(3, 0), interval: 'year' as never }),
    ).rejects.toThrow(/`interval`/);
    await expect(
      series(smallRegistry(), store, { from: ist(1, 0), to: ist(3, 0), timeZone: 'Nowhere/Land' }),
    ).rejects.toThrow(/`timeZone`/);
  });
});

describe('series (issue #12: last values from the store, one pass per period)', () => {
  // A store with only the contract's required methods: series() streams its history instead.
  const withoutPeriodValues = (store: SnapshotStore): SnapshotStore => ({
    name: 'plain',
    put: (s) => store.put(s),
    latest: (o) => store.latest(o),
    history: (o) => store.history(o),
    prune: (o) => store.prune(o),
    close: () => store.close(),
  });

  it('gives what streaming the history into totals() gave, period by period, through periodValues and through history (property)', async () => {
    const input = registryArbitrary.chain((registry) =>
      fc.record({
        registry: fc.constant(registry),
        snapshots: historyArbitrary(registry),
        options: seriesOptionsArbitrary,
      }),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ registry, snapshots, options }) => {
        fc.pre(!sharesAMillisecond(registry, snapshots));
        const store = memoryStore();
        await store.put(snapshots);
        const want = await referenceSeries(registry, store, options);
        expect(await series(registry, store, options)).toStrictEqual(want);
        expect(await series(registry, withoutPeriodValues(store), options)).toStrictEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it('counts a real account listed under two ids once, and on equal times takes the first id in code-point order', async () => {
    const registry = defineRegistry({
      units: [
        { id: 'u', kind: 'office', name: 'U' },
        { id: 'v', kind: 'office', name: 'V', parent: 'u' },
      ],
      accounts: [
        { id: 'b-entry', unit: 'u', platform: 'x', handle: 'shared' },
        { id: 'a-entry', unit: 'v', platform: 'x', handle: '@Shared' },
      ],
    });
    const at = ist(2, 12);
    const rows = [snap('b-entry', 'x', 20, at), snap('a-entry', 'x', 10, at)];
    const options = { from: ist(2, 0), to: ist(2, 0) };
    for (const store of [memoryStore(), withoutPeriodValues(memoryStore())]) {
      await store.put(rows);
      const [period] = (await series(registry, store, options)).periods;
      expect(period!.units.get('u')).toMatchObject({ count: { value: 10 }, observed: 1 });
    }
    // A newer value of either id wins.
    const store = memoryStore();
    await store.put([...rows, snap('b-entry', 'x', 30, new Date(at.getTime() + 1))]);
    const [period] = (await series(registry, store, options)).periods;
    expect(period!.units.get('u')!.count.value).toBe(30);
  });
});
