/**
 * Simulated snapshots of the Indore registry (examples/indore-data.ts), shared by
 * `npm run example:growth`, `npm run example:report` and the visual report's tests: 90 days of
 * daily snapshots, and before them the monthly ones of an office that began collecting at the end
 * of each month in January 2025 and went daily at the end of August 2026, so the history spans
 * two financial years (FY 2025-26 whole, from the end of FY 2024-25, and FY 2026-27 to date).
 *
 * The figures are SIMULATED (deterministic, seeded): the news report gives one set of figures,
 * not a history. The daily part starts from the report's figures and grows them a little every
 * day; the monthly part leads up to them, each month's figure 1.5 %–3.5 % below the next.
 * Instagram gives its figures rounded down to the hundred (as its "12.8K" does), so they are
 * ranges, and the Commissioner's Instagram misses a few days and failed in the last collection.
 */
import {
  addCounts,
  type CollectFailure,
  checkClaim,
  ProviderError,
  parseCount,
  type Registry,
  type Snapshot,
  totals,
} from '../src/index.js';
import { reportedClaims } from './indore-data.js';

export const DAY = 86_400_000;
/** The last simulated day: 28 November 2026, 10:00 in India (fixed, so the output is stable). */
export const SIMULATION_END = new Date('2026-11-28T10:00:00+05:30');
export const SIMULATION_DAYS = 90;
/**
 * The monthly collections before the daily ones: the last day of each month, 10:00 in India, from
 * 31 January 2025 to 31 July 2026 (19 months); the daily ones start on 31 August 2026.
 */
export const SIMULATION_MONTHS: readonly Date[] = Array.from({ length: 19 }, (_, i) => {
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(2025, i + 1, 0));
  return new Date(`${last.toISOString().slice(0, 10)}T10:00:00+05:30`);
});

const START_FIGURES: Record<string, number> = {
  'commissioner-x': 32_000,
  'commissioner-fb': 5_500,
  'commissioner-ig': 4_100,
  'collector-x': 77_000,
  'collector-fb': 33_000,
  'collector-ig': 12_800,
  'jd-x': 21_000,
  'jd-fb': 6_500,
  'pro-x': 15_500,
  'pro-fb': 13_000,
  'pr-ig': 7_300,
};

/** A seeded pseudo-random generator (a linear congruential one): the same numbers every run. */
function generator(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

/**
 * Deterministic snapshots, in time order per account: the monthly ones, then the daily ones. Each
 * account grows by a small, steady, pseudo-random amount.
 */
export function simulateIndore(registry: Registry): Snapshot[] {
  const out: Snapshot[] = [];
  const random = generator(20261128); // the daily growth (the same stream as before the months)
  const monthly = generator(20250131); // the monthly history's, a stream of its own
  const end = SIMULATION_END.getTime();
  for (const [accountId, start] of Object.entries(START_FIGURES)) {
    const account = registry.account(accountId)!;
    const snapshot = (takenAt: Date, value: number, note: string): Snapshot => {
      const shown = account.platform === 'instagram' ? value - (value % 100) : value;
      return {
        accountId,
        platform: account.platform,
        takenAt,
        followers:
          account.platform === 'instagram'
            ? { value: shown, min: shown, max: shown + 99 }
            : { value, min: value, max: value },
        source: { provider: 'simulation', note },
      };
    };
    // The monthly history, walked back from the daily part's starting figures.
    const months: number[] = [];
    let earlier = start;
    for (let m = SIMULATION_MONTHS.length - 1; m >= 0; m--) {
      earlier = Math.round(earlier / (1.015 + monthly() * 0.02)); // 1.5 %–3.5 % a month
      months[m] = earlier;
    }
    SIMULATION_MONTHS.forEach((takenAt, m) => {
      out.push(snapshot(takenAt, months[m]!, 'simulated monthly collection'));
    });
    let value = start;
    for (let day = SIMULATION_DAYS - 1; day >= 0; day--) {
      value += Math.round(value * (0.0004 + random() * 0.0016)); // 0.04 %–0.2 % a day
      if (accountId === 'commissioner-ig' && (day % 10 === 3 || day === 0)) continue;
      out.push(snapshot(new Date(end - day * DAY), value, 'simulated daily collection'));
    }
  }
  return out;
}

/** The last collection's failure: the Commissioner's Instagram was rate-limited. */
export const simulatedFailures: readonly CollectFailure[] = [
  {
    accountId: 'commissioner-ig',
    platform: 'instagram',
    reason: 'rate-limited',
    message: 'instagram: rate-limited (simulated); retry after the window',
    error: new ProviderError('rate-limited (simulated); retry after the window', {
      platform: 'instagram',
      reason: 'rate-limited',
      accountId: 'commissioner-ig',
      retryable: true,
    }),
  },
];

/**
 * The news report's claims (its X + Facebook totals), each read with `parseCount` and checked
 * against the simulated figures at {@link SIMULATION_END}: what a report's "claims" section shows.
 */
export function checkedClaims(registry: Registry, snapshots: readonly Snapshot[]) {
  const xfb = totals(registry, snapshots, { asOf: SIMULATION_END, platforms: ['x', 'facebook'] });
  return reportedClaims.map((c) => {
    const computed = addCounts(c.units.map((u) => xfb.units.get(u)!.count));
    const claimed = parseCount(c.claim);
    return {
      label: { en: c.en, hi: c.hi },
      claim: c.claim,
      claimed,
      computed,
      check: checkClaim(claimed, computed),
    };
  });
}
