// Three worker processes and one queue, one of them SIGKILLed in the middle of the run: its jobs
// stall and another worker takes them over; the run completes with every account recorded once in
// the run ledger, stored once, and no 429 at the server. Needs Redis and PostgreSQL (the workers
// share a store): REDIS_URL and DATABASE_URL.
import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startRemoteServer } from '../../bench/remote-server.js';
import { defineRegistry } from '../../src/model/registry.js';
import { xProvider } from '../../src/providers/x.js';
import { collectionStatus, enqueueCollection } from '../../src/redis/index.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
import { describeWithRedis, inCI, redisUrl, uniquePrefix } from './env.js';

const databaseUrl = process.env.DATABASE_URL ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (databaseUrl === '' && !inCI) {
  console.warn(
    '[workers.test.ts] SKIPPED three workers, one SIGKILLed: DATABASE_URL is not set (run: source .ci/postgres.sh)',
  );
}
describe.runIf(databaseUrl === '' && inCI)('three workers: CI requires DATABASE_URL', () => {
  it('has a PostgreSQL server to test against', () => {
    expect.fail('DATABASE_URL is not set; CI must run these tests: source .ci/postgres.sh first');
  });
});

describeWithRedis('workers.test.ts', 'three workers, one SIGKILLed (Redis, PostgreSQL)', () => {
  const children: ChildProcess[] = [];
  const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 2 }) : undefined;
  const schema = `social_reach_workers_${Math.random().toString(36).slice(2, 8)}`;
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    if (pool) {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });

  it.skipIf(databaseUrl === '')(
    'complete the run: no account lost or stored twice, 0 × 429',
    async () => {
      const n = 3_000;
      const server = await startRemoteServer({ limits: { x: { limit: 100, windowMs: 1_000 } } }, [
        { platform: 'x', prefix: 'user', suffix: '', count: n },
      ]);
      try {
        const registry = defineRegistry({
          units: [{ id: 'u', kind: 'office', name: 'U' }],
          accounts: Array.from({ length: n }, (_, i) => ({
            id: `a${i}`,
            unit: 'u',
            platform: 'x' as const,
            handle: `user${i}`,
          })),
        });
        const queueName = uniquePrefix('workers');
        const queue = { connection: redisUrl, name: queueName };
        const runId = 'nightly-2024-03-31';
        const provider = {
          ...xProvider({ bearerToken: 'token', baseUrl: server.baseUrl('x') }),
          maxBatchSize: 10,
        };
        const enqueued = await enqueueCollection(registry, { queue, runId, providers: [provider] });
        expect(enqueued.jobs).toBe(n / 10);

        const spec = {
          redisUrl,
          databaseUrl,
          schema,
          queue: queueName,
          gatePrefix: uniquePrefix('gate'),
          base: server.baseUrl('x'),
        };
        const started = Array.from({ length: 3 }, () => {
          const child = spawn(
            process.execPath,
            [
              '--import',
              'tsx',
              new URL('./worker-child.ts', import.meta.url).pathname,
              JSON.stringify(spec),
            ],
            { stdio: ['ignore', 'pipe', 'inherit'] },
          );
          children.push(child);
          return new Promise<void>((resolve, reject) => {
            child.once('exit', (code) => reject(new Error(`a worker exited early (${code})`)));
            child.stdout!.on('data', (chunk: Buffer) => {
              if (chunk.toString().includes('ready')) resolve();
            });
          });
        });
        await Promise.all(started);
        const store = postgresStore({ client: pool!, schema });
        // Once the run is under way, one worker dies without a word.
        let status = await collectionStatus({ queue, runId, store });
        const deadline = Date.now() + 90_000;
        while (status.done < 600 && Date.now() < deadline) {
          await sleep(100);
          status = await collectionStatus({ queue, runId, store });
        }
        const victim = children[0]!;
        victim.removeAllListeners('exit');
        const activeBefore = status.jobs.active;
        victim.kill('SIGKILL');
        while (!status.complete && Date.now() < deadline) {
          await sleep(250);
          status = await collectionStatus({ queue, runId, store });
        }
        expect(activeBefore).toBeGreaterThan(0);
        expect(status).toMatchObject({ total: n, done: n, failed: 0, complete: true });
        const outcomes = await store.runOutcomes(runId);
        expect(outcomes).toHaveLength(n);
        const { rows } = await pool!.query(
          `SELECT count(*)::int AS rows, count(DISTINCT account_id)::int AS accounts FROM "${schema}".social_reach_snapshots`,
        );
        expect(rows[0]).toStrictEqual({ rows: n, accounts: n });
        const stats = (await server.stats()).x;
        expect(stats.throttled).toBe(0);
        console.log(
          `[workers] 3 workers, one SIGKILLed: ${stats.requests} requests, ${stats.throttled} × 429, ${n} accounts recorded once`,
        );
        await store.close();
      } finally {
        for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
        await server.close();
      }
    },
    120_000,
  );
});
