import { OptionError, SocialReachError, StoreError } from '../../errors.js';
import type { Registry } from '../../model/registry.js';
import type { Snapshot } from '../../model/snapshot.js';
import { newPage, type PeriodPage, periodPages, periodRows } from '../period-pages.js';
import {
  checkCounter,
  checkLock,
  checkStateEntries,
  checkStateKeys,
  type LockAttempt,
  lostLock,
  type StateStore,
  type StoreLock,
} from '../state.js';
import type {
  HistoryOptions,
  PeriodValue,
  PeriodValuesOptions,
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
  readPeriodValuesOptions,
  readPruneOptions,
  readRunId,
} from '../validate.js';
import { adapt, type Db, type DbRow, type PostgresClient } from './adapter.js';
import { migrate, type Tables, tables } from './migrations.js';
import { readAhead, slices } from './read-ahead.js';

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
  /**
   * Keeps the query planner's statistics current (docs/stores.md, "Statistics"): `ANALYZE` on
   * first use when the table has no statistics or has grown by a tenth since they were taken, and
   * in the background once this store has written or deleted a tenth of the table's rows (at least
   * 10,000) since the last one. On PGlite, which has no autovacuum, a `prune` that deleted rows
   * makes it `VACUUM (ANALYZE)`, so the space is reused. `false` leaves statistics to you (a
   * server's autovacuum, or {@link PostgresStore.analyze}).
   * @default true
   */
  autoAnalyze?: boolean;
}

/**
 * A {@link SnapshotStore} in PostgreSQL, with the {@link StateStore} (a lock, provider state) in
 * the same schema, and what it adds.
 */
export interface PostgresStore extends SnapshotStore, StateStore {
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
  /**
   * Updates the planner's statistics of the store's tables now (`ANALYZE`; on PGlite after a
   * `prune` that deleted rows, `VACUUM (ANALYZE)`). The store does this itself unless
   * `autoAnalyze` is `false`; call it after loading rows by other means. About 0.5 s on PGlite
   * for 2.7 million rows (it reads a sample of 30,000 rows), less on a server.
   */
  analyze(): Promise<void>;
  /**
   * {@link SnapshotStore.periodValues}, which this store always has: per page of accounts, one
   * query probing the primary key once per account and period, returning one row per pair.
   */
  periodValues(options: PeriodValuesOptions): AsyncIterable<PeriodValue>;
}

/**
 * A {@link SnapshotStore} in PostgreSQL, through PGlite (embedded: a data folder, no server) or
 * a `pg` Pool (a server). Both get the same tables and the same SQL.
 *
 * - The tables are created by versioned migrations on first use, each once, under an advisory
 *   lock, so several processes may start at once.
 * - `put` is one transaction: rows are validated, then upserted in chunks (`INSERT ... SELECT
 *   FROM json_to_recordset(...) ON CONFLICT DO UPDATE`).
 * - `latest` looks up each account's newest row through the primary key (on a server, in 4 parts
 *   at once over the Pool's connections); `history` pages through the `(taken_at, account_id)`
 *   index by keyset on the exact stored values, holding no connection between pages;
 *   `periodValues` pages through the accounts, on a server reading the next page ahead.
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
  const autoAnalyze = options.autoAnalyze ?? true;
  if (typeof autoAnalyze !== 'boolean') {
    throw new OptionError('autoAnalyze', 'true or false', autoAnalyze);
  }
  const registry: Registry | undefined = options.registry;
  const t = tables(schema);
  const sql = statements(t);

  let closed = false;
  let migrated: Promise<void> | undefined;
  const inFlight = new Set<Promise<unknown>>();
  const stats = new Statistics(db, t);

  const ready = (): Promise<void> => {
    migrated ??= run('migrate', async () => {
      const applied = await migrate(db, t);
      // Statistics only guide plans: a failure to read or take them never fails the store.
      if (autoAnalyze) await stats.onOpen(applied).catch(() => {});
    }).catch((error: unknown) => {
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

  // Counts rows written or deleted; past the threshold, ANALYZE runs in the background, one at a
  // time, again while more changed meanwhile, and close() waits for it. A failure there is not
  // the caller's (statistics only guide plans): the rows stay counted, and a later write retries.
  let analyzing = false;
  const changed = (rows: number, deleted: boolean) => {
    if (!autoAnalyze) return;
    stats.note(rows, deleted);
    if (analyzing || closed || !stats.due()) return;
    analyzing = true;
    track('analyze', async () => {
      try {
        while (!closed && stats.due()) await stats.run();
      } finally {
        analyzing = false;
      }
    }).catch(() => {});
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
      const rows = await run('history', async () =>
        packed(
          after === undefined
            ? await db.query(first, params)
            : await db.query(next, [...params, ...after!]),
        ),
      );
      // Only this page is held; the next is read when the caller has consumed it.
      for (const row of rows) yield fromArray(row);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = [String(last[TAKEN_US]), String(last[0])];
    }
  }

  async function* periods(options: PeriodValuesOptions): AsyncGenerator<PeriodPage, void> {
    if (closed) throw closedError('postgres', 'periodValues');
    const { from, to, accountIds } = readPeriodValuesOptions(options);
    if (accountIds?.length === 0) return;
    await ready();
    // Windows beyond the years 1–9999 are left open on that side, as history's bounds are.
    const params = [
      from.map((ms) => (ms > MIN_TIME ? ms : null)),
      to.map((ms) => (ms <= MAX_TIME ? ms : null)),
    ];
    // A page is a slice of the accounts: about PERIOD_PAGE_ROWS rows, whatever the number of
    // periods, so memory stays flat however many accounts there are. On a server the next pages
    // are asked for while this one is read (each on its own pooled connection, so its own core).
    const accountsPerPage = Math.max(1, Math.floor(PERIOD_PAGE_ROWS / from.length));
    const pages = readAhead(
      accountIds === undefined
        ? accountPages(accountsPerPage)
        : listed(accountIds, accountsPerPage),
      async (ids) =>
        toPeriodPage(
          await run('periodValues', async () =>
            packed(await db.query(sql.periodValues, [ids, ...params])),
          ),
        ),
      db.driver === 'pg' ? PERIOD_PAGES_AHEAD : 1,
    );
    for await (const page of pages) {
      if (closed) throw closedError('postgres', 'periodValues');
      yield page;
    }
  }

  // The stored accounts, a page at a time, in id order.
  async function* accountPages(size: number): AsyncGenerator<string[], void> {
    let after: string | null = null;
    for (;;) {
      if (closed) throw closedError('postgres', 'periodValues');
      const page = await run('periodValues', () => db.query(sql.accountPage, [after, size]));
      const ids = page.map((row) => String(row.account_id));
      if (ids.length > 0) yield ids;
      if (ids.length < size) return;
      after = ids[ids.length - 1]!;
    }
  }

  const store: PostgresStore = {
    name: 'postgres',
    driver: db.driver,
    schema,

    migrate: () => track('migrate', ready),

    analyze: () =>
      track('analyze', async () => {
        await ready();
        await run('analyze', () => stats.run());
      }),

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
        changed(valid.length, false);
      }),

    latest: (options?: StoreLatestOptions) =>
      track('latest', async () => {
        const { asOf, accountIds } = readLatestOptions(options);
        if (accountIds?.length === 0 || asOf.getTime() < MIN_TIME) return [];
        await ready();
        const at = new Date(Math.min(asOf.getTime(), MAX_TIME)).toISOString();
        if (db.driver === 'pglite') {
          // PGlite has one thread: one query. When no stored row is later than asOf (the usual
          // question: the figures now), each probe is asked without a bound on time, which
          // spares it a step: over 2.65 million rows, 0.42 s of CPU against 0.49 s. Both
          // statements run in one transaction, so no put comes between them.
          const rows = await run('latest', () =>
            db.transaction(async (tx) => {
              const [check] = await tx.query(sql.noneAfter, [at]);
              const newest = check?.none_after === true;
              return packed(
                accountIds === undefined
                  ? await tx.query(newest ? sql.latestAllNewest : sql.latestAll, newest ? [] : [at])
                  : await tx.query(
                      newest ? sql.latestOfNewest : sql.latestOf,
                      newest ? [accountIds] : [at, accountIds],
                    ),
              );
            }),
          );
          return rows.map(fromArray);
        }
        // On a server, the accounts are split into parts looked up at once over the pool's
        // connections (each part one query on its own backend, so on its own core), each part's
        // rows sorted by id.
        const parts = LATEST_PARTS;
        const queries =
          accountIds === undefined
            ? Array.from(
                { length: parts },
                (_, k) => () => db.query(sql.latestPart, [at, parts, k]),
              )
            : slices(accountIds, parts, LATEST_PART_MIN).map(
                (ids) => () => db.query(sql.latestOf, [at, ids]),
              );
        const results = await run('latest', () =>
          Promise.all(queries.map(async (query) => packed(await query()))),
        );
        // Slices of the sorted ids are in order already; hash parts are merged by id.
        const rows = accountIds === undefined ? mergeById(results) : results.flat();
        return rows.map(fromArray);
      }),

    history: (options) => iterate(options),

    periodValues: (options) => periodRows(periods(options)),

    prune: (options) =>
      track('prune', async () => {
        const { before, platform } = readPruneOptions(options);
        if (before.getTime() <= MIN_TIME) return 0;
        await ready();
        // As whole milliseconds, not an ISO string: after the year 9999 JavaScript writes one
        // PostgreSQL cannot read ("+010000-01-01T00:00:00.000Z").
        const at = before.getTime();
        const rows = await run('prune', () => db.query(sql.prune, [at, platform ?? null]));
        const removed = toInt(rows[0]?.removed ?? 0, 'removed');
        changed(removed, true);
        return removed;
      }),

    lock: (name, options) =>
      track('lock', async (): Promise<LockAttempt> => {
        const { holder, ttlMs } = checkLock(name, options);
        await ready();
        const token = randomToken();
        let taken: DbRow | undefined;
        // a lock released between the two statements is free: try again (twice at most)
        for (let attempt = 0; taken === undefined; attempt++) {
          [taken] = await run('lock', () => db.query(sql.lock, [name, holder, token, ttlMs]));
          if (taken !== undefined) break;
          const [held] = await run('lock', () => db.query(sql.lockHolder, [name]));
          if (held !== undefined || attempt >= 2) {
            return {
              acquired: false,
              heldBy: {
                holder: String(held?.holder ?? '(unknown)'),
                acquiredAt: new Date(toInt(held?.acquired_ms ?? 0, 'acquired_at')),
                expiresAt: new Date(toInt(held?.expires_ms ?? 0, 'expires_at')),
              },
            };
          }
        }
        let expiresAt = new Date(toInt(taken.expires_ms, 'expires_at'));
        const lock: StoreLock = {
          name,
          holder,
          acquiredAt: new Date(toInt(taken.acquired_ms, 'acquired_at')),
          get expiresAt() {
            return expiresAt;
          },
          renew: () =>
            track('lock', async () => {
              const [row] = await run('lock', () => db.query(sql.renew, [name, token, ttlMs]));
              if (row === undefined) throw lostLock('postgres', name);
              expiresAt = new Date(toInt(row.expires_ms, 'expires_at'));
            }),
          release: async () => {
            if (closed) return;
            await track('lock', () => run('lock', () => db.query(sql.unlock, [name, token])));
          },
        };
        return { acquired: true, lock };
      }),

    readState: (keys) =>
      track('readState', async () => {
        const checked = checkStateKeys(keys);
        const out = new Map<string, string>();
        if (checked.length === 0) return out;
        await ready();
        const rows = await run('readState', () => db.query(sql.readState, [checked]));
        for (const row of rows) out.set(String(row.key), String(row.value));
        return out;
      }),

    writeState: (entries) =>
      track('writeState', async () => {
        const checked = checkStateEntries(entries);
        if (checked.length === 0) return;
        await ready();
        const records = checked.map((e) => ({
          k: e.key,
          v: e.value,
          e: e.expiresAt?.toISOString() ?? null,
        }));
        await run('writeState', () => db.query(sql.writeState, [JSON.stringify(records)]));
      }),

    addToCounter: (key, amount, options) =>
      track('addToCounter', async () => {
        const c = checkCounter(key, amount, options);
        await ready();
        const params = [c.key, c.amount, c.limit ?? null, c.expiresAt?.toISOString() ?? null];
        const [row] = await run('addToCounter', () => db.query(sql.addToCounter, params));
        if (row !== undefined) return { added: true, value: toInt(row.counter, 'counter') };
        const [current] = await run('addToCounter', () => db.query(sql.counter, [c.key]));
        return { added: false, value: toInt(current?.counter ?? 0, 'counter') };
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
  // series() reads the rows by the page, in columns (src/stores/period-pages.ts): not enumerable,
  // no public surface.
  Object.defineProperty(store, periodPages, { value: periods });
  return store;
}

// ---------------------------------------------------------------------------------------------

/** Rows changed since the last ANALYZE, at least, before the next one. */
const ANALYZE_MIN_ROWS = 10_000;
/** The share of the table changed since the last ANALYZE (autovacuum's default too) before the next. */
const ANALYZE_SHARE = 0.1;

/**
 * When the store analyzes its tables. PGlite has no autovacuum, so without this it never would:
 * the planner then guesses every selectivity, and a page of history took 1.56 s on 2.65 million
 * rows instead of 20–36 ms. A server's autovacuum analyzes too, but only after a tenth of a large
 * table changed; the store's own count (of its writes) and the check on first use keep both alike.
 */
class Statistics {
  /** The snapshots table's row estimate as of the last ANALYZE. */
  private rows = 0;
  /** Rows written or deleted by this store since then. */
  private changes = 0;
  /** Rows were deleted since then (PGlite vacuums them). */
  private deleted = false;

  constructor(
    private readonly db: Db,
    private readonly t: Tables,
  ) {}

  /**
   * On first use: analyzes when a migration was applied to a table holding rows, when the table
   * has never been analyzed, or when it has grown since as much as {@link due} asks (estimated
   * from its size on disk, so rows other programs and other processes wrote count too).
   */
  async onOpen(migrated: boolean): Promise<void> {
    const [row] = await this.db.query(
      `SELECT c.reltuples::float8 AS tuples, c.relpages::int8 AS pages,
        (pg_relation_size(c.oid) / current_setting('block_size')::int8) AS now_pages
      FROM pg_class c WHERE c.oid = $1::regclass`,
      [this.t.snapshots],
    );
    const tuples = Number(row?.tuples ?? 0);
    const pages = Number(row?.pages ?? 0);
    const now = Number(row?.now_pages ?? 0);
    this.rows = Math.max(0, tuples);
    if (now === 0) return;
    if (migrated || tuples < 0 || pages <= 0) return this.run();
    // Rows added since, estimated as the planner does: the density then, times the pages now.
    this.changes += Math.max(0, (tuples / pages) * (now - pages));
    if (this.due()) await this.run();
  }

  /** Counts rows written or deleted. */
  note(rows: number, deleted: boolean): void {
    this.changes += rows;
    if (deleted && rows > 0) this.deleted = true;
  }

  /** Whether enough changed since the last ANALYZE for the next. */
  due(): boolean {
    return this.changes >= Math.max(ANALYZE_MIN_ROWS, this.rows * ANALYZE_SHARE);
  }

  /** ANALYZE now (VACUUM (ANALYZE) on PGlite after deletions), then reads the new estimate. */
  async run(): Promise<void> {
    const vacuum = this.deleted && this.db.driver === 'pglite';
    const changes = this.changes;
    this.changes = 0;
    this.deleted = false;
    try {
      const { snapshots, accounts } = this.t;
      await this.db.query(
        vacuum ? `VACUUM (ANALYZE) ${snapshots}, ${accounts}` : `ANALYZE ${snapshots}, ${accounts}`,
      );
      const [row] = await this.db.query(
        'SELECT reltuples::float8 AS tuples FROM pg_class WHERE oid = $1::regclass',
        [snapshots],
      );
      this.rows = Math.max(0, Number(row?.tuples ?? 0));
    } catch (error) {
      this.changes += changes; // try again after the next writes
      this.deleted ||= vacuum;
      throw error;
    }
  }
}

// Rows per INSERT statement. Each chunk is one JSON parameter (about 1 MB for 5,000 rows), so the
// size is bounded by memory, not by PostgreSQL's 65,535 parameters per statement. One document
// parsed by json_to_recordset was faster here than 13 arrays through unnest (229 vs 273 ms per
// 10,000 rows on the benchmark machine) and leaves no array encoding to the driver.
const INSERT_CHUNK = 5_000;

// Parts a server's latest() is split into (each one query on its own pooled connection), and
// the fewest accounts worth a part of their own.
const LATEST_PARTS = 4;
const LATEST_PART_MIN = 2_000;

// periodValues pages a server works on at once (the one being read and the next).
const PERIOD_PAGES_AHEAD = 2;

// Rows of account and period per periodValues query (a slice of the accounts times the periods).
const PERIOD_PAGE_ROWS = 30_000;

// Rows another program wrote may hold microseconds; the store reads each back at its millisecond,
// rounded down (taken_ms), and compares bounds with that millisecond: a row is at or before a
// millisecond T when it is before T + 1 ms. Keys and paging stay exact (see `history`).
const ONE_MS = `interval '1 millisecond'`;

// The instants a JavaScript Date holds (to 275760-09-13); PostgreSQL goes on to 294276 AD and has
// ±infinity. Another program's row beyond them reads with a NULL time, which `fromArray` refuses.
const IN_JS_RANGE = `taken_at > '-infinity' AND taken_at <= timestamptz '275760-09-13 00:00:00+00'`;
const TAKEN_MS = `CASE WHEN ${IN_JS_RANGE} THEN floor(extract(epoch FROM taken_at) * 1000)::int8 END`;

// A row is read as one JSON array, and a query's rows as one JSON document (json_agg): the
// drivers then parse one value per query instead of 13 per row. On PGlite that halves the time
// the rows take to reach JavaScript (latest over 30,040 accounts: 0.63 s as columns, 0.37–0.41 s
// as one document, of which the query itself is 0.27 s; streaming 294,392 rows of history: 4.3 s
// as columns, 1.5 s as documents). Numbers come as JSON numbers: a bigint beyond 2^53 parses to
// a number that is not a safe integer, which `toInt` refuses as before.
const ROW = `account_id, platform, ${TAKEN_MS}, followers, followers_min, followers_max,
  following, posts, views, extra, provider, note, evidence_url`;
/** The position of the history bookmark (microseconds since 1970, as text) in a history row. */
const TAKEN_US = 13;

/** Milliseconds since 1970 to the timestamptz (exact, as `fromMicros` is, whatever the zone). */
const fromMillis = (ms: string) =>
  `(timestamptz 'epoch' + (${ms} / 1000) * interval '1 second' + (${ms} % 1000) * ${ONE_MS})`;

/** A timestamptz column as whole milliseconds since 1970. */
const MS = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::int8`;

/** A lock's token: which holder a row belongs to, so that only it renews or releases it. */
function randomToken(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

function statements(t: Tables) {
  // `bounded`: only rows at or before $1; without, each account's newest row (for when no row is
  // later than asOf: the probe then needs no bound on time, which spares it a step).
  const latestOf = (accounts: string, bounded = true) => `
    SELECT coalesce(json_agg(s.r ORDER BY a.account_id), '[]')::text AS rows FROM ${accounts}
    CROSS JOIN LATERAL (
      SELECT json_build_array(${ROW}) AS r FROM ${t.snapshots} s
      WHERE s.account_id = a.account_id
        ${bounded ? `AND s.taken_at < $1::timestamptz + ${ONE_MS}` : ''}
      ORDER BY s.taken_at DESC
      LIMIT 1
    ) s`;
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
        WHERE taken_at < ${fromMillis('$1::int8')} AND ($2::text IS NULL OR platform = $2::text)
        RETURNING 1)
      SELECT count(*)::int8 AS removed FROM gone`,
    latestAll: latestOf(`${t.accounts} a`),
    // One of $2 parts of the accounts, by a hash of the id (part $3, from 0).
    latestPart: latestOf(`(SELECT account_id FROM ${t.accounts}
      WHERE (hashtext(account_id) % $2::int4 + $2::int4) % $2::int4 = $3::int4) a`),
    // The lock is taken when free or expired, by the database's clock, in one statement: of two
    // callers at once, the second's INSERT waits for the first's row and then finds it held.
    lock: `INSERT INTO ${t.locks} AS l (name, holder, token, acquired_at, expires_at)
      VALUES ($1, $2, $3, now(), now() + $4::int8 * ${ONE_MS})
      ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, token = EXCLUDED.token,
        acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at
      WHERE l.expires_at <= now()
      RETURNING ${MS('acquired_at')} AS acquired_ms, ${MS('expires_at')} AS expires_ms`,
    lockHolder: `SELECT holder, ${MS('acquired_at')} AS acquired_ms, ${MS('expires_at')} AS expires_ms
      FROM ${t.locks} WHERE name = $1`,
    renew: `UPDATE ${t.locks} SET expires_at = now() + $3::int8 * ${ONE_MS}
      WHERE name = $1 AND token = $2 AND expires_at > now()
      RETURNING ${MS('expires_at')} AS expires_ms`,
    unlock: `DELETE FROM ${t.locks} WHERE name = $1 AND token = $2`,
    readState: `SELECT key, value FROM ${t.state}
      WHERE key = ANY($1::text[]) AND value <> '' AND (expires_at IS NULL OR expires_at > now())`,
    writeState: `INSERT INTO ${t.state} (key, value, counter, expires_at)
      SELECT r.k, r.v, 0, r.e FROM json_to_recordset($1::json) AS r(k text, v text, e timestamptz)
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, counter = 0,
        expires_at = EXCLUDED.expires_at`,
    // An expired counter counts from 0; with a limit, the sum must stay within it (the row is
    // locked by the upsert, so two adders at once are serialised).
    addToCounter: `INSERT INTO ${t.state} AS s (key, counter, expires_at)
      SELECT $1, $2::int8, $4::timestamptz WHERE $3::int8 IS NULL OR $2::int8 <= $3::int8
      ON CONFLICT (key) DO UPDATE SET
        counter = CASE WHEN s.expires_at <= now() THEN 0 ELSE s.counter END + EXCLUDED.counter,
        value = CASE WHEN s.expires_at <= now() THEN '' ELSE s.value END,
        expires_at = coalesce(EXCLUDED.expires_at, s.expires_at)
      WHERE $3::int8 IS NULL
        OR CASE WHEN s.expires_at <= now() THEN 0 ELSE s.counter END + EXCLUDED.counter <= $3::int8
      RETURNING s.counter`,
    counter: `SELECT CASE WHEN expires_at <= now() THEN 0 ELSE counter END AS counter
      FROM ${t.state} WHERE key = $1`,
    latestOf: latestOf(
      `(SELECT id COLLATE "C" AS account_id FROM unnest($2::text[]) AS ids(id)) a`,
    ),
    // The same without the bound on time: every stored row, or the asked ids' ($1).
    latestAllNewest: latestOf(`${t.accounts} a`, false),
    latestOfNewest: latestOf(
      `(SELECT id COLLATE "C" AS account_id FROM unnest($1::text[]) AS ids(id)) a`,
      false,
    ),
    // Whether no row is later than $1 (one probe of the taken_at index).
    noneAfter: `SELECT NOT EXISTS (SELECT 1 FROM ${t.snapshots}
      WHERE taken_at >= $1::timestamptz + ${ONE_MS}) AS none_after`,
    accountPage: `SELECT account_id FROM ${t.accounts}
      WHERE $1::text IS NULL OR account_id > $1::text ORDER BY account_id LIMIT $2`,
    // For each account of the page and each period, the newest row in the period's window: one
    // index probe of the primary key (account_id, taken_at), backwards from the window's end. The
    // windows come as whole milliseconds since 1970, NULL for an open side.
    periodValues: `
      SELECT coalesce(json_agg(json_build_array(a.account_id, p.i, s.taken_ms, s.followers,
          s.followers_min, s.followers_max) ORDER BY a.account_id, p.i), '[]')::text AS rows
      FROM (SELECT id COLLATE "C" AS account_id FROM unnest($1::text[]) AS ids(id)) a
      CROSS JOIN (
        SELECT (n - 1)::int AS i,
          CASE WHEN lo IS NULL THEN '-infinity' ELSE ${fromMillis('lo')} END AS lo,
          CASE WHEN hi IS NULL THEN 'infinity' ELSE ${fromMillis('hi')} END AS hi
        FROM unnest($2::int8[], $3::int8[]) WITH ORDINALITY AS w(lo, hi, n)
      ) p
      CROSS JOIN LATERAL (
        SELECT ${TAKEN_MS} AS taken_ms, followers, followers_min, followers_max
        FROM ${t.snapshots} s
        WHERE s.account_id = a.account_id AND s.taken_at >= p.lo AND s.taken_at < p.hi
        ORDER BY s.taken_at DESC
        LIMIT 1
      ) s`,
    // Microseconds since 1970 back to the timestamptz they came from: exact integer arithmetic
    // (an interval times a float8 whole number of seconds, below 2^53, is exact), whatever the
    // session's time zone.
    fromMicros: (us: string) =>
      `(timestamptz 'epoch' + (${us} / 1000000) * interval '1 second' + (${us} % 1000000) * interval '1 microsecond')`,
    page: (where: readonly string[], limit: string) => `
      SELECT coalesce(json_agg(json_build_array(${ROW}, taken_us)
        ORDER BY taken_at, account_id), '[]')::text AS rows
      FROM (
        SELECT *, CASE WHEN ${IN_JS_RANGE}
            THEN (extract(epoch FROM taken_at) * 1000000)::int8::text END AS taken_us
        FROM ${t.snapshots}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY taken_at, account_id
        LIMIT ${limit}
      ) page`,
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

/** The rows of a query answered as one JSON document (see ROW). */
function packed(result: readonly DbRow[]): unknown[][] {
  const text = result[0]?.rows;
  // pg and PGlite return json as text here (it is cast), so parsing is ours, once per query.
  return (typeof text === 'string' ? JSON.parse(text) : (text ?? [])) as unknown[][];
}

function fromArray(row: readonly unknown[]): Snapshot {
  const [id, platform, takenMs, value, min, max, following, posts, views, extra] = row;
  const [provider, note, evidenceUrl] = [row[10], row[11], row[12]];
  const snapshot: Snapshot = {
    accountId: String(id),
    platform: String(platform),
    takenAt: readTime(id, takenMs),
    followers: {
      value: toInt(value, 'followers'),
      min: min === null ? null : toInt(min, 'followers_min'),
      max: max === null ? null : toInt(max, 'followers_max'),
    },
    source: { provider: String(provider) },
  };
  if (following !== null) snapshot.following = toInt(following, 'following');
  if (posts !== null) snapshot.posts = toInt(posts, 'posts');
  if (views !== null) snapshot.views = toInt(views, 'views');
  if (extra !== null) snapshot.extra = extra as Record<string, number>;
  if (note !== null) snapshot.source.note = String(note);
  if (evidenceUrl !== null) snapshot.source.evidenceUrl = String(evidenceUrl);
  return snapshot;
}

/** The asked ids, a page at a time. */
async function* listed(ids: readonly string[], size: number): AsyncGenerator<string[], void> {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}

/** Merges lists of rows, each sorted by its first element (the account id), into one. */
function mergeById(lists: readonly (readonly unknown[][])[]): unknown[][] {
  const out: unknown[][] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const row = lists[i]![at[i]!];
      if (row === undefined) continue;
      if (best === -1 || compareIds(String(row[0]), String(lists[best]![at[best]!]![0])) < 0) {
        best = i;
      }
    }
    if (best === -1) return out;
    out.push(lists[best]![at[best]!]!);
    at[best]!++;
  }
}

/** A page of periodValues rows (account, period, taken_ms, followers, min, max) in columns. */
function toPeriodPage(rows: readonly (readonly unknown[])[]): PeriodPage {
  const page = newPage(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [id, period, takenMs, value, min, max] = rows[i]!;
    page.accountId[i] = String(id);
    page.period[i] = toInt(period, 'period');
    page.takenMs[i] = readMs(id, takenMs);
    page.value[i] = toInt(value, 'followers');
    page.min[i] = min === null ? Number.NaN : toInt(min, 'followers_min');
    page.max[i] = max === null ? Number.NaN : toInt(max, 'followers_max');
  }
  page.size = rows.length;
  return page;
}

function readTime(id: unknown, ms: unknown): Date {
  return new Date(readMs(id, ms));
}

function readMs(id: unknown, ms: unknown): number {
  if (ms === null) {
    throw new StoreError(
      `a snapshot of account ${JSON.stringify(id)} has a taken_at that is infinite or after 275760-09-13, which a JavaScript Date cannot hold: correct or delete that row (another program wrote it; the store never does)`,
      { store: 'postgres', operation: 'read' },
    );
  }
  return toInt(ms, 'taken_at');
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
