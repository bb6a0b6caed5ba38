/**
 * The child process of the crash test: collects CRASH_ACCOUNTS accounts in batches of 10 into a
 * store (a PGlite folder, or a PostgreSQL schema through DATABASE_URL), slowly, printing a line
 * after each batch. The parent kills it with SIGKILL in the middle.
 *
 *   node --import tsx test/stores/crash-child.ts pglite <folder>
 *   node --import tsx test/stores/crash-child.ts pg <schema>
 */
import { collect } from '../../src/engine/collect.js';
import { defineRegistry } from '../../src/model/registry.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
import { mockProvider } from '../../src/testing/mock-provider.js';

export const CRASH_ACCOUNTS = 200;
export const CRASH_BATCH = 10;
export const crashRegistry = () =>
  defineRegistry({
    units: [{ id: 'mp', kind: 'state', name: 'MP' }],
    accounts: Array.from({ length: CRASH_ACCOUNTS }, (_, i) => ({
      id: `a${String(i).padStart(3, '0')}`,
      unit: 'mp',
      platform: 'x',
      handle: `user${i}`,
    })),
  });
export const crashProvider = (delayMs: number) =>
  mockProvider({
    platform: 'x',
    maxBatchSize: CRASH_BATCH,
    delayMs,
    values: Object.fromEntries(
      Array.from({ length: CRASH_ACCOUNTS }, (_, i) => [`user${i}`, 1_000 + i]),
    ),
  });

if (process.argv[1]?.endsWith('crash-child.ts')) {
  const [kind, where] = process.argv.slice(2);
  let client: unknown;
  if (kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    client = new PGlite(where!);
  } else {
    const { default: pg } = await import('pg');
    client = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  }
  const store = postgresStore({
    client: client as never,
    schema: kind === 'pg' ? where : undefined,
  });
  await store.migrate();
  process.stdout.write('ready\n');
  await collect(crashRegistry(), {
    providers: [crashProvider(100)],
    store,
    concurrency: 2,
    onProgress: (e) => {
      if (e.type === 'batch') process.stdout.write(`stored ${e.done}\n`);
    },
  });
  process.stdout.write('finished\n');
}
