import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { OptionError, StoreError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import { memoryStore } from '../../src/stores/memory.js';
import type { SnapshotStore } from '../../src/stores/types.js';
import { mockProvider } from '../../src/testing/mock-provider.js';

const registry = defineRegistry({
  units: [{ id: 'mp', kind: 'state', name: 'MP' }],
  accounts: Array.from({ length: 7 }, (_, i) => ({
    id: `a${i}`,
    unit: 'mp',
    platform: 'x',
    handle: `user${i}`,
  })),
});
const values = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`user${i}`, 100 + i]));
const all = async (store: SnapshotStore) => {
  const out = [];
  for await (const s of store.history()) out.push(s);
  return out;
};

describe('collect with a store', () => {
  it('writes each batch as it finishes, before reporting it', async () => {
    const inner = memoryStore();
    const puts: string[][] = [];
    const store: SnapshotStore = {
      ...inner,
      put: async (snapshots) => {
        await inner.put(snapshots);
        puts.push(snapshots.map((s) => s.accountId));
      },
    };
    const writtenAtEachBatch: number[] = [];
    const x = mockProvider({ platform: 'x', maxBatchSize: 3, values });
    const result = await collect(registry, {
      providers: [x],
      store,
      concurrency: 1,
      onProgress: () => {
        writtenAtEachBatch.push(puts.length);
      },
    });
    expect(puts).toEqual([['a0', 'a1', 'a2'], ['a3', 'a4', 'a5'], ['a6']]);
    // The k-th event comes once the k-th batch is written (later writes may be done by then).
    expect(writtenAtEachBatch).toHaveLength(3);
    for (const [k, written] of writtenAtEachBatch.entries()) {
      expect(written).toBeGreaterThanOrEqual(k + 1);
    }
    expect((await all(inner)).length).toBe(7);
    expect(result.stats.stored).toBe(7);
    expect(result.storeErrors).toEqual([]);
  });

  it('sends the next request while a batch is written, and bounds the writes waiting', async () => {
    const inner = memoryStore();
    const held: (() => void)[] = [];
    const callsAtPut: number[] = [];
    const x = mockProvider({ platform: 'x', maxBatchSize: 1, values });
    const store: SnapshotStore = {
      ...inner,
      put: async (snapshots) => {
        callsAtPut.push(x.calls.length);
        await new Promise<void>((release) => held.push(release));
        await inner.put(snapshots);
      },
    };
    const events: number[] = [];
    const run = collect(registry, {
      providers: [x],
      store,
      concurrency: 2,
      onProgress: (event) => {
        if (event.type === 'batch') events.push(held.length);
      },
    });
    // No write finishes: requests go on until 2 writes wait beyond the 2 slots, then stop.
    await new Promise((r) => setTimeout(r, 50));
    const sent = x.calls.length;
    expect(sent).toBeGreaterThan(2);
    expect(sent).toBeLessThan(7);
    expect(events).toEqual([]); // no batch reported before its write
    for (;;) {
      const release = held.shift();
      if (release) release();
      else if (x.calls.length === 7 && events.length === 7) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    const result = await run;
    expect(result.stats.stored).toBe(7);
    expect((await all(inner)).length).toBe(7);
    expect(callsAtPut[0]).toBeLessThanOrEqual(callsAtPut[1]!);
  });

  it('resumes: accounts already stored for this period are not fetched again, and are returned', async () => {
    const store = memoryStore();
    const since = new Date('2026-11-28T00:00:00+05:30');
    const firstRun = mockProvider({ platform: 'x', maxBatchSize: 2, values });
    await collect(registry, {
      providers: [firstRun],
      store,
      accountIds: ['a0', 'a1', 'a2'],
      now: () => new Date('2026-11-28T09:00:00+05:30'),
    });
    // an older snapshot (yesterday) does not count as observed in this period
    await store.put([
      {
        accountId: 'a3',
        platform: 'x',
        takenAt: new Date('2026-11-27T09:00:00+05:30'),
        followers: { value: 1, min: 1, max: 1 },
        source: { provider: 'old' },
      },
    ]);
    const secondRun = mockProvider({ platform: 'x', maxBatchSize: 2, values });
    const result = await collect(registry, {
      providers: [secondRun],
      store,
      resume: { since },
      now: () => new Date('2026-11-28T10:00:00+05:30'),
    });
    expect(secondRun.calls.flatMap((c) => c.accountIds)).toEqual(['a3', 'a4', 'a5', 'a6']);
    expect(result.snapshots.map((s) => s.accountId)).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
    ]);
    expect(result.stats).toMatchObject({ resumed: 3, stored: 4, snapshots: 7 });
    // no duplicates: one snapshot per account in this period
    const today = (await all(store)).filter((s) => s.takenAt >= since);
    expect(today.map((s) => s.accountId).sort()).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
    ]);
  });

  it('keeps collecting when the store fails, listing the failures and returning every snapshot', async () => {
    const broken: SnapshotStore = {
      ...memoryStore(),
      name: 'broken',
      put: async () => {
        throw new StoreError('disk full', { store: 'broken', operation: 'put' });
      },
    };
    const x = mockProvider({ platform: 'x', maxBatchSize: 4, values });
    const result = await collect(registry, { providers: [x], store: broken });
    expect(result.snapshots).toHaveLength(7);
    expect(result.storeErrors).toHaveLength(2);
    expect(result.storeErrors[0]?.message).toContain('disk full');
    expect(result.stats.stored).toBe(0);
  });

  it('checks its options', async () => {
    const x = mockProvider({ platform: 'x', values });
    await expect(
      collect(registry, { providers: [x], resume: { since: new Date() } }),
    ).rejects.toBeInstanceOf(OptionError);
    await expect(collect(registry, { providers: [x], store: {} as never })).rejects.toThrow(
      /`store`/,
    );
    await expect(
      collect(registry, { providers: [x], store: memoryStore(), resume: { since: new Date('x') } }),
    ).rejects.toThrow(/`resume.since`/);
  });
});
