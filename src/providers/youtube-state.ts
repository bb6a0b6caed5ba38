/**
 * What the YouTube provider remembers: the key's calls per Pacific day (the quota ledger) and the
 * `@handle` → channel id cache. In the process by default; in a store (`state`) when given, so
 * that the next run, in a new process, reads them back and two runs on one day never spend more
 * than the day's quota together.
 */
import type { StateStore } from '../stores/state.js';
import { nextMidnightMs } from '../util/time-zone.js';

/** YouTube's daily quota resets at midnight Pacific time (platforms.md §4). */
export const QUOTA_TIME_ZONE = 'America/Los_Angeles';

/** What the YouTube provider needs of a store to keep its state there. */
export type YoutubeState = Pick<StateStore, 'readState' | 'writeState' | 'addToCounter'>;

/** How long a remembered channel id is trusted before the handle is looked up again. */
const CHANNEL_ID_DAYS = 30;

/** The key's calls on the current Pacific day. */
export interface Ledger {
  /** Takes a call from today's budget before it is sent; false when none is left. */
  reserve(now: number): Promise<boolean>;
  /** Ends a reserved call (its answers were counted by {@link spend}). */
  release(): void;
  /** Counts an answer (retries are answers too: YouTube charges them). */
  spend(now: number): void;
  /** YouTube says the quota is spent: nothing more today. */
  exhaust(now: number): void;
  /** When the current Pacific day ends. */
  resetAt(now: number): number;
}

/** The Pacific date of a time, `2026-12-03`. */
const pacificDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: QUOTA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The ledger in the process: it lives as long as the provider, so collections made with one
 * provider on one day share it. A call is reserved before it is sent (so concurrent batches cannot
 * overshoot), and every answer is counted as spent (retries included, as YouTube charges invalid
 * requests too).
 */
export class MemoryLedger implements Ledger {
  #dayEnd = Number.NEGATIVE_INFINITY;
  #spent = 0;
  #inFlight = 0;

  constructor(readonly callsPerDay: number) {}

  async reserve(now: number): Promise<boolean> {
    this.#roll(now);
    if (this.#spent + this.#inFlight >= this.callsPerDay) return false;
    this.#inFlight++;
    return true;
  }

  release(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
  }

  spend(now: number): void {
    this.#roll(now);
    this.#spent++;
  }

  exhaust(now: number): void {
    this.#roll(now);
    this.#spent = Math.max(this.#spent, this.callsPerDay);
  }

  resetAt(now: number): number {
    this.#roll(now);
    return this.#dayEnd;
  }

  #roll(now: number): void {
    if (now < this.#dayEnd) return;
    this.#dayEnd = nextMidnightMs(now, QUOTA_TIME_ZONE);
    this.#spent = 0;
  }
}

/**
 * The ledger in a store, one counter per key tag and Pacific day (`youtube:quota:<tag>:<date>`):
 * a call is added to it before it is sent, only while the day's budget allows (atomically, so two
 * processes cannot both take the last call); answers beyond one per call (retries) are added after
 * the call; a `quotaExceeded` answer fills the day. The counter expires a day after its day ends.
 */
export class StoreLedger implements Ledger {
  #dayEnd = Number.NEGATIVE_INFINITY;
  #key = '';
  /** Calls reserved today in this process, and answers counted for them. */
  #reserved = 0;
  #answers = 0;
  /** Answers beyond the reservations already added to the store. */
  #surplusAdded = 0;
  #exhausted = false;
  /** Writes not yet awaited (surplus, exhaustion): the next reservation waits for them. */
  #pending: Promise<unknown> = Promise.resolve();

  constructor(
    readonly callsPerDay: number,
    readonly state: YoutubeState,
    readonly tag: string,
  ) {}

  async reserve(now: number): Promise<boolean> {
    this.#roll(now);
    await this.#pending;
    if (this.#exhausted) return false;
    const result = await this.state.addToCounter(this.#key, 1, {
      limit: this.callsPerDay,
      expiresAt: this.#expiresAt(),
    });
    if (!result.added) return false;
    this.#reserved++;
    return true;
  }

  release(): void {
    // answers beyond one per call are retries the key paid for: add them now
    const surplus = this.#answers - this.#reserved - this.#surplusAdded;
    if (surplus <= 0) return;
    this.#surplusAdded += surplus;
    this.#write(surplus);
  }

  spend(now: number): void {
    this.#roll(now);
    this.#answers++;
  }

  exhaust(now: number): void {
    this.#roll(now);
    if (this.#exhausted) return;
    this.#exhausted = true;
    this.#write(this.callsPerDay);
  }

  resetAt(now: number): number {
    this.#roll(now);
    return this.#dayEnd;
  }

  #write(amount: number): void {
    const key = this.#key;
    const expiresAt = this.#expiresAt();
    this.#pending = this.#pending.then(() => this.state.addToCounter(key, amount, { expiresAt }));
  }

  #expiresAt(): Date {
    return new Date(this.#dayEnd + 86_400_000);
  }

  #roll(now: number): void {
    if (now < this.#dayEnd) return;
    this.#dayEnd = nextMidnightMs(now, QUOTA_TIME_ZONE);
    this.#key = `youtube:quota:${this.tag}:${pacificDate.format(new Date(now))}`;
    this.#reserved = 0;
    this.#answers = 0;
    this.#surplusAdded = 0;
    this.#exhausted = false;
  }
}

/**
 * Handles resolved to channel ids, by lower-case handle (YouTube handles are case-insensitive):
 * in the process, and in the store when given (read before a batch, written after it).
 */
export class ChannelIdCache {
  readonly #ids = new Map<string, string>();

  constructor(readonly state: YoutubeState | undefined) {}

  get(handle: string): string | undefined {
    return this.#ids.get(handle.toLowerCase());
  }

  /** Reads what the store remembers of `handles` not known in the process. */
  async load(handles: readonly string[]): Promise<void> {
    if (!this.state) return;
    const wanted = [...new Set(handles.map((h) => h.toLowerCase()))].filter(
      (h) => !this.#ids.has(h),
    );
    if (wanted.length === 0) return;
    const found = await this.state.readState(wanted.map(keyOf));
    for (const handle of wanted) {
      const id = found.get(keyOf(handle));
      if (id !== undefined) this.#ids.set(handle, id);
    }
  }

  /** Remembers the channel ids found (`id`) and forgets those found wrong (`undefined`). */
  async save(changes: ReadonlyMap<string, string | undefined>, now: number): Promise<void> {
    for (const [handle, id] of changes) {
      if (id === undefined) this.#ids.delete(handle.toLowerCase());
      else this.#ids.set(handle.toLowerCase(), id);
    }
    if (!this.state || changes.size === 0) return;
    await this.state.writeState(
      [...changes].map(([handle, id]) => ({
        key: keyOf(handle),
        value: id ?? '',
        expiresAt: new Date(id === undefined ? now : now + CHANNEL_ID_DAYS * 86_400_000),
      })),
    );
  }
}

const keyOf = (handle: string) => `youtube:channel-id:${handle.toLowerCase()}`.slice(0, 200);
