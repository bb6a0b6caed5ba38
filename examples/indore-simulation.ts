/**
 * 90 days of simulated daily snapshots of the Indore registry (examples/indore-data.ts), shared by
 * `npm run example:report`, the visual report's tests and its benchmark. The figures are
 * SIMULATED (deterministic): the news report gives one set of figures, not a history. The
 * simulation starts from the report's figures and grows them a little every day; Instagram gives
 * its figures rounded down to the hundred (as its "12.8K" does), so they are ranges, and the
 * Commissioner's Instagram misses a few days and failed in the last collection.
 */
import { type CollectFailure, ProviderError, type Registry, type Snapshot } from '../src/index.js';

export const DAY = 86_400_000;
/** The last simulated day: 28 November 2026, 10:00 in India (fixed, so the output is stable). */
export const SIMULATION_END = new Date('2026-11-28T10:00:00+05:30');
export const SIMULATION_DAYS = 90;

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

/** Deterministic daily snapshots: each account grows by a small, steady, pseudo-random amount. */
export function simulateIndore(registry: Registry): Snapshot[] {
  const out: Snapshot[] = [];
  let seed = 20261128;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const end = SIMULATION_END.getTime();
  for (const [accountId, start] of Object.entries(START_FIGURES)) {
    const account = registry.account(accountId)!;
    let value = start;
    for (let day = SIMULATION_DAYS - 1; day >= 0; day--) {
      value += Math.round(value * (0.0004 + random() * 0.0016)); // 0.04 %–0.2 % a day
      if (accountId === 'commissioner-ig' && (day % 10 === 3 || day === 0)) continue;
      const shown = account.platform === 'instagram' ? value - (value % 100) : value;
      out.push({
        accountId,
        platform: account.platform,
        takenAt: new Date(end - day * DAY),
        followers:
          account.platform === 'instagram'
            ? { value: shown, min: shown, max: shown + 99 }
            : { value, min: value, max: value },
        source: { provider: 'simulation', note: 'simulated daily collection' },
      });
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
