import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
import type { SnapshotStore } from '../../src/stores/types.js';
import { CRASH_ACCOUNTS, CRASH_BATCH, crashProvider, crashRegistry } from './crash-child.js';

const child = resolve(import.meta.dirname, 'crash-child.ts');
const databaseUrl = process.env.DATABASE_URL;

/** Starts the child, waits until it has reported `batches` stored batches, then SIGKILLs it. */
async function killMidway(args: string[], batches: number): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((r) =>
    proc.once('exit', (_code, signal) => r(signal)),
  );
  let reported = 0;
  for await (const line of createInterface({ input: proc.stdout })) {
    if (line === 'finished') throw new Error('the child finished before it was killed');
    if (line.startsWith('stored') && ++reported >= batches) {
      proc.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
}

async function everything(store: SnapshotStore): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for await (const s of store.history()) out.push(s);
  return out;
}

/** After the crash: whole batches only; then a resumed run completes the rest, without duplicates. */
async function checkAndResume(store: SnapshotStore): Promise<void> {
  const afterCrash = await everything(store);
  expect(afterCrash.length).toBeGreaterThanOrEqual(3 * CRASH_BATCH);
  expect(afterCrash.length).toBeLessThan(CRASH_ACCOUNTS);
  // batches are a0..a9, a10..a19, …: every stored batch is whole
  const batches = new Map<number, number>();
  for (const s of afterCrash) {
    const b = Math.floor(Number(s.accountId.slice(1)) / CRASH_BATCH);
    batches.set(b, (batches.get(b) ?? 0) + 1);
  }
  expect([...batches.values()].every((n) => n === CRASH_BATCH)).toBe(true);

  const since = new Date(Math.min(...afterCrash.map((s) => s.takenAt.getTime())));
  const provider = crashProvider(0);
  const result = await collect(crashRegistry(), {
    providers: [provider],
    store,
    resume: { since },
  });
  expect(result.failures).toEqual([]);
  expect(result.stats.resumed).toBe(afterCrash.length);
  expect(provider.calls.flatMap((c) => c.accountIds)).toHaveLength(
    CRASH_ACCOUNTS - afterCrash.length,
  );
  const final = await everything(store);
  expect(final).toHaveLength(CRASH_ACCOUNTS);
  expect(new Set(final.map((s) => s.accountId)).size).toBe(CRASH_ACCOUNTS);
}

describe('a collection killed with SIGKILL', () => {
  it('into a PGlite folder: no partial batch is stored, and a second run completes the rest without duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-reach-crash-'));
    try {
      await killMidway(['pglite', dir], 3);
      const { PGlite } = await import('@electric-sql/pglite');
      const db = new PGlite(dir);
      const store = postgresStore({ client: db });
      try {
        await checkAndResume(store);
      } finally {
        await store.close();
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  const serverCase = databaseUrl ? it : it.skip;
  const name = databaseUrl
    ? 'into the PostgreSQL server: no partial batch is stored, and a second run completes the rest without duplicates'
    : 'into the PostgreSQL server (skipped: DATABASE_URL is not set; source .ci/postgres.sh to run it)';
  if (!databaseUrl && process.env.CI) {
    it('into the PostgreSQL server: DATABASE_URL must be set in CI', () => {
      expect.fail(
        'DATABASE_URL is not set: CI must run the server tests (.ci/run sources .ci/postgres.sh)',
      );
    });
  } else {
    serverCase(
      name,
      async () => {
        const { default: pg } = await import('pg');
        const schema = `crash_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
        const pool = new pg.Pool({ connectionString: databaseUrl });
        try {
          await killMidway(['pg', schema], 3);
          const store = postgresStore({ client: pool, schema });
          try {
            await checkAndResume(store);
          } finally {
            await store.close();
          }
        } finally {
          await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await pool.end();
        }
      },
      120_000,
    );
  }
});
