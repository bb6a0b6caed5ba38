import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/stores/memory.js';
import { all, describeStoreConformance, snap } from './conformance.js';

describeStoreConformance('memoryStore', async (options) => ({
  store: memoryStore(options),
  cleanup: async () => {},
}));

describe('memoryStore', () => {
  it('is named memory', () => {
    expect(memoryStore().name).toBe('memory');
  });

  it('inserts rows out of time order into an account with history', async () => {
    const store = memoryStore();
    const day = 86_400_000;
    await store.put([snap('a', 10 * day, 10), snap('a', 20 * day, 20)]);
    await store.put([snap('a', 15 * day, 15), snap('a', 5 * day, 5), snap('a', 20 * day, 21)]);
    expect((await all(store.history())).map((s) => s.followers.value)).toStrictEqual([
      5, 10, 15, 21,
    ]);
    expect((await store.latest({ asOf: new Date(16 * day) }))[0]?.followers.value).toBe(15);
  });

  it('sorts ids by code point, as PostgreSQL COLLATE "C" does', async () => {
    const store = memoryStore();
    const ids = ['b', 'B', '\u{1F600}', '\uFFFD', 'a-1', 'a'];
    await store.put(ids.map((id) => snap(id, 0, 1)));
    expect((await store.latest({ asOf: new Date(0) })).map((s) => s.accountId)).toStrictEqual([
      'B',
      'a',
      'a-1',
      'b',
      '\uFFFD',
      '\u{1F600}',
    ]);
  });
});
