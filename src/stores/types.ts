import type { FailureReason } from '../errors.js';
import type { Count } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { Snapshot } from '../model/snapshot.js';

/**
 * What {@link SnapshotStore.latest} returns.
 *
 * @example
 * ```ts
 * await store.latest({ asOf: new Date('2024-03-31T23:59:59.999Z'), accountIds: ['indore-x'] });
 * ```
 */
export interface StoreLatestOptions {
  /**
   * The newest snapshot at or before this time is returned for each account (a snapshot taken
   * exactly at `asOf` counts).
   * @default new Date() (now)
   */
  asOf?: Date;
  /** Only these accounts. Unknown ids give no row; an empty list gives no rows. @default every account */
  accountIds?: readonly string[];
}

/**
 * Which snapshots {@link SnapshotStore.history} streams.
 *
 * @example
 * ```ts
 * store.history({ from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-01-31T23:59:59.999Z') });
 * ```
 */
export interface HistoryOptions {
  /** Snapshots taken at or after this time (inclusive). @default no lower bound */
  from?: Date;
  /** Snapshots taken at or before this time (inclusive). @default no upper bound */
  to?: Date;
  /** Only these accounts. @default every account */
  accountIds?: readonly string[];
}

/**
 * Which values {@link SnapshotStore.periodValues} returns: periods given by their boundaries.
 *
 * @example
 * ```ts
 * // Two weeks: 6–13 and 13–20 January 2025 (midnight IST), a value may be up to 7 days old.
 * const ist = (day: number) => new Date(Date.UTC(2025, 0, day - 1, 18, 30));
 * const options: PeriodValuesOptions = { bounds: [ist(6), ist(13), ist(20)], maxStalenessMs: 7 * 86_400_000 };
 * ```
 */
export interface PeriodValuesOptions {
  /**
   * The periods' boundaries, strictly increasing, at least two: period `i` runs from `bounds[i]`
   * (inclusive) to `bounds[i + 1]` (exclusive). `series()` passes the starts of its days, weeks
   * or months in a time zone, and the end of the last.
   */
  bounds: readonly Date[];
  /**
   * How long before a period's start a value may have been taken and still be the period's value
   * (carried forward). A value taken earlier is no value for that period.
   * @default 0 (only values taken during the period)
   */
  maxStalenessMs?: number;
  /** Only these accounts. Unknown ids give no rows; an empty list gives none. @default every account */
  accountIds?: readonly string[];
}

/** One account's value for one period: what {@link SnapshotStore.periodValues} yields. */
export interface PeriodValue {
  readonly accountId: string;
  /** The period's index: `0` for `[bounds[0], bounds[1])`. */
  readonly period: number;
  /** When the value was taken: within the period, or at most `maxStalenessMs` before it. */
  readonly takenAt: Date;
  readonly followers: Count;
}

/**
 * Where snapshots live between collection runs. Every store passes the same conformance suite
 * (`test/stores/conformance.ts`), so code written against this interface works with any of them.
 *
 * - Keys: one row per `(accountId, takenAt)`, to the millisecond. (A PostgreSQL table may also
 *   hold rows another program wrote with microseconds; they are kept as written and read at their
 *   millisecond, so two rows may share an account and a `takenAt`: docs/stores.md.)
 * - Reads return fresh objects that round-trip exactly what was put: count bounds (including
 *   `null`), optional metrics (absent, never `null`), `extra`, and `source` with its note and URL.
 * - After {@link SnapshotStore.close}, every method throws a {@link StoreError}.
 *
 * @example
 * ```ts
 * const store = memoryStore({ registry });
 * await store.put(result.snapshots);
 * const now = await store.latest();
 * for await (const snapshot of store.history({ accountIds: ['indore-x'] })) console.log(snapshot);
 * await store.close();
 * ```
 */
export interface SnapshotStore {
  /** The kind of store, for messages: `'memory'`, `'postgres'`. */
  readonly name: string;
  /**
   * Writes snapshots, all or none.
   *
   * - Validates every row first (the `Snapshot` schema; counts whole and >= 0; bounds on the right
   *   side of the value; with a registry, known accounts on their registered platform). Any
   *   problem throws one `ValidationError` listing every bad row with its path
   *   (`[3].followers.min`) and **nothing from the call is written**.
   * - Idempotent per `(accountId, takenAt)`: putting the same key again replaces the row (a
   *   corrected figure) and never duplicates it. Within one call, the last row of a key wins.
   * - Transactional per call: a failure while writing leaves none of the call's rows stored.
   *
   * @throws {ValidationError} when any row is invalid (nothing written).
   * @throws {StoreError} when the store is closed or its database fails (nothing written).
   */
  put(snapshots: readonly Snapshot[]): Promise<void>;
  /**
   * The newest snapshot of each account taken at or before `asOf` (default: now), sorted by
   * `accountId` (by code point, as PostgreSQL's `COLLATE "C"`). Accounts with no snapshot that
   * early are left out.
   */
  latest(options?: StoreLatestOptions): Promise<Snapshot[]>;
  /**
   * Streams snapshots ordered by `takenAt`, then `accountId`. Memory stays flat however many rows
   * match: rows are read in pages (keyset pagination), never all at once. Breaking out of the loop
   * early releases whatever the iteration held. Rows written while an iteration runs may or may
   * not be seen; none is seen twice.
   *
   * @example
   * ```ts
   * for await (const s of store.history({ from, to })) if (s.followers.value > 1e6) break;
   * ```
   */
  history(options?: HistoryOptions): AsyncIterable<Snapshot>;
  /**
   * The last value of each account in each period: for account `a` and period `i`, the newest
   * snapshot taken before `bounds[i + 1]` and at or after `bounds[i] - maxStalenessMs`, as one
   * row `{ accountId, period, takenAt, followers }`; no row when there is none. Rows come sorted
   * by `accountId` (by code point), then `period`, one row per account and period, never every
   * snapshot: `series()` reads its periods through this, so a weekly series over 90 days of 30,000
   * accounts reads 390,000 rows instead of 2.7 million snapshots.
   *
   * Optional in the contract: both built-in stores have it (the memory store walks each account's
   * sorted rows once; the postgres store asks the database, one index probe per account and
   * period). `series()` falls back to streaming {@link SnapshotStore.history} for a store
   * without it, with the same answers.
   *
   * @example
   * ```ts
   * for await (const v of store.periodValues!({ bounds, maxStalenessMs: 86_400_000 })) {
   *   console.log(v.accountId, v.period, v.followers.value);
   * }
   * ```
   */
  periodValues?(options: PeriodValuesOptions): AsyncIterable<PeriodValue>;
  /**
   * Deletes snapshots taken before `before`, of one platform or of all, and returns how many went.
   * For data that may be kept only so long: YouTube's developer policies limit how long API data
   * may be stored (see docs/platforms.md), so a daily job can run
   * `store.prune({ platform: 'youtube', before: thirtyDaysAgo })`.
   */
  prune(options: PruneOptions): Promise<number>;
  /**
   * The run ledger: records how accounts of a collection run ended. The **first** outcome recorded
   * for an `(runId, accountId)` is kept and later ones are ignored, so workers that take over each
   * other's jobs can record without coordinating: every account of a run ends exactly once.
   * Validates every row first (nothing is written from a call with a bad row); all or none.
   * Returns how many outcomes were new. Optional for other stores; the built-in stores have it.
   *
   * @throws {ValidationError} when any row is invalid (nothing written).
   */
  recordOutcomes?(outcomes: readonly RunOutcome[]): Promise<number>;
  /**
   * The outcomes recorded for a run, sorted by `accountId` (code point order); with `accountIds`,
   * only theirs.
   */
  runOutcomes?(runId: string, options?: { accountIds?: readonly string[] }): Promise<RunOutcome[]>;
  /**
   * Closes the store. Idempotent; waits for writes already started. Afterwards every method
   * throws a `StoreError`. It never closes a client the caller passed in.
   */
  close(): Promise<void>;
}

/** What {@link SnapshotStore.prune} deletes. */
export interface PruneOptions {
  /** Snapshots taken strictly before this time. */
  before: Date;
  /** Only this platform's snapshots. @default every platform */
  platform?: PlatformId;
}

/** Options every store takes. */
export interface StoreOptions {
  /**
   * When given, `put` rejects snapshots of accounts the registry does not know, and snapshots
   * whose `platform` differs from the registry account's.
   * @default undefined (any account id is accepted)
   */
  registry?: Registry;
}

/**
 * How one account of a collection run ended, as the run ledger ({@link SnapshotStore.recordOutcomes})
 * keeps it: with a snapshot (its `takenAt`), or with a typed failure (its `reason`).
 *
 * @example
 * ```ts
 * const outcome: RunOutcome = {
 *   runId: '2024-03-31',
 *   accountId: 'indore-x',
 *   platform: 'x',
 *   status: 'failed',
 *   reason: 'rate-limited',
 *   message: 'x-api-v2 users/by was throttled 6 times',
 *   recordedAt: new Date(),
 * };
 * ```
 */
export interface RunOutcome {
  /** The run: 1–64 characters of letters, digits and `_ . -`. */
  readonly runId: string;
  readonly accountId: string;
  readonly platform: PlatformId;
  readonly status: 'snapshot' | 'failed';
  /** With `status: 'snapshot'`: the stored snapshot's `takenAt`. */
  readonly takenAt?: Date;
  /** With `status: 'failed'`: why. */
  readonly reason?: FailureReason;
  /** With `status: 'failed'`: a readable explanation, free of secrets, at most 500 characters. */
  readonly message?: string;
  readonly recordedAt: Date;
}
