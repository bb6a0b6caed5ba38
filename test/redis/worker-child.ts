/**
 * One collection worker process for workers.test.ts: a BullMQ worker with the shared gate,
 * writing to a PostgreSQL schema. Prints `ready` once listening; runs until killed.
 */
import pg from 'pg';
import { xProvider } from '../../src/providers/x.js';
import { collectionWorker, redisCoordinator } from '../../src/redis/index.js';
import { postgresStore } from '../../src/stores/postgres/index.js';

interface Spec {
  redisUrl: string;
  databaseUrl: string;
  schema: string;
  queue: string;
  gatePrefix: string;
  base: string;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
const pool = new pg.Pool({ connectionString: spec.databaseUrl, max: 4 });
const store = postgresStore({ client: pool, schema: spec.schema });
await store.migrate();
const coordinator = redisCoordinator({
  redis: spec.redisUrl,
  prefix: spec.gatePrefix,
  leaseMs: 3_000,
});
await coordinator.ping();
const worker = await collectionWorker({
  queue: { connection: spec.redisUrl, name: spec.queue },
  providers: [{ ...xProvider({ bearerToken: 'token', baseUrl: spec.base }), maxBatchSize: 10 }],
  store,
  coordinator,
  concurrency: 4,
  lockDurationMs: 2_000,
  stalledIntervalMs: 500,
});
await worker.worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker
    .close()
    .then(() => coordinator.close())
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
