import { type FailureReason, ProviderError } from '../errors.js';
import type { Account } from '../model/account.js';
import type { PlatformId } from '../model/platform.js';
import type { Snapshot } from '../model/snapshot.js';
import type { ProviderResult } from '../spec/v1/index.js';
import { containsSecret, redactError } from './redact.js';

/** An account that did not get a snapshot, and why. */
export interface CollectFailure {
  readonly accountId: string;
  readonly platform: PlatformId;
  readonly reason: FailureReason;
  /** A readable explanation, free of secrets. */
  readonly message: string;
  readonly error: ProviderError;
}

/**
 * Where a collection keeps every requested account's outcome: one slot per account, in registry
 * order, filled exactly once with its snapshot or its failure, whatever order the buckets finish
 * in. It counts as it goes (the progress events' running totals), and nothing it hands back quotes
 * a credential the collection's requests carried.
 */
export class OutcomeLedger {
  /**
   * Every credential the collection's requests carried: the HTTP clients add them as they send, so
   * that no failure, message or snapshot the collection reports can quote one.
   */
  readonly secrets = new Set<string>();
  readonly #accounts: readonly Account[];
  readonly #slot = new Map<string, number>();
  readonly #outcomes: (Snapshot | CollectFailure | undefined)[];
  // Errors already scrubbed, with the number of secrets known then (a batch's error is shared by
  // its accounts: it is scrubbed once, again only if a credential was learnt since).
  readonly #scrubbed = new WeakMap<Error, number>();
  #done = 0;
  #failed = 0;
  #resumed = 0;

  /** @param accounts the accounts the collection was asked for, in registry order */
  constructor(accounts: readonly Account[]) {
    this.#accounts = accounts;
    accounts.forEach((account, i) => {
      this.#slot.set(account.id, i);
    });
    this.#outcomes = new Array(accounts.length);
  }

  /** Accounts the collection was asked for. */
  get total(): number {
    return this.#outcomes.length;
  }

  /** Accounts with a snapshot so far (resumed ones included). */
  get done(): number {
    return this.#done;
  }

  /** Accounts with a failure so far. */
  get failed(): number {
    return this.#failed;
  }

  /** Accounts answered from the store (`resume`). */
  get resumed(): number {
    return this.#resumed;
  }

  /**
   * Records an account's outcome, unless it already has one. A snapshot whose server-given text
   * quotes a credential becomes an `invalid-response` failure; a failure's error is scrubbed of
   * every credential known.
   */
  settle(entry: Account, given: ProviderResult): void {
    const i = this.#slot.get(entry.id)!;
    if (this.#outcomes[i] !== undefined) return;
    const result = given.ok && this.secrets.size > 0 ? this.#checkEcho(entry, given) : given;
    if (result.ok) {
      this.#outcomes[i] = result.snapshot;
      this.#done++;
      return;
    }
    const error = result.error;
    if (this.#scrubbed.get(error) !== this.secrets.size) {
      redactError(error, this.secrets);
      this.#scrubbed.set(error, this.secrets.size);
    }
    this.#outcomes[i] = {
      accountId: entry.id,
      platform: entry.platform,
      reason: error.reason,
      message: error.message,
      error,
    };
    this.#failed++;
  }

  /** Records an account's failure, unless it already has an outcome. */
  fail(entry: Account, error: ProviderError): void {
    this.settle(entry, { ok: false, accountId: entry.id, error });
  }

  /**
   * Takes stored snapshots taken at or after `since` as the outcome of their accounts (`resume`):
   * those accounts are not fetched again.
   */
  resume(stored: readonly Snapshot[], since: Date): void {
    const from = since.getTime();
    for (const snapshot of stored) {
      const i = this.#slot.get(snapshot.accountId);
      if (i === undefined || snapshot.takenAt.getTime() < from) continue;
      this.#outcomes[i] = snapshot;
      this.#done++;
      this.#resumed++;
    }
  }

  /** The accounts still without an outcome, in registry order. */
  pending(): readonly Account[] {
    if (this.#resumed === 0) return this.#accounts;
    return this.#accounts.filter((a) => this.#outcomes[this.#slot.get(a.id)!] === undefined);
  }

  /** The snapshots and the failures, each in registry order. */
  results(): { snapshots: Snapshot[]; failures: CollectFailure[] } {
    const snapshots: Snapshot[] = [];
    const failures: CollectFailure[] = [];
    for (const outcome of this.#outcomes) {
      if (outcome === undefined) continue;
      if ('error' in outcome) failures.push(outcome);
      else snapshots.push(outcome);
    }
    return { snapshots, failures };
  }

  /** A snapshot whose server-given text quotes a credential (a hostile echo) is not kept. */
  #checkEcho(entry: Account, result: ProviderResult & { ok: true }): ProviderResult {
    const { snapshot } = result;
    const echoes = (text: string | undefined) =>
      text !== undefined && text.length >= 6 && containsSecret(text, this.secrets);
    if (!echoes(snapshot.platformUserId) && !Object.keys(snapshot.extra ?? {}).some(echoes)) {
      return result;
    }
    const error = new ProviderError(
      'the answer quoted a credential back in the account’s id or metrics: not kept',
      {
        platform: entry.platform,
        provider: snapshot.source.provider,
        reason: 'invalid-response',
        accountId: entry.id,
      },
    );
    return { ok: false, accountId: entry.id, error };
  }
}
