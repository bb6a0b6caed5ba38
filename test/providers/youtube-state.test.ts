import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { OptionError } from '../../src/errors.js';
import { youtubeProvider } from '../../src/providers/youtube.js';
import { memoryStore } from '../../src/stores/memory.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
import type { StateStore } from '../../src/stores/state.js';
import type { FakeAccount, FakePlatformServer } from '../../src/testing/index.js';
import { credentialTag } from '../../src/util/hash.js';
import { start as fake } from '../fake-server/helpers.js';
import { fastHttp, registryOf } from './conformance.js';

// YouTube's quota ledger and handle cache kept in a store: each provider here stands for a new
// process (nothing of an earlier provider's memory survives), the store for what is on disk.
// (test/cli/quota.test.ts runs the same with two processes of the command.)

const KEY = 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY';
const channel = (i: number) => `UC${String(i).padStart(22, '0')}`;
const channels = (n: number): FakeAccount[] =>
  Array.from({ length: n }, (_, i) => ({
    platform: 'youtube',
    handle: channel(i),
    followers: 1_000 + i,
  }));

const newProcess = (server: FakePlatformServer, state: StateStore, unitsPerDay = 10) =>
  youtubeProvider({
    apiKey: KEY,
    baseUrl: server.baseUrl('youtube'),
    quota: { unitsPerDay },
    safetyMargin: 0.3, // 7 calls a day
    state,
  });

const run = (
  provider: ReturnType<typeof youtubeProvider>,
  handles: readonly string[],
  concurrency = 4,
) =>
  collect(registryOf('youtube', handles), { providers: [provider], concurrency, http: fastHttp });

describe('youtubeProvider with its state in a store', () => {
  for (const [name, open] of [
    ['memoryStore', async () => ({ store: memoryStore(), close: async () => {} })],
    [
      'postgresStore (PGlite)',
      async () => {
        const db = new PGlite();
        return { store: postgresStore({ client: db }), close: () => db.close() };
      },
    ],
  ] as const) {
    it(`${name}: runs one after the other, and two at once, never spend more than the day's calls together`, {
      timeout: 180_000,
    }, async () => {
      const { store, close } = await open();
      try {
        const server = await fake({ accounts: channels(600) });
        const handles = channels(600).map((a) => a.handle);
        // the first run spends 3 calls (150 channels), a new process then has 4 left
        const first = await run(newProcess(server, store), handles.slice(0, 150));
        expect(first.failures).toEqual([]);
        expect(server.stats().youtube.requests).toBe(3);
        const second = await run(newProcess(server, store), handles.slice(150, 600));
        expect(server.stats().youtube.requests).toBe(7);
        expect(second.snapshots).toHaveLength(200);
        expect(new Set(second.failures.map((f) => f.reason))).toEqual(new Set(['rate-limited']));
        // the day is spent: two more processes at once send nothing
        const [a, b] = await Promise.all([
          run(newProcess(server, store), handles.slice(0, 100)),
          run(newProcess(server, store), handles.slice(100, 200)),
        ]);
        expect(server.stats().youtube.requests).toBe(7);
        expect(a.snapshots.length + b.snapshots.length).toBe(0);
      } finally {
        await store.close();
        await close();
      }
    });

    it(`${name}: two processes at once on a fresh day share the budget: 7 calls in all`, {
      timeout: 180_000,
    }, async () => {
      const { store, close } = await open();
      try {
        const server = await fake({ accounts: channels(600) });
        const handles = channels(600).map((a) => a.handle);
        const [a, b] = await Promise.all([
          run(newProcess(server, store), handles.slice(0, 300), 8),
          run(newProcess(server, store), handles.slice(300), 8),
        ]);
        expect(server.stats().youtube.requests).toBe(7);
        expect(a.snapshots.length + b.snapshots.length).toBe(350);
      } finally {
        await store.close();
        await close();
      }
    });
  }

  it('a retry is counted too: answers beyond one per call reach the store', async () => {
    const store = memoryStore();
    const server = await fake({ accounts: channels(50) });
    server.inject({ kind: 'status', status: 503 }, { platform: 'youtube', times: 2 });
    await run(
      newProcess(server, store),
      channels(50).map((a) => a.handle),
    );
    expect(server.stats().youtube.requests).toBe(3);
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
      new Date(),
    );
    // the day's counter, read by adding 0
    const counter = await store.addToCounter(`youtube:quota:${credentialTag(KEY)}:${date}`, 0);
    expect(counter.value).toBe(3);
  });

  it('a handle resolved by one process is asked among the ids by the next', async () => {
    const store = memoryStore();
    const server = await fake({
      accounts: [
        { platform: 'youtube', handle: '@IndoreCollector', id: channel(100), followers: 77_123 },
        ...channels(1),
      ],
    });
    const handles = ['@indorecollector', channel(0)];
    await run(newProcess(server, store), handles);
    expect(server.log()).toEqual([
      `GET /youtube/youtube/v3/channels?id=${channel(0)}`,
      'GET /youtube/youtube/v3/channels?forHandle=@indorecollector',
    ]);
    server.reset();
    const again = await run(newProcess(server, store), handles);
    expect(again.failures).toEqual([]);
    expect(server.log()).toEqual([
      `GET /youtube/youtube/v3/channels?id=${channel(100)},${channel(0)}`,
    ]);
    expect(await store.readState(['youtube:channel-id:@indorecollector'])).toEqual(
      new Map([['youtube:channel-id:@indorecollector', channel(100)]]),
    );
  });

  it('refuses a state that is not a store with an OptionError', () => {
    expect(() => youtubeProvider({ apiKey: KEY, state: {} as StateStore })).toThrow(OptionError);
  });
});
