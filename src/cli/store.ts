/**
 * The command's store: PostgreSQL, embedded in a folder through PGlite (`./social-reach-data` by
 * default, `--data <folder>`), or a server through `pg` (`--database-url`, or `DATABASE_URL`).
 * Both drivers are optional peer dependencies of social-reach: a missing one is named, with the
 * command that installs it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Registry } from '../index.js';
import {
  openPGlite as openPGliteHere,
  openPGliteWorker,
  type PGliteLike,
  type PostgresStore,
  postgresStore,
} from '../stores/postgres/index.js';
import { CliError, EXIT } from './errors.js';
import { takeFolderLock } from './folder-lock.js';

/** Where the embedded store lives unless `--data` says otherwise. */
export const DEFAULT_DATA_FOLDER = 'social-reach-data';

/** An open store, and how to close it and what it opened. */
export interface OpenStore {
  readonly store: PostgresStore;
  /** `PGlite folder social-reach-data`, `PostgreSQL server db.example.in/reach`: never a password. */
  readonly description: string;
  close(): Promise<void>;
}

/** Opens the store a command's flags and environment name. */
export async function openStore(options: {
  registry: Registry;
  dataFolder: string | undefined;
  databaseUrl: string | undefined;
  cwd: string;
  /** The command opening it, named to whoever finds the folder in use. */
  command: string;
}): Promise<OpenStore> {
  const { registry, databaseUrl } = options;
  if (databaseUrl) {
    const pg = await importDriver<typeof import('pg')>(
      'pg',
      'a PostgreSQL server (--database-url, DATABASE_URL)',
    );
    const pool = new pg.default.Pool({ connectionString: databaseUrl, max: 4 });
    // an idle client's error (the server restarting) must not end the process unexplained
    pool.on('error', () => {});
    const store = postgresStore({ client: pool, registry });
    return {
      store,
      description: `PostgreSQL server ${describeUrl(databaseUrl)}`,
      async close() {
        await store.close();
        await pool.end();
      },
    };
  }
  const folder = resolve(options.cwd, options.dataFolder ?? DEFAULT_DATA_FOLDER);
  // one process at a time in the folder: PGlite itself does not stop a second one
  mkdirSync(dirname(folder), { recursive: true });
  const lock = takeFolderLock(`${folder}.lock`, options.command);
  let db: Awaited<ReturnType<typeof openPGlite>>;
  try {
    db = await openPGlite(folder);
  } catch (error) {
    lock.release();
    throw error;
  }
  const store = postgresStore({ client: db, registry });
  return {
    store,
    description: `PGlite folder ${options.dataFolder ?? DEFAULT_DATA_FOLDER}`,
    async close() {
      try {
        await store.close();
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
}

/**
 * An embedded PostgreSQL in a folder (created if missing), opened lean (`initdb` in a child
 * process, small shared buffers) and, on Node, on a worker thread of its own, so that the
 * collection's requests and pacing go on while the store writes (docs/stores.md).
 */
async function openPGlite(folder: string): Promise<PGliteLike & { close(): Promise<void> }> {
  const { PGlite } = await importDriver<typeof import('@electric-sql/pglite')>(
    '@electric-sql/pglite',
    'the embedded store (a folder, no server)',
  );
  const versions = process.versions as Record<string, string | undefined>;
  const node = versions.bun === undefined && !('Deno' in globalThis);
  return node ? openPGliteWorker(folder) : openPGliteHere(PGlite, folder);
}

async function importDriver<T>(name: string, what: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new CliError(
        `${what} needs the package ${name}, which is not installed: run \`npm install ${name}\` where social-reach is installed`,
        EXIT.failed,
      );
    }
    throw error;
  }
}

/** `db.example.in:5432/reach` without user or password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
}
