import { SocialReachError } from '../errors.js';
import type { Snapshot } from '../model/snapshot.js';
import type { SnapshotStore } from '../stores/types.js';

/**
 * Snapshots, at most, in one `put` joining batches that waited (a batch larger than this goes
 * alone): 50 batches of X's 100, one of the postgres store's INSERT chunks.
 */
export const MAX_PUT_ROWS = 5_000;

/** Lets the responses already arrived finish their batches (one turn of the event loop). */
const turn = (): Promise<void> =>
  new Promise((resume) =>
    typeof setImmediate === 'function' ? setImmediate(resume) : setTimeout(resume, 0),
  );

/**
 * Writes a collection's snapshots to its store as batches finish: each batch whole or not at all,
 * so a crash loses only the requests in flight and the batches waiting, never half a batch. A failed write does not
 * stop the collection: it is kept in {@link StoreWriter.errors}, and the snapshots are returned all
 * the same.
 *
 * A write does not hold its batch's request slot: the next request goes out while it runs (a
 * PGlite `put` runs ~3 ms on the collection's own thread, which stalled the pacing: 1.12–2.33× the
 * window bound in issue #12). Each batch is reported after its own write, in the order the
 * batches finished ({@link StoreWriter.after}), and the collection ends once every write is done
 * ({@link StoreWriter.drain}). One `put` runs at a time; the batches that finished meanwhile go
 * in the next, together: a PGlite `put` costs about as much for 1,000 rows as for 100, most of
 * it the call itself (see {@link StoreWriter.start}).
 */
export class StoreWriter {
  /** The writes that failed, as the library's errors. */
  readonly errors: SocialReachError[] = [];
  readonly #store: SnapshotStore | undefined;
  #stored = 0;
  #writing = 0;
  /** Calls waiting in {@link StoreWriter.after}'s chain. */
  #queued = 0;
  #chain: Promise<void> = Promise.resolve();
  /** Batches waiting for the next `put`. */
  #pending: { snapshots: Snapshot[]; done: () => void }[] = [];
  #flushing = false;

  /** @param store the collection's `store`, if it has one */
  constructor(store: SnapshotStore | undefined) {
    this.#store = store;
  }

  /** Snapshots written so far. */
  get stored(): number {
    return this.#stored;
  }

  /** Writes started and not yet done. */
  get writing(): number {
    return this.#writing;
  }

  /**
   * Starts writing one batch's snapshots. Returns the write, which never rejects (a failure goes
   * to {@link StoreWriter.errors}), or `undefined` when there is nothing to write (no store, or
   * no snapshots).
   *
   * One `put` runs at a time: batches that finish while it runs wait, and go together in the next
   * `put` (up to {@link MAX_PUT_ROWS} snapshots), so a store with a cost per call (a transaction,
   * a statement planned) pays it once for them all. Each batch still goes whole or not at all:
   * when a `put` of several batches fails, each is tried again alone, so one batch the store
   * refuses costs only itself, as when each had its own `put`.
   */
  start(snapshots: Snapshot[]): Promise<void> | undefined {
    if (!this.#store || snapshots.length === 0) return undefined;
    this.#writing++;
    const store = this.#store;
    return new Promise<void>((done) => {
      this.#pending.push({ snapshots, done });
      if (!this.#flushing) void this.#flush(store);
    }).finally(() => {
      this.#writing--;
    });
  }

  /**
   * Calls `fn` once `written` is done and every earlier call's `fn` has run, in the order of the
   * calls; at once when nothing is waiting (so without a store, a listener that aborts the
   * collection stops the next request, as before).
   */
  after(written: Promise<void> | undefined, fn: () => void): void {
    if (written === undefined && this.#queued === 0) {
      fn();
      return;
    }
    this.#queued++;
    this.#chain = this.#chain
      .then(() => written)
      .then(() => {
        this.#queued--;
        fn();
      });
  }

  /** Resolves once every write started and every call waiting in {@link StoreWriter.after} is done. */
  drain(): Promise<void> {
    return this.#chain;
  }

  /** Writes the waiting batches, several to a `put`, until none wait. */
  async #flush(store: SnapshotStore): Promise<void> {
    this.#flushing = true;
    try {
      for (;;) {
        await turn();
        if (this.#pending.length === 0) return;
        // Whole batches, at least one, up to MAX_PUT_ROWS snapshots.
        let take = 1;
        let rows = this.#pending[0]!.snapshots.length;
        while (
          take < this.#pending.length &&
          rows + this.#pending[take]!.snapshots.length <= MAX_PUT_ROWS
        ) {
          rows += this.#pending[take]!.snapshots.length;
          take++;
        }
        const group = this.#pending.splice(0, take);
        if (
          group.length === 1 ||
          !(await this.#save(
            store,
            group.flatMap((b) => b.snapshots),
            false,
          ))
        ) {
          // Alone, or again one by one after a joint write failed: each batch all or none.
          for (const batch of group) await this.#save(store, batch.snapshots, true);
        }
        for (const batch of group) batch.done();
      }
    } finally {
      this.#flushing = false;
    }
  }

  /** One `put`; whether it succeeded. A failure is kept in {@link StoreWriter.errors} if `report`. */
  async #save(store: SnapshotStore, snapshots: Snapshot[], report: boolean): Promise<boolean> {
    try {
      await store.put(snapshots);
      this.#stored += snapshots.length;
      return true;
    } catch (error) {
      if (!report) return false;
      this.errors.push(
        SocialReachError.isInstance(error)
          ? error
          : new SocialReachError(
              'STORE_ERROR',
              `the store failed to write ${snapshots.length} snapshot(s)`,
            ),
      );
      return false;
    }
  }
}
