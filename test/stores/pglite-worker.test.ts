// openPGliteWorker: PGlite on a worker thread, so that a put does not hold the caller's event
// loop (issue #12: a collection's requests and pacing stalled behind the store's writes).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { OptionError, StoreError } from '../../src/errors.js';
import {
  openPGlite,
  openPGliteWorker,
  type PGliteWorker,
  postgresStore,
} from '../../src/stores/postgres/index.js';
import { describeStoreConformance, snap, tableNames } from './conformance.js';

const root = mkdtempSync(join(tmpdir(), 'social-reach-worker-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let serial = 0;
const folder = () => join(root, `data-${serial++}`);

describe('postgresStore on openPGliteWorker', () => {
  let db: PGliteWorker | undefined;
  const get = async () => {
    db ??= await openPGliteWorker(folder());
    return db;
  };
  afterAll(async () => {
    await db?.close();
  });

  describeStoreConformance(
    'postgresStore (PGlite on a worker thread)',
    async (options: object = {}) => {
      const client = await get();
      const schema = `t_${Math.random().toString(36).slice(2, 12)}`;
      const store = postgresStore({ ...options, client, schema });
      return {
        store,
        cleanup: async () => {
          await client.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        },
        sql: async (text: string, params?: unknown[]) => {
          await store.migrate();
          return client.query(tableNames(text, schema), params);
        },
      };
    },
    { foreignWrites: true },
  );
});

describe('openPGliteWorker', () => {
  it('creates the folder as openPGlite does, and a folder it made opens on this thread too', async () => {
    const dir = folder();
    const db = await openPGliteWorker(dir, { sharedBuffers: '24MB' });
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    expect((await db.query('SHOW shared_buffers')).rows).toStrictEqual([
      { shared_buffers: '24MB' },
    ]);
    const store = postgresStore({ client: db });
    await store.put([snap('a', 0, 1)]);
    await store.close();
    await db.close();
    expect(db.closed).toBe(true);
    const again = await openPGlite(PGlite, dir);
    try {
      const reopened = postgresStore({ client: again });
      expect((await reopened.latest()).map((s) => s.accountId)).toStrictEqual(['a']);
      await reopened.close();
    } finally {
      await again.close();
    }
  });

  let shared: PGliteWorker | undefined;
  const sharedDb = async () => {
    shared ??= await openPGliteWorker(folder());
    return shared;
  };
  afterAll(async () => {
    await shared?.close();
  });

  it('leaves the event loop free while a statement runs (timers fire before it ends)', async () => {
    const db = await sharedDb();
    const order: string[] = [];
    const timer = new Promise<void>((done) =>
      setTimeout(() => {
        order.push('timer');
        done();
      }, 5),
    );
    await db.query('SELECT pg_sleep(0.3)').then(() => order.push('statement'));
    await timer;
    expect(order).toStrictEqual(['timer', 'statement']);
  });

  it('passes PostgreSQL errors through with their SQLSTATE, and rolls a failed transaction back', async () => {
    const db = await sharedDb();
    const error = await db.query('SELECT * FROM missing_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '42P01', message: expect.stringContaining('missing') });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('CREATE TABLE made_in_tx (x int)');
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect((await db.query("SELECT to_regclass('made_in_tx') AS r")).rows).toStrictEqual([
      { r: null },
    ]);
    // Statements asked during a transaction wait for its end: they never run inside it.
    let inside = true;
    const during = db.transaction(async (tx) => {
      await tx.query('CREATE TABLE t_order (x int)');
      await new Promise((done) => setTimeout(done, 20));
      await tx.query('INSERT INTO t_order VALUES (1)');
      inside = false;
    });
    const after = db.query('SELECT count(*)::int AS n FROM t_order').then((r) => {
      expect(inside).toBe(false);
      return r.rows;
    });
    await during;
    expect(await after).toStrictEqual([{ n: 1 }]);
  });

  it('refuses statements once closed, and bad folders or options with clear errors', async () => {
    const db = await openPGliteWorker(folder());
    await db.close();
    await db.close(); // twice is fine
    await expect(db.query('SELECT 1')).rejects.toThrow(StoreError);
    await expect(openPGliteWorker('memory://x')).rejects.toThrow(OptionError);
    await expect(openPGliteWorker(folder(), { sharedBuffers: 'lots' })).rejects.toThrow(
      OptionError,
    );
  });

  it('does not keep a process alive that forgot close()', () => {
    const script = `
      const { openPGliteWorker } = await import(${JSON.stringify(new URL('../../src/stores/postgres/pglite-worker.ts', import.meta.url).href)});
      const db = await openPGliteWorker(${JSON.stringify(folder())});
      await db.query('SELECT 1');
      console.log('queried');`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stdout.trim()).toBe('queried');
    expect(run.status).toBe(0);
  });
});
