import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
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
      const migrations = await second.query('SELECT version FROM kept.social_reach_migrations');
      expect(migrations.rows).toStrictEqual([{ version: 1 }, { version: 2 }]); // applied once, not again
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
        'social_reach_migrations',
        'social_reach_run_outcomes',
        'social_reach_snapshots',
      ]);
      const applied = await db.query(
        `SELECT version, name FROM "${schema}".social_reach_migrations`,
      );
      expect(applied.rows).toStrictEqual([
        { version: 1, name: 'snapshots and accounts' },
        { version: 2, name: 'run ledger' },
      ]);
    });

    it('applies migrations once when many stores start on one schema at once', async () => {
      const schema = randomSchema();
      const stores = Array.from({ length: 5 }, () => postgresStore({ client: db, schema }));
      await Promise.all(stores.map((s, i) => s.put([snap(`a${i}`, 0, i)])));
      const applied = await db.query(
        `SELECT count(*)::int AS n FROM "${schema}".social_reach_migrations`,
      );
      expect(applied.rows).toStrictEqual([{ n: 2 }]);
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
