import type { BenchRow } from './harness.js';
import { runSharedQuota, type SharedQuotaRun } from './shared-quota.js';

/**
 * 1, 2 and 4 processes on one X token with the gate shared through Redis (REDIS_URL), then 4 with
 * private gates (today's behaviour) for comparison: requests and 429s the server saw, wall time
 * against the lower bound.
 */
export async function benchSharedQuota(): Promise<BenchRow[]> {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    return [{ name: 'skipped: REDIS_URL is not set (source .ci/redis.sh)', value: '-' }];
  }
  const rows: BenchRow[] = [];
  const row = (run: SharedQuotaRun): BenchRow => {
    const label = `${run.processes} process${run.processes > 1 ? 'es' : ''}, ${run.shared ? 'shared gate (Redis)' : 'private gates'}`;
    const value = `${run.requests} req, ${run.throttled} × 429, ${run.failures} failed, ${(run.wallMs / 1_000).toFixed(2)} s, wall / bound ${run.ratio.toFixed(3)}`;
    return run.shared
      ? {
          name: `${label}: requests, 429s, wall / bound (${run.boundMs / 1_000} s)`,
          value,
          target: '0 × 429, ≤ 1.2',
          ok:
            run.throttled === 0 &&
            run.failures === 0 &&
            run.errors.length === 0 &&
            run.ratio <= 1.2,
        }
      : { name: `${label} (for comparison)`, value };
  };
  for (const processes of [1, 2, 4]) rows.push(row(await runSharedQuota({ processes, redisUrl })));
  rows.push(row(await runSharedQuota({ processes: 4 })));
  return rows;
}
