import { describe, expect, it } from 'vitest';
import { growth } from '../../src/aggregate/growth.js';
import { latest } from '../../src/aggregate/latest.js';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import { OptionError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import { exact, smallRegistry, snap } from '../fixtures.js';

const day1 = '2026-10-01T06:00:00Z';
const day2 = '2026-10-02T06:00:00Z';
const day3 = '2026-10-03T06:00:00Z';

describe('latest', () => {
  it('keeps the newest snapshot per account at or before asOf', () => {
    const snapshots = [
      snap('a', 'x', 1, day1),
      snap('a', 'x', 3, day3),
      snap('a', 'x', 2, day2),
      snap('b', 'x', 5, day3),
    ];
    expect(latest(snapshots).map((s) => [s.accountId, s.followers.value])).toEqual([
      ['a', 3],
      ['b', 5],
    ]);
    expect(latest(snapshots, { asOf: new Date(day2) }).map((s) => s.followers.value)).toEqual([2]);
    expect(latest(snapshots, { asOf: new Date('2026-09-01T00:00:00Z') })).toEqual([]);
  });

  it('rejects an invalid asOf', () => {
    expect(() => latest([], { asOf: new Date('nope') })).toThrow(OptionError);
  });
});

describe('totals', () => {
  const snapshots = [
    snap('collector-x', 'x', 70_000, day1),
    snap('collector-x', 'x', 77_000, day2),
    snap('collector-fb', 'facebook', { value: 33_000, min: null, max: null }, day2),
    snap('pr-x', 'x', 21_000, day2),
    // the shared account, observed again through its other entry one day later
    snap('pr-collector-x', 'x', 77_100, day3),
    snap('dhar-x', 'x', { value: 5_000, min: 5_000, max: null }, day2),
  ];

  it('rolls up the tree, counting a shared account once in every total above both entries', () => {
    const t = totals(smallRegistry(), snapshots);
    const get = (id: string) => t.units.get(id)!;
    // the collector's own entry and the PR office's entry are one real account: newest is 77,100
    expect(get('collector').count).toEqual({ value: 77_100 + 33_000, min: null, max: null });
    expect(get('pr-office').byPlatform.x?.count).toEqual(exact(21_000 + 77_100));
    expect(get('indore').byPlatform.x).toEqual({
      count: exact(98_100),
      accounts: 2,
      observed: 2,
      missing: [],
    });
    expect(get('indore').accounts).toBe(4);
    expect(get('indore-div').byPlatform.x?.count).toEqual({
      value: 103_100,
      min: 103_100,
      max: null,
    });
    expect(get('mp').count.value).toBe(77_100 + 33_000 + 21_000 + 5_000);
  });

  it('never counts a missing account as zero: the total says so', () => {
    const t = totals(smallRegistry(), snapshots);
    const office = t.units.get('pr-office')!;
    expect(office.missing).toEqual(['pr-ig']);
    expect(office.byPlatform.instagram).toEqual({
      count: { value: 0, min: 0, max: null },
      accounts: 1,
      observed: 0,
      missing: ['pr-ig'],
    });
    // exact counts plus a missing account: at least the sum, no known maximum
    expect(office.count).toEqual({ value: 98_100, min: 98_100, max: null });
    expect(office.observed).toBe(2);
  });

  it('leaves planned accounts out of totals and out of missing', () => {
    const dhar = totals(smallRegistry(), snapshots).units.get('dhar')!;
    expect(dhar.accounts).toBe(1);
    expect(dhar.byPlatform.koo).toBeUndefined();
  });

  it('uses the snapshot as of a date, and filters platforms', () => {
    const t = totals(smallRegistry(), snapshots, { asOf: new Date(day1), platforms: ['x'] });
    const indore = t.units.get('indore')!;
    expect(indore.count).toEqual({ value: 70_000, min: 70_000, max: null });
    expect(indore.missing).toEqual(['pr-x']);
    expect(indore.byPlatform.facebook).toBeUndefined();
    expect(() => totals(smallRegistry(), snapshots, { platforms: ['orkut'] })).toThrow(
      /`platforms`/,
    );
  });

  it('ignores snapshots of accounts the registry does not know', () => {
    const t = totals(smallRegistry(), [snap('stranger', 'x', 1_000_000, day1)]);
    expect(t.units.get('mp')!.count.value).toBe(0);
  });
});

describe('rank', () => {
  const registry = defineRegistry({
    units: [
      { id: 'mp', kind: 'state', name: 'MP' },
      { id: 'cg', kind: 'state', name: 'CG' },
      ...['Indore', 'Bhopal', 'Ujjain', 'Dhar'].map((name) => ({
        id: name.toLowerCase(),
        kind: 'district',
        name,
        parent: 'mp',
      })),
      { id: 'raipur', kind: 'district', name: 'Raipur', parent: 'cg' },
    ],
    accounts: ['indore', 'bhopal', 'ujjain', 'dhar', 'raipur'].flatMap((d) => [
      { id: `${d}-x`, unit: d, platform: 'x', handle: `${d}_x` },
      { id: `${d}-fb`, unit: d, platform: 'facebook', handle: `${d}.collector` },
    ]),
  });
  const snapshots = [
    snap('indore-x', 'x', 300, day1),
    snap('bhopal-x', 'x', 200, day1),
    snap('ujjain-x', 'x', 100, day1),
    snap('ujjain-fb', 'facebook', 100, day1),
    snap('dhar-x', 'x', 50, day1),
    snap('raipur-x', 'x', 10_000, day1),
  ];
  const t = totals(registry, snapshots);

  it('uses competition ranking with ties: 1, 2, 2, 4', () => {
    const ranking = rank(registry, t, { kind: 'district', within: 'mp' });
    expect(ranking.map((r) => [r.rank, r.unit.id, r.count.value])).toEqual([
      [1, 'indore', 300],
      [2, 'bhopal', 200],
      [2, 'ujjain', 200],
      [4, 'dhar', 50],
    ]);
    expect(ranking[0]?.missing).toEqual(['indore-fb']);
  });

  it('ranks by one platform, and across the whole registry without `within`', () => {
    expect(
      rank(registry, t, { kind: 'district', platform: 'facebook' }).map((r) => [r.rank, r.unit.id]),
    ).toEqual([
      [1, 'ujjain'],
      [2, 'bhopal'],
      [2, 'dhar'],
      [2, 'indore'],
      [2, 'raipur'],
    ]);
    expect(rank(registry, t, { kind: 'district' })[0]?.unit.id).toBe('raipur');
  });

  it('rejects unknown units and platforms', () => {
    expect(() => rank(registry, t, { kind: 'district', within: 'up' })).toThrow(/`within`/);
    expect(() => rank(registry, t, { kind: 'district', platform: 'orkut' })).toThrow(/`platform`/);
  });
});

describe('growth', () => {
  it('compares like with like: accounts observed in both sets, the others listed', () => {
    const registry = smallRegistry();
    const before = [snap('collector-x', 'x', 70_000, day1), snap('pr-x', 'x', 20_000, day1)];
    const after = [
      snap('collector-x', 'x', 77_000, day3),
      snap('pr-x', 'x', 21_000, day3),
      snap('dhar-x', 'x', 5_000, day3),
    ];
    const byUnit = new Map(growth(registry, before, after).map((g) => [g.unit.id, g]));
    const indore = byUnit.get('indore')!;
    expect(indore.before).toEqual(exact(90_000));
    expect(indore.after).toEqual(exact(98_000));
    expect(indore.change).toEqual({ value: 8_000, min: 8_000, max: 8_000 });
    expect(indore.percent).toBeCloseTo(8.888, 2);
    expect(indore.compared).toBe(2);
    const division = byUnit.get('indore-div')!;
    expect(division.change.value).toBe(8_000);
    expect(division.onlyAfter).toEqual(['dhar-x']);
    expect(byUnit.get('dhar')!.percent).toBeNull();
    expect(indore.byPlatform.x?.change.value).toBe(8_000);
  });

  it('carries unknown bounds into the change, which may be negative', () => {
    const registry = smallRegistry();
    const g = growth(
      registry,
      [snap('collector-fb', 'facebook', { value: 33_000, min: null, max: null }, day1)],
      [snap('collector-fb', 'facebook', 32_000, day2)],
    ).find((x) => x.unit.id === 'collector')!;
    expect(g.change).toEqual({ value: -1_000, min: null, max: null });
    expect(g.percent).toBeCloseTo(-3.03, 2);
  });
});
