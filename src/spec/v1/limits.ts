/**
 * The engine's one limit model: what a provider's limit parser reads from a response. Type-only;
 * the parsers themselves (`genericLimits`, `ietfLimits`, each platform's) implement it.
 *
 * @module
 */

/** What one response said about the rate limit of its bucket. */
export interface LimitObservation {
  /**
   * - `ok`: an ordinary answer (it may still carry quota figures);
   * - `throttled`: refused for going too fast (HTTP 429, Facebook codes 4/17/32/613/80001…,
   *   YouTube `rateLimitExceeded`, Telegram `retry_after`): pause the bucket and try again;
   * - `quota-exhausted`: a daily or billing quota is spent (YouTube `quotaExceeded`, X usage cap);
   * - `refused`: the platform refused the credential (HTTP 401, Facebook code 190): the bucket
   *   sends nothing more.
   */
  kind: 'ok' | 'throttled' | 'quota-exhausted' | 'refused';
  /** Requests allowed per window, when announced. */
  limit?: number;
  /** Requests left in the current window, when announced. */
  remaining?: number;
  /** When the window resets, in epoch ms on the local clock (skew corrected). */
  resetAt?: number;
  /** The window's length, when announced (`RateLimit-Policy: 300;w=300`). */
  windowMs?: number;
  /** How long the server asked to wait (Retry-After, `retry_after`, regain time), in ms. */
  retryAfterMs?: number;
  /** Share of a usage limit already used, 0–100 (Facebook `X-App-Usage`). */
  usagePct?: number;
  /**
   * Set on a `throttled` observation of a batch answer (a Graph batch call) in which some parts
   * were refused for going too fast while others answered: the gate pauses the bucket as for any
   * throttle, but the answer is not thrown away. The client hands it to the provider, which asks
   * again (through the gate, so after the pause) only for the refused parts. Without it, a
   * `throttled` answer is sent again whole once the bucket reopens.
   */
  partial?: boolean;
  /**
   * How many parts of a batch answer were refused for going too fast (a Graph batch's throttled
   * sub-requests). The collection's `throttled` statistic counts each of them; an answer without
   * parts counts as one.
   */
  throttledParts?: number;
  /** Where the figures came from, for logs and tests. */
  source?: string;
}

/** What a limit parser sees of a response. */
export interface LimitResponse {
  readonly status: number;
  readonly headers: Headers;
  /**
   * The parsed JSON body, when it was JSON: of every error response (status >= 400), and of every
   * response to a request sent with `limitsInBody` (a Graph batch, whose 200 holds its parts'
   * throttles).
   */
  readonly body?: unknown;
}

/** Reads a response's limit signals; `now` is the local clock in epoch ms. */
export type LimitParser = (response: LimitResponse, now: number) => LimitObservation;
