import { OptionError, SocialReachError, StoreError } from '../../errors.js';
import type { Registry } from '../../model/registry.js';
import type { Snapshot } from '../../model/snapshot.js';
import type {
  HistoryOptions,
  RunOutcome,
  SnapshotStore,
  StoreLatestOptions,
  StoreOptions,
} from '../types.js';
import {
  checkOutcomes,
  checkSnapshots,
  closedError,
  compareIds,
  lastPerKey,
  MAX_TIME,
  MIN_TIME,
  readHistoryOptions,
  readLatestOptions,
  readPruneOptions,
  readRunId,
} from '../validate.js';
import { adapt, type DbRow, type PostgresClient } from './adapter.js';
import { migrate, type Tables, tables } from './migrations.js';

/** Options of {@link postgresStore}. */
export interface PostgresStoreOptions extends StoreOptions {
  /**
   * Where the data lives: a PGlite instance (embedded PostgreSQL in a folder, no server:
   * `new PGlite('./data/reach')`) or a `pg` `Pool` connected to a server. The caller owns it:
   * the store never closes or ends it.
   */
  client: PostgresClient;
  /**
   * The PostgreSQL schema holding the store's tables (`social_reach_snapshots`,
   * `social_reach_accounts`, `social_reach_migrations`). Created on first use if missing. Letters,
   * digits and `_`, up to 63 characters; case matters (it is quoted).
   * @default 'public'
   */
  schema?: string;
  /**
   * How many rows `history` reads per query. Memory held by an iteration grows with it.
   * @default 2000
   */
  historyPageSize?: number;
}

/** A {@link SnapshotStore} in PostgreSQL, with what it adds. */
export interface PostgresStore extends SnapshotStore {
  readonly name: 'postgres';
  /** Which client the store was given. */
  readonly driver: 'pglite' | 'pg';
  /** The schema holding the tables. */
  readonly schema: string;
  /**
   * Applies pending migrations now. Optional: the first call of any other method does it too.
   * Useful at deploy time, or to keep migration time out of a measurement.
   */
  migrate(): Promise<void>;
  recordOutcomes(outcomes: readonly RunOutcome[]): Promise<number>;
  runOutcomes(runId: string, options?: { accountIds?: readonly string[] }): Promise<RunOutcome[]>;
}

/**
 * A {@link SnapshotStore} in PostgreSQL, through PGlite (embedded: a data folder, no server) or
 * a `pg` Pool (a server). Both get the same tables and the same SQL.
 *
 * - The tables are created by versioned migrations on first use, each once, under an advisory
 *   lock, so several processes may start at once.
 * - `put` is one transaction: rows are validated, then upserted in chunks (`INSERT ... SELECT
 *   FROM json_to_recordset(...) ON CONFLICT DO UPDATE`).
 * - `latest` looks up each account's newest row through the primary key; `history` pages through
 *   the `(taken_at, account_id)` index by keyset on the exact stored values, holding no connection
 *   between pages.
 * - `takenAt` is written to the millisecond. Rows other programs wrote to the microsecond are kept
 *   as they are, read back at their millisecond (rounded down), and compared with every bound at
 *   that millisecond; each is read exactly once, and a `put` never replaces one (keys are exact).
 * - Needs PostgreSQL 14 or later (PGlite is); an older server is refused with a `StoreError`.
 * - `close()` waits for operations in flight and marks the store closed. It does **not** close
 *   the PGlite instance or end the Pool: the caller created it and closes it.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { postgresStore } from 'social-reach/postgres';
 *
 * const db = new PGlite('./data/reach');
 * const store = postgresStore({ client: db, registry });
 * await store.put(result.snapshots);
 * await store.close();
 * await db.close();
 * ```
 * @example
 * ```ts
 * import pg from 'pg';
 * import { postgresStore } from 'social-reach/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const store = postgresStore({ client: pool, schema: 'reach' });
 * const latest = await store.latest({ asOf: new Date('2024-03-31T23:59:59Z') });
 * await store.close();
 * await pool.end();
 * ```
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('options', 'an object with a `client`', options);
  }
  const db = adapt(options.client);
  const schema = options.schema ?? 'public';
  if (typeof schema !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new OptionError('schema', 'a schema name of letters, digits and _ (<= 63)', schema);
  }
  const pageSize = options.historyPageSize ?? 2000;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 100_000) {
    throw new OptionError('historyPageSize', 'an integer from 1 to 100000', pageSize);
  }
  const registry: Registry | undefined = options.registry;
  const t = tables(schema);
  const sql = statements(t);

  let closed = false;
  let migrated: Promise<void> | undefined;
  const inFlight = new Set<Promise<unknown>>();

  const ready = (): Promise<void> => {
    migrated ??= run('migrate', () => migrate(db, t)).catch((error: unknown) => {
      migrated = undefined; // let a later call try again (e.g. once the server is back)
      throw error;
    });
    return migrated;
  };

  // Runs an operation, so that close() can wait for it; refuses to start on a closed store.
  const track = <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(closedError('postgres', operation));
    const promise = fn();
    inFlight.add(promise);
    const forget = () => inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  };

  async function* iterate(options: HistoryOptions | undefined): AsyncGenerator<Snapshot, void> {
    if (closed) throw closedError('postgres', 'history');
    const { from, to, accountIds } = readHistoryOptions(options);
    if (accountIds?.length === 0) return;
    // Bounds beyond the years 1–9999 (where every stored row lies) are dropped or answer nothing:
    // PostgreSQL would not read the extended-year ISO strings JavaScript writes for them.
    if ((from?.getTime() ?? MIN_TIME) > MAX_TIME || (to?.getTime() ?? MAX_TIME) < MIN_TIME) return;
    await ready();
    const where: string[] = [];
    const params: unknown[] = [];
    if (from !== undefined && from.getTime() > MIN_TIME) {
      where.push(`taken_at >= $${params.push(from.toISOString())}`);
    }
    // A row counts at its millisecond (what it reads back as), so `to` takes the microseconds
    // after it too. `from` needs nothing: a row is at or after a millisecond exactly when its
    // millisecond is.
    if (to !== undefined && to.getTime() < MAX_TIME) {
      where.push(`taken_at < $${params.push(to.toISOString())}::timestamptz + ${ONE_MS}`);
    }
    if (accountIds !== undefined) where.push(`account_id = ANY($${params.push(accountIds)})`);
    const limit = `$${params.push(pageSize)}`;
    const first = sql.page(where, limit);
    // The bookmark is the last row's exact key: its taken_at as whole microseconds since 1970
    // (computed in SQL, carried as text, turned back into the same timestamptz in SQL; a JS Date
    // would cut it to the millisecond and read again every row later within it), and its id.
    const [us, id] = [`$${params.length + 1}::int8`, `$${params.length + 2}::text`];
    const next = sql.page(
      [...where, `(taken_at, account_id) > (${sql.fromMicros(us)}, ${id})`],
      limit,
    );
    let after: [string, string] | undefined;
    for (;;) {
      if (closed) throw closedError('postgres', 'history');
      const rows = await run('history', () =>
        after === undefined ? db.query(first, params) : db.query(next, [...params, ...after!]),
      );
      // Only this page is held; the next is read when the caller has consumed it.
      for (const row of rows) yield fromRow(row);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = [String(last.taken_us), String(last.account_id)];
    }
  }

  return {
    name: 'postgres',
    driver: db.driver,
    schema,

    migrate: () => track('migrate', ready),

    put: (snapshots) =>
      track('put', async () => {
        const valid = lastPerKey(checkSnapshots('postgres', snapshots, registry));
        if (valid.length === 0) return;
        await ready();
        // Same order in every transaction (account, then time): two concurrent puts lock rows in
        // the same order and cannot deadlock; the primary key index is also filled in order.
        valid.sort(
          (a, b) =>
            compareIds(a.accountId, b.accountId) || a.takenAt.getTime() - b.takenAt.getTime(),
        );
        const ids: string[] = [];
        for (const s of valid) if (ids[ids.length - 1] !== s.accountId) ids.push(s.accountId);
        await run('put', () =>
          db.transaction(async (tx) => {
            await tx.query(sql.insertAccounts, [ids]);
            for (let i = 0; i < valid.length; i += INSERT_CHUNK) {
              const chunk = valid.slice(i, i + INSERT_CHUNK);
              await tx.query(sql.upsert, [JSON.stringify(chunk.map(toRecord))]);
            }
          }),
        );
      }),

    latest: (options?: StoreLatestOptions) =>
      track('latest', async () => {
        const { asOf, accountIds } = readLatestOptions(options);
        if (accountIds?.length === 0 || asOf.getTime() < MIN_TIME) return [];
        await ready();
        const at = new Date(Math.min(asOf.getTime(), MAX_TIME)).toISOString();
        const rows = await run('latest', () =>
          accountIds === undefined
            ? db.query(sql.latestAll, [at])
            : db.query(sql.latestOf, [at, accountIds]),
        );
        return rows.map(fromRow);
      }),

    history: (options) => iterate(options),

    prune: (options) =>
      track('prune', async () => {
        const { before, platform } = readPruneOptions(options);
        if (before.getTime() <= MIN_TIME) return 0;
        await ready();
        const at = new Date(Math.min(before.getTime(), MAX_TIME + 1)).toISOString();
        const rows = await run('prune', () => db.query(sql.prune, [at, platform ?? null]));
        return toInt(rows[0]?.removed ?? 0, 'removed');
      }),

    recordOutcomes: (outcomes) =>
      track('recordOutcomes', async () => {
        const valid = checkOutcomes('postgres', outcomes);
        if (valid.length === 0) return 0;
        await ready();
        // Same order in every call: concurrent recorders lock keys in one order (no deadlock).
        valid.sort((a, b) => compareIds(a.runId, b.runId) || compareIds(a.accountId, b.accountId));
        const rows = await run('recordOutcomes', () =>
          db.query(sql.recordOutcomes, [JSON.stringify(valid.map(toOutcomeRecord))]),
        );
        return toInt(rows[0]?.added ?? 0, 'added');
      }),

    runOutcomes: (runId, options) =>
      track('runOutcomes', async () => {
        const id = readRunId(runId);
        const { accountIds } = readLatestOptions(options);
        if (accountIds?.length === 0) return [];
        await ready();
        const rows = await run('runOutcomes', () =>
          db.query(sql.runOutcomes, [id, accountIds ?? null]),
        );
        return rows.map(fromOutcomeRow);
      }),

    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}

// ---------------------------------------------------------------------------------------------

// Rows per INSERT statement. Each chunk is one JSON parameter (about 1 MB for 5,000 rows), so the
// size is bounded by memory, not by PostgreSQL's 65,535 parameters per statement. One document
// parsed by json_to_recordset was faster here than 13 arrays through unnest (229 vs 273 ms per
// 10,000 rows on the benchmark machine) and leaves no array encoding to the driver.
const INSERT_CHUNK = 5_000;

// Rows another program wrote may hold microseconds; the store reads each back at its millisecond,
// rounded down (taken_ms), and compares bounds with that millisecond: a row is at or before a
// millisecond T when it is before T + 1 ms. Keys and paging stay exact (see `history`).
const ONE_MS = `interval '1 millisecond'`;

// The instants a JavaScript Date holds (to 275760-09-13); PostgreSQL goes on to 294276 AD and has
// ±infinity. Another program's row beyond them reads with a NULL time, which `fromRow` refuses.
const IN_JS_RANGE = `taken_at > '-infinity' AND taken_at <= timestamptz '275760-09-13 00:00:00+00'`;

const COLUMNS = `account_id, platform,
  CASE WHEN ${IN_JS_RANGE} THEN floor(extract(epoch FROM taken_at) * 1000)::int8 END AS taken_ms,
  followers, followers_min, followers_max, following, posts, views, extra::text AS extra,
  provider, note, evidence_url`;

function statements(t: Tables) {
  const latestOf = (accounts: string) => `
    SELECT s.* FROM ${accounts}
    CROSS JOIN LATERAL (
      SELECT ${COLUMNS} FROM ${t.snapshots} s
      WHERE s.account_id = a.account_id AND s.taken_at < $1::timestamptz + ${ONE_MS}
      ORDER BY s.taken_at DESC
      LIMIT 1
    ) s
    ORDER BY a.account_id`;
  return {
    insertAccounts: `INSERT INTO ${t.accounts} (account_id)
      SELECT id FROM unnest($1::text[]) AS ids(id) ON CONFLICT DO NOTHING`,
    upsert: `INSERT INTO ${t.snapshots} (account_id, taken_at, platform, followers, followers_min,
        followers_max, following, posts, views, extra, provider, note, evidence_url)
      SELECT r.a, r.t, r.p, r.v, r.mn, r.mx, r.fg, r.ps, r.vw, r.x, r.pr, r.n, r.u
      FROM json_to_recordset($1::json) AS r(a text, t timestamptz, p text, v bigint, mn bigint,
        mx bigint, fg bigint, ps bigint, vw bigint, x jsonb, pr text, n text, u text)
      ON CONFLICT (account_id, taken_at) DO UPDATE SET platform = EXCLUDED.platform,
        followers = EXCLUDED.followers, followers_min = EXCLUDED.followers_min,
        followers_max = EXCLUDED.followers_max, following = EXCLUDED.following,
        posts = EXCLUDED.posts, views = EXCLUDED.views, extra = EXCLUDED.extra,
        provider = EXCLUDED.provider, note = EXCLUDED.note, evidence_url = EXCLUDED.evidence_url`,
    recordOutcomes: `WITH added AS (INSERT INTO ${t.runOutcomes} (run_id, account_id, platform,
        status, taken_at, reason, message, recorded_at)
      SELECT r.r, r.a, r.p, r.s, r.t, r.re, r.m, r.at
      FROM json_to_recordset($1::json) AS r(r text, a text, p text, s text, t timestamptz,
        re text, m text, at timestamptz)
      ON CONFLICT (run_id, account_id) DO NOTHING RETURNING 1)
      SELECT count(*)::int8 AS added FROM added`,
    runOutcomes: `SELECT run_id, account_id, platform, status,
        floor(extract(epoch FROM taken_at) * 1000)::int8 AS taken_ms, reason, message,
        floor(extract(epoch FROM recorded_at) * 1000)::int8 AS recorded_ms
      FROM ${t.runOutcomes}
      WHERE run_id = $1 AND ($2::text[] IS NULL OR account_id = ANY($2::text[]))
      ORDER BY account_id`,
    // Strictly before a millisecond: a row's millisecond is before it exactly when the row is.
    prune: `WITH gone AS (DELETE FROM ${t.snapshots}
        WHERE taken_at < $1::timestamptz AND ($2::text IS NULL OR platform = $2::text) RETURNING 1)
      SELECT count(*)::int8 AS removed FROM gone`,
    latestAll: latestOf(`${t.accounts} a`),
    latestOf: latestOf(
      `(SELECT id COLLATE "C" AS account_id FROM unnest($2::text[]) AS ids(id)) a`,
    ),
    // Microseconds since 1970 back to the timestamptz they came from: exact integer arithmetic
    // (an interval times a float8 whole number of seconds, below 2^53, is exact), whatever the
    // session's time zone.
    fromMicros: (us: string) =>
      `(timestamptz 'epoch' + (${us} / 1000000) * interval '1 second' + (${us} % 1000000) * interval '1 microsecond')`,
    page: (where: readonly string[], limit: string) => `
      SELECT ${COLUMNS},
        CASE WHEN ${IN_JS_RANGE} THEN (extract(epoch FROM taken_at) * 1000000)::int8::text END
          AS taken_us
      FROM ${t.snapshots}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY taken_at, account_id
      LIMIT ${limit}`,
  };
}

/** A snapshot as one element of the JSON document `upsert` reads (absent keys read as NULL). */
function toRecord(s: Snapshot): Record<string, unknown> {
  return {
    a: s.accountId,
    t: s.takenAt.toISOString(),
    p: s.platform,
    v: s.followers.value,
    mn: s.followers.min,
    mx: s.followers.max,
    fg: s.following,
    ps: s.posts,
    vw: s.views,
    x: s.extra,
    pr: s.source.provider,
    n: s.source.note,
    u: s.source.evidenceUrl,
  };
}

function toOutcomeRecord(o: RunOutcome): Record<string, unknown> {
  return {
    r: o.runId,
    a: o.accountId,
    p: o.platform,
    s: o.status,
    t: o.takenAt?.toISOString(),
    re: o.reason,
    m: o.message,
    at: o.recordedAt.toISOString(),
  };
}

function fromOutcomeRow(row: DbRow): RunOutcome {
  return {
    runId: String(row.run_id),
    accountId: String(row.account_id),
    platform: String(row.platform),
    status: row.status === 'snapshot' ? 'snapshot' : 'failed',
    ...(row.taken_ms !== null ? { takenAt: new Date(toInt(row.taken_ms, 'taken_at')) } : {}),
    ...(row.reason !== null ? { reason: String(row.reason) as RunOutcome['reason'] } : {}),
    ...(row.message !== null ? { message: String(row.message) } : {}),
    recordedAt: new Date(toInt(row.recorded_ms, 'recorded_at')),
  };
}

function fromRow(row: DbRow): Snapshot {
  if (row.taken_ms === null) {
    throw new StoreError(
      `a snapshot of account ${JSON.stringify(row.account_id)} has a taken_at that is infinite or after 275760-09-13, which a JavaScript Date cannot hold: correct or delete that row (another program wrote it; the store never does)`,
      { store: 'postgres', operation: 'read' },
    );
  }
  const snapshot: Snapshot = {
    accountId: String(row.account_id),
    platform: String(row.platform),
    takenAt: new Date(toInt(row.taken_ms, 'taken_at')),
    followers: {
      value: toInt(row.followers, 'followers'),
      min: row.followers_min === null ? null : toInt(row.followers_min, 'followers_min'),
      max: row.followers_max === null ? null : toInt(row.followers_max, 'followers_max'),
    },
    source: { provider: String(row.provider) },
  };
  if (row.following !== null) snapshot.following = toInt(row.following, 'following');
  if (row.posts !== null) snapshot.posts = toInt(row.posts, 'posts');
  if (row.views !== null) snapshot.views = toInt(row.views, 'views');
  if (row.extra !== null) snapshot.extra = JSON.parse(String(row.extra)) as Record<string, number>;
  if (row.note !== null) snapshot.source.note = String(row.note);
  if (row.evidence_url !== null) snapshot.source.evidenceUrl = String(row.evidence_url);
  return snapshot;
}

// bigint columns come back as strings from pg, as numbers from PGlite, and as bigints with some
// custom type parsers; all three are read here, and anything beyond 2^53 is refused, not rounded.
function toInt(value: unknown, column: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new StoreError(`column ${column} holds ${String(value)}, not a safe integer`, {
      store: 'postgres',
      operation: 'read',
    });
  }
  return n;
}

/** Runs a database call, turning a driver error into a {@link StoreError}. */
async function run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toStoreError(operation, error);
  }
}

// The driver's error is summarised (message, SQLSTATE, detail), not attached as `cause`: the
// library only ever attaches its own errors (see errors.ts), and a driver error may carry the
// connection's configuration.
function toStoreError(operation: string, error: unknown): SocialReachError {
  if (SocialReachError.isInstance(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    code?: unknown;
    detail?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const sqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  let message = typeof e.message === 'string' && e.message !== '' ? e.message : String(error);
  if (typeof e.detail === 'string' && e.detail !== '') message += ` (${e.detail})`;
  if (code !== undefined) message += sqlState ? ` [SQLSTATE ${sqlState}]` : ` [${code}]`;
  return new StoreError(message, { store: 'postgres', operation, sqlState });
}
