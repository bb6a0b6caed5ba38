/**
 * What the engine hands a provider for one batch. Type-only.
 *
 * @module
 */

import type { HttpClient } from './http-client.js';

/**
 * What the collection engine hands a provider for one batch. The engine owns the network, the
 * clock and cancellation; providers use them through this context.
 */
export interface FetchContext {
  /** Aborted when the collection is cancelled; pass it to every request. */
  readonly signal: AbortSignal;
  /** The collection's clock; use it for `takenAt`. */
  now(): Date;
  /**
   * The HTTP client of this batch's rate bucket: every request passes the bucket's rate gate,
   * transient faults are retried, throttles pause the bucket, and errors come out redacted.
   */
  readonly http: HttpClient;
  /**
   * Tells the collection's `onProgress` something about this bucket that is not an account's
   * outcome, as a `notice` event: `notice('fallback', …)` when the platform refused a kind of
   * request and the provider uses another from now on. Say it once for the bucket, not once per
   * request. The message is redacted like every error (no credential the bucket's requests carried
   * survives) and cut to 500 characters.
   */
  notice(code: NoticeCode, message: string): void;
}

/**
 * What a `notice` progress event is about. `fallback`: the platform refused a kind of request for
 * this credential (Graph multi-ID or batch requests for an app created after 4 November 2026), and
 * the provider falls back to another kind for the rest of the bucket's work.
 */
export type NoticeCode = 'fallback';
