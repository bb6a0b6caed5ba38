import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky';
import { FetchError, type FetchErrorFields, RateLimitError } from '../errors.js';
import type { BucketGate } from './coordinator.js';
import { kindOf, type LimitObservation, type LimitParser } from './limits.js';
import { describeCause } from './network-errors.js';
import { GateDeadlineError, GateRefusedError, type Permit, type RateGate } from './rate-gate.js';
import { type JsonRead, readJson } from './read-body.js';
import { quoteServerText, redactText, SECRET_PARAMS, secretsOf } from './redact.js';
import { type RetryBudget, THROTTLE_RETRY_COST, TRANSIENT_RETRY_COST } from './retry-budget.js';

/** What a provider asks of the engine's HTTP client. */
export interface HttpRequestOptions {
  /** Query parameters; arrays become repeated parameters (`actors=a&actors=b`). */
  searchParams?: Record<string, string | number | readonly string[]>;
  headers?: Record<string, string>;
  /** The API operation, for messages: `'users/by'`, `'channels.list'`. */
  operation?: string;
  /**
   * How many calls the platform counts this request as, for pacing in usage mode (the gate keeps
   * the units sent in the rolling window under the limit it learnt): a Graph batch of 50
   * sub-requests counts 50. An integer >= 1; announced quotas and pacing still count requests.
   * @default 1
   */
  cost?: number;
  /**
   * Hands the limit parser the parsed body of every answer, not only of errors: for an API whose
   * 200 holds limit signals (a Graph batch, whose parts carry their own usage headers and
   * throttles). The body is then read, within `http.maxBodyBytes`, before the request leaves its
   * rate gate.
   * @default false
   */
  limitsInBody?: boolean;
}

/** What a provider asks of the engine's HTTP client for a form POST. */
export interface HttpPostOptions extends HttpRequestOptions {
  /**
   * Form fields, sent as `application/x-www-form-urlencoded`. A field named like a credential
   * (`access_token`, `key`, `token`…) is redacted from everything reported, as in a query; keeping
   * credentials in `searchParams` is simpler still.
   */
  form: Record<string, string>;
  /**
   * Whether sending the request twice does no harm (a Graph batch of GETs): only then are its
   * transient faults (5xx, 408, timeouts, network errors) retried, as a GET's are. A throttled POST
   * is sent again either way: the platform refused it without acting on it.
   * @default false
   */
  idempotent?: boolean;
}

/** An answer the provider reads. Status 4xx answers arrive here too; 5xx and throttles do not. */
export interface HttpResponse {
  /** The request's method. */
  readonly method: 'GET' | 'POST';
  readonly status: number;
  readonly headers: Headers;
  /**
   * The request's URL (the last one, after same-origin redirects), with the credentials the request
   * carried redacted wherever they moved in it (see `redactText`).
   */
  readonly url: string;
  /** The body parsed as JSON; `undefined` for an empty body. */
  readonly body: unknown;
}

/** The engine's HTTP client for one rate bucket, handed to providers in their `FetchContext`. */
export interface HttpClient {
  /**
   * GETs a URL through the bucket's rate gate. Transient faults (5xx, 408, timeouts, network
   * errors) are retried with capped exponential backoff and full jitter, within a retry budget;
   * throttles pause the bucket and the request is sent again once it reopens. Throws a
   * {@link FetchError} (or {@link RateLimitError}) built from redacted fields only.
   */
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  /**
   * POSTs a form through the bucket's rate gate, as {@link get} does, with its throttles paused
   * and its errors redacted; transient faults are retried only when the request is `idempotent`.
   * A POST follows no redirect.
   */
  post(url: string, options: HttpPostOptions): Promise<HttpResponse>;
}

/** Counters shared by the clients of a collection. */
export interface HttpStats {
  /** Requests sent, retries included. */
  requests: number;
  /** ky-level retries after transient faults. */
  retries: number;
  /** Throttle answers (HTTP 429 and the platforms' equivalents); a batch's throttled parts each. */
  throttled: number;
  /** Requests sent again after a throttle. */
  rescheduled: number;
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  platform: string;
  provider: string;
  bucket: string;
  gate: BucketGate;
  readLimits: LimitParser;
  budget: RetryBudget;
  stats: HttpStats;
  /** Credentials seen in requests are added here, so the collection can scrub them from failures. */
  secrets?: Set<string>;
  /** The collection's signal. */
  signal: AbortSignal;
  /** Per attempt: until the headers arrive, and again for reading the body. */
  timeoutMs: number;
  /** Bytes an answer below 400 may have, after decompression; a longer one fails as invalid-response. */
  maxBodyBytes: number;
  /** Bytes an answer of 400 or more may have (read for its limit signals and error details). */
  maxErrorBodyBytes: number;
  /** ky retries after a transient fault. */
  retries: number;
  /** First backoff step; the n-th retry waits up to `retryDelayMs × 2^(n-1)` (full jitter). */
  retryDelayMs: number;
  /** Sends again after at most this many throttles, then fails as rate-limited. */
  maxThrottleRetries: number;
  /** The longest one request may wait for its bucket to reopen. */
  maxWaitMs: number;
  /** No wait may end after this time (epoch ms). */
  deadline: number;
  now: () => number;
  fetch?: typeof globalThis.fetch;
}

const MAX_REDIRECTS = 3;

/** Makes the HTTP client of one bucket. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { gate, stats, budget } = options;
  const base: KyInstance = ky.create({
    timeout: options.timeoutMs,
    // 4xx answers go to the provider, which knows what they mean; 408, 429 and 5xx are thrown so
    // that ky can retry the transient ones and the gate can handle 429.
    throwHttpErrors: (status) => status === 408 || status === 429 || status >= 500,
    // Never follow redirects blindly: a credential must not travel to another host.
    redirect: 'manual',
  });
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const bodyBounds = { maxBytes: options.maxBodyBytes, timeoutMs: options.timeoutMs };
  const errorBounds = { maxBytes: options.maxErrorBodyBytes, timeoutMs: options.timeoutMs };

  return {
    get: (url, request = {}) => send('GET', url, request, undefined),
    post: (url, request) => send('POST', url, request, request.form),
  };

  async function send(
    method: 'GET' | 'POST',
    url: string,
    request: HttpRequestOptions & { idempotent?: boolean },
    form: Record<string, string> | undefined,
  ): Promise<HttpResponse> {
    let target = new URL(url);
    if (request.searchParams) {
      for (const [name, value] of Object.entries(request.searchParams)) {
        for (const v of Array.isArray(value) ? value : [value])
          target.searchParams.append(name, String(v));
      }
    }
    const headers = new Headers(request.headers);
    const secrets = secretsOf(target, headers);
    const body = form === undefined ? undefined : new URLSearchParams(form);
    if (body) {
      for (const [name, value] of body) {
        if (SECRET_PARAMS.includes(name.toLowerCase()) && value) secrets.push(value);
      }
    }
    for (const secret of secrets) options.secrets?.add(secret);
    const cost =
      typeof request.cost === 'number' && Number.isSafeInteger(request.cost) && request.cost > 1
        ? request.cost
        : 1;
    const limitsInBody = request.limitsInBody === true;
    const retryMethods =
      method === 'GET' || request.idempotent === true ? [method.toLowerCase()] : [];
    const describe = () => `${method} ${redactText(target.toString(), secrets)}`;
    const fail = (message: string, fields: Omit<FetchErrorFields, 'platform' | 'provider'>) =>
      new FetchError(redactText(message, secrets), {
        platform: options.platform,
        provider: options.provider,
        bucket: options.bucket,
        request: describe(),
        ...fields,
      });

    let throttles = 0;
    let redirects = 0;
    for (;;) {
      const attempt = await sendOnce(target, headers);
      if (attempt.kind === 'response') {
        const { response, observation } = attempt;
        if (observation.kind === 'throttled' && observation.partial) {
          // Some parts of a batch were throttled, others answered: the gate has paused the
          // bucket, and the provider asks again for the refused parts (through the gate).
          stats.throttled += Math.max(1, observation.throttledParts ?? 1);
        } else if (observation.kind === 'throttled' || observation.kind === 'quota-exhausted') {
          await cancel(response);
          throttles++;
          stats.throttled += Math.max(1, observation.throttledParts ?? 1);
          if (throttles > options.maxThrottleRetries || !budget.take(THROTTLE_RETRY_COST)) {
            const snapshot = gate.snapshot();
            throw new RateLimitError(
              redactText(
                `${describe()} was throttled ${throttles} times (${observation.kind})`,
                secrets,
              ),
              {
                platform: options.platform,
                provider: options.provider,
                bucket: options.bucket,
                request: describe(),
                status: response.status,
                resumeAt: new Date(Math.max(snapshot.pausedUntil, options.now())),
              },
            );
          }
          stats.rescheduled++;
          continue; // the gate holds the next attempt until the bucket reopens
        }
        if (response.status >= 300 && response.status < 400) {
          await cancel(response);
          const next = locationOf(response, target);
          if (method === 'POST') {
            // A form is never sent to another address than the one the provider chose.
            throw fail(
              `${describe()} answered ${response.status} with a redirect: a POST is not sent again elsewhere`,
              { reason: 'invalid-response', status: response.status },
            );
          }
          if (!next || next.origin !== target.origin || ++redirects > MAX_REDIRECTS) {
            throw fail(
              `${describe()} answered ${response.status} with a redirect ${next ? `to ${next.origin}` : 'without a usable Location'}: not followed, so credentials stay with ${target.origin}`,
              { reason: 'invalid-response', status: response.status },
            );
          }
          target = next;
          continue;
        }
        return answer(
          method,
          response,
          target,
          secrets,
          bodyValue(
            response,
            attempt.read ?? (await readJson(response.body, bodyBounds)),
            target.host,
            describe,
            fail,
            secrets,
          ),
        );
      }
      throw attempt.error;
    }

    /** One logical send: ky's attempts (retries included) for one throttle round. */
    async function sendOnce(
      url: URL,
      requestHeaders: Headers,
    ): Promise<
      | {
          kind: 'response';
          response: Response;
          observation: LimitObservation;
          /** The body, already read for its limit signals (400 or more, or `limitsInBody`). */
          read: JsonRead | undefined;
        }
      | { kind: 'error'; error: FetchError }
    > {
      let pending: Permit | undefined;
      let observation: LimitObservation = { kind: 'ok' };
      let read: JsonRead | undefined;
      let attempts = 0;
      let lastStatus: number | undefined;
      const deadline = Math.min(options.deadline, options.now() + options.maxWaitMs);
      const release = (permit: Permit | undefined, outcome: Parameters<RateGate['release']>[1]) => {
        if (permit) gate.release(permit, outcome);
      };
      try {
        const response = await base(url, {
          method,
          body,
          headers: requestHeaders,
          signal: options.signal,
          // The answer is read here, before ky sees it: its limit signals go to the gate (an
          // afterResponse hook would do the same, but ky clones every response for hooks).
          fetch: async (input, init) => {
            const permit = pending;
            pending = undefined;
            let answer: Response;
            try {
              answer = await fetchImpl(input, init);
            } catch (error) {
              release(permit, { type: 'transient-failure' });
              throw error;
            }
            if (input instanceof Request && input.signal.aborted) {
              // ky gave up on this attempt (timeout) just as it answered: nobody reads it.
              release(permit, { type: 'transient-failure' });
              void cancel(answer);
              return answer;
            }
            lastStatus = answer.status;
            // An error answer's body (any answer's but a redirect's, with limitsInBody) is read
            // here, once and bounded: its limit signals go to the gate, and the same parsed
            // value to the provider.
            read =
              answer.status >= 400
                ? await readJson(answer.body, errorBounds)
                : limitsInBody && answer.status < 300
                  ? await readJson(answer.body, bodyBounds)
                  : undefined;
            observation = safeRead(
              options.readLimits,
              {
                status: answer.status,
                headers: answer.headers,
                body: read?.kind === 'json' ? read.value : undefined,
              },
              options.now(),
            );
            if (observation.kind === 'ok' && (answer.status >= 500 || answer.status === 408)) {
              release(permit, { type: 'transient-failure' });
            } else {
              release(permit, { type: 'response', observation });
            }
            if (observation.kind === 'ok' && answer.ok) {
              budget.refund(attempts > 1 ? TRANSIENT_RETRY_COST * (attempts - 1) : 1);
            }
            // Not retried (see isTransient): an answer this large is not the platform's.
            if (read?.kind === 'too-large') throw new BodyTooLargeError(read.limit);
            return answer;
          },
          retry: {
            limit: options.retries,
            methods: retryMethods,
            statusCodes: [408, 500, 502, 503, 504],
            afterStatusCodes: [],
            maxRetryAfter: 30_000,
            backoffLimit: 20_000,
            delay: (n) => options.retryDelayMs * 2 ** (n - 1),
            jitter: true,
            shouldRetry: ({ error }) => {
              if (options.signal.aborted || observation.kind !== 'ok') return false;
              if (!isTransient(error)) return false;
              if (!budget.take(TRANSIENT_RETRY_COST)) return false;
              stats.retries++;
              return true;
            },
          },
          hooks: {
            beforeRequest: [
              async () => {
                pending = await gate.acquire(options.signal, deadline, cost);
                attempts++;
                stats.requests++;
              },
            ],
          },
        });
        return { kind: 'response', response, observation, read };
      } catch (error) {
        if (observation.kind !== 'ok' && error instanceof HTTPError) {
          return { kind: 'response', response: error.response, observation, read };
        }
        return { kind: 'error', error: toFetchError(error, attempts, lastStatus) };
      }
    }

    function toFetchError(
      error: unknown,
      attempts: number,
      status: number | undefined,
    ): FetchError {
      if (options.signal.aborted) {
        return fail(`${describe()} was aborted`, { reason: 'aborted', attempts });
      }
      if (error instanceof GateDeadlineError) {
        return new RateLimitError(
          redactText(
            `${describe()} could not be sent before the deadline: ${error.message}`,
            secrets,
          ),
          {
            platform: options.platform,
            provider: options.provider,
            bucket: options.bucket,
            request: describe(),
            attempts,
            resumeAt: new Date(error.resumeAt),
          },
        );
      }
      if (error instanceof GateRefusedError) {
        return fail(`${describe()} was not sent: ${error.message}`, {
          reason: 'unauthorized',
          attempts,
        });
      }
      if (error instanceof HTTPError) {
        return fail(
          `${describe()} failed with ${error.response.status} after ${attempts} attempt(s)`,
          {
            reason: 'network',
            status: error.response.status,
            retryable: true,
            attempts,
          },
        );
      }
      if (error instanceof BodyTooLargeError) {
        return fail(tooLarge(describe(), status, error.limit), {
          reason: 'invalid-response',
          status,
          attempts,
        });
      }
      if (error instanceof TimeoutError) {
        return fail(
          `${describe()} timed out after ${options.timeoutMs} ms (${attempts} attempt(s))`,
          {
            reason: 'network',
            retryable: true,
            attempts,
          },
        );
      }
      const cause = describeCause(error, target.host);
      return fail(
        `${describe()} failed: ${cause}${status ? ` (last status ${status})` : ''} after ${attempts} attempt(s)`,
        {
          reason: 'network',
          retryable: true,
          attempts,
        },
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------

function isTransient(error: unknown): boolean {
  if (error instanceof HTTPError) return [408, 500, 502, 503, 504].includes(error.response.status);
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

/** Where a redirect points, or `undefined` when it has no Location, or one that is no URL. */
function locationOf(response: Response, base: URL): URL | undefined {
  const location = response.headers.get('location');
  if (!location) return undefined;
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

async function cancel(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already consumed or errored: nothing to free
  }
}

/**
 * What a provider reads. The URL is redacted with the request's secrets when first read: providers
 * read it only to describe a failure, so answers on the hot path never pay for it.
 */
function answer(
  method: HttpResponse['method'],
  response: Response,
  url: URL,
  secrets: readonly string[],
  body: unknown,
) {
  const href = url.toString();
  let redacted: string | undefined;
  const out: HttpResponse = {
    method,
    status: response.status,
    headers: response.headers,
    get url() {
      redacted ??= redactText(href, secrets);
      return redacted;
    },
    body,
  };
  return out;
}

/**
 * The value of a body read by {@link readJson}: parsed JSON (`undefined` when empty), or the
 * failure it makes: a stalled or broken body is a network fault, one too large or not JSON is not
 * the platform's answer.
 */
function bodyValue(
  response: Response,
  read: JsonRead,
  host: string,
  describe: () => string,
  fail: (message: string, fields: Omit<FetchErrorFields, 'platform' | 'provider'>) => FetchError,
  secrets: readonly string[],
): unknown {
  const { status } = response;
  switch (read.kind) {
    case 'timeout':
      throw fail(`${describe()}: the body did not arrive within ${read.ms} ms`, {
        reason: 'network',
        status,
        retryable: true,
      });
    case 'unreadable':
      throw fail(`${describe()}: the body could not be read (${describeCause(read.cause, host)})`, {
        reason: 'network',
        status,
        retryable: true,
      });
    case 'too-large':
      throw fail(tooLarge(describe(), status, read.limit), { reason: 'invalid-response', status });
    case 'json':
      return read.value;
  }
  const type = response.headers.get('content-type') ?? 'no content type';
  const snippet = quoteServerText(read.text, secrets, 120);
  throw fail(
    `${describe()} answered ${status} with a body that is not JSON (${type}): ${JSON.stringify(snippet)}`,
    { reason: 'invalid-response', status },
  );
}

/** "GET … answered 500 with a body larger than 65536 bytes (http.maxErrorBodyBytes): …" */
function tooLarge(request: string, status: number | undefined, limit: number): string {
  const option =
    status !== undefined && status >= 400 ? 'http.maxErrorBodyBytes' : 'http.maxBodyBytes';
  return `${request} answered${status === undefined ? '' : ` ${status}`} with a body larger than ${limit} bytes (${option}): not read further`;
}

/** Thrown inside ky's fetch for an error answer past its limit; never leaves the engine. */
class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`answer larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}
