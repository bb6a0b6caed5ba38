// One small interface over the two clients the postgres store takes, so the store speaks one SQL
// dialect to both. Neither package is imported here, not even as a type: the declarations below
// describe the few members the store uses, so `social-reach/postgres` type-checks and runs with
// only one of `@electric-sql/pglite` and `pg` installed (a type import of a missing package would
// break users' builds). test/stores/postgres-client.test-d.ts checks both real types fit.

import { OptionError } from '../../errors.js';

/** Anything that runs a parameterised statement and returns its rows. */
export interface PostgresQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The members of a PGlite instance (`new PGlite(dataDir)` from `@electric-sql/pglite`) that the
 * store uses. Any `PGlite` fits.
 */
export interface PGliteLike extends PostgresQueryable {
  transaction<T>(callback: (tx: PostgresQueryable) => Promise<T>): Promise<T>;
  exec(query: string): Promise<unknown>;
}

/** The members of a `pg` `PoolClient` that the store uses. */
export interface PgPoolClientLike extends PostgresQueryable {
  release(error?: Error | boolean): void;
}

/**
 * The members of a `pg` `Pool` (`new Pool({ connectionString })`) that the store uses. Any
 * `Pool` fits. A single `pg` `Client` does not: it cannot run two transactions at once.
 */
export interface PgPoolLike extends PostgresQueryable {
  connect(): Promise<PgPoolClientLike>;
  readonly totalCount: number;
}

/**
 * What `postgresStore({ client })` takes: a PGlite instance or a `pg` Pool.
 *
 * @example
 * ```ts
 * const client: PostgresClient = new PGlite('./data/reach'); // or new pg.Pool({ connectionString })
 * ```
 */
export type PostgresClient = PGliteLike | PgPoolLike;

/** A row as the driver returns it. */
export type DbRow = Record<string, unknown>;

/** Runs statements. */
export interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<DbRow[]>;
}

/** The store's view of either client. */
export interface Db extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /** Runs `fn` in one transaction on one connection: committed if it resolves, rolled back if not. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** Wraps a PGlite instance or a `pg` Pool; throws {@link OptionError} for anything else. */
export function adapt(client: unknown): Db {
  if (isObject(client) && typeof client.connect === 'function') {
    if (typeof client.totalCount !== 'number') {
      throw new OptionError(
        'client',
        'a PGlite instance or a pg Pool (a single pg Client cannot run concurrent transactions: pass a Pool)',
        client,
      );
    }
    return pgDb(client as unknown as PgPoolLike);
  }
  if (
    isObject(client) &&
    typeof client.query === 'function' &&
    typeof client.transaction === 'function' &&
    typeof client.exec === 'function'
  ) {
    return pgliteDb(client as unknown as PGliteLike);
  }
  throw new OptionError('client', 'a PGlite instance or a pg Pool', client);
}

// PGlite runs each statement synchronously on the calling thread, and its promises settle as
// microtasks: a chain of statements (a collection's joined puts) would hold the event loop until
// it ends, with every HTTP answer and timer waiting. Each statement first lets the loop turn.
const turn: () => Promise<void> =
  typeof globalThis.setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

function pgliteDb(client: PGliteLike): Db {
  const run = (on: PostgresQueryable): Queryable => ({
    async query(sql, params = []) {
      await turn();
      const result = await on.query(sql, [...params]);
      return result.rows as DbRow[];
    },
  });
  return {
    driver: 'pglite',
    ...run(client),
    // PGlite runs one statement at a time and holds its lock for the whole transaction.
    transaction: (fn) => client.transaction((tx) => fn(run(tx))),
  };
}

function pgDb(pool: PgPoolLike): Db {
  const run = (on: PostgresQueryable): Queryable => ({
    async query(sql, params = []) {
      const result = await on.query(sql, [...params]);
      return result.rows as DbRow[];
    },
  });
  return {
    driver: 'pg',
    ...run(pool),
    async transaction(fn) {
      const connection = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state: the pool must discard it.
      let broken: Error | undefined;
      try {
        await connection.query('BEGIN');
        const result = await fn(run(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await connection.query('ROLLBACK');
        } catch (rollbackError) {
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        connection.release(broken);
      }
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
