import { OptionError, StoreError } from '../errors.js';
import { closedError } from './validate.js';

/**
 * What a store keeps beside the snapshots, so that it outlives a process: a lock that lets one run
 * at a time collect into the store, and small named values and counters that providers remember
 * across runs (YouTube's quota ledger per key and Pacific day, its `@handle` → channel id cache).
 * `memoryStore()` and `postgresStore()` both give it, under the same conformance suite.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * const attempt = await store.lock('collect', { holder: 'collect, pid 4242', ttlMs: 60_000 });
 * if (attempt.acquired) await attempt.lock.release();
 * else console.log(`held by ${attempt.heldBy.holder} until ${attempt.heldBy.expiresAt.toISOString()}`);
 * ```
 */
export interface StateStore {
  /**
   * Takes the lock `name` for `holder`, for `ttlMs` milliseconds, unless another holder has it
   * and it has not expired. Atomic: of two callers at once, one gets it. A lock whose holder died
   * without releasing it expires after `ttlMs` (renew it well before: `lock.renew()`).
   */
  lock(name: string, options: LockOptions): Promise<LockAttempt>;
  /**
   * The values stored under `keys` and not expired (a key without a value is left out).
   */
  readState(keys: readonly string[]): Promise<Map<string, string>>;
  /** Stores values (replacing a key's value, counter included), all or none. */
  writeState(entries: readonly StateEntry[]): Promise<void>;
  /**
   * Adds `amount` to the counter `key` (0 when absent or expired), atomically: with `limit`, only
   * if the sum stays at or below it (`added: false` otherwise, the counter unchanged). Returns the
   * counter afterwards. Two processes adding to one counter never both pass the limit.
   */
  addToCounter(key: string, amount: number, options?: CounterOptions): Promise<CounterResult>;
}

/** Options of {@link StateStore.lock}. */
export interface LockOptions {
  /** Who holds it, in words shown to whoever else asks: `collect, pid 4242 on ops-01`. */
  holder: string;
  /** How long the lock lasts unless renewed, in milliseconds (1 s to 24 h). */
  ttlMs: number;
}

/** Who holds a lock, and until when. */
export interface LockHolder {
  readonly holder: string;
  readonly acquiredAt: Date;
  readonly expiresAt: Date;
}

/** A lock taken. */
export interface StoreLock extends LockHolder {
  readonly name: string;
  /**
   * Extends the lock by its `ttlMs` from now. Throws a `StoreError` when the lock was lost (it
   * expired and another holder took it).
   */
  renew(): Promise<void>;
  /** Gives the lock up (idempotent; a lock lost meanwhile is left to its new holder). */
  release(): Promise<void>;
}

/** What {@link StateStore.lock} answers. */
export type LockAttempt =
  | { readonly acquired: true; readonly lock: StoreLock }
  | { readonly acquired: false; readonly heldBy: LockHolder };

/** A value for {@link StateStore.writeState}. */
export interface StateEntry {
  /** Up to 200 characters. */
  key: string;
  /** Up to 4,096 characters. */
  value: string;
  /** After this time the entry reads as absent (and may be deleted). @default never */
  expiresAt?: Date;
}

/** Options of {@link StateStore.addToCounter}. */
export interface CounterOptions {
  /** The counter may not go above this: the addition is refused instead. @default no limit */
  limit?: number;
  /** After this time the counter reads as 0 (and may be deleted). @default never */
  expiresAt?: Date;
}

/** What {@link StateStore.addToCounter} answers. */
export interface CounterResult {
  /** False when the addition would have passed `limit` (nothing was added). */
  readonly added: boolean;
  /** The counter afterwards. */
  readonly value: number;
}

export const MAX_STATE_KEY = 200;
export const MAX_STATE_VALUE = 4096;
const MAX_TTL_MS = 86_400_000;

/** Checks a state key. */
export function checkStateKey(key: unknown, where = 'key'): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_STATE_KEY) {
    throw new OptionError(where, `a non-empty string of at most ${MAX_STATE_KEY} characters`, key);
  }
  return key;
}

/** Checks the keys of {@link StateStore.readState}. */
export function checkStateKeys(keys: unknown): string[] {
  if (!Array.isArray(keys)) throw new OptionError('keys', 'an array of keys', keys);
  return keys.map((key, i) => checkStateKey(key, `keys[${i}]`));
}

/** Checks entries of {@link StateStore.writeState}; the last entry of a key wins. */
export function checkStateEntries(entries: unknown): StateEntry[] {
  if (!Array.isArray(entries)) throw new OptionError('entries', 'an array of entries', entries);
  const byKey = new Map<string, StateEntry>();
  entries.forEach((entry: StateEntry, i) => {
    if (typeof entry !== 'object' || entry === null) {
      throw new OptionError(`entries[${i}]`, 'an object { key, value, expiresAt? }', entry);
    }
    const key = checkStateKey(entry.key, `entries[${i}].key`);
    if (typeof entry.value !== 'string' || entry.value.length > MAX_STATE_VALUE) {
      throw new OptionError(
        `entries[${i}].value`,
        `a string of at most ${MAX_STATE_VALUE} characters`,
        entry.value,
      );
    }
    checkDate(entry.expiresAt, `entries[${i}].expiresAt`);
    byKey.set(key, {
      key,
      value: entry.value,
      ...(entry.expiresAt ? { expiresAt: entry.expiresAt } : {}),
    });
  });
  return [...byKey.values()];
}

/** Checks the arguments of {@link StateStore.addToCounter}. */
export function checkCounter(
  key: unknown,
  amount: unknown,
  options: CounterOptions | undefined,
): { key: string; amount: number; limit: number | undefined; expiresAt: Date | undefined } {
  checkStateKey(key);
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    throw new OptionError('amount', 'a whole number >= 0', amount);
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new OptionError('options', 'an object { limit?, expiresAt? }', options);
  }
  const limit = options?.limit;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new OptionError('limit', 'a whole number >= 0', limit);
  }
  checkDate(options?.expiresAt, 'expiresAt');
  return { key: key as string, amount, limit, expiresAt: options?.expiresAt };
}

/** Checks the options of {@link StateStore.lock}. */
export function checkLock(name: unknown, options: LockOptions): LockOptions & { name: string } {
  checkStateKey(name, 'name');
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('options', 'an object { holder, ttlMs }', options);
  }
  const { holder, ttlMs } = options;
  if (typeof holder !== 'string' || holder.length === 0 || holder.length > 500) {
    throw new OptionError('holder', 'a non-empty string of at most 500 characters', holder);
  }
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1000 || ttlMs > MAX_TTL_MS) {
    throw new OptionError('ttlMs', 'an integer from 1000 to 86400000 (milliseconds)', ttlMs);
  }
  return { name: name as string, holder, ttlMs };
}

function checkDate(value: unknown, where: string): void {
  if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
    throw new OptionError(where, 'a valid Date', value);
  }
}

/**
 * The state of a store kept in the process's memory (the memory store's). `isClosed` and `closed`
 * make every method throw once the store is closed.
 */
export function memoryState(isClosed: () => boolean): StateStore & { clear(): void } {
  const values = new Map<string, { value: string; counter: number; expiresAt: number }>();
  const locks = new Map<
    string,
    { holder: string; token: symbol; acquiredAt: number; expiresAt: number }
  >();
  const live = (key: string, now: number) => {
    const entry = values.get(key);
    if (entry && entry.expiresAt <= now) {
      values.delete(key);
      return undefined;
    }
    return entry;
  };
  const guard = (operation: string) => {
    if (isClosed()) throw closedError('memory', operation);
  };
  return {
    async lock(name, options) {
      guard('lock');
      const { holder, ttlMs } = checkLock(name, options);
      const now = Date.now();
      const held = locks.get(name);
      if (held && held.expiresAt > now) {
        return {
          acquired: false,
          heldBy: {
            holder: held.holder,
            acquiredAt: new Date(held.acquiredAt),
            expiresAt: new Date(held.expiresAt),
          },
        };
      }
      const token = Symbol(holder);
      const mine = { holder, token, acquiredAt: now, expiresAt: now + ttlMs };
      locks.set(name, mine);
      const lock: StoreLock = {
        name,
        holder,
        acquiredAt: new Date(mine.acquiredAt),
        get expiresAt() {
          return new Date(mine.expiresAt);
        },
        async renew() {
          guard('lock');
          const current = locks.get(name);
          if (current?.token !== token || current.expiresAt <= Date.now()) {
            throw lostLock('memory', name);
          }
          mine.expiresAt = Date.now() + ttlMs;
        },
        async release() {
          if (locks.get(name)?.token === token) locks.delete(name);
        },
      };
      return { acquired: true, lock };
    },
    async readState(keys) {
      guard('readState');
      const now = Date.now();
      const out = new Map<string, string>();
      for (const key of checkStateKeys(keys)) {
        const entry = live(key, now);
        if (entry !== undefined && entry.value !== '') out.set(key, entry.value);
      }
      return out;
    },
    async writeState(entries) {
      guard('writeState');
      for (const { key, value, expiresAt } of checkStateEntries(entries)) {
        values.set(key, {
          value,
          counter: 0,
          expiresAt: expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
        });
      }
    },
    async addToCounter(key, amount, options) {
      guard('addToCounter');
      const checked = checkCounter(key, amount, options);
      const entry = live(key, Date.now());
      const value = entry?.counter ?? 0;
      if (checked.limit !== undefined && value + amount > checked.limit) {
        return { added: false, value };
      }
      values.set(key, {
        value: entry?.value ?? '',
        counter: value + amount,
        expiresAt: checked.expiresAt?.getTime() ?? entry?.expiresAt ?? Number.POSITIVE_INFINITY,
      });
      return { added: true, value: value + amount };
    },
    clear() {
      values.clear();
      locks.clear();
    },
  };
}

/** The error of renewing a lock that expired and may have been taken by another holder. */
export function lostLock(store: string, name: string): StoreError {
  return new StoreError(
    `the lock "${name}" was lost: it expired before it was renewed, and another run may hold it`,
    { store, operation: 'lock' },
  );
}
