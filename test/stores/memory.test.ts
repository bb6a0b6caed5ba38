import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { memoryStore } from '../../src/stores/memory.js';
import { smallRegistry } from '../fixtures.js';
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

describe('issue #10: memoryStore refuses what it would lose', () => {
  it('defect 11: a snapshot with an extra key __proto__ is refused with its path, nothing written', async () => {
    const store = memoryStore();
    const row = { ...snap('a', 0, 1), extra: JSON.parse('{"__proto__": 5, "listed": 2}') };
    const error = await store.put([snap('b', 0, 1), row]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        path: [1, 'extra', '__proto__'],
        message: expect.stringContaining('expected a key other than "__proto__"'),
      },
    ]);
    expect(await store.latest({ asOf: new Date(0) })).toEqual([]);
  });

  it('defect 11: a hole in a sparse batch is refused, not skipped', async () => {
    const store = memoryStore();
    const rows = [snap('a', 0, 1)];
    rows.length = 2;
    await expect(store.put(rows)).rejects.toThrow(/\[1\]: Invalid input: expected object/);
  });

  it('defect 11: an unknown account id is quoted in short in the message', async () => {
    const store = memoryStore({ registry: smallRegistry() });
    const id = `\u202E${'a'.repeat(100_000)}`;
    const error = await store.put([snap(id, 0, 1)]).then(
      () => undefined,
      (e: unknown) => e as ValidationError,
    );
    expect(error?.message.length).toBeLessThan(300);
    expect(error?.message).toContain('unknown account "\\u{202E}aaa');
  });
});
