// Redis stopped in the middle of a collection with a shared gate: the collection ends with a clear
// CoordinatorError, what was stored stays stored, and a rerun with `resume` completes without
// fetching those accounts again.
import { expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { CoordinatorError } from '../../src/engine/coordinator.js';
import { defineRegistry } from '../../src/model/registry.js';
import { xProvider } from '../../src/providers/x.js';
import { redisCoordinator } from '../../src/redis/index.js';
import { memoryStore } from '../../src/stores/memory.js';
import { createFakePlatformServer } from '../../src/testing/index.js';
import { describeWithRedis, startOwnRedis } from './env.js';

describeWithRedis('redis-down.test.ts', 'Redis stopped in the middle of a run', () => {
  it('ends with a CoordinatorError, keeps what was stored, and a resumed rerun completes', async () => {
    const n = 2_000;
    const server = await createFakePlatformServer({
      limits: { x: { limit: 40, windowMs: 1_000 } },
      accounts: Array.from({ length: n }, (_, i) => ({
        platform: 'x' as const,
        handle: `user${i}`,
        followers: i,
      })),
    });
    const registry = defineRegistry({
      units: [{ id: 'u', kind: 'office', name: 'U' }],
      accounts: Array.from({ length: n }, (_, i) => ({
        id: `a${i}`,
        unit: 'u',
        platform: 'x' as const,
        handle: `user${i}`,
      })),
    });
    const provider = {
      ...xProvider({ bearerToken: 'token', baseUrl: server.baseUrl('x') }),
      maxBatchSize: 10,
    };
    const store = memoryStore({ registry });
    const since = new Date();
    const first = await startOwnRedis();
    const coordinator = redisCoordinator({ redis: first.url, commandTimeoutMs: 500 });
    let reported = 0;
    try {
      // 200 requests at 40 per second: about five seconds; Redis goes away once 200 accounts are in.
      let killed: Promise<void> | undefined;
      const error = await collect(registry, {
        providers: [provider],
        store,
        coordinator,
        onProgress: (event) => {
          if (event.type !== 'batch') return;
          reported = Math.max(reported, event.done);
          if (reported >= 200) killed ??= first.stop();
        },
      }).catch((e: unknown) => e);
      await killed;
      expect(error).toBeInstanceOf(CoordinatorError);
      expect((error as CoordinatorError).code).toBe('COORDINATOR_UNAVAILABLE');
      expect((error as Error).message).toMatch(/could not reach Redis/);
      expect((error as Error).message).not.toContain(first.url);
      // Every account reported done was stored (one put per batch, before its report), and no more.
      const stored = await store.latest();
      expect(reported).toBeGreaterThan(0);
      expect(reported).toBeLessThan(n);
      expect(stored).toHaveLength(reported);
      expect(server.stats().x.throttled).toBe(0);
    } finally {
      await coordinator.close();
      await first.stop();
    }

    // The rerun, on a Redis that is up again.
    const second = await startOwnRedis();
    const again = redisCoordinator({ redis: second.url });
    try {
      const before = server.stats().x.requests;
      const result = await collect(registry, {
        providers: [provider],
        store,
        coordinator: again,
        resume: { since },
      });
      expect(result.failures).toEqual([]);
      expect(result.snapshots).toHaveLength(n);
      expect(result.stats.resumed).toBe(reported);
      expect(server.stats().x.requests - before).toBe(Math.ceil((n - reported) / 10));
      expect(await store.latest()).toHaveLength(n);
      expect(server.stats().x.throttled).toBe(0);
    } finally {
      await again.close();
      await second.stop();
      await server.close();
    }
  }, 60_000);
});
