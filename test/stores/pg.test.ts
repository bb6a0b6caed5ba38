// The postgres store against a real PostgreSQL server, found through DATABASE_URL
// (`source .ci/postgres.sh` starts one). Without DATABASE_URL the suite says it skips, except in
// CI, where a missing server is a failure: CI must not pass by skipping.

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { memoryStore } from '../../src/stores/memory.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
import { inCI } from '../ci.js';
import {
  all,
  type ConformanceOptions,
  describeStoreConformance,
  snap,
  tableNames,
} from './conformance.js';

const url = process.env.DATABASE_URL;
const title = 'postgresStore on a PostgreSQL server (pg Pool)';

if ((url === undefined || url === '') && !inCI) {
  console.warn(
    `[pg.test.ts] SKIPPED ${title}: DATABASE_URL is not set (run: source .ci/postgres.sh)`,
  );
}
if (url === undefined || url === '') {
  describe.runIf(inCI)(`${title}: CI requires DATABASE_URL`, () => {
    it('has a server to test against', () => {
      expect.fail('DATABASE_URL is not set; CI must run these tests: source .ci/postgres.sh first');
    });
  });
}

describe.skipIf(!url)(
  url ? title : `${title} — SKIPPED: DATABASE_URL is not set (run: source .ci/postgres.sh)`,
  () => {
    // Each store gets a fresh schema with a random name, dropped afterwards.
    const run = Math.random().toString(36).slice(2, 8);
    let serial = 0;
    let pool: pg.Pool | undefined;
    const getPool = () => {
      pool ??= new pg.Pool({ connectionString: url, max: 8 });
      return pool;
    };
    const schemas: string[] = [];
    const newSchema = () => {
      const schema = `social_reach_test_${run}_${serial++}`;
      schemas.push(schema);
      return schema;
    };
    afterAll(async () => {
      if (pool === undefined) return;
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    });

    describeStoreConformance(
      'postgresStore (pg)',
      async (options: ConformanceOptions) => {
        const schema = newSchema();
        const client = getPool();
        const store = postgresStore({ ...options, client, schema });
        return {
          store,
          cleanup: async () => {
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          },
          sql: async (text: string, params?: unknown[]) => {
            await store.migrate();
            return client.query(tableNames(text, schema), params);
          },
        };
      },
      { foreignWrites: true },
    );

    it('says which driver it uses, and leaves the Pool open when closed', async () => {
      const store = postgresStore({ client: getPool(), schema: newSchema() });
      expect(store.driver).toBe('pg');
      await store.put([snap('a', 0, 1)]);
      await store.close();
      expect(getPool().ended).toBe(false);
      expect((await getPool().query('SELECT 1 AS one')).rows).toStrictEqual([{ one: 1 }]);
    });

    it('holds no connection between pages: a loop left early gives its connection back', async () => {
      const small = new pg.Pool({ connectionString: url, max: 1 });
      try {
        const store = postgresStore({ client: small, schema: newSchema(), historyPageSize: 10 });
        await store.put(Array.from({ length: 100 }, (_, i) => snap(`a${i}`, 0, i)));
        for await (const s of store.history()) if (s.followers.value === 25) break;
        // With the only connection still held, these would wait forever.
        await store.put([snap('b', 1, 1)]);
        expect(await store.latest({ asOf: new Date(1) })).toHaveLength(101);
        expect(small.idleCount).toBe(small.totalCount);
      } finally {
        await small.end();
      }
    });

    it('looks latest up in parts over the pool, and answers in id order as one query did', async () => {
      // Ids whose order differs between UTF-16 and bytes (an astral character against U+E000 and
      // U+FFFD) and between locales (é, capitals), over enough accounts for several parts.
      const odd = ['a\u{1F600}', 'a\uE000', 'a\uFFFD', 'é', 'E', 'e', 'Z', '_'];
      const ids = [...odd, ...Array.from({ length: 5_000 }, (_, i) => `acc-${(i * 7919) % 5_000}`)];
      const rows = ids.flatMap((id, i) => [snap(id, 0, i), snap(id, 10, i + 1)]);
      const store = postgresStore({ client: getPool(), schema: newSchema() });
      const reference = memoryStore();
      await store.put(rows);
      await reference.put(rows);
      const key = (list: readonly Snapshot[]) =>
        list.map((s) => `${s.accountId}=${s.followers.value}`);
      for (const asOf of [new Date(5), new Date(10)]) {
        expect(key(await store.latest({ asOf }))).toStrictEqual(
          key(await reference.latest({ asOf })),
        );
        const asked = [...ids].reverse().filter((_, i) => i % 3 !== 0);
        expect(key(await store.latest({ asOf, accountIds: asked }))).toStrictEqual(
          key(await reference.latest({ asOf, accountIds: asked })),
        );
      }
      // A pool of one connection takes the parts one after another.
      const one = new pg.Pool({ connectionString: url, max: 1 });
      try {
        const again = postgresStore({ client: one, schema: store.schema });
        expect(key(await again.latest())).toStrictEqual(key(await reference.latest()));
        await again.close();
      } finally {
        await one.end();
      }
      await store.close();
    });

    it('reads periodValues pages ahead, and a loop left early waits for them and frees the pool', async () => {
      const small = new pg.Pool({ connectionString: url, max: 2 });
      try {
        const store = postgresStore({ client: small, schema: newSchema() });
        // 30,000 rows a page: 3 windows × 25,000 accounts is several pages.
        const n = 25_000;
        await store.put(Array.from({ length: n }, (_, i) => snap(`a${i}`, 5, i)));
        const bounds = [0, 10, 20, 30].map((ms) => new Date(ms));
        const read = await all(store.periodValues({ bounds, maxStalenessMs: 10 }));
        // Taken at 5: period 0's value, carried into period 1 (within 10 ms), not period 2.
        expect(read.filter((v) => v.period === 0)).toHaveLength(n);
        expect(read.filter((v) => v.period === 1)).toHaveLength(n);
        expect(read).toHaveLength(2 * n);
        let seen = 0;
        for await (const _ of store.periodValues({ bounds, maxStalenessMs: 10 })) {
          if (++seen === 10) break;
        }
        expect(small.idleCount).toBe(small.totalCount);
        expect(small.waitingCount).toBe(0);
        await store.close();
      } finally {
        await small.end();
      }
    });

    it('pages and bounds the same in any session time zone and DateStyle (a DST fold included)', async () => {
      const schema = newSchema();
      // Every connection of this pool has its own settings, as a Pool configured so would.
      const local = new pg.Pool({
        connectionString: url,
        max: 2,
        options: '-c TimeZone=America/New_York -c DateStyle=SQL,DMY',
      });
      try {
        const store = postgresStore({ client: local, schema, historyPageSize: 1 });
        await store.migrate();
        // 05:30 and 06:30 UTC on 3 November 2024 are both 01:30 in New York (EDT, then EST).
        const times = [
          '2024-11-03T05:30:00.000001Z',
          '2024-11-03T05:30:00.000002Z',
          '2024-11-03T06:30:00.000001Z',
        ];
        await local.query(`INSERT INTO "${schema}".social_reach_accounts VALUES ('a')`);
        await local.query(
          `INSERT INTO "${schema}".social_reach_snapshots (account_id, taken_at, platform, followers, provider)
            SELECT 'a', t::timestamptz, 'x', i - 1, 'etl' FROM unnest($1::text[]) WITH ORDINALITY AS r(t, i)`,
          [times],
        );
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
        await local.end();
      }
    });

    it('applies each migration once when several processes start at once', async () => {
      const schema = newSchema();
      // Separate pools: separate sessions, as separate processes would have.
      const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url, max: 2 }));
      try {
        const stores = pools.map((client) => postgresStore({ client, schema }));
        await Promise.all(stores.map((store, i) => store.put([snap(`a${i}`, 0, i)])));
        const { rows } = await getPool().query(
          `SELECT version FROM "${schema}".social_reach_migrations ORDER BY version`,
        );
        expect(rows).toStrictEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
        expect(await all(stores[0]!.history())).toHaveLength(4);
      } finally {
        await Promise.all(pools.map((p) => p.end()));
      }
    });

    it('analyzes after 10,000 rows written, without waiting for autovacuum (issue #12)', async () => {
      const schema = newSchema();
      const store = postgresStore({ client: getPool(), schema });
      const rows = (n: number, day: number) =>
        Array.from({ length: n }, (_, i) => snap(`a${i % 1_000}`, day * 86_400_000 + i, i));
      const analyzed = async () => {
        const { rows: found } = await getPool().query(
          `SELECT analyze_count::int AS n FROM pg_stat_user_tables
            WHERE schemaname = $1 AND relname = 'social_reach_snapshots'`,
          [schema],
        );
        return found[0]?.n as number;
      };
      await store.put(rows(9_999, 0));
      await store.latest({ accountIds: ['a1'] });
      expect(await analyzed()).toBe(0);
      await store.put([snap('b', 0, 1)]);
      await store.close();
      // The statistics view is updated as the backend reports: poll briefly.
      for (let i = 0; i < 50 && (await analyzed()) === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await analyzed()).toBeGreaterThanOrEqual(1);
      const { rows: pg } = await getPool().query(
        'SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass',
        [`"${schema}".social_reach_snapshots`],
      );
      expect(pg[0]?.n).toBe(10_000);
    });

    it('rolls back a put whose database write fails halfway, writing nothing', async () => {
      const schema = newSchema();
      const store = postgresStore({ client: getPool(), schema });
      await store.put([snap('a', 0, 1)]);
      // A trigger refusing one row of the second chunk (rows are sorted by account, then time).
      await getPool().query(`
        CREATE FUNCTION "${schema}".refuse() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN IF NEW.account_id = 'z' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse BEFORE INSERT ON "${schema}".social_reach_snapshots
          FOR EACH ROW EXECUTE FUNCTION "${schema}".refuse();`);
      const batch = [
        ...Array.from({ length: 6_000 }, (_, i) => snap(`m${String(i).padStart(5, '0')}`, 0, i)),
        snap('z', 0, 1),
      ];
      await expect(store.put(batch)).rejects.toMatchObject({
        name: 'StoreError',
        sqlState: 'P0001',
      });
      expect(await all(store.history())).toStrictEqual([snap('a', 0, 1)]);
      const accounts = await getPool().query(
        `SELECT count(*)::int AS n FROM "${schema}".social_reach_accounts`,
      );
      expect(accounts.rows).toStrictEqual([{ n: 1 }]);
    });
  },
);
