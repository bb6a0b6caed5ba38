import { SocialReachError } from '../errors.js';
import type { Snapshot } from '../model/snapshot.js';
import type { SnapshotStore } from '../stores/types.js';

/**
 * Writes a collection's snapshots to its store as each batch finishes: one `put` per batch, all or
 * none, so a crash loses only the requests in flight, never half a batch. A failed write does not
 * stop the collection: it is kept in {@link StoreWriter.errors}, and the snapshots are returned all
 * the same.
 */
export class StoreWriter {
  /** The writes that failed, as the library's errors. */
  readonly errors: SocialReachError[] = [];
  readonly #store: SnapshotStore | undefined;
  #stored = 0;

  /** @param store the collection's `store`, if it has one */
  constructor(store: SnapshotStore | undefined) {
    this.#store = store;
  }

  /** Snapshots written so far. */
  get stored(): number {
    return this.#stored;
  }

  /** Writes one batch's snapshots (nothing without a store, or without snapshots). */
  async save(snapshots: Snapshot[]): Promise<void> {
    if (!this.#store || snapshots.length === 0) return;
    try {
      await this.#store.put(snapshots);
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
