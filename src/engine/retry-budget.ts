/**
 * A token bucket that only gates retries (as the AWS SDKs do): each retry spends tokens, each clean
 * success earns one back, and a retried request that succeeds returns what its retries spent. When
 * it runs dry, failures fail at once instead of multiplying load on a platform that is down.
 */
export class RetryBudget {
  readonly capacity: number;
  #tokens: number;

  /** @param capacity @default 500 */
  constructor(capacity = 500) {
    this.capacity = capacity;
    this.#tokens = capacity;
  }

  /** Tokens left. */
  get available(): number {
    return this.#tokens;
  }

  /** Spends `cost` tokens if there are enough; returns whether the retry may go ahead. */
  take(cost: number): boolean {
    if (this.#tokens < cost) return false;
    this.#tokens -= cost;
    return true;
  }

  /** Gives tokens back, up to the capacity. */
  refund(tokens: number): void {
    this.#tokens = Math.min(this.capacity, this.#tokens + tokens);
  }
}

/** Tokens a retry after a transient fault (5xx, timeout, network error) costs. */
export const TRANSIENT_RETRY_COST = 10;
/** Tokens an engine-level retry after a throttle costs. */
export const THROTTLE_RETRY_COST = 5;
