import { HTTPError, type KyInstance, TimeoutError } from 'ky';
import { type FetchError, type FetchErrorFields, RateLimitError } from '../errors.js';
import type { LimitObservation, LimitParser } from '../spec/v1/index.js';
import type { Logger, ResolvedHttpOptions } from './collect-options.js';
import type { BucketGate } from './coordinator.js';
import { kindOf } from './limits.js';
import { log } from './log.js';
import { describeCause } from './network-errors.js';
import { GateDeadlineError, GateRefusedError, type Outcome, type Permit } from './rate-gate.js';
import { type BodyBounds, type JsonRead, readJson } from './read-body.js';
import { redactText } from './redact.js';
import { type RetryBudget, TRANSIENT_RETRY_COST } from './retry-budget.js';

/** What every attempt of one bucket's HTTP client shares. */
export interface AttemptContext {
  readonly platform: string;
  readonly provider: string;
  readonly bucket: string;
  readonly gate: BucketGate;
  readonly readLimits: LimitParser;
  readonly budget: RetryBudget;
  /** The collection's counters: an attempt counts the requests it sends and ky's retries. */
  readonly stats: { requests: number; retries: number };
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly http: ResolvedHttpOptions;
  /** The bucket's ky instance: per-attempt timeout, no redirects, which statuses throw. */
  readonly ky: KyInstance;
  readonly fetch: typeof globalThis.fetch;
  /** Bounds of an answer below 400, and of one of 400 or more. */
  readonly bodyBounds: BodyBounds;
  readonly errorBounds: BodyBounds;
  /** Gets one record per try sent (collect's `logger`). */
  readonly logger?: Logger | undefined;
}

/** What an attempt sends: the same in every throttle round, but for the URL after a redirect. */
export interface AttemptRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Headers;
  readonly body: URLSearchParams | undefined;
  /** Units the request counts as in usage mode (`HttpRequestOptions.cost`). */
  readonly cost: number;
  /** Whether a 200's body is read for its limit signals too (`HttpRequestOptions.limitsInBody`). */
  readonly limitsInBody: boolean;
  /** Methods ky retries after a transient fault: the GET, or an idempotent POST; else none. */
  readonly retryMethods: readonly string[];
  /** The request's credentials, redacted from everything reported. */
  readonly secrets: readonly string[];
  /** The API operation (`users/by`), for the log; `''` when the provider named none. */
  readonly operation: string;
  /** `GET https://…` with the credentials redacted. */
  describe(): string;
  /** A `FetchError` about this request, its message redacted. */
  fail(message: string, fields: Omit<FetchErrorFields, 'platform' | 'provider'>): FetchError;
}

/** How an attempt ended: an answer with what its limit signals said, or the library's error. */
export type AttemptResult =
  | {
      readonly kind: 'response';
      readonly response: Response;
      readonly observation: LimitObservation;
      /** The body, already read for its limit signals (400 or more, or `limitsInBody`). */
      readonly read: JsonRead | undefined;
    }
  | { readonly kind: 'error'; readonly error: FetchError };

/**
 * One throttle round of a request: a ky call, whose retries of transient faults happen inside it.
 * Each of ky's tries goes through the same steps, named as ky's own `Ky.ts` names its own:
 *
 * 1. {@link HttpAttempt.#acquire} (ky's `beforeRequest` hook, outside ky's per-attempt timeout):
 *    waits for the bucket's rate gate and takes a permit;
 * 2. {@link HttpAttempt.#fetch} (ky's `fetch`): sends with that permit, then
 * 3. {@link HttpAttempt.#observe}: reads the answer's limit signals (and its body, when they are in
 *    it), and
 * 4. {@link HttpAttempt.#release}: hands the permit back to the gate with what the answer said;
 * 5. {@link HttpAttempt.#shouldRetry} (ky's `shouldRetry`): only transient faults, within the
 *    retry budget, never a throttle (the gate's business);
 * 6. {@link HttpAttempt.#translate}: whatever failed becomes the library's `FetchError`, built from
 *    redacted fields only.
 */
export class HttpAttempt {
  readonly #context: AttemptContext;
  readonly #request: AttemptRequest;
  /** The latest a permit may be waited for: the collection's deadline, or `maxWaitMs` from now. */
  readonly #deadline: number;
  /** The permit `#acquire` took for the try that ky is about to fetch. */
  #permit: Permit | undefined;
  #observation: LimitObservation = { kind: 'ok' };
  #read: JsonRead | undefined;
  #tries = 0;
  #lastStatus: number | undefined;

  constructor(context: AttemptContext, request: AttemptRequest) {
    this.#context = context;
    this.#request = request;
    this.#deadline = Math.min(context.http.deadline, context.now() + context.http.maxWaitMs);
  }

  /** Sends the request through ky; never throws. */
  async run(): Promise<AttemptResult> {
    const { http, signal } = this.#context;
    const request = this.#request;
    try {
      const response = await this.#context.ky(request.url, {
        method: request.method,
        body: request.body,
        headers: request.headers,
        signal,
        // The answer is read in #fetch, before ky sees it: its limit signals go to the gate (an
        // afterResponse hook would do the same, but ky clones every response for hooks).
        fetch: (input, init) => this.#fetch(input, init),
        retry: {
          limit: http.retries,
          methods: [...request.retryMethods],
          statusCodes: [...TRANSIENT_STATUSES],
          afterStatusCodes: [],
          maxRetryAfter: 30_000,
          backoffLimit: 20_000,
          delay: (n) => http.retryDelayMs * 2 ** (n - 1),
          jitter: true,
          shouldRetry: ({ error }) => this.#shouldRetry(error),
        },
        hooks: { beforeRequest: [() => this.#acquire()] },
      });
      return { kind: 'response', response, observation: this.#observation, read: this.#read };
    } catch (error) {
      if (this.#observation.kind !== 'ok' && error instanceof HTTPError) {
        // A throttle thrown as a 429 (ky throws it): the caller pauses, counts and sends again.
        return {
          kind: 'response',
          response: error.response,
          observation: this.#observation,
          read: this.#read,
        };
      }
      return { kind: 'error', error: this.#translate(error) };
    }
  }

  /** Waits for the bucket's rate gate (ky's `beforeRequest`: not counted in its timeout). */
  async #acquire(): Promise<void> {
    const { gate, signal, stats } = this.#context;
    this.#permit = await gate.acquire(signal, this.#deadline, this.#request.cost);
    this.#tries++;
    stats.requests++;
  }

  /** Sends one try with the permit {@link HttpAttempt.#acquire} took, observes and releases it. */
  async #fetch(input: RequestInfo | URL, init: RequestInit | undefined): Promise<Response> {
    const permit = this.#permit;
    this.#permit = undefined;
    let answer: Response;
    const started = Date.now();
    try {
      answer = await this.#context.fetch(input, init);
    } catch (error) {
      this.#release(permit, { type: 'transient-failure' });
      this.#log(started, undefined, error);
      throw error;
    }
    if (input instanceof Request && input.signal.aborted) {
      // ky gave up on this try (timeout) just as it answered: nobody reads it.
      this.#release(permit, { type: 'transient-failure' });
      void cancel(answer);
      return answer;
    }
    this.#lastStatus = answer.status;
    const observation = await this.#observe(answer);
    this.#log(started, answer.status, undefined, observation.kind);
    if (observation.kind === 'ok' && (answer.status >= 500 || answer.status === 408)) {
      this.#release(permit, { type: 'transient-failure' });
    } else {
      this.#release(permit, { type: 'response', observation });
    }
    if (observation.kind === 'ok' && answer.ok) {
      const tries = this.#tries;
      this.#context.budget.refund(tries > 1 ? TRANSIENT_RETRY_COST * (tries - 1) : 1);
    }
    // Not retried (see isTransient): an answer this large is not the platform's.
    if (this.#read?.kind === 'too-large') throw new BodyTooLargeError(this.#read.limit);
    return answer;
  }

  /**
   * Reads an answer's limit signals. An error answer's body (any answer's but a redirect's, with
   * `limitsInBody`) is read here, once and bounded: its limit signals go to the gate, and the same
   * parsed value to the provider.
   */
  async #observe(answer: Response): Promise<LimitObservation> {
    const { status } = answer;
    const { bodyBounds, errorBounds, readLimits, now } = this.#context;
    this.#read =
      status >= 400
        ? await readJson(answer.body, errorBounds)
        : this.#request.limitsInBody && status < 300
          ? await readJson(answer.body, bodyBounds)
          : undefined;
    const body = this.#read?.kind === 'json' ? this.#read.value : undefined;
    this.#observation = safeRead(readLimits, { status, headers: answer.headers, body }, now());
    return this.#observation;
  }

  /**
   * One record of a try for the collection's logger: where it went (host and path, never the
   * query, which may hold a key; the path's credentials redacted), what came back, how long it
   * took. Throttles and failures are warnings.
   */
  #log(started: number, status: number | undefined, error?: unknown, limits?: string): void {
    const { logger, platform, provider, bucket } = this.#context;
    if (!logger) return;
    const request = this.#request;
    const path = redactText(request.url.pathname, request.secrets);
    const record: Record<string, unknown> = {
      event: 'request',
      platform,
      provider,
      bucket,
      ...(request.operation ? { operation: request.operation } : {}),
      method: request.method,
      host: request.url.host,
      path,
      attempt: this.#tries,
      ms: Date.now() - started,
    };
    if (status !== undefined) record.status = status;
    if (limits !== undefined && limits !== 'ok') record.limits = limits;
    if (error !== undefined) record.error = describeCause(error, request.url.host);
    const what = request.operation || path;
    const throttled = limits !== undefined && limits !== 'ok';
    const level = error !== undefined || throttled || (status ?? 0) >= 500 ? 'warn' : 'info';
    const outcome = error !== undefined ? `failed: ${String(record.error)}` : `answered ${status}`;
    log(logger, level, record, `${platform} ${what} ${outcome} in ${record.ms} ms`);
  }

  /** Hands a permit back to the gate (none when the try never got one). */
  #release(permit: Permit | undefined, outcome: Outcome): void {
    if (permit) this.#context.gate.release(permit, outcome);
  }

  /** ky asks whether to try again: transient faults only, within the retry budget. */
  #shouldRetry(error: unknown): boolean {
    const { signal, budget, stats } = this.#context;
    if (signal.aborted || this.#observation.kind !== 'ok') return false;
    if (!isTransient(error)) return false;
    if (!budget.take(TRANSIENT_RETRY_COST)) return false;
    stats.retries++;
    return true;
  }

  /** The library's error for what failed, built from redacted fields only. */
  #translate(error: unknown): FetchError {
    const { signal, http } = this.#context;
    const request = this.#request;
    const attempts = this.#tries;
    const status = this.#lastStatus;
    const describe = request.describe();
    if (signal.aborted) {
      return request.fail(`${describe} was aborted`, { reason: 'aborted', attempts });
    }
    if (error instanceof GateDeadlineError) {
      const { platform, provider, bucket } = this.#context;
      return new RateLimitError(
        redactText(
          `${describe} could not be sent before the deadline: ${error.message}`,
          request.secrets,
        ),
        {
          platform,
          provider,
          bucket,
          request: describe,
          attempts,
          resumeAt: new Date(error.resumeAt),
        },
      );
    }
    if (error instanceof GateRefusedError) {
      return request.fail(`${describe} was not sent: ${error.message}`, {
        reason: 'unauthorized',
        attempts,
      });
    }
    if (error instanceof HTTPError) {
      return request.fail(
        `${describe} failed with ${error.response.status} after ${attempts} attempt(s)`,
        { reason: 'network', status: error.response.status, retryable: true, attempts },
      );
    }
    if (error instanceof BodyTooLargeError) {
      return request.fail(tooLarge(describe, status, error.limit), {
        reason: 'invalid-response',
        status,
        attempts,
      });
    }
    if (error instanceof TimeoutError) {
      return request.fail(
        `${describe} timed out after ${http.timeoutMs} ms (${attempts} attempt(s))`,
        { reason: 'network', retryable: true, attempts },
      );
    }
    const cause = describeCause(error, request.url.host);
    return request.fail(
      `${describe} failed: ${cause}${status ? ` (last status ${status})` : ''} after ${attempts} attempt(s)`,
      { reason: 'network', retryable: true, attempts },
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** The statuses ky retries (with `isTransient`'s agreement); 429 belongs to the gate. */
const TRANSIENT_STATUSES: readonly number[] = [408, 500, 502, 503, 504];

function isTransient(error: unknown): boolean {
  if (error instanceof HTTPError) return TRANSIENT_STATUSES.includes(error.response.status);
  if (error instanceof TimeoutError) return true;
  // fetch() rejects with a TypeError for network faults (ECONNRESET, ECONNREFUSED, DNS, TLS).
  return error instanceof TypeError;
}

function safeRead(
  parse: LimitParser,
  response: Parameters<LimitParser>[0],
  now: number,
): LimitObservation {
  try {
    return parse(response, now);
  } catch {
    return { kind: kindOf(response.status) };
  }
}

/** Lets go of an answer nobody reads. */
export async function cancel(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already consumed or errored: nothing to free
  }
}

/** "GET … answered 500 with a body larger than 65536 bytes (http.maxErrorBodyBytes): …" */
export function tooLarge(request: string, status: number | undefined, limit: number): string {
  const option =
    status !== undefined && status >= 400 ? 'http.maxErrorBodyBytes' : 'http.maxBodyBytes';
  return `${request} answered${status === undefined ? '' : ` ${status}`} with a body larger than ${limit} bytes (${option}): not read further`;
}

/** Thrown inside ky's fetch for an answer past its limit; never leaves the engine. */
class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`answer larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}
