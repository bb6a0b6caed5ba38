// openPGlite: a PGlite data folder opened lean. PGlite is not imported here either: the caller
// passes its class, and the child process that creates a new folder imports the package the
// library resolves (the caller's own install, as a peer dependency).

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OptionError, StoreError } from '../../errors.js';
import type { PGliteLike } from './adapter.js';

/**
 * The PGlite class (`import { PGlite } from '@electric-sql/pglite'`), as {@link openPGlite}
 * uses it: its constructor taking options, and its default start parameters.
 */
export interface PGliteClass<T> {
  new (options: { dataDir: string; startParams: string[] }): T;
  readonly defaultStartParams: readonly string[];
}

/** Options of {@link openPGlite}. */
export interface OpenPGliteOptions {
  /**
   * PostgreSQL's `shared_buffers` for the instance (`'16MB'`, `'64MB'`, `'128MB'`...). PGlite's
   * own default is 128 MB, held in the process's WebAssembly memory; the operating system caches
   * the folder's files anyway, and at 16 MB `latest` over 2.65 million rows was as fast (0.37 s
   * against 0.39 s) for about 120 MB less resident memory.
   * @default '16MB'
   */
  sharedBuffers?: string;
  /**
   * Creates a new folder (`initdb`) in a short-lived child process, so this process never holds
   * the memory `initdb` takes (about 430 MB that PGlite does not give back). Needs Node: on other
   * runtimes the folder is created in this process.
   * @default true on Node
   */
  initInChildProcess?: boolean;
  /** More PostgreSQL start parameters, after PGlite's defaults and `shared_buffers`. */
  startParams?: readonly string[];
}

/**
 * Opens a PGlite data folder lean, creating it if new: `initdb` runs in a short-lived child
 * process, and the instance starts with `shared_buffers=16MB`. A new folder opened by
 * `new PGlite(folder)` costs about 780 MB of resident memory in this process for as long as it
 * runs; opened by this, about 250 MB (see docs/stores.md, "PGlite's memory"). A folder is created
 * under a temporary name beside it and renamed into place when complete, so a crash during its
 * creation leaves no half-made folder at `dataDir`.
 *
 * The store takes any PGlite instance: this is a convenience, not a requirement. The instance is
 * the caller's to close.
 *
 * @param PGlite the PGlite class, from `@electric-sql/pglite`.
 * @param dataDir a folder: absent, empty, or a PGlite (PostgreSQL) data folder.
 * @throws {OptionError} for a `dataDir` that is not a folder path (`memory://`, `idb://`) or bad options.
 * @throws {StoreError} when the folder cannot be created or opened.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { openPGlite, postgresStore } from 'social-reach/postgres';
 *
 * const db = await openPGlite(PGlite, './reach-data');
 * const store = postgresStore({ client: db, registry });
 * await store.close();
 * await db.close();
 * ```
 */
export async function openPGlite<T extends PGliteLike & { readonly waitReady: Promise<void> }>(
  PGlite: PGliteClass<T>,
  dataDir: string,
  options: OpenPGliteOptions = {},
): Promise<T> {
  if (typeof PGlite !== 'function' || !Array.isArray(PGlite.defaultStartParams)) {
    throw new OptionError('PGlite', 'the PGlite class from @electric-sql/pglite', PGlite);
  }
  const { dir, startParams } = await prepareFolder(dataDir, options);
  try {
    const db = new PGlite({
      dataDir: dir,
      startParams: [...PGlite.defaultStartParams, ...startParams],
    });
    await db.waitReady;
    return db;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`PGlite could not open ${dir}: ${messageOf(error)}`, {
      store: 'postgres',
      operation: 'openPGlite',
    });
  }
}

/**
 * Checks `dataDir` and the options, creates the folder when new (in a child process unless told
 * otherwise), and gives its absolute path and the start parameters to add to PGlite's defaults.
 */
export async function prepareFolder(
  dataDir: string,
  options: OpenPGliteOptions,
): Promise<{ dir: string; startParams: string[] }> {
  if (typeof dataDir !== 'string' || dataDir === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir)) {
    throw new OptionError('dataDir', 'the path of a folder (not memory:// or idb://)', dataDir);
  }
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('options', 'an object', options);
  }
  const { sharedBuffers = '16MB', initInChildProcess = isNode(), startParams = [] } = options;
  if (typeof sharedBuffers !== 'string' || !/^[1-9][0-9]*(kB|MB|GB)?$/.test(sharedBuffers)) {
    throw new OptionError('sharedBuffers', "a PostgreSQL size such as '16MB'", sharedBuffers);
  }
  if (!Array.isArray(startParams) || startParams.some((p) => typeof p !== 'string')) {
    throw new OptionError('startParams', 'an array of strings', startParams);
  }
  const dir = resolve(dataDir);
  if (initInChildProcess && !existsSync(join(dir, 'PG_VERSION'))) await create(dir);
  return { dir, startParams: ['-c', `shared_buffers=${sharedBuffers}`, ...startParams] };
}

/** Creates a PGlite folder at `dir` in a child process, under a temporary name first. */
async function create(dir: string): Promise<void> {
  const fail = (message: string) =>
    new StoreError(message, { store: 'postgres', operation: 'openPGlite' });
  let empty = false;
  if (existsSync(dir)) {
    empty = (await readdir(dir).catch(() => undefined))?.length === 0;
    if (!empty) {
      throw fail(`${dir} is neither a PGlite data folder (it has no PG_VERSION) nor empty`);
    }
  }
  const temporary = join(
    dirname(dir),
    `.${basename(dir)}.initdb-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    await mkdir(dirname(dir), { recursive: true });
    await initdb(temporary);
    if (empty) await rmdir(dir);
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => {});
    throw error instanceof StoreError
      ? error
      : fail(`could not create ${dir}: ${messageOf(error)}`);
  }
}

// The child: opens (creating) the folder, waits for PGlite to be ready, closes it, exits.
const CHILD = `const [url, dir] = process.argv.slice(1);
const { PGlite } = await import(url);
const db = new PGlite(dir);
await db.waitReady;
await db.close();`;

function initdb(dir: string): Promise<void> {
  const url = pgliteUrl();
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, url, dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-2_000);
    });
    child.once('error', failed);
    child.once('close', (code, signal) => {
      if (code === 0) done();
      else {
        const how = signal === null ? `exited with ${code}` : `was killed by ${signal}`;
        failed(
          new StoreError(`creating ${dir}: the initdb child process ${how}: ${stderr.trim()}`, {
            store: 'postgres',
            operation: 'openPGlite',
          }),
        );
      }
    });
  });
}

/** Where `@electric-sql/pglite` is, as the library resolves it (the caller's install). */
export function pgliteUrl(): string {
  const resolveUrl = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  try {
    if (resolveUrl) return resolveUrl('@electric-sql/pglite');
  } catch {
    // some loaders have no import.meta.resolve: require's resolution finds the same package
  }
  return pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
}

function isNode(): boolean {
  const versions = process.versions as Record<string, string | undefined>;
  return typeof versions.node === 'string' && versions.bun === undefined && !('Deno' in globalThis);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
