// openPGliteWorker: a PGlite data folder opened in a worker thread. PGlite runs PostgreSQL as
// WebAssembly on the thread that calls it, so every statement blocks that thread's event loop
// while it runs: a put of a few thousand rows stalls the collection's requests, timers and
// rate-limit pacing for tens of milliseconds. Here the instance lives on a thread of its own and
// this thread only posts statements and reads answers.

import { Worker } from 'node:worker_threads';
import { StoreError } from '../../errors.js';
import type { PGliteLike, PostgresQueryable } from './adapter.js';
import { type OpenPGliteOptions, pgliteUrl, prepareFolder } from './open-pglite.js';

/**
 * A PGlite instance running on a worker thread, as {@link openPGliteWorker} opens it. It takes
 * the place of a PGlite instance for `postgresStore({ client })`; statements, transactions
 * included, run one at a time in the order they were asked.
 */
export interface PGliteWorker extends PGliteLike {
  /** Resolves once the instance is open (already so when {@link openPGliteWorker} resolves). */
  readonly waitReady: Promise<void>;
  /** Whether {@link PGliteWorker.close} was called or the thread ended. */
  readonly closed: boolean;
  /** Closes the instance (after the statements already asked) and ends the thread. */
  close(): Promise<void>;
}

/** A statement for the thread. */
type Statement = { op: 'query'; sql: string; params: unknown[] } | { op: 'exec'; sql: string };

/** What the thread is asked (with an id its answer carries): a statement, or the end. */
type Request = Statement | { op: 'close' };

/** What the thread answers. */
type Reply =
  | { id: number; ok: true; rows?: unknown[]; result?: unknown }
  | { id: number; ok: false; error: ErrorSummary };

/** The parts of a PostgreSQL error the store reads (message, SQLSTATE, detail...). */
interface ErrorSummary {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  severity?: string;
}

// The thread: imports PGlite from the URL it is given (the package the library resolves), opens
// the folder, and runs each request in turn. Statements never overlap: each waits for the last.
// Written to run as a script or as a module (a worker inherits `--input-type=module`).
const THREAD = `
import('node:worker_threads').then(({ parentPort, workerData }) => {
const summary = (e) => {
  const o = e !== null && typeof e === 'object' ? e : {};
  const pick = (k) => (typeof o[k] === 'string' ? o[k].slice(0, 2000) : undefined);
  return { message: String(o.message ?? e).slice(0, 2000), code: pick('code'), detail: pick('detail'), hint: pick('hint'), severity: pick('severity') };
};
let chain = import(workerData.url).then(async ({ PGlite }) => {
  const db = new PGlite({ dataDir: workerData.dataDir, startParams: [...PGlite.defaultStartParams, ...workerData.startParams] });
  await db.waitReady;
  return db;
});
chain.then(() => parentPort.postMessage({ id: 0, ok: true }), (e) => parentPort.postMessage({ id: 0, ok: false, error: summary(e) }));
parentPort.on('message', (request) => {
  chain = chain.then(async (db) => {
    try {
      if (request.op === 'query') {
        const result = await db.query(request.sql, request.params);
        parentPort.postMessage({ id: request.id, ok: true, rows: result.rows });
      } else if (request.op === 'exec') {
        await db.exec(request.sql);
        parentPort.postMessage({ id: request.id, ok: true });
      } else {
        await db.close();
        parentPort.postMessage({ id: request.id, ok: true });
        parentPort.close();
      }
    } catch (e) {
      parentPort.postMessage({ id: request.id, ok: false, error: summary(e) });
    }
    return db;
  });
});
});
`;

/**
 * Opens a PGlite data folder on a worker thread, creating it if new (as {@link openPGlite} does:
 * `initdb` in a short-lived child process, `shared_buffers=16MB` by default). Use it where the
 * process has other work while the store writes: a collection's requests and rate-limit pacing
 * go on while a put runs (see docs/stores.md, "PGlite on a worker thread"). The package
 * `@electric-sql/pglite` is imported by the thread, as the library resolves it (your install).
 *
 * Statements are sent to the thread one at a time; a transaction holds the thread for itself
 * until it ends, as PGlite's own `transaction` does. The thread is not kept alive when idle: a
 * process that forgets `close()` still exits.
 *
 * @param dataDir a folder: absent, empty, or a PGlite (PostgreSQL) data folder.
 * @throws {OptionError} for a `dataDir` that is not a folder path or bad options.
 * @throws {StoreError} when the folder cannot be created or opened, or the thread ends.
 *
 * @example
 * ```ts
 * import { openPGliteWorker, postgresStore } from 'social-reach/postgres';
 *
 * const db = await openPGliteWorker('./reach-data');
 * const store = postgresStore({ client: db, registry });
 * await store.close();
 * await db.close();
 * ```
 */
export async function openPGliteWorker(
  dataDir: string,
  options: Omit<OpenPGliteOptions, 'initInChildProcess'> = {},
): Promise<PGliteWorker> {
  const { dir, startParams } = await prepareFolder(dataDir, {
    ...options,
    initInChildProcess: true,
  });
  const thread = new PGliteThread(dir, startParams);
  await thread.waitReady;
  return thread;
}

class PGliteThread implements PGliteWorker {
  readonly waitReady: Promise<void>;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, { done: (reply: Reply) => void }>();
  #closed = false;
  #ended: StoreError | undefined;
  // Statements wait for the one before; a transaction holds the turn until it ends.
  #turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    startParams: readonly string[],
  ) {
    this.#worker = new Worker(THREAD, {
      eval: true,
      workerData: { url: pgliteUrl(), dataDir: dir, startParams: startParams },
    });
    this.#worker.unref();
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#pending.set(0, {
        done: (reply) => (reply.ok ? resolve() : reject(this.#error(reply.error, 'open'))),
      });
      this.#worker.ref();
    }).finally(() => this.#idle());
    this.waitReady.catch(() => {
      void this.#worker.terminate();
      this.#closed = true;
    });
    this.#worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      if (waiting === undefined) return;
      this.#pending.delete(reply.id);
      waiting.done(reply);
      this.#idle();
    });
    const end = (why: string) => {
      this.#closed = true;
      this.#ended ??= new StoreError(`the PGlite thread for ${dir} ${why}`, {
        store: 'postgres',
        operation: 'pglite-worker',
      });
      for (const [id, waiting] of this.#pending) {
        this.#pending.delete(id);
        waiting.done({ id, ok: false, error: { message: this.#ended.message } });
      }
    };
    this.#worker.on('error', (error) => end(`failed: ${String(error.message).slice(0, 500)}`));
    this.#worker.on('exit', (code) => end(`ended (exit code ${code})`));
  }

  get closed(): boolean {
    return this.#closed;
  }

  query(sql: string, params: unknown[] = []): Promise<{ rows: unknown[] }> {
    return this.#inTurn(async () => ({ rows: await this.#ask({ op: 'query', sql, params }) }));
  }

  async exec(sql: string): Promise<unknown> {
    return this.#inTurn(() => this.#ask({ op: 'exec', sql }));
  }

  transaction<T>(callback: (tx: PostgresQueryable) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      let open = true;
      const tx: PostgresQueryable = {
        query: async (sql, params = []) => {
          if (!open) throw this.#error({ message: 'the transaction has ended' }, 'transaction');
          return { rows: await this.#ask({ op: 'query', sql, params }) };
        },
      };
      await this.#ask({ op: 'exec', sql: 'BEGIN' });
      try {
        const result = await callback(tx);
        open = false;
        await this.#ask({ op: 'exec', sql: 'COMMIT' });
        return result;
      } catch (error) {
        open = false;
        if (!this.#closed) await this.#ask({ op: 'exec', sql: 'ROLLBACK' }).catch(() => {});
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#turn.catch(() => {});
    await this.#send({ op: 'close' }).catch(() => {});
    await this.#worker.terminate();
  }

  /** Runs `fn` when every statement asked before it has ended. */
  #inTurn<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#closed) {
      return Promise.reject(
        this.#ended ?? this.#error({ message: 'the PGlite thread is closed' }, 'query'),
      );
    }
    const run = this.#turn.then(fn);
    this.#turn = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Sends one request and waits for its answer's rows. */
  async #ask(request: Statement): Promise<unknown[]> {
    if (this.#ended) throw this.#ended;
    const reply = await this.#send(request);
    return reply.rows ?? [];
  }

  #send(request: Request): Promise<Reply & { ok: true }> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, {
        done: (reply) => (reply.ok ? resolve(reply) : reject(this.#error(reply.error, request.op))),
      });
      this.#worker.ref();
      this.#worker.postMessage({ ...request, id });
    });
  }

  /** Lets the process exit while nothing is asked of the thread. */
  #idle(): void {
    if (this.#pending.size === 0) this.#worker.unref();
  }

  /** The thread's error as an Error carrying the same fields as PGlite's own. */
  #error(summary: ErrorSummary, operation: string): Error {
    if (this.#ended && summary.message === this.#ended.message) return this.#ended;
    const error = new Error(summary.message) as Error & Partial<ErrorSummary>;
    for (const key of ['code', 'detail', 'hint', 'severity'] as const) {
      if (summary[key] !== undefined) error[key] = summary[key];
    }
    if (operation === 'open') {
      return new StoreError(`PGlite could not open ${this.dir}: ${summary.message}`, {
        store: 'postgres',
        operation: 'openPGliteWorker',
      });
    }
    return error;
  }
}
