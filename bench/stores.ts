// Benchmarks of the snapshot stores at the size DESIGN.md plans for: 10,000 accounts × 100 days =
// 1,000,000 snapshots. Measures insert rate, `latest` over all rows, and the memory `history`
// holds while streaming every row. Run alone with `npx tsx bench/stores.ts` (set DATABASE_URL,
// e.g. by `source .ci/postgres.sh`, to include a PostgreSQL server).

import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Snapshot } from '../src/model/snapshot.js';
import { memoryStore } from '../src/stores/memory.js';
import { type PostgresStore, postgresStore } from '../src/stores/postgres/index.js';
import type { SnapshotStore } from '../src/stores/types.js';
import type { BenchRow } from './harness.js';

/** Size of the data set. */
export interface BenchStoresOptions {
  /** @default 10_000 */
  accounts?: number;
  /** @default 100 */
  days?: number;
  /** Print progress lines to stderr. @default false */
  verbose?: boolean;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1, 6, 0, 0);
const PUT_BATCH = 10_000; // rows per put: one collection run of 10,000 accounts

/**
 * Measures the stores on 1,000,000 deterministic snapshots (10,000 accounts × 100 days): insert
 * rate, `latest` as of a date over all rows, and peak memory while `history` streams every row.
 * PGlite runs in a temporary folder (removed afterwards); the PostgreSQL server is the one
 * `DATABASE_URL` names (skipped, with a note, when unset), in a schema dropped afterwards.
 *
 * @example
 * ```ts
 * console.table(await benchStores());
 * ```
 */
export async function benchStores(options: BenchStoresOptions = {}): Promise<BenchRow[]> {
  const accounts = options.accounts ?? 10_000;
  const days = options.days ?? 100;
  const total = accounts * days;
  const log = options.verbose ? (text: string) => process.stderr.write(`${text}\n`) : () => {};
  const rows: BenchRow[] = [];
  const size = `${total.toLocaleString('en-US')} rows (${accounts.toLocaleString('en-US')} accounts × ${days} days)`;
  rows.push({
    name: 'machine',
    value: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    note: size,
  });

  // PGlite in a temporary folder.
  {
    const { PGlite } = await import('@electric-sql/pglite');
    const dir = await mkdtemp(join(tmpdir(), 'social-reach-bench-'));
    const db = new PGlite(dir);
    try {
      const store = postgresStore({ client: db, schema: 'bench' });
      rows.push(...(await measure('PGlite (folder)', store, accounts, days, log)));
      rows.push(await distinctOnReference('PGlite (folder)', db, days));
      await store.close();
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  }

  // A PostgreSQL server through pg.
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const schema = `social_reach_bench_${Date.now().toString(36)}`;
    try {
      const version = await pool.query<{ v: string }>(
        "SELECT current_setting('server_version') AS v",
      );
      const store = postgresStore({ client: pool, schema });
      const measured = await measure('PostgreSQL server', store, accounts, days, log);
      measured[0]!.note = `PostgreSQL ${version.rows[0]?.v ?? '?'}, default settings; ${measured[0]!.note ?? ''}`;
      rows.push(...measured);
      rows.push(await distinctOnReference('PostgreSQL server', pool, days, schema));
      await store.close();
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  } else {
    rows.push({
      name: 'PostgreSQL server',
      value: 'skipped',
      note: 'DATABASE_URL is not set (source .ci/postgres.sh)',
    });
  }

  // The memory store, last: what it holds would inflate the others' memory figures.
  rows.push(...(await measure('memoryStore', memoryStore(), accounts, days, log)));
  return rows;
}

// ---------------------------------------------------------------------------------------------

async function measure(
  label: string,
  store: SnapshotStore,
  accounts: number,
  days: number,
  log: (text: string) => void,
): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  if (isPostgres(store)) await store.migrate();
  gc();
  const heapBefore = usage().heap;

  // Insert: one put per day, as collection runs would write them.
  let started = performance.now();
  for (let day = 0; day < days; day++) {
    for (let first = 0; first < accounts; first += PUT_BATCH) {
      await store.put(dayOf(day, first, Math.min(accounts, first + PUT_BATCH)));
    }
    if (day % 10 === 9) log(`${label}: ${day + 1} days written`);
  }
  const seconds = (performance.now() - started) / 1000;
  const total = accounts * days;
  out.push({
    name: `${label}: insert`,
    value: `${Math.round(total / seconds).toLocaleString('en-US')} rows/s`,
    note: `${total.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s, puts of ${Math.min(PUT_BATCH, accounts).toLocaleString('en-US')}`,
  });
  if (!isPostgres(store)) {
    gc();
    out.push({
      name: `${label}: heap held`,
      value: `${Math.round((usage().heap - heapBefore) / 2 ** 20)} MB`,
      note: `for ${total.toLocaleString('en-US')} rows`,
    });
  }

  // latest as of a date: after the last run (every account), and mid-way.
  for (const [what, asOf] of [
    ['after the last day', new Date(T0 + days * DAY)],
    ['mid-way', new Date(T0 + Math.floor(days / 2) * DAY + DAY / 2)],
  ] as const) {
    await store.latest({ asOf }); // warm-up
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      found = (await store.latest({ asOf })).length;
      times.push(performance.now() - started);
    }
    const ms = median(times);
    const server = label === 'PostgreSQL server';
    out.push({
      name: `${label}: latest (${what})`,
      value: `${ms.toFixed(1)} ms`,
      ...(server ? { target: '< 1 s', ok: ms < 1_000 } : {}),
      note: `median of 5; ${found.toLocaleString('en-US')} accounts over ${total.toLocaleString('en-US')} rows`,
    });
  }

  // history: stream every row, sampling memory as it goes. The peak includes garbage V8 has not
  // collected yet; the live heap, measured after a forced collection at each quarter, shows
  // whether anything accumulates.
  gc();
  const base = usage();
  let peakRss = base.rss;
  let peakHeap = base.heap;
  const live: number[] = [];
  const quarter = Math.max(1, Math.floor(total / 4));
  let count = 0;
  started = performance.now();
  for await (const _ of store.history()) {
    count += 1;
    if (count % 5_000 === 0) {
      const now = usage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heap);
    }
    if (count % quarter === 0 && live.length < 3) {
      gc();
      live.push(usage().heap - base.heap);
    }
  }
  const streamSeconds = (performance.now() - started) / 1000;
  // The target: flat (the live heap does not grow as rows stream) and under 100 MB of resident
  // memory above the baseline.
  const flat = live.every((bytes) => bytes < 10 * 2 ** 20);
  out.push({
    name: `${label}: history peak memory`,
    value: `RSS +${mb(peakRss - base.rss)} MB, heap +${mb(peakHeap - base.heap)} MB`,
    target: 'flat, RSS < +100 MB',
    ok: flat && peakRss - base.rss < 100 * 2 ** 20,
    note: `above baseline while streaming ${count.toLocaleString('en-US')} rows in ${streamSeconds.toFixed(1)} s (${Math.round(count / streamSeconds).toLocaleString('en-US')} rows/s); live heap after GC at 1/4, 1/2, 3/4: +${live.map(mb).join(', +')} MB`,
  });
  log(`${label}: done`);
  return out;
}

/** How long DISTINCT ON takes for the same "latest" question: the plan the store did not pick. */
async function distinctOnReference(
  label: string,
  db: { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> },
  days: number,
  schema = 'bench',
): Promise<BenchRow> {
  const sql = `SELECT DISTINCT ON (account_id) * FROM "${schema}".social_reach_snapshots
    WHERE taken_at <= $1 ORDER BY account_id, taken_at DESC`;
  const asOf = new Date(T0 + days * DAY).toISOString();
  await db.query(sql, [asOf]);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await db.query(sql, [asOf]);
    times.push(performance.now() - started);
  }
  return {
    name: `${label}: latest via DISTINCT ON (reference)`,
    value: `${median(times).toFixed(1)} ms`,
    note: 'the same question as one sorted scan; the store uses a LATERAL probe per account',
  };
}

/** The snapshots of one collection run: accounts [first, end) on day `day`. Deterministic. */
function dayOf(day: number, first: number, end: number): Snapshot[] {
  const out: Snapshot[] = [];
  for (let a = first; a < end; a++) {
    const value = 100 + ((a * 7_919) % 500_000) + day * (a % 97);
    const kind = a % 10;
    const snapshot: Snapshot = {
      accountId: `acc-${String(a).padStart(5, '0')}`,
      platform: kind === 0 ? 'youtube' : kind < 5 ? 'x' : 'facebook',
      // A run takes a while: account a is read a * 30 ms after the run starts.
      takenAt: new Date(T0 + day * DAY + a * 30),
      followers:
        kind === 0
          ? {
              value: value - (value % 1000),
              min: value - (value % 1000),
              max: value - (value % 1000) + 999,
            }
          : { value, min: value, max: value },
      source: {
        provider: kind === 0 ? 'youtube-data-v3' : kind < 5 ? 'x-api-v2' : 'facebook-graph',
      },
    };
    if (kind < 5) snapshot.posts = 1_000 + day * 3 + (a % 7);
    if (kind === 0) snapshot.views = value * 1_234;
    if (kind >= 5) snapshot.extra = { fans: value - 17 };
    out.push(snapshot);
  }
  return out;
}

function isPostgres(store: SnapshotStore): store is PostgresStore {
  return store.name === 'postgres';
}

function usage(): { rss: number; heap: number } {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

const mb = (bytes: number) => Math.max(0, Math.round(bytes / 2 ** 20));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// A full collection before each baseline, so garbage left by the previous step is not counted.
let collect: (() => void) | undefined;
function gc(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const accounts = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
  const days = Number(process.env.BENCH_DAYS ?? 100);
  const result = await benchStores({ accounts, days, verbose: true });
  const width = Math.max(...result.map((r) => r.name.length));
  const valueWidth = Math.max(...result.map((r) => r.value.length));
  for (const row of result) {
    console.log(`${row.name.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.note ?? ''}`);
  }
}
