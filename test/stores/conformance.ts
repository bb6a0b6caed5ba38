// The conformance suite every SnapshotStore passes. A store's own test file calls
// describeStoreConformance with a factory and adds only what is particular to it.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { series } from '../../src/aggregate/series.js';
import { OptionError, StoreError, ValidationError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import type { StateStore } from '../../src/stores/state.js';
import type {
  PeriodValue,
  PeriodValuesOptions,
  RunOutcome,
  SnapshotStore,
  StoreOptions,
} from '../../src/stores/types.js';
import {
  HISTORY_START,
  historyArbitrary,
  referenceSeries,
  registryArbitrary,
  seriesOptionsArbitrary,
  sharesAMillisecond,
} from '../aggregate/reference.js';

/** A store made for one test, and how to remove what it left behind. */
export interface StoreFixture {
  store: SnapshotStore;
  cleanup: () => Promise<void>;
  /**
   * SQL straight into the store's tables, bypassing the store, as another program (psql, an ETL
   * job, a `DEFAULT now()` column) would write. Given by SQL stores, with `{snapshots}` and
   * `{accounts}` in the text replaced by the store's quoted table names; the tables exist by the
   * time it runs.
   */
  sql?: (text: string, params?: unknown[]) => Promise<unknown>;
}

/** What a store under test is made with: every store's options, and a paging store's page size. */
export interface ConformanceOptions extends StoreOptions {
  /** Rows per page for stores that read history in pages; others ignore it. */
  historyPageSize?: number;
}

/** Makes a fresh, empty store; `options` carry the registry for the tests that need one. */
export type MakeStore = (options: ConformanceOptions) => Promise<StoreFixture>;

/** What a store under test can do beyond the contract, turning on the tests that need it. */
export interface ConformanceFeatures {
  /** Its fixtures give {@link StoreFixture.sql}: rows written by other programs are tested. */
  foreignWrites?: boolean;
  /** False for a store without the {@link StateStore} (lock, provider state). @default true */
  state?: boolean;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1, 6, 30, 0, 123); // with milliseconds, to check they survive

/** A snapshot with every optional field absent. */
export function snap(
  accountId: string,
  time: number,
  value: number,
  more: Partial<Snapshot> = {},
): Snapshot {
  return {
    accountId,
    platform: 'x',
    takenAt: new Date(time),
    followers: { value, min: value, max: value },
    source: { provider: 'test' },
    ...more,
  };
}

/** SQL for {@link StoreFixture.sql}: `{snapshots}` and `{accounts}` become a schema's tables. */
export function tableNames(text: string, schema: string): string {
  return text
    .replaceAll('{snapshots}', `"${schema}".social_reach_snapshots`)
    .replaceAll('{accounts}', `"${schema}".social_reach_accounts`);
}

/** Everything an iterable yields, in order. */
export async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const keyOf = (s: Snapshot) => `${s.takenAt.toISOString()} ${s.accountId}`;

/**
 * At most `max` items of an iterable: a history that repeats rows forever still ends the test,
 * which then fails on the rows it got instead of hanging.
 */
async function upTo<T>(iterable: AsyncIterable<T>, max: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) if (out.push(item) >= max) break;
  return out;
}

/** A row as another program writes it: `at` is a timestamptz literal, to the microsecond. */
interface ForeignRow {
  accountId: string;
  at: string;
  value: number;
}

/** Writes rows with plain SQL, as psql or an ETL job would: the account, then the snapshot. */
async function writeForeign(fixture: StoreFixture, rows: readonly ForeignRow[]): Promise<void> {
  const sql = fixture.sql!;
  const ids = rows.map((r) => r.accountId);
  await sql(
    'INSERT INTO {accounts} (account_id) SELECT DISTINCT id FROM unnest($1::text[]) AS r(id) ON CONFLICT DO NOTHING',
    [ids],
  );
  await sql(
    `INSERT INTO {snapshots} (account_id, taken_at, platform, followers, provider)
      SELECT id, at::timestamptz, 'x', v, 'etl' FROM unnest($1::text[], $2::text[], $3::int8[]) AS r(id, at, v)`,
    [ids, rows.map((r) => r.at), rows.map((r) => r.value)],
  );
}

/** What a store reads back for a {@link ForeignRow}: `takenAt` is its millisecond. */
function foreignSnapshot(row: ForeignRow): Snapshot {
  return {
    accountId: row.accountId,
    platform: 'x',
    takenAt: new Date(Math.floor(microsOf(row.at) / 1000)),
    followers: { value: row.value, min: null, max: null },
    source: { provider: 'etl' },
  };
}

/** Microseconds since 1970 of an ISO time with up to six decimals and a `Z` (after 1970). */
function microsOf(iso: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?Z$/.exec(iso);
  if (!match) throw new Error(`not an ISO UTC time: ${iso}`);
  return Date.parse(`${match[1]}Z`) * 1000 + Number((match[2] ?? '').padEnd(6, '0'));
}

/** The ISO time, to the microsecond, of microseconds since 1970 (after 1970). */
function isoOfMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  return new Date(ms).toISOString().replace('Z', `${String(us - ms * 1000).padStart(3, '0')}Z`);
}

/**
 * Declares the tests every {@link SnapshotStore} must pass.
 *
 * @example
 * ```ts
 * describeStoreConformance('memoryStore', async (options) => ({
 *   store: memoryStore(options),
 *   cleanup: async () => {},
 * }));
 * ```
 */
export function describeStoreConformance(
  name: string,
  makeStore: MakeStore,
  features: ConformanceFeatures = {},
): void {
  describe(`${name} (store conformance)`, () => {
    const fixtures: StoreFixture[] = [];
    const openFixture = async (options: ConformanceOptions = {}): Promise<StoreFixture> => {
      const fixture = await makeStore(options);
      fixtures.push(fixture);
      return fixture;
    };
    const open = async (options: ConformanceOptions = {}): Promise<SnapshotStore> =>
      (await openFixture(options)).store;
    afterEach(async () => {
      for (const fixture of fixtures.splice(0)) {
        await fixture.store.close();
        await fixture.cleanup();
      }
    });

    describe('round trip', () => {
      it('returns every field exactly as put', async () => {
        const store = await open();
        const full: Snapshot = {
          accountId: 'indore-collector/x',
          platform: 'youtube',
          takenAt: new Date(T0 + 7),
          followers: { value: 36_200_000, min: 36_200_000, max: 36_299_999 },
          following: 0,
          posts: 1_234,
          views: 8_000_000_000_123, // beyond 2^32: bigint columns
          extra: { fans: 148_921, ratio: 0.125, big: 2 ** 53 - 1, zero: 0 },
          source: {
            provider: 'static',
            note: 'दैनिक भास्कर, 12 मार्च 2021 — "more than 32 thousand"',
            evidenceUrl: 'https://example.org/news?id=1&lang=hi',
          },
        };
        const approx = snap('b', T0, 77_000, {
          followers: { value: 77_000, min: null, max: null },
          extra: {},
        });
        const atLeast = snap('c', T0, 32_000, {
          followers: { value: 32_000, min: 32_000, max: null },
        });
        const atMost = snap('d', T0, 5_000, { followers: { value: 5_000, min: null, max: 5_000 } });
        const bare = snap('e', T0, 0);
        await store.put([full, approx, atLeast, atMost, bare]);

        const latest = await store.latest({ asOf: new Date(T0 + DAY) });
        expect(latest).toStrictEqual([approx, atLeast, atMost, bare, full]);
        for (const s of latest.slice(0, 4)) {
          // Absent, neither undefined nor null.
          expect(Object.keys(s).sort()).toStrictEqual(
            [
              'accountId',
              'followers',
              'platform',
              'source',
              'takenAt',
              ...(s.extra ? ['extra'] : []),
            ].sort(),
          );
          expect(Object.keys(s.source)).toStrictEqual(['provider']);
        }
        expect(await all(store.history())).toStrictEqual([approx, atLeast, atMost, bare, full]);
      });

      it('returns fresh objects: changing one does not change the store', async () => {
        const store = await open();
        const input = snap('a', T0, 10, { extra: { k: 1 } });
        await store.put([input]);
        input.followers.value = 99;
        input.takenAt.setTime(0);
        const [read] = await store.latest({ asOf: new Date(T0) });
        read!.followers.value = 42;
        read!.extra!.k = 2;
        read!.source.provider = 'changed';
        expect(await store.latest({ asOf: new Date(T0) })).toStrictEqual([
          snap('a', T0, 10, { extra: { k: 1 } }),
        ]);
      });

      it('accepts ISO strings for takenAt and returns Dates', async () => {
        const store = await open();
        const input = { ...snap('a', T0, 1), takenAt: new Date(T0).toISOString() };
        await store.put([input as unknown as Snapshot]);
        expect(await all(store.history())).toStrictEqual([snap('a', T0, 1)]);
      });
    });

    describe('put', () => {
      it('is idempotent: the same batch twice stores each row once', async () => {
        const store = await open();
        const batch = [snap('a', T0, 1), snap('a', T0 + DAY, 2), snap('b', T0, 3)];
        await store.put(batch);
        await store.put(batch);
        expect(await all(store.history())).toStrictEqual([batch[0], batch[2], batch[1]]);
      });

      it('replaces the row of the same (accountId, takenAt): a corrected figure', async () => {
        const store = await open();
        await store.put([
          snap('a', T0, 100, {
            posts: 5,
            extra: { x: 1 },
            source: { provider: 'p', note: 'first', evidenceUrl: 'https://example.org/' },
          }),
        ]);
        const corrected = snap('a', T0, 120, { followers: { value: 120, min: 110, max: null } });
        await store.put([corrected]);
        expect(await all(store.history())).toStrictEqual([corrected]);
        expect(await store.latest({ asOf: new Date(T0) })).toStrictEqual([corrected]);
      });

      it('keeps the last row of a key repeated within one call', async () => {
        const store = await open();
        await store.put([snap('a', T0, 1), snap('b', T0, 5), snap('a', T0, 2)]);
        expect(await all(store.history())).toStrictEqual([snap('a', T0, 2), snap('b', T0, 5)]);
      });

      it('accepts an empty batch', async () => {
        const store = await open();
        await store.put([]);
        expect(await store.latest()).toStrictEqual([]);
      });

      it('writes nothing from a call with a bad row, and lists every bad row with its path', async () => {
        const store = await open();
        const before = [snap('a', T0, 10)];
        await store.put(before);
        const batch = [
          snap('a', T0 + DAY, 11), // valid, must not be written
          snap('b', T0, -1),
          snap('c', T0, 10, { followers: { value: 10, min: 11, max: null } }),
          snap('d', T0, 10, { followers: { value: 10, min: null, max: 9 } }),
          snap('e', T0, 1.5),
          snap('f', T0, 1, { posts: -3 }),
          snap('', T0, 1),
          { ...snap('g', T0, 1), takenAt: new Date(Number.NaN) },
          snap('h\u0000', T0, 1),
        ];
        const error = await store.put(batch).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        const paths = (error as ValidationError).issues.map((issue) => issue.path.join('.'));
        for (const path of [
          '1.followers.value',
          '2.followers.min',
          '3.followers.max',
          '4.followers.value',
          '5.posts',
          '6.accountId',
          '7.takenAt',
          '8.accountId',
        ]) {
          expect(paths).toContain(path);
        }
        expect(paths.some((p) => p.startsWith('0.'))).toBe(false);
        expect((error as Error).message).toContain('[2].followers.min');
        expect(await all(store.history())).toStrictEqual(before);
        expect(await store.latest({ asOf: new Date(T0 + 2 * DAY) })).toStrictEqual(before);
      });

      it('with a registry, refuses unknown accounts and wrong platforms, writing nothing', async () => {
        const registry = defineRegistry({
          units: [{ id: 'indore', kind: 'district', name: 'Indore' }],
          accounts: [
            { id: 'indore-x', unit: 'indore', platform: 'x', handle: '@IndoreCollector' },
            { id: 'indore-fb', unit: 'indore', platform: 'facebook', handle: 'indorecollector' },
          ],
        });
        const store = await open({ registry });
        await store.put([
          snap('indore-x', T0, 1),
          { ...snap('indore-fb', T0, 2), platform: 'facebook' },
        ]);
        const error = await store
          .put([
            snap('indore-x', T0 + DAY, 3),
            snap('nobody', T0, 1),
            snap('indore-fb', T0 + DAY, 4),
          ])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toStrictEqual([
          '1.accountId',
          '2.platform',
        ]);
        expect((await all(store.history())).map((s) => s.followers.value)).toStrictEqual([2, 1]);
      });
    });

    describe('latest', () => {
      const data = [
        snap('b', T0, 1),
        snap('b', T0 + DAY, 2),
        snap('b', T0 + 2 * DAY, 3),
        snap('a', T0 + DAY, 10),
        snap('C', T0 + 2 * DAY, 20), // upper case sorts before lower case (code points)
      ];

      it('is empty as of a time before any data', async () => {
        const store = await open();
        await store.put(data);
        expect(await store.latest({ asOf: new Date(T0 - 1) })).toStrictEqual([]);
      });

      it('counts a snapshot taken exactly at asOf, and not one a millisecond later', async () => {
        const store = await open();
        await store.put(data);
        expect(await store.latest({ asOf: new Date(T0) })).toStrictEqual([data[0]]);
        expect(await store.latest({ asOf: new Date(T0 + DAY - 1) })).toStrictEqual([data[0]]);
        expect(await store.latest({ asOf: new Date(T0 + DAY) })).toStrictEqual([data[3], data[1]]);
      });

      it('gives the newest snapshot per account, sorted by accountId', async () => {
        const store = await open();
        await store.put(data);
        const expected = [data[4], data[3], data[2]];
        expect(await store.latest({ asOf: new Date(T0 + 10 * DAY) })).toStrictEqual(expected);
        expect(await store.latest()).toStrictEqual(expected); // default: now
      });

      it('defaults asOf to now: a snapshot dated in the future is not yet the latest', async () => {
        const store = await open();
        const now = Date.now();
        await store.put([snap('a', now - DAY, 1), snap('a', now + 365 * DAY, 2)]);
        expect((await store.latest()).map((s) => s.followers.value)).toStrictEqual([1]);
      });

      it('filters by accountIds (unknown and repeated ids are harmless)', async () => {
        const store = await open();
        await store.put(data);
        const asOf = new Date(T0 + 10 * DAY);
        expect(await store.latest({ asOf, accountIds: ['b', 'zzz', 'C', 'b'] })).toStrictEqual([
          data[4],
          data[2],
        ]);
        expect(await store.latest({ asOf, accountIds: [] })).toStrictEqual([]);
      });

      it('takes the earliest and latest dates JavaScript has', async () => {
        const store = await open();
        await store.put(data);
        const first = new Date(-8.64e15);
        const last = new Date(8.64e15);
        expect(await store.latest({ asOf: last })).toStrictEqual([data[4], data[3], data[2]]);
        expect(await store.latest({ asOf: first })).toStrictEqual([]);
        expect(await all(store.history({ from: first, to: last }))).toHaveLength(data.length);
        expect(await all(store.history({ from: last }))).toStrictEqual([]);
        expect(await all(store.history({ to: first }))).toStrictEqual([]);
      });

      it('refuses invalid options with an OptionError', async () => {
        const store = await open();
        await expect(store.latest({ asOf: new Date(Number.NaN) })).rejects.toBeInstanceOf(
          OptionError,
        );
        await expect(
          store.latest({ accountIds: 'a' as unknown as string[] }),
        ).rejects.toBeInstanceOf(OptionError);
      });
    });

    describe('history', () => {
      const data = [
        snap('b', T0 + DAY, 2),
        snap('a', T0, 1),
        snap('b', T0, 3),
        snap('a', T0 + DAY, 4),
        snap('c', T0 + 2 * DAY, 5),
      ];
      const ordered = [data[1], data[2], data[3], data[0], data[4]];

      it('streams every snapshot ordered by takenAt, then accountId', async () => {
        const store = await open();
        await store.put(data);
        expect(await all(store.history())).toStrictEqual(ordered);
        expect(await all(store.history({}))).toStrictEqual(ordered);
      });

      it('takes from and to inclusive', async () => {
        const store = await open();
        await store.put(data);
        const range = (from?: number, to?: number) =>
          all(
            store.history({
              ...(from === undefined ? {} : { from: new Date(from) }),
              ...(to === undefined ? {} : { to: new Date(to) }),
            }),
          );
        expect(await range(T0 + DAY, T0 + DAY)).toStrictEqual([data[3], data[0]]);
        expect(await range(T0 + 1, T0 + 2 * DAY - 1)).toStrictEqual([data[3], data[0]]);
        expect(await range(T0 + DAY)).toStrictEqual([data[3], data[0], data[4]]);
        expect(await range(undefined, T0)).toStrictEqual([data[1], data[2]]);
        expect(await range(T0 + 3 * DAY)).toStrictEqual([]);
        expect(await range(T0 + DAY, T0)).toStrictEqual([]); // from after to
      });

      it('filters by accountIds', async () => {
        const store = await open();
        await store.put(data);
        expect(await all(store.history({ accountIds: ['c', 'b', 'nobody'] }))).toStrictEqual([
          data[2],
          data[0],
          data[4],
        ]);
        expect(
          await all(store.history({ accountIds: ['a'], from: new Date(T0 + DAY) })),
        ).toStrictEqual([data[3]]);
        expect(await all(store.history({ accountIds: [] }))).toStrictEqual([]);
      });

      it('refuses invalid options with an OptionError', async () => {
        const store = await open();
        await expect(
          all(store.history({ from: 'yesterday' as unknown as Date })),
        ).rejects.toBeInstanceOf(OptionError);
      });
    });

    describe('streaming', () => {
      const ACCOUNTS = 50;
      const DAYS = 200; // 10,000 rows: more than one page of any store
      const many = (): Snapshot[] => {
        const out: Snapshot[] = [];
        for (let d = 0; d < DAYS; d++) {
          for (let a = 0; a < ACCOUNTS; a++) {
            out.push(snap(`acc-${String(a).padStart(3, '0')}`, T0 + d * DAY, d * 1000 + a));
          }
        }
        return out;
      };

      it('streams many rows in order, and a loop left early releases the store', async () => {
        const store = await open();
        const rows = many();
        await store.put(rows);

        let taken = 0;
        for await (const _ of store.history()) {
          if (++taken === 10) break;
        }
        expect(taken).toBe(10);
        // Nothing is left held: writes and reads go on, and a new iteration starts afresh.
        await store.put([snap('late', T0, 1)]);
        const read = await all(store.history());
        expect(read).toHaveLength(rows.length + 1);
        const keys = read.map(keyOf);
        expect(keys).toStrictEqual([...keys].sort());
        expect(read[0]).toStrictEqual(rows[0]);
        expect(read.at(-1)).toStrictEqual(rows.at(-1));
      });

      it('reads lazily: rows put after the first one was read, beyond it, are seen', async () => {
        const store = await open();
        const rows = many();
        await store.put(rows);
        const iterator = store.history()[Symbol.asyncIterator]();
        const first = await iterator.next();
        expect(first.value).toStrictEqual(rows[0]);
        const later = snap('zz-later', T0 + DAYS * DAY, 1);
        await store.put([later]);
        let count = 1;
        let last: Snapshot | undefined;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          count++;
          last = next.value;
        }
        expect(count).toBe(rows.length + 1);
        expect(last).toStrictEqual(later);
      });
    });

    describe('run ledger', () => {
      const ok = (runId: string, accountId: string, t: number): RunOutcome => ({
        runId,
        accountId,
        platform: 'x',
        status: 'snapshot',
        takenAt: new Date(T0 + t),
        recordedAt: new Date(T0 + t + 1),
      });
      const failed = (runId: string, accountId: string, message?: string): RunOutcome => ({
        runId,
        accountId,
        platform: 'youtube',
        status: 'failed',
        reason: 'not-found',
        ...(message !== undefined ? { message } : {}),
        recordedAt: new Date(T0 + 5),
      });
      const ledger = (store: SnapshotStore) => {
        const { recordOutcomes, runOutcomes } = store;
        if (!recordOutcomes || !runOutcomes) throw new Error(`${store.name} has no run ledger`);
        return {
          record: (o: readonly RunOutcome[]) => recordOutcomes.call(store, o),
          read: (runId: string, accountIds?: readonly string[]) =>
            runOutcomes.call(store, runId, accountIds ? { accountIds } : undefined),
        };
      };

      it('keeps the first outcome of each account of a run, and says how many were new', async () => {
        const { record, read } = ledger(await open());
        expect(await record([ok('r1', 'b', 1), failed('r1', 'a', 'gone'), ok('r2', 'a', 2)])).toBe(
          3,
        );
        // A worker taking over records again: nothing changes, nothing is counted twice.
        expect(await record([ok('r1', 'a', 9), failed('r1', 'b'), ok('r1', 'c', 3)])).toBe(1);
        expect(await read('r1')).toStrictEqual([
          failed('r1', 'a', 'gone'),
          ok('r1', 'b', 1),
          ok('r1', 'c', 3),
        ]);
        expect(await read('r2')).toStrictEqual([ok('r2', 'a', 2)]);
        expect(await read('r1', ['c', 'zz', 'a', 'c'])).toStrictEqual([
          failed('r1', 'a', 'gone'),
          ok('r1', 'c', 3),
        ]);
        expect(await read('r1', [])).toStrictEqual([]);
        expect(await read('unknown-run')).toStrictEqual([]);
        // Within one call too, the first of a key wins.
        expect(await record([ok('r3', 'a', 1), failed('r3', 'a')])).toBe(1);
        expect((await read('r3'))[0]?.status).toBe('snapshot');
      });

      it('records concurrently from many workers, each account exactly once', async () => {
        const store = await open();
        const { record, read } = ledger(store);
        const ids = Array.from({ length: 60 }, (_, i) => `acc-${String(i).padStart(2, '0')}`);
        const counts = await Promise.all(
          Array.from({ length: 4 }, (_, w) =>
            record(ids.map((id, i) => ok('run', id, w * 100 + i))),
          ),
        );
        expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
        expect((await read('run')).map((o) => o.accountId)).toStrictEqual(ids);
      });

      it('refuses bad rows, naming each, and writes nothing from the call', async () => {
        const { record, read } = ledger(await open());
        const bad = [
          ok('r1', 'fine', 1),
          { ...ok('bad run id!', 'a', 1) },
          { ...ok('r1', 'b', 1), takenAt: undefined },
          { ...failed('r1', 'c'), reason: 'exploded' as RunOutcome['reason'] },
          { ...failed('r1', 'd'), message: 'x'.repeat(501) },
          { ...ok('r1', 'e', 1), status: 'done' as RunOutcome['status'] },
          { ...ok('r1', 'f\u0000', 1) },
        ];
        const error = await record(bad).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
        expect(paths).toStrictEqual([
          '1.runId',
          '2.takenAt',
          '3.reason',
          '4.message',
          '5.status',
          '6.accountId',
        ]);
        expect(await read('r1')).toStrictEqual([]);
        await expect(read('no spaces')).rejects.toBeInstanceOf(OptionError);
      });

      it('throws a StoreError once closed', async () => {
        const store = await open();
        const { record, read } = ledger(store);
        await store.close();
        await expect(record([ok('r1', 'a', 1)])).rejects.toBeInstanceOf(StoreError);
        await expect(read('r1')).rejects.toBeInstanceOf(StoreError);
      });
    });

    describe('prune', () => {
      it('deletes snapshots taken before a time, of one platform or of all, and says how many', async () => {
        const store = await open();
        await store.put([
          snap('a', T0, 1),
          snap('a', T0 + DAY, 2),
          snap('y', T0, 3, { platform: 'youtube' }),
          snap('y', T0 + 2 * DAY, 4, { platform: 'youtube' }),
        ]);
        expect(await store.prune({ platform: 'youtube', before: new Date(T0 + DAY) })).toBe(1);
        expect((await all(store.history())).map((s) => s.followers.value)).toEqual([1, 2, 4]);
        expect(await store.prune({ before: new Date(T0 + DAY) })).toBe(1);
        expect((await all(store.history())).map((s) => s.followers.value)).toEqual([2, 4]);
        expect(await store.prune({ before: new Date(T0) })).toBe(0);
        expect(
          (await store.latest({ asOf: new Date(T0 + 3 * DAY) })).map((s) => s.accountId),
        ).toEqual(['a', 'y']);
      });

      it('deletes everything with a before past the year 9999 (it was an SQL error: the ISO string of year 10000)', async () => {
        const store = await open();
        await store.put([snap('a', T0, 1), snap('b', Date.parse('9999-12-31T23:59:59.999Z'), 2)]);
        expect(await store.prune({ before: new Date(8.64e15) })).toBe(2);
        expect(await all(store.history())).toStrictEqual([]);
      });

      it('refuses invalid options with an OptionError', async () => {
        const store = await open();
        await expect(store.prune({} as never)).rejects.toBeInstanceOf(OptionError);
        await expect(store.prune({ before: new Date('nope') })).rejects.toBeInstanceOf(OptionError);
      });
    });

    describe('close', () => {
      it('is idempotent, and every method of a closed store throws a StoreError', async () => {
        const store = await open();
        await store.put([snap('a', T0, 1)]);
        await store.close();
        await store.close();
        for (const attempt of [
          store.put([snap('a', T0, 2)]),
          store.latest(),
          all(store.history()),
          store.prune({ before: new Date(T0) }),
        ]) {
          const error = await attempt.catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreError);
          expect((error as StoreError).code).toBe('STORE_ERROR');
          expect((error as StoreError).message).toMatch(/closed/);
        }
      });

      it('ends an iteration running when the store is closed', async () => {
        const store = await open();
        await store.put(Array.from({ length: 5_000 }, (_, i) => snap(`a${i}`, T0, i)));
        const iterator = store.history()[Symbol.asyncIterator]();
        await iterator.next();
        await store.close();
        let error: unknown;
        try {
          for (let i = 0; i < 5_000; i++) if ((await iterator.next()).done) break;
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(StoreError);
      });
    });

    // The lock and the provider state (StateStore): given by memoryStore and postgresStore.
    const openState = async (): Promise<SnapshotStore & StateStore> => {
      const store = await open();
      if (typeof (store as Partial<StateStore>).lock !== 'function') {
        throw new Error(`${name} gives no StateStore (lock, readState, writeState, addToCounter)`);
      }
      return store as SnapshotStore & StateStore;
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    describe.runIf(features.state !== false)('lock', () => {
      it('is held by one holder at a time; the second is told who holds it and until when', async () => {
        const store = await openState();
        const before = Date.now();
        const first = await store.lock('collect', {
          holder: 'collect, pid 1 on ops-01',
          ttlMs: 60_000,
        });
        expect(first.acquired).toBe(true);
        const second = await store.lock('collect', { holder: 'collect, pid 2', ttlMs: 60_000 });
        expect(second.acquired).toBe(false);
        if (second.acquired) return;
        expect(second.heldBy.holder).toBe('collect, pid 1 on ops-01');
        expect(second.heldBy.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 59_000);
        expect(second.heldBy.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
        // another name is another lock
        const other = await store.lock('prune', { holder: 'prune', ttlMs: 60_000 });
        expect(other.acquired).toBe(true);
        if (!first.acquired) throw new Error('not acquired');
        await first.lock.release();
        await first.lock.release(); // idempotent
        const third = await store.lock('collect', { holder: 'collect, pid 3', ttlMs: 60_000 });
        expect(third.acquired).toBe(true);
      });

      it('of ten callers at once, exactly one gets it', async () => {
        const store = await openState();
        const attempts = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.lock('collect', { holder: `run ${i}`, ttlMs: 60_000 }),
          ),
        );
        expect(attempts.filter((a) => a.acquired)).toHaveLength(1);
        const holder = attempts.find((a) => a.acquired);
        for (const a of attempts)
          if (!a.acquired && holder?.acquired) expect(a.heldBy.holder).toBe(holder.lock.holder);
      });

      it('expires unless renewed: then another holder takes it, and the first one cannot renew it', async () => {
        const store = await openState();
        const first = await store.lock('collect', { holder: 'first', ttlMs: 1000 });
        if (!first.acquired) throw new Error('not acquired');
        const was = first.lock.expiresAt.getTime();
        await sleep(300);
        await first.lock.renew();
        expect(first.lock.expiresAt.getTime()).toBeGreaterThan(was);
        expect((await store.lock('collect', { holder: 'second', ttlMs: 1000 })).acquired).toBe(
          false,
        );
        await sleep(1100);
        const second = await store.lock('collect', { holder: 'second', ttlMs: 60_000 });
        expect(second.acquired).toBe(true);
        const error = await first.lock.renew().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreError);
        expect((error as StoreError).message).toMatch(/lock "collect" was lost/);
        await first.lock.release(); // leaves the new holder's lock alone
        expect((await store.lock('collect', { holder: 'third', ttlMs: 1000 })).acquired).toBe(
          false,
        );
      });

      it('refuses invalid options with an OptionError', async () => {
        const store = await openState();
        for (const [lockName, options] of [
          ['', { holder: 'a', ttlMs: 60_000 }],
          ['collect', { holder: '', ttlMs: 60_000 }],
          ['collect', { holder: 'a', ttlMs: 10 }],
          ['collect', { holder: 'a', ttlMs: Number.NaN }],
        ] as const) {
          await expect(store.lock(lockName, options)).rejects.toBeInstanceOf(OptionError);
        }
      });
    });

    describe.runIf(features.state !== false)('provider state', () => {
      it('reads back what was written, leaving out unknown and expired keys; a write replaces', async () => {
        const store = await openState();
        await store.writeState([
          { key: 'youtube:channel:@indore', value: 'UC1234567890123456789012' },
          { key: 'gone', value: 'x', expiresAt: new Date(Date.now() - 1000) },
          { key: 'later', value: 'y', expiresAt: new Date(Date.now() + 60_000) },
          { key: 'हिंदी', value: 'मान "quoted"\n' },
        ]);
        expect(
          Object.fromEntries(
            await store.readState(['youtube:channel:@indore', 'gone', 'later', 'unknown', 'हिंदी']),
          ),
        ).toStrictEqual({
          'youtube:channel:@indore': 'UC1234567890123456789012',
          later: 'y',
          हिंदी: 'मान "quoted"\n',
        });
        await store.writeState([
          { key: 'later', value: 'z' },
          { key: 'later', value: 'last wins' },
        ]);
        expect((await store.readState(['later'])).get('later')).toBe('last wins');
        expect((await store.readState([])).size).toBe(0);
      });

      it('adds to a counter, within a limit: an addition past it is refused and changes nothing', async () => {
        const store = await openState();
        const key = 'youtube:quota:abc:2026-12-03';
        expect(await store.addToCounter(key, 3, { limit: 5 })).toStrictEqual({
          added: true,
          value: 3,
        });
        expect(await store.addToCounter(key, 3, { limit: 5 })).toStrictEqual({
          added: false,
          value: 3,
        });
        expect(await store.addToCounter(key, 2, { limit: 5 })).toStrictEqual({
          added: true,
          value: 5,
        });
        expect(await store.addToCounter(key, 0, { limit: 5 })).toStrictEqual({
          added: true,
          value: 5,
        });
        // without a limit, always
        expect(await store.addToCounter(key, 10)).toStrictEqual({ added: true, value: 15 });
        expect(await store.addToCounter('fresh', 7, { limit: 6 })).toStrictEqual({
          added: false,
          value: 0,
        });
      });

      it('twenty additions at once never pass the limit together', async () => {
        const store = await openState();
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.addToCounter('shared', 1, { limit: 7 })),
        );
        expect(results.filter((r) => r.added)).toHaveLength(7);
        expect((await store.addToCounter('shared', 0)).value).toBe(7);
      });

      it('an expired counter counts from 0 again', async () => {
        const store = await openState();
        await store.addToCounter('day', 5, { expiresAt: new Date(Date.now() + 400) });
        expect((await store.addToCounter('day', 1, { limit: 5 })).added).toBe(false);
        await sleep(500);
        expect(await store.addToCounter('day', 1, { limit: 5 })).toStrictEqual({
          added: true,
          value: 1,
        });
      });

      it('refuses invalid input with an OptionError, and throws a StoreError once closed', async () => {
        const store = await openState();
        await expect(store.readState([''])).rejects.toBeInstanceOf(OptionError);
        await expect(
          store.writeState([{ key: 'k', value: 'x'.repeat(5000) }]),
        ).rejects.toBeInstanceOf(OptionError);
        await expect(store.addToCounter('k', -1)).rejects.toBeInstanceOf(OptionError);
        await expect(store.addToCounter('k', 1.5)).rejects.toBeInstanceOf(OptionError);
        await store.close();
        for (const attempt of [
          store.readState(['k']),
          store.writeState([{ key: 'k', value: 'v' }]),
          store.addToCounter('k', 1),
          store.lock('collect', { holder: 'a', ttlMs: 60_000 }),
        ]) {
          await expect(attempt).rejects.toBeInstanceOf(StoreError);
        }
      });
    });

    // Page sizes for stores that page history; undefined is the store's default.
    const PAGE_SIZES = [1, 2, 3, undefined];

    describe('paging: every row exactly once', () => {
      it('history yields each row exactly once, in order, at page sizes 1, 2, 3 and the default', async () => {
        // Equal times across accounts, and one account's rows a millisecond apart.
        const rows = [
          snap('a', T0, 1),
          snap('b', T0, 2),
          snap('c', T0, 3),
          snap('a', T0 + 1, 4),
          snap('b', T0 + 1, 5),
          snap('a', T0 + 2, 6),
          snap('c', T0 + DAY, 7),
        ];
        for (const historyPageSize of PAGE_SIZES) {
          const store = await open(historyPageSize === undefined ? {} : { historyPageSize });
          await store.put([...rows].reverse());
          const read = await upTo(store.history(), 3 * rows.length);
          expect(
            read.map((s) => s.followers.value),
            `page size ${historyPageSize}`,
          ).toEqual([1, 2, 3, 4, 5, 6, 7]);
          const b = await upTo(store.history({ accountIds: ['b'] }), 3 * rows.length);
          expect(b.map((s) => s.followers.value)).toEqual([2, 5]);
        }
      });
    });

    describe.runIf(features.foreignWrites)('rows other programs wrote, to the microsecond', () => {
      // A store writes milliseconds; psql, an ETL job or `DEFAULT now()` write microseconds. Such
      // rows are kept as they are, read back at their millisecond (rounded down), and counted at
      // that millisecond by every bound; keys stay exact, so no row replaces another.
      const at = (fraction: string, second = '00') => `2024-01-01T06:30:${second}.${fraction}Z`;
      const T = Date.parse(at('000')); // 06:30:00.000

      it('history repeated microsecond rows and never ended: each row exactly once, in order, at page sizes 1, 2, 3 and the default', async () => {
        const foreign: ForeignRow[] = [
          { accountId: 'c', at: at('123456'), value: 3 }, // the same time for three accounts
          { accountId: 'a', at: at('123456'), value: 1 },
          { accountId: 'b', at: at('123456'), value: 2 },
          { accountId: 'a', at: at('123457'), value: 4 }, // 1 µs after a's previous row
          { accountId: 'b', at: at('123999'), value: 5 },
          { accountId: 'b', at: at('124000'), value: 6 }, // 1 µs later, the next millisecond
          { accountId: 'a', at: at('999999'), value: 7 },
          { accountId: 'a', at: at('000000', '01'), value: 8 },
        ];
        const own = snap('a', T + 123, 100); // 06:30:00.123000, before a's foreign rows
        const expected = [
          own,
          ...[1, 2, 3, 4, 5, 6, 7, 8].map((v) =>
            foreignSnapshot(foreign.find((r) => r.value === v)!),
          ),
        ];
        for (const historyPageSize of PAGE_SIZES) {
          const fixture = await openFixture(
            historyPageSize === undefined ? {} : { historyPageSize },
          );
          await writeForeign(fixture, foreign);
          await fixture.store.put([own]);
          const read = await upTo(fixture.store.history(), 3 * expected.length);
          expect(read, `page size ${historyPageSize}`).toStrictEqual(expected);
          const a = await upTo(fixture.store.history({ accountIds: ['a'] }), 20);
          expect(a.map((s) => s.followers.value)).toStrictEqual([100, 1, 4, 7, 8]);
        }
      });

      it('history pages exactly at the ends of the range: years 1 and 9999, beyond 2^53 microseconds', async () => {
        const fixture = await openFixture({ historyPageSize: 1 });
        const ends = [
          '0001-01-01T00:00:00.000000Z',
          '0001-01-01T00:00:00.000001Z',
          '1969-12-31T23:59:59.999999Z', // just before 1970: negative microseconds
          '1970-01-01T00:00:00.000000Z',
          '9999-12-31T23:59:59.999998Z',
          '9999-12-31T23:59:59.999999Z',
        ];
        await writeForeign(
          fixture,
          ends.map((iso, value) => ({ accountId: 'a', at: iso, value })),
        );
        const read = await upTo(fixture.store.history(), 3 * ends.length);
        expect(read.map((s) => s.followers.value)).toStrictEqual([0, 1, 2, 3, 4, 5]);
        expect(read.map((s) => s.takenAt.toISOString())).toStrictEqual([
          '0001-01-01T00:00:00.000Z',
          '0001-01-01T00:00:00.000Z',
          '1969-12-31T23:59:59.999Z',
          '1970-01-01T00:00:00.000Z',
          '9999-12-31T23:59:59.999Z',
          '9999-12-31T23:59:59.999Z',
        ]);
        const last = await fixture.store.latest({ asOf: new Date('9999-12-31T23:59:59.999Z') });
        expect(last.map((s) => s.followers.value)).toStrictEqual([5]);
      });

      it('a taken_at a JavaScript Date cannot hold read as an Invalid Date or failed with a bigint error: now a StoreError naming the account', async () => {
        const fine = { accountId: 'a', at: at('456789'), value: 1 };
        const cannot = /"far".*infinite or after 275760-09-13/;
        for (const beyond of ['280000-01-01T00:00:00Z', 'infinity', '-infinity']) {
          const fixture = await openFixture({ historyPageSize: 1 });
          await writeForeign(fixture, [fine, { accountId: 'far', at: beyond, value: 2 }]);
          const read: Snapshot[] = [];
          const error = await (async () => {
            for await (const s of fixture.store.history()) read.push(s);
          })().catch((e: unknown) => e);
          // Every row before it is read; the row itself stops the iteration, saying which.
          expect(read, beyond).toStrictEqual(beyond === '-infinity' ? [] : [foreignSnapshot(fine)]);
          expect(error, beyond).toBeInstanceOf(StoreError);
          expect((error as Error).message).toMatch(cannot);
          const latest = fixture.store.latest({ asOf: new Date(8.64e15) });
          if (beyond === '-infinity') {
            // It is the newest row of its account at any asOf.
            await expect(latest).rejects.toThrow(cannot);
          } else {
            // latest never reaches past the year 9999, so it answers.
            expect(await latest).toStrictEqual([foreignSnapshot(fine)]);
          }
        }
      });

      it('history to left out rows stored microseconds into its millisecond', async () => {
        const fixture = await openFixture({ historyPageSize: 1 });
        const foreign: ForeignRow[] = [
          { accountId: 'a', at: at('455999'), value: 1 },
          { accountId: 'a', at: at('456000'), value: 2 },
          { accountId: 'a', at: at('456789'), value: 3 },
          { accountId: 'b', at: at('456999'), value: 4 },
          { accountId: 'a', at: at('457000'), value: 5 },
        ];
        await writeForeign(fixture, foreign);
        const values = async (from?: number, to?: number) =>
          (
            await upTo(
              fixture.store.history({
                ...(from === undefined ? {} : { from: new Date(from) }),
                ...(to === undefined ? {} : { to: new Date(to) }),
              }),
              20,
            )
          ).map((s) => s.followers.value);
        expect(await values(undefined, T + 456)).toStrictEqual([1, 2, 3, 4]);
        expect(await values(T + 456, T + 456)).toStrictEqual([2, 3, 4]);
        expect(await values(T + 456)).toStrictEqual([2, 3, 4, 5]);
        expect(await values(T + 457)).toStrictEqual([5]);
        expect(await values(undefined, T + 455)).toStrictEqual([1]);
        // Whatever a row reports, asking for exactly that millisecond finds it.
        for (const s of await upTo(fixture.store.history(), 20)) {
          const again = await upTo(fixture.store.history({ from: s.takenAt, to: s.takenAt }), 20);
          expect(again).toContainEqual(s);
        }
      });

      it('latest left out a row stored microseconds into the millisecond of asOf', async () => {
        const fixture = await openFixture();
        await writeForeign(fixture, [
          { accountId: 'a', at: at('455999'), value: 1 },
          { accountId: 'a', at: at('456789'), value: 2 },
          { accountId: 'b', at: at('456000'), value: 3 },
        ]);
        const latest = async (asOf: number) =>
          (await fixture.store.latest({ asOf: new Date(asOf) })).map((s) => s.followers.value);
        expect(await latest(T + 455)).toStrictEqual([1]);
        expect(await latest(T + 456)).toStrictEqual([2, 3]);
        const [a] = await fixture.store.latest({ asOf: new Date(T + 456) });
        expect(a!.takenAt).toStrictEqual(new Date(T + 456));
        // The newest row within a millisecond wins, whoever wrote it.
        await fixture.store.put([snap('a', T + 456, 50)]); // 06:30:00.456000, before .456789
        expect(await latest(T + 456)).toStrictEqual([2, 3]);
        await fixture.store.put([snap('b', T + 456, 60)]); // the same instant as b's row: replaces it
        expect(await latest(T + 456)).toStrictEqual([2, 60]);
      });

      it('periodValues counts rows stored microseconds into a millisecond at that millisecond, the latest stored winning', async () => {
        const fixture = await openFixture();
        await writeForeign(fixture, [
          { accountId: 'a', at: at('455999'), value: 1 },
          { accountId: 'a', at: at('456000'), value: 2 },
          { accountId: 'a', at: at('456789'), value: 3 },
          { accountId: 'b', at: at('457000'), value: 4 },
        ]);
        const read = async (start: number, end: number, maxStalenessMs = 0) =>
          (
            await all(
              fixture.store.periodValues!({
                bounds: [new Date(start), new Date(end)],
                maxStalenessMs,
              }),
            )
          ).map((v) => [v.accountId, v.followers.value, v.takenAt.getTime() - T]);
        expect(await read(T + 456, T + 457)).toStrictEqual([['a', 3, 456]]);
        expect(await read(T, T + 456)).toStrictEqual([['a', 1, 455]]);
        expect(await read(T + 457, T + 458)).toStrictEqual([['b', 4, 457]]);
        expect(await read(T + 457, T + 458, 1)).toStrictEqual([
          ['a', 3, 456],
          ['b', 4, 457],
        ]);
      });

      it('put at a millisecond does not replace a row another program stored microseconds into it', async () => {
        const fixture = await openFixture({ historyPageSize: 1 });
        await writeForeign(fixture, [{ accountId: 'a', at: at('456789'), value: 1 }]);
        const own = snap('a', T + 456, 2);
        await fixture.store.put([own]);
        await fixture.store.put([own]); // idempotent: still one row of its own
        const corrected = snap('a', T + 456, 3);
        await fixture.store.put([corrected]); // replaces its own row only
        const read = await upTo(fixture.store.history(), 20);
        expect(read).toStrictEqual([
          corrected,
          foreignSnapshot({ accountId: 'a', at: at('456789'), value: 1 }),
        ]);
      });

      it('prune before a millisecond keeps rows stored microseconds into it, and removes them before the next', async () => {
        const fixture = await openFixture();
        await writeForeign(fixture, [
          { accountId: 'a', at: at('455999'), value: 1 },
          { accountId: 'a', at: at('456000'), value: 2 },
          { accountId: 'a', at: at('456789'), value: 3 },
          { accountId: 'a', at: at('457000'), value: 4 },
        ]);
        const values = async () =>
          (await upTo(fixture.store.history(), 20)).map((s) => s.followers.value);
        expect(await fixture.store.prune({ before: new Date(T + 456) })).toBe(1);
        expect(await values()).toStrictEqual([2, 3, 4]);
        expect(await fixture.store.prune({ before: new Date(T + 457) })).toBe(2);
        expect(await values()).toStrictEqual([4]);
      });

      it('history yields any set of microsecond rows exactly once, in order, at any page size (property)', async () => {
        const base = T * 1000; // microseconds
        const row = fc.record({
          accountId: fc.constantFrom('a', 'b', 'B', 'c'),
          offset: fc.integer({ min: 0, max: 3_000 }), // µs: rows share, straddle and split milliseconds
        });
        await fc.assert(
          fc.asyncProperty(
            fc.uniqueArray(row, { maxLength: 12, selector: (r) => `${r.accountId} ${r.offset}` }),
            fc.integer({ min: 1, max: 4 }),
            async (drawn, historyPageSize) => {
              const foreign = drawn.map((r, value) => ({
                accountId: r.accountId,
                at: isoOfMicros(base + r.offset),
                value,
              }));
              const fixture = await openFixture({ historyPageSize });
              await writeForeign(fixture, foreign);
              const expected = [...foreign]
                .sort(
                  (x, y) =>
                    microsOf(x.at) - microsOf(y.at) ||
                    (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0),
                )
                .map(foreignSnapshot);
              expect(await upTo(fixture.store.history(), 3 * foreign.length + 1)).toStrictEqual(
                expected,
              );
            },
          ),
          { numRuns: 25 },
        );
      });
    });

    describe('periodValues', () => {
      // The contract makes it optional: a store without it is left out here (series() streams
      // its history instead, and the series property below still holds for it).
      const periodValues = (store: SnapshotStore, options: PeriodValuesOptions) =>
        all(store.periodValues!(options));
      const value = (accountId: string, period: number, time: number, followers: number) => ({
        accountId,
        period,
        takenAt: new Date(time),
        followers: { value: followers, min: followers, max: followers },
      });

      it('gives the newest value per account in each window, by account then period, with values carried up to maxStalenessMs', async () => {
        const store = await open();
        if (store.periodValues === undefined) return;
        await store.put([
          snap('b', T0 - 1, 1), // before the first period, a millisecond
          snap('b', T0 + 3_600_000, 2),
          snap('b', T0 + 2 * 3_600_000, 3), // b's last in period 0
          snap('a', T0 + DAY - 1, 4), // the last millisecond of period 0
          snap('a', T0 + DAY, 5), // the first of period 1
          snap('C', T0 + 2 * DAY + 5, 6), // after the last period: never
        ]);
        const bounds = [new Date(T0), new Date(T0 + DAY), new Date(T0 + 2 * DAY)];
        expect(await periodValues(store, { bounds })).toStrictEqual([
          value('a', 0, T0 + DAY - 1, 4),
          value('a', 1, T0 + DAY, 5),
          value('b', 0, T0 + 2 * 3_600_000, 3),
        ]);
        // Carried: b's value of period 0 is 22 h old at period 1's start; a's of the last
        // millisecond before period 0 counts with a staleness of 1 ms.
        expect(await periodValues(store, { bounds, maxStalenessMs: DAY })).toStrictEqual([
          value('a', 0, T0 + DAY - 1, 4),
          value('a', 1, T0 + DAY, 5),
          value('b', 0, T0 + 2 * 3_600_000, 3),
          value('b', 1, T0 + 2 * 3_600_000, 3),
        ]);
        const one = await periodValues(store, { bounds: bounds.slice(0, 2), maxStalenessMs: 1 });
        expect(one.map((v) => [v.accountId, v.followers.value])).toStrictEqual([
          ['a', 4],
          ['b', 3],
        ]);
        expect(
          await periodValues(store, { bounds, accountIds: ['C', 'b', 'nobody', 'b'] }),
        ).toStrictEqual([value('b', 0, T0 + 2 * 3_600_000, 3)]);
        expect(await periodValues(store, { bounds, accountIds: [] })).toStrictEqual([]);
        const late = [new Date(T0 + 2 * DAY), new Date(T0 + 3 * DAY)];
        expect(await periodValues(store, { bounds: late })).toStrictEqual([
          value('C', 0, T0 + 2 * DAY + 5, 6),
        ]);
      });

      it('takes bounds and staleness at the ends of the range, and refuses invalid options with an OptionError', async () => {
        const store = await open();
        if (store.periodValues === undefined) return;
        await store.put([snap('a', T0, 1)]);
        const wide = [new Date(-8.64e15), new Date(T0), new Date(8.64e15)];
        const read = await periodValues(store, { bounds: wide, maxStalenessMs: 1e20 });
        expect(read.map((v) => [v.period, v.followers.value])).toStrictEqual([[1, 1]]);
        const bad: unknown[] = [
          undefined,
          {},
          { bounds: [new Date(T0)] },
          { bounds: [new Date(T0), new Date(T0)] },
          { bounds: [new Date(T0 + 1), new Date(T0)] },
          { bounds: [new Date(T0), new Date('nope')] },
          { bounds: [new Date(T0), new Date(T0 + 1)], maxStalenessMs: -1 },
          { bounds: [new Date(T0), new Date(T0 + 1)], maxStalenessMs: Number.NaN },
          { bounds: [new Date(T0), new Date(T0 + 1)], accountIds: 'a' },
        ];
        for (const options of bad) {
          await expect(
            periodValues(store, options as PeriodValuesOptions),
            JSON.stringify(options),
          ).rejects.toBeInstanceOf(OptionError);
        }
      });

      it('reads pages of accounts: a period value for each of 5,000 accounts, in order', async () => {
        const store = await open();
        if (store.periodValues === undefined) return;
        const ids = Array.from({ length: 5_000 }, (_, i) => `acc-${String(i).padStart(4, '0')}`);
        await store.put(ids.map((id, i) => snap(id, T0 + i, i)));
        const bounds = Array.from({ length: 8 }, (_, i) => new Date(T0 + i * 1_000));
        const read = await periodValues(store, { bounds, maxStalenessMs: 7_000 });
        // Account i's value is taken in period floor(i / 1000) and carried to the end.
        const expected = ids.flatMap((id, i) =>
          Array.from({ length: 7 - Math.floor(i / 1_000) }, (_, k) =>
            value(id, Math.floor(i / 1_000) + k, T0 + i, i),
          ),
        );
        expect(read).toStrictEqual(expected);
      });

      it('matches the newest snapshot in each window as read from history, for any history, periods and staleness (property)', async () => {
        const fixture = await openFixture();
        const store = fixture.store;
        if (store.periodValues === undefined) return;
        // Bounds often on the days the histories' times cluster on (a window's lower end, a
        // bound less a whole number of days, then meets rows exactly).
        const bound = fc.oneof(
          fc.integer({ min: -3 * DAY, max: 41 * DAY }),
          fc.integer({ min: -3, max: 41 }).map((day) => day * DAY),
        );
        const windows = fc
          .uniqueArray(bound, { minLength: 2, maxLength: 6 })
          .map((times) => times.sort((x, y) => x - y).map((t) => new Date(HISTORY_START + t)));
        const input = registryArbitrary.chain((registry) =>
          fc.tuple(
            historyArbitrary(registry),
            windows,
            fc.oneof(
              fc.constantFrom(0, 1, 2.5, DAY, 7 * DAY),
              fc.integer({ min: 0, max: 10 * DAY }),
            ),
            fc.option(fc.subarray(['a0', 'a1', 'a3', 'stranger', 'nobody']), { nil: undefined }),
          ),
        );
        await fc.assert(
          fc.asyncProperty(input, async ([snapshots, bounds, maxStalenessMs, accountIds]) => {
            await store.prune({ before: new Date(8.64e15) });
            await store.put(snapshots);
            const rows = await all(store.history());
            const expected: PeriodValue[] = [];
            const ids = [...new Set(rows.map((s) => s.accountId))].sort((x, y) =>
              x < y ? -1 : x > y ? 1 : 0,
            );
            for (const id of ids) {
              if (accountIds !== undefined && !accountIds.includes(id)) continue;
              for (let p = 0; p + 1 < bounds.length; p++) {
                const from = bounds[p]!.getTime() - maxStalenessMs;
                const to = bounds[p + 1]!.getTime();
                const inside = rows.filter(
                  (s) =>
                    s.accountId === id && s.takenAt.getTime() >= from && s.takenAt.getTime() < to,
                );
                const last = inside[inside.length - 1];
                if (last === undefined) continue;
                expected.push({
                  accountId: id,
                  period: p,
                  takenAt: last.takenAt,
                  followers: last.followers,
                });
              }
            }
            const options = { bounds, maxStalenessMs, ...(accountIds ? { accountIds } : {}) };
            expect(await periodValues(store, options)).toStrictEqual(expected);
          }),
          { numRuns: 100 },
        );
      });
    });

    describe('series', () => {
      it('gives what streaming the history into totals() gave, period by period, on random histories (property)', async () => {
        const fixture = await openFixture();
        const store = fixture.store;
        const input = registryArbitrary.chain((registry) =>
          fc.record({
            registry: fc.constant(registry),
            snapshots: historyArbitrary(registry),
            options: seriesOptionsArbitrary,
          }),
        );
        await fc.assert(
          fc.asyncProperty(input, async ({ registry, snapshots, options }) => {
            fc.pre(!sharesAMillisecond(registry, snapshots));
            await store.prune({ before: new Date(8.64e15) });
            await store.put(snapshots);
            const want = await referenceSeries(registry, store, options);
            expect(await series(registry, store, options)).toStrictEqual(want);
          }),
          { numRuns: 40 },
        );
      });
    });

    describe('concurrency', () => {
      it('runs concurrent puts, overlapping ones included, without losing or doubling rows', async () => {
        const store = await open();
        const batches = Array.from({ length: 8 }, (_, b) =>
          Array.from({ length: 200 }, (_, i) =>
            // Every batch writes the shared accounts s0..s19 on the same days, in its own order.
            i < 100
              ? snap(`s${(i + b * 7) % 20}`, T0 + Math.floor(((i + b * 7) % 100) / 20) * DAY, b)
              : snap(`own-${b}-${i}`, T0, i),
          ),
        );
        await Promise.all(batches.map((batch) => store.put(batch)));
        const read = await all(store.history());
        expect(read).toHaveLength(100 + 8 * 100);
        expect(new Set(read.map(keyOf)).size).toBe(read.length);
        const latest = await store.latest({ asOf: new Date(T0 + 10 * DAY) });
        expect(latest).toHaveLength(20 + 8 * 100);
      });

      it('answers reads while writes run', async () => {
        const store = await open();
        await store.put([snap('a', T0, 1)]);
        const results = await Promise.all([
          store.put([snap('b', T0, 2)]),
          store.latest({ asOf: new Date(T0) }),
          all(store.history()),
          store.put([snap('c', T0, 3)]),
        ]);
        expect((results[1] as Snapshot[]).length).toBeGreaterThanOrEqual(1);
        expect(await store.latest({ asOf: new Date(T0) })).toHaveLength(3);
      });
    });
  });
}
