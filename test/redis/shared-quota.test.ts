// Four processes sharing one X token collect disjoint quarters of 30,000 accounts from the fake
// server (300 requests per 3 s window; batches of 10, so 3,000 requests over ten windows), with the
// rate gate shared through Redis: the server sees no 429, and the run ends within 1.2 times the
// lower bound (the last window opens nine windows in). The same with private gates is
// `npm run bench -- shared`.
import { expect, it } from 'vitest';
import { runSharedQuota } from '../../bench/shared-quota.js';
import { describeWithRedis, redisUrl, uniquePrefix } from './env.js';

describeWithRedis('shared-quota.test.ts', 'four processes on one token (Redis)', () => {
  it('stay inside the quota together: 0 × 429, wall time / lower bound <= 1.2', async () => {
    const run = await runSharedQuota({
      processes: 4,
      redisUrl,
      prefix: uniquePrefix('four'),
    });
    console.log(
      `[shared-quota] 4 processes, shared gate: ${run.requests} requests, ${run.throttled} × 429, ${(run.wallMs / 1_000).toFixed(2)} s, wall / bound ${run.ratio.toFixed(3)}`,
    );
    expect(run.errors).toEqual([]);
    expect(run.snapshots).toBe(30_000);
    expect(run.failures).toBe(0);
    expect(run.throttled).toBe(0);
    expect(run.requests).toBe(3_000);
    expect(run.ratio).toBeLessThanOrEqual(1.2);
  }, 120_000);
});
