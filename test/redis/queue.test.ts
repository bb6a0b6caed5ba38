// Collection spread over workers (BullMQ) in one process, against a real Redis: jobs keyed so a
// run is never enqueued twice, every account recorded exactly once in the run ledger, and
// collectionStatus per platform.
import { afterAll, expect, it } from 'vitest';
import { defineRegistry } from '../../src/model/registry.js';
import { blueskyProvider } from '../../src/providers/bluesky.js';
import { xProvider } from '../../src/providers/x.js';
import {
  type CollectionStatus,
  collectionStatus,
  collectionWorker,
  enqueueCollection,
  redisCoordinator,
} from '../../src/redis/index.js';
import { memoryStore } from '../../src/stores/memory.js';
import { createFakePlatformServer } from '../../src/testing/index.js';
import { all } from '../stores/conformance.js';
import { describeWithRedis, redisUrl, uniquePrefix } from './env.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('queue.test.ts', 'collection over BullMQ workers (Redis)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('runs every account exactly once over two workers, and never enqueues a job twice', async () => {
    const nx = 230;
    const nb = 40;
    const server = await createFakePlatformServer({
      limits: { x: { limit: 20, windowMs: 1_000 } },
      accounts: [
        ...Array.from({ length: nx }, (_, i) => ({
          platform: 'x' as const,
          handle: `user${i}`,
          followers: i,
        })),
        ...Array.from({ length: nb - 2 }, (_, i) => ({
          platform: 'bluesky' as const,
          handle: `user${i}.bsky.social`,
          followers: i,
        })),
      ],
    });
    closers.push(() => server.close());
    const registry = defineRegistry({
      units: [
        { id: 'state', kind: 'state', name: 'State' },
        { id: 'd1', kind: 'district', name: 'D1', parent: 'state' },
      ],
      accounts: [
        ...Array.from({ length: nx }, (_, i) => ({
          id: `x${i}`,
          unit: i % 2 ? 'state' : 'd1',
          platform: 'x' as const,
          handle: `user${i}`,
        })),
        // the same X account under a second unit: one identity, fetched once
        { id: 'x0-again', unit: 'state', platform: 'x' as const, handle: 'USER0' },
        ...Array.from({ length: nb }, (_, i) => ({
          id: `b${i}`,
          unit: 'd1',
          platform: 'bluesky' as const,
          handle: `user${i}.bsky.social`,
        })),
      ],
    });
    const providers = [
      { ...xProvider({ bearerToken: 'token', baseUrl: server.baseUrl('x') }), maxBatchSize: 10 },
      blueskyProvider({ baseUrl: server.baseUrl('bluesky') }),
    ];
    const queue = { connection: redisUrl, name: uniquePrefix('q') };
    const runId = 'run-2024-03-31';
    const first = await enqueueCollection(registry, { queue, runId, providers });
    expect(first).toMatchObject({ accounts: nx + 1 + nb, platforms: { x: nx + 1, bluesky: nb } });
    expect(first.jobs).toBe(Math.ceil(nx / 10) + Math.ceil(nb / 25));
    const again = await enqueueCollection(registry, { queue, runId, providers });
    expect(again.jobs).toBe(first.jobs);
    const before = await collectionStatus({ queue, runId, store: memoryStore() });
    expect(before.jobs.waiting).toBe(first.jobs); // not twice as many
    expect(before).toMatchObject({ total: nx + 1 + nb, done: 0, failed: 0, complete: false });

    const store = memoryStore({ registry });
    const prefix = uniquePrefix('gate');
    const workers = await Promise.all(
      [0, 1].map(async () => {
        const coordinator = redisCoordinator({ redis: redisUrl, prefix });
        const worker = await collectionWorker({
          queue,
          providers,
          store,
          coordinator,
          concurrency: 2,
        });
        closers.push(async () => {
          await worker.close();
          await coordinator.close();
        });
        return worker;
      }),
    );
    let status: CollectionStatus;
    const deadline = Date.now() + 40_000;
    do {
      await sleep(200);
      status = await collectionStatus({ queue, runId, store });
    } while (!status.complete && Date.now() < deadline);
    expect(status.platforms).toStrictEqual({
      x: { total: nx + 1, done: nx + 1, failed: 0 },
      bluesky: { total: nb, done: nb - 2, failed: 2 },
    });
    for (const w of workers) await w.close();
    const outcomes = await store.runOutcomes!(runId);
    expect(outcomes).toHaveLength(nx + 1 + nb);
    // Bluesky's last two accounts are not on the server: typed failures, recorded once.
    expect(
      outcomes.filter((o) => o.status === 'failed').map((o) => [o.accountId, o.reason]),
    ).toEqual([
      ['b38', 'not-found'],
      ['b39', 'not-found'],
    ]);
    // Stored once each: one snapshot per fetched account.
    const snapshots = await all(store.history());
    expect(snapshots).toHaveLength(nx + 1 + nb - 2);
    expect(new Set(snapshots.map((s) => s.accountId)).size).toBe(snapshots.length);
    expect(server.stats().x.throttled).toBe(0);
  }, 60_000);
});
