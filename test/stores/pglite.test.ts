import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
import { MIGRATIONS, tables } from '../../src/stores/postgres/migrations.js';
import { all, describeStoreConformance, snap, tableNames } from './conformance.js';

const randomSchema = () => `t_${Math.random().toString(36).slice(2, 12)}`;

// One PGlite per file (starting one takes a second or two); each store gets its own schema.
function pgliteFixtures(makeClient: () => Promise<PGlite>) {
  let client: PGlite | undefined;
  const get = async () => {
    client ??= await makeClient();
    return client;
  };
  return {
    get,
    async close() {
      const open = client;
      client = undefined;
      if (open && !open.closed) await open.close();
    },
    makeStore: async (options: Parameters<typeof postgresStore>[0] | object = {}) => {
      const db = await get();
      const schema = randomSchema();
      const store = postgresStore({ ...options, client: db, schema });
      return {
        store,
        cleanup: async () => {
          await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        },
        sql: async (text: string, params?: unknown[]) => {
          await store.migrate();
          return db.query(tableNames(text, schema), params);
        },
      };
    },
  };
}

describe('postgresStore on PGlite in a temporary folder', () => {
  let dir = '';
  const fixtures = pgliteFixtures(async () => {
    dir = await mkdtemp(join(tmpdir(), 'social-reach-pglite-'));
    return new PGlite(dir);
  });
  afterAll(async () => {
    await fixtures.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describeStoreConformance('postgresStore (PGlite, folder)', fixtures.makeStore, {
    foreignWrites: true,
  });

  it('keeps its data across a reopening of the folder', async () => {
    const first = await fixtures.get();
    const store = postgresStore({ client: first, schema: 'kept' });
    await store.put([snap('a', 0, 1), snap('b', 0, 2)]);
    await store.close();
    await fixtures.close();
    const second = new PGlite(dir);
    try {
      const again = postgresStore({ client: second, schema: 'kept' });
      expect((await again.latest({ asOf: new Date(0) })).map((s) => s.accountId)).toStrictEqual([
        'a',
        'b',
      ]);
      const migrations = await second.query(
        'SELECT version FROM kept.social_reach_migrations ORDER BY version',
      );
      expect(migrations.rows).toStrictEqual([{ version: 1 }, { version: 2 }, { version: 3 }]); // once, not again
    } finally {
      await second.close();
    }
  });
});

describe('postgresStore on in-memory PGlite', () => {
  const fixtures = pgliteFixtures(async () => new PGlite());
  afterAll(() => fixtures.close());

  describeStoreConformance('postgresStore (PGlite, memory)', fixtures.makeStore, {
    foreignWrites: true,
  });

  describe('particulars', () => {
    let db: PGlite;
    beforeAll(async () => {
      db = await fixtures.get();
    });

    it('says which driver and schema it uses', () => {
      const store = postgresStore({ client: db });
      expect(store.name).toBe('postgres');
      expect(store.driver).toBe('pglite');
      expect(store.schema).toBe('public');
    });

    it('does not close the PGlite instance it was given', async () => {
      const store = postgresStore({ client: db, schema: randomSchema() });
      await store.put([snap('a', 0, 1)]);
      await store.close();
      expect(db.closed).toBe(false);
      expect((await db.query('SELECT 1 AS one')).rows).toStrictEqual([{ one: 1 }]);
    });

    it('creates the tables in the schema, prefixed social_reach_, with migrations recorded', async () => {
      const schema = randomSchema();
      const store = postgresStore({ client: db, schema });
      await store.migrate();
      await store.migrate();
      const tables = await db.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [schema],
      );
      expect(tables.rows.map((r) => r.table_name)).toStrictEqual([
        'social_reach_accounts',
        'social_reach_locks',
        'social_reach_migrations',
        'social_reach_run_outcomes',
        'social_reach_snapshots',
        'social_reach_state',
      ]);
      const applied = await db.query(
        `SELECT version, name FROM "${schema}".social_reach_migrations ORDER BY version`,
      );
      expect(applied.rows).toStrictEqual([
        { version: 1, name: 'snapshots and accounts' },
        { version: 2, name: 'provider state and locks' },
        { version: 3, name: 'run ledger' },
      ]);
    });

    it.each([1, 2])('migrates a database at version %i forward, keeping its rows', async (at) => {
      const schema = randomSchema();
      const t = tables(schema);
      // The schema as an older copy of the library left it: migrations up to `at` only.
      await db.exec(`CREATE SCHEMA "${schema}"`);
      await db.exec(
        `CREATE TABLE ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      for (const migration of MIGRATIONS.filter((m) => m.version <= at)) {
        for (const statement of migration.statements(t)) await db.exec(statement);
        await db.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
      }
      await db.query(
        `INSERT INTO ${t.snapshots} (account_id, taken_at, platform, followers, provider) VALUES ('old', '2024-01-01T00:00:00Z', 'x', 7, 'p')`,
      );
      const store = postgresStore({ client: db, schema });
      await store.migrate();
      const applied = await db.query<{ version: number }>(
        `SELECT version FROM ${t.migrations} ORDER BY version`,
      );
      expect(applied.rows.map((r) => r.version)).toStrictEqual([1, 2, 3]);
      expect((await all(store.history())).map((s) => s.followers.value)).toStrictEqual([7]);
      // the tables of migrations 2 and 3 work
      expect(
        await store.recordOutcomes([
          {
            runId: 'r',
            accountId: 'old',
            platform: 'x',
            status: 'failed',
            reason: 'not-found',
            recordedAt: new Date(0),
          },
        ]),
      ).toBe(1);
      expect((await store.runOutcomes('r')).map((o) => o.accountId)).toStrictEqual(['old']);
      const lock = await store.lock('l', { holder: 'h', ttlMs: 60_000 });
      expect(lock.acquired).toBe(true);
      await store.migrate(); // again: nothing more to apply
      expect((await db.query(`SELECT version FROM ${t.migrations}`)).rows).toHaveLength(3);
    });

    it('applies migrations once when many stores start on one schema at once', async () => {
      const schema = randomSchema();
      const stores = Array.from({ length: 5 }, () => postgresStore({ client: db, schema }));
      await Promise.all(stores.map((s, i) => s.put([snap(`a${i}`, 0, i)])));
      const applied = await db.query(
        `SELECT count(*)::int AS n FROM "${schema}".social_reach_migrations`,
      );
      expect(applied.rows).toStrictEqual([{ n: 3 }]);
      expect(await all(stores[0]!.history())).toHaveLength(5);
    });

    it('reads pages of historyPageSize rows', async () => {
      const store = postgresStore({ client: db, schema: randomSchema(), historyPageSize: 3 });
      const rows = Array.from({ length: 10 }, (_, i) => snap(`a${i % 4}`, Math.floor(i / 4), i));
      await store.put(rows);
      const read = await all(store.history());
      expect(read.map((s) => s.followers.value)).toStrictEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('pages and bounds the same in any session time zone and DateStyle (a DST fold included)', async () => {
      const schema = randomSchema();
      const store = postgresStore({ client: db, schema, historyPageSize: 1 });
      await store.migrate();
      // 05:30 and 06:30 UTC on 3 November 2024 are both 01:30 in New York (EDT, then EST).
      const times = [
        '2024-11-03T05:30:00.000001Z',
        '2024-11-03T05:30:00.000002Z',
        '2024-11-03T06:30:00.000001Z',
      ];
      await db.exec(
        `INSERT INTO "${schema}".social_reach_accounts VALUES ('a');
        INSERT INTO "${schema}".social_reach_snapshots (account_id, taken_at, platform, followers, provider)
          VALUES ${times.map((t, i) => `('a', '${t}', 'x', ${i}, 'etl')`).join(', ')}`,
      );
      await db.exec("SET TimeZone = 'America/New_York'; SET DateStyle = 'SQL, DMY'");
      try {
        const read = await all(store.history());
        expect(read.map((s) => s.followers.value)).toStrictEqual([0, 1, 2]);
        expect(read.map((s) => s.takenAt.toISOString())).toStrictEqual([
          '2024-11-03T05:30:00.000Z',
          '2024-11-03T05:30:00.000Z',
          '2024-11-03T06:30:00.000Z',
        ]);
        const at = new Date('2024-11-03T05:30:00.000Z');
        expect(await all(store.history({ to: at }))).toHaveLength(2);
        expect((await store.latest({ asOf: at }))[0]?.followers.value).toBe(1);
      } finally {
        await db.exec('RESET TimeZone; RESET DateStyle');
      }
    });

    it('refuses a server older than PostgreSQL 14 with a StoreError, before touching the schema', async () => {
      const statements: string[] = [];
      const old = {
        query: async (text: string) => {
          statements.push(text);
          return { rows: [{ present: false, server_version: 130016 }] };
        },
        transaction: async () => expect.fail('no transaction on an old server'),
        exec: async () => expect.fail('no statement on an old server'),
      };
      const store = postgresStore({ client: old as never });
      const error = await store.put([snap('a', 0, 1)]).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'StoreError', operation: 'migrate' });
      expect((error as Error).message).toMatch(/PostgreSQL 14 or later is needed.*130016/);
      expect(statements).toHaveLength(1);
    });

    it('refuses a client that is neither PGlite nor a pg Pool, and bad options', () => {
      expect(() => postgresStore({ client: {} as never })).toThrow(OptionError);
      expect(() => postgresStore({ client: db, schema: 'bad-name' })).toThrow(/schema/);
      expect(() => postgresStore({ client: db, historyPageSize: 0 })).toThrow(/historyPageSize/);
      const pgClientLike = { query: async () => ({ rows: [] }), connect: async () => {} };
      expect(() => postgresStore({ client: pgClientLike as never })).toThrow(/Pool/);
    });

    describe('statistics (issue #12: PGlite has no autovacuum)', () => {
      const stats = async (schema: string) => {
        const { rows } = await db.query<{ tuples: number; pages: number; bytes: number }>(
          `SELECT reltuples::float8 AS tuples, relpages::int AS pages,
            pg_relation_size(oid)::int8 AS bytes FROM pg_class WHERE oid = $1::regclass`,
          [`"${schema}".social_reach_snapshots`],
        );
        return rows[0]!;
      };
      const rows = (n: number, day = 0) =>
        Array.from({ length: n }, (_, i) => snap(`a${i % 1_000}`, day * 86_400_000 + i, i));

      it('analyzes in the background once 10,000 rows were written, and close() waits for it', async () => {
        const schema = randomSchema();
        const store = postgresStore({ client: db, schema });
        await store.put(rows(9_999));
        await store.latest({ accountIds: ['a1'] }); // a read in between: no ANALYZE is pending
        expect((await stats(schema)).tuples).toBe(-1); // never analyzed: below the threshold
        await store.put([snap('b', 0, 1)]);
        await store.close();
        expect((await stats(schema)).tuples).toBe(10_000);
      });

      it('analyzes on first use a table that never was, or that grew by a tenth since', async () => {
        const schema = randomSchema();
        const writer = postgresStore({ client: db, schema, autoAnalyze: false });
        await writer.put(rows(5_000));
        expect((await stats(schema)).tuples).toBe(-1);
        const reader = postgresStore({ client: db, schema });
        await reader.latest({ accountIds: ['a1'] });
        expect((await stats(schema)).tuples).toBe(5_000);
        // Another program (here a store told not to) adds 10,000 rows: the next store to open
        // the table analyzes first.
        await writer.put(rows(10_000, 1));
        await postgresStore({ client: db, schema }).latest({ accountIds: ['a1'] });
        expect((await stats(schema)).tuples).toBe(15_000);
      });

      it('autoAnalyze: false leaves statistics alone; analyze() takes them on demand', async () => {
        const schema = randomSchema();
        const store = postgresStore({ client: db, schema, autoAnalyze: false });
        await store.put(rows(12_000));
        await store.close();
        expect((await stats(schema)).tuples).toBe(-1);
        const again = postgresStore({ client: db, schema, autoAnalyze: false });
        await again.analyze();
        expect((await stats(schema)).tuples).toBe(12_000);
        expect(() => postgresStore({ client: db, autoAnalyze: 'yes' as never })).toThrow(
          /autoAnalyze/,
        );
      });

      it('vacuums after a prune that deleted rows, so the space is used again', async () => {
        const schema = randomSchema();
        const store = postgresStore({ client: db, schema });
        await store.put(rows(20_000));
        await store.analyze();
        const full = (await stats(schema)).bytes;
        expect(await store.prune({ before: new Date(86_400_000) })).toBe(20_000);
        await store.close(); // waits for the VACUUM (ANALYZE) the prune started
        const again = postgresStore({ client: db, schema });
        await again.put(rows(20_000, 2));
        await again.close();
        // Without the VACUUM the deleted rows' pages stay taken and the table doubles.
        expect((await stats(schema)).bytes).toBeLessThanOrEqual(full * 1.1);
      });
    });

    it('turns a database error into a StoreError with the SQLSTATE', async () => {
      const schema = randomSchema();
      const store = postgresStore({ client: db, schema });
      await store.migrate();
      await db.exec(`DROP TABLE "${schema}".social_reach_snapshots`);
      const error = await store.latest().catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'StoreError', operation: 'latest', sqlState: '42P01' });
    });
  });
});
