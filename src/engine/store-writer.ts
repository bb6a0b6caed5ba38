import { SocialReachError } from '../errors.js';
import type { Snapshot } from '../model/snapshot.js';
import type { SnapshotStore } from '../stores/types.js';

/**
 * Writes a collection's snapshots to its store as each batch finishes: one `put` per batch, all or
 * none, so a crash loses only the requests in flight, never half a batch. A failed write does not
 * stop the collection: it is kept in {@link StoreWriter.errors}, and the snapshots are returned all
 * the same.
 *
 * A write does not hold its batch's request slot: the next request goes out while it runs (a
 * PGlite `put` runs ~3 ms on the collection's own thread, which stalled the pacing: 1.12–2.33× the
 * window bound in issue #12). Each batch is reported after its own write, in the order the
 * batches finished ({@link StoreWriter.after}), and the collection ends once every write is done
 * ({@link StoreWriter.drain}).
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
   */
  start(snapshots: Snapshot[]): Promise<void> | undefined {
    if (!this.#store || snapshots.length === 0) return undefined;
    this.#writing++;
    return this.#save(this.#store, snapshots).finally(() => {
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

  async #save(store: SnapshotStore, snapshots: Snapshot[]): Promise<void> {
    try {
      await store.put(snapshots);
      this.#stored += snapshots.length;
    } catch (error) {
      this.errors.push(
        SocialReachError.isInstance(error)
          ? error
          : new SocialReachError(
              'STORE_ERROR',
              `the store failed to write ${snapshots.length} snapshot(s)`,
            ),
      );
    }
  }
}
