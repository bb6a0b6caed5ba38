// The postgres store's schema, as versioned migrations. A migration is never edited once
// released: a change is a new migration appended to MIGRATIONS, additive where possible, so an
// older copy of the library keeps working on a database a newer copy has migrated.

import { StoreError } from '../../errors.js';
import type { Db } from './adapter.js';

/** Quoted, schema-qualified names of the store's tables. */
export interface Tables {
  /** The schema's name as given, unquoted (e.g. `public`). */
  readonly schemaName: string;
  /** The schema, quoted: `"public"`. */
  readonly schema: string;
  readonly snapshots: string;
  readonly accounts: string;
  readonly migrations: string;
  readonly state: string;
  readonly locks: string;
  readonly runOutcomes: string;
}

/** The store's table names in a schema; every table is prefixed `social_reach_`. */
export function tables(schemaName: string): Tables {
  const schema = `"${schemaName}"`;
  return {
    schemaName,
    schema,
    snapshots: `${schema}.social_reach_snapshots`,
    accounts: `${schema}.social_reach_accounts`,
    migrations: `${schema}.social_reach_migrations`,
    state: `${schema}.social_reach_state`,
    locks: `${schema}.social_reach_locks`,
    runOutcomes: `${schema}.social_reach_run_outcomes`,
  };
}

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: (t: Tables) => readonly string[];
}

/** Every migration, oldest first. Versions are 1, 2, 3, ... */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'snapshots and accounts',
    statements: (t) => [
      // One row per account ever stored: `latest` walks it and looks up each account's newest
      // snapshot through the primary key (a LATERAL index probe per account), which stays fast
      // however many days of history there are. COLLATE "C": ids compare and sort by byte, the
      // same order in every database and in the memory store.
      `CREATE TABLE ${t.accounts} (
        account_id text COLLATE "C" PRIMARY KEY
      )`,
      `CREATE TABLE ${t.snapshots} (
        account_id text COLLATE "C" NOT NULL,
        taken_at timestamptz NOT NULL,
        platform text NOT NULL,
        followers bigint NOT NULL CHECK (followers >= 0),
        followers_min bigint CHECK (followers_min BETWEEN 0 AND followers),
        followers_max bigint CHECK (followers_max >= followers),
        following bigint CHECK (following >= 0),
        posts bigint CHECK (posts >= 0),
        views bigint CHECK (views >= 0),
        extra jsonb,
        provider text NOT NULL,
        note text,
        evidence_url text,
        PRIMARY KEY (account_id, taken_at)
      )`,
      // Time-range scans (history) read this index in order, and page through it by keyset.
      `CREATE INDEX social_reach_snapshots_taken_at ON ${t.snapshots} (taken_at, account_id)`,
    ],
  },
  {
    version: 2,
    name: 'provider state and locks',
    statements: (t) => [
      // What providers remember across runs (a quota ledger per key and day, a handle cache): a
      // value, a counter, and when the entry stops counting. Small, and pruned as it expires.
      `CREATE TABLE ${t.state} (
        key text COLLATE "C" PRIMARY KEY,
        value text NOT NULL DEFAULT '',
        counter bigint NOT NULL DEFAULT 0 CHECK (counter >= 0),
        expires_at timestamptz
      )`,
      // One row per lock held: who holds it, and until when (the database's clock decides).
      `CREATE TABLE ${t.locks} (
        name text COLLATE "C" PRIMARY KEY,
        holder text NOT NULL,
        token text NOT NULL,
        acquired_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'run ledger',
    statements: (t) => [
      // How each account of a collection run ended: the first outcome recorded is kept (the
      // primary key and ON CONFLICT DO NOTHING), so workers taking over each other's jobs record
      // every account exactly once.
      `CREATE TABLE ${t.runOutcomes} (
        run_id text COLLATE "C" NOT NULL,
        account_id text COLLATE "C" NOT NULL,
        platform text NOT NULL,
        status text NOT NULL CHECK (status IN ('snapshot', 'failed')),
        taken_at timestamptz,
        reason text,
        message text,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (run_id, account_id),
        CHECK ((status = 'snapshot') = (taken_at IS NOT NULL)),
        CHECK ((status = 'failed') = (reason IS NOT NULL))
      )`,
    ],
  },
];

/** The newest migration's version: what a database is at once migrated. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

// pg_advisory_xact_lock(key1, key2): key1 says "social-reach migrations", key2 is the schema.
const LOCK_CLASS = 0x53524d47; // 'SRMG'

/**
 * Brings the schema up to {@link SCHEMA_VERSION}. Each pending migration runs in its own
 * transaction that first takes a transaction-scoped advisory lock on the schema, so two processes
 * starting at once apply each migration exactly once: the second waits, then finds it applied.
 *
 * @returns whether this call applied a migration.
 */
export async function migrate(db: Db, t: Tables): Promise<boolean> {
  if ((await appliedVersion(db, t)) >= SCHEMA_VERSION) return false;
  let appliedAny = false;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))', [
        LOCK_CLASS,
        t.schemaName,
      ]);
      // CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even when the
      // schema exists: ask first, so a user without it can still use an existing schema.
      const [namespace] = await tx.query(
        'SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1',
        [t.schemaName],
      );
      if (namespace?.n === 0) await tx.query(`CREATE SCHEMA IF NOT EXISTS ${t.schema}`);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${t.migrations} (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`,
      );
      const rows = await tx.query(`SELECT version FROM ${t.migrations}`);
      const applied = new Set(rows.map((row) => Number(row.version)));
      const next = MIGRATIONS.find((migration) => !applied.has(migration.version));
      if (next === undefined) return true;
      for (const statement of next.statements(t)) await tx.query(statement);
      await tx.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [
        next.version,
        next.name,
      ]);
      appliedAny = true;
      return false;
    });
    if (done) return appliedAny;
  }
}

/** The oldest PostgreSQL the store runs on, as `server_version_num`. */
export const MIN_SERVER_VERSION = 140000;

/**
 * The newest version applied in the schema, 0 for a schema the store has never used. Refuses a
 * server older than PostgreSQL 14 in the same round trip: from 14 on, `extract(epoch FROM
 * timestamptz)` is an exact numeric, which the store's readings of `taken_at` (to the millisecond,
 * and to the microsecond for paging) rely on; before, it is a float8 that can be off by one.
 */
async function appliedVersion(db: Db, t: Tables): Promise<number> {
  const [found] = await db.query(
    `SELECT to_regclass($1) IS NOT NULL AS present,
      current_setting('server_version_num')::int AS server_version`,
    [t.migrations],
  );
  const server = Number(found?.server_version);
  if (!(server >= MIN_SERVER_VERSION)) {
    throw new StoreError(
      `PostgreSQL 14 or later is needed, this server is version ${String(found?.server_version)} (server_version_num): older servers compute timestamps in floating point, so rows could be read at the wrong millisecond or paged inexactly`,
      { store: 'postgres', operation: 'migrate' },
    );
  }
  if (found?.present !== true) return 0;
  const [row] = await db.query(`SELECT coalesce(max(version), 0)::int AS v FROM ${t.migrations}`);
  return Number(row?.v ?? 0);
}
