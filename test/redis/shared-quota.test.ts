// Four processes sharing one X token collect disjoint quarters of 30,000 accounts from the fake
// server (300 requests per 3 s window; batches of 10, so 3,000 requests over ten windows), with the
// rate gate shared through Redis: the server sees no 429, and every account ends exactly once with
// its snapshot. The wall time over its lower bound (the last window opens nine windows in) is
// printed for information only: speed targets are held by `npm run bench -- shared` (<= 1.2, with
// private gates beside), never by a timed test on a shared machine.
import { expect, it } from 'vitest';
import { runSharedQuota } from '../../bench/shared-quota.js';
import { describeWithRedis, redisUrl, uniquePrefix } from './env.js';

describeWithRedis('shared-quota.test.ts', 'four processes on one token (Redis)', () => {
  it('stay inside the quota together: 0 × 429, each account once', async () => {
    const run = await runSharedQuota({
      processes: 4,
      redisUrl,
      prefix: uniquePrefix('four'),
    });
    console.log(
      `[shared-quota] 4 processes, shared gate: ${run.requests} requests, ${run.throttled} × 429, ${(run.wallMs / 1_000).toFixed(2)} s, wall / bound ${run.ratio.toFixed(3)} (information; the target is the bench's)`,
    );
    expect(run.errors).toEqual([]);
    expect(run.snapshots).toBe(30_000);
    expect(run.failures).toBe(0);
    expect(run.throttled).toBe(0);
    expect(run.requests).toBe(3_000);
  }, 120_000);
});
