import { totals } from '../src/aggregate/totals.js';
import { defineRegistry, type RegistryInput } from '../src/model/registry.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { type BenchRow, median, timeIt } from './harness.js';

const DIVISIONS = 10;
const DISTRICTS = 55;
const ACCOUNTS = 10_000;
const DAYS = 100;
const DAY = 86_400_000;
const START = Date.parse('2026-07-01T04:30:00Z');

/**
 * `totals` over 1,000,000 in-memory snapshots (10,000 accounts in 55 districts under 10 divisions,
 * 100 days each, latest as of a date) against a plain hand-written loop computing the same district
 * totals, in the same run. Target: within 2× of the loop.
 */
export async function benchTotals(): Promise<BenchRow[]> {
  const input: RegistryInput = {
    units: [
      { id: 'mp', kind: 'state', name: 'Madhya Pradesh' },
      ...Array.from({ length: DIVISIONS }, (_, d) => ({
        id: `div${d}`,
        kind: 'division',
        name: `Division ${d}`,
        parent: 'mp',
      })),
      ...Array.from({ length: DISTRICTS }, (_, d) => ({
        id: `dist${d}`,
        kind: 'district',
        name: `District ${d}`,
        parent: `div${d % DIVISIONS}`,
      })),
    ],
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({
      id: `acc${i}`,
      unit: `dist${i % DISTRICTS}`,
      platform: i % 2 ? 'x' : 'facebook',
      handle: i % 2 ? `user${i}` : `page.${i}`,
    })),
  };
  const registry = defineRegistry(input);
  const districtOf = new Map(registry.accounts.map((a) => [a.id, a.unit]));

  // Day-major order, as a store would stream them; deterministic counts.
  const snapshots: Snapshot[] = [];
  for (let day = 0; day < DAYS; day++) {
    const takenAt = new Date(START + day * DAY);
    for (let i = 0; i < ACCOUNTS; i++) {
      const value = 1_000 + ((i * 7_919 + day * 131) % 50_000);
      snapshots.push({
        accountId: `acc${i}`,
        platform: i % 2 ? 'x' : 'facebook',
        takenAt,
        followers: { value, min: value, max: value },
        source: { provider: 'bench' },
      });
    }
  }
  const asOf = new Date(START + 80 * DAY);
  const asOfMs = asOf.getTime();

  const handLoop = () => {
    const best = new Map<string, Snapshot>();
    for (const s of snapshots) {
      const t = s.takenAt.getTime();
      if (t > asOfMs) continue;
      const current = best.get(s.accountId);
      if (current === undefined || t > current.takenAt.getTime()) best.set(s.accountId, s);
    }
    const byDistrict = new Map<string, number>();
    for (const [id, s] of best) {
      const district = districtOf.get(id)!;
      byDistrict.set(district, (byDistrict.get(district) ?? 0) + s.followers.value);
    }
    return byDistrict;
  };

  // Same answer first: the comparison is only fair if both compute the same district totals.
  const expected = handLoop();
  const result = totals(registry, snapshots, { asOf });
  for (const [district, value] of expected) {
    const got = result.units.get(district)!.count.value;
    if (got !== value)
      throw new Error(`bench: totals disagree for ${district}: ${got} vs ${value}`);
  }

  const libraryTimes: number[] = [];
  const loopTimes: number[] = [];
  for (let run = 0; run < 7; run++) {
    // alternate, so both see the same machine conditions
    loopTimes.push(await timeIt(handLoop));
    libraryTimes.push(await timeIt(() => totals(registry, snapshots, { asOf })));
  }
  const lib = median(libraryTimes);
  const loop = median(loopTimes);
  const ratio = lib / loop;
  return [
    {
      name: 'totals(): 1,000,000 snapshots, 10,000 accounts, 66 units (median of 7)',
      value: `${lib.toFixed(0)} ms`,
    },
    {
      name: 'hand-written loop, district totals only (median of 7)',
      value: `${loop.toFixed(0)} ms`,
    },
    {
      name: 'totals() / hand-written loop',
      value: `${ratio.toFixed(2)}×`,
      target: '≤ 2×',
      ok: ratio <= 2,
    },
  ];
}
