import ky from 'ky';
import { FetchError, type FetchErrorFields, RateLimitError } from '../errors.js';
import type {
  HttpClient,
  HttpRequestOptions,
  HttpResponse,
  LimitObservation,
  LimitParser,
} from '../spec/v1/index.js';
import type { Logger, ResolvedHttpOptions } from './collect-options.js';
import type { BucketGate } from './coordinator.js';
import {
  type AttemptContext,
  type AttemptRequest,
  cancel,
  HttpAttempt,
  tooLarge,
} from './http-attempt.js';
import { describeCause } from './network-errors.js';
import { type JsonRead, readJson } from './read-body.js';
import { quoteServerText, redactText, SECRET_PARAMS, secretsOf } from './redact.js';
import { type RetryBudget, THROTTLE_RETRY_COST } from './retry-budget.js';

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
  /** The collection's clock, in epoch ms. */
  now: () => number;
  /** The collection's HTTP settings: timeouts, body bounds, retries, waits, deadline, fetch. */
  http: ResolvedHttpOptions;
  /** Gets a record of every request sent. */
  logger?: Logger | undefined;
}

const MAX_REDIRECTS = 3;

/** Makes the HTTP client of one bucket. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { http } = options;
  const context: AttemptContext = {
    ...options,
    ky: ky.create({
      timeout: http.timeoutMs,
      // 4xx answers go to the provider, which knows what they mean; 408, 429 and 5xx are thrown so
      // that ky can retry the transient ones and the gate can handle 429.
      throwHttpErrors: (status) => status === 408 || status === 429 || status >= 500,
      // Never follow redirects blindly: a credential must not travel to another host.
      redirect: 'manual',
    }),
    fetch: withDispatcher(http.fetch ?? globalThis.fetch, http.dispatcher),
    bodyBounds: { maxBytes: http.maxBodyBytes, timeoutMs: http.timeoutMs },
    errorBounds: { maxBytes: http.maxErrorBodyBytes, timeoutMs: http.timeoutMs },
  };
  return {
    get: (url, request = {}) => new HttpExchange(options, context, 'GET', url, request).send(),
    post: (url, request) =>
      new HttpExchange(options, context, 'POST', url, request, request.form).send(),
  };
}

/**
 * One request a provider made, from its URL to the answer it reads: the throttle rounds (each an
 * {@link HttpAttempt}, whose retries of transient faults are ky's), the same-origin redirects, and
 * the answer's body. It is the {@link AttemptRequest} its attempts send.
 */
class HttpExchange implements AttemptRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Headers;
  readonly body: URLSearchParams | undefined;
  readonly cost: number;
  readonly limitsInBody: boolean;
  readonly retryMethods: readonly string[];
  readonly secrets: readonly string[];
  readonly operation: string;
  readonly #options: HttpClientOptions;
  readonly #context: AttemptContext;
  /** Where the request goes: its URL with its query, then wherever a redirect took it. */
  #target: URL;
  #throttles = 0;
  #redirects = 0;

  constructor(
    options: HttpClientOptions,
    context: AttemptContext,
    method: 'GET' | 'POST',
    url: string,
    request: HttpRequestOptions & { idempotent?: boolean },
    form?: Record<string, string>,
  ) {
    this.#options = options;
    this.#context = context;
    this.method = method;
    this.#target = withQuery(new URL(url), request.searchParams);
    this.headers = new Headers(request.headers);
    const secrets = secretsOf(this.#target, this.headers);
    this.body = form === undefined ? undefined : new URLSearchParams(form);
    if (this.body) {
      for (const [name, value] of this.body) {
        if (SECRET_PARAMS.includes(name.toLowerCase()) && value) secrets.push(value);
      }
    }
    for (const secret of secrets) options.secrets?.add(secret);
    this.secrets = secrets;
    this.cost =
      typeof request.cost === 'number' && Number.isSafeInteger(request.cost) && request.cost > 1
        ? request.cost
        : 1;
    this.limitsInBody = request.limitsInBody === true;
    this.retryMethods =
      method === 'GET' || request.idempotent === true ? [method.toLowerCase()] : [];
    this.operation = typeof request.operation === 'string' ? request.operation.slice(0, 80) : '';
  }

  get url(): URL {
    return this.#target;
  }

  /** Sends until an answer the provider reads; throws the library's `FetchError` otherwise. */
  async send(): Promise<HttpResponse> {
    for (;;) {
      const attempt = await new HttpAttempt(this.#context, this).run();
      if (attempt.kind === 'error') throw attempt.error;
      const { response, observation } = attempt;
      if (observation.kind === 'throttled' && observation.partial) {
        // Some parts of a batch were throttled, others answered: the gate has paused the bucket,
        // and the provider asks again for the refused parts (through the gate).
        this.#options.stats.throttled += Math.max(1, observation.throttledParts ?? 1);
      } else if (observation.kind === 'throttled' || observation.kind === 'quota-exhausted') {
        await this.#throttled(response, observation);
        continue; // the gate holds the next attempt until the bucket reopens
      }
      if (response.status >= 300 && response.status < 400) {
        await this.#redirect(response);
        continue;
      }
      return this.#answer(
        response,
        attempt.read ?? (await readJson(response.body, this.#context.bodyBounds)),
      );
    }
  }

  /** `GET https://…`, the credentials the request carried redacted. */
  describe(): string {
    return `${this.method} ${redactText(this.#target.toString(), this.secrets)}`;
  }

  /** A `FetchError` about this request, its message redacted. */
  fail(message: string, fields: Omit<FetchErrorFields, 'platform' | 'provider'>): FetchError {
    return new FetchError(redactText(message, this.secrets), {
      platform: this.#options.platform,
      provider: this.#options.provider,
      bucket: this.#options.bucket,
      request: this.describe(),
      ...fields,
    });
  }

  /**
   * A throttled answer: counted, and sent again once the bucket reopens, unless the request met
   * `maxThrottleRetries` throttles already or the retry budget is spent (then `RateLimitError`).
   */
  async #throttled(response: Response, observation: LimitObservation): Promise<void> {
    const { stats, budget, gate, http, now } = this.#options;
    await cancel(response);
    this.#throttles++;
    stats.throttled += Math.max(1, observation.throttledParts ?? 1);
    if (this.#throttles > http.maxThrottleRetries || !budget.take(THROTTLE_RETRY_COST)) {
      const snapshot = gate.snapshot();
      throw new RateLimitError(
        redactText(
          `${this.describe()} was throttled ${this.#throttles} times (${observation.kind})`,
          this.secrets,
        ),
        {
          platform: this.#options.platform,
          provider: this.#options.provider,
          bucket: this.#options.bucket,
          request: this.describe(),
          status: response.status,
          resumeAt: new Date(Math.max(snapshot.pausedUntil, now())),
        },
      );
    }
    stats.rescheduled++;
  }

  /** A redirect: followed within the same origin (a GET, three times at most), refused otherwise. */
  async #redirect(response: Response): Promise<void> {
    await cancel(response);
    const target = this.#target;
    const next = locationOf(response, target);
    if (this.method === 'POST') {
      // A form is never sent to another address than the one the provider chose.
      throw this.fail(
        `${this.describe()} answered ${response.status} with a redirect: a POST is not sent again elsewhere`,
        { reason: 'invalid-response', status: response.status },
      );
    }
    if (!next || next.origin !== target.origin || ++this.#redirects > MAX_REDIRECTS) {
      throw this.fail(
        `${this.describe()} answered ${response.status} with a redirect ${next ? `to ${next.origin}` : 'without a usable Location'}: not followed, so credentials stay with ${target.origin}`,
        { reason: 'invalid-response', status: response.status },
      );
    }
    this.#target = next;
  }

  /**
   * What the provider reads: the body parsed as JSON, or the failure a body makes (a stalled or
   * broken body is a network fault, one too large or not JSON is not the platform's answer). The
   * URL is redacted when first read: providers read it only to describe a failure, so answers on
   * the hot path never pay for it.
   */
  #answer(response: Response, read: JsonRead): HttpResponse {
    const body = this.#bodyValue(response, read);
    const href = this.#target.toString();
    const secrets = this.secrets;
    let redacted: string | undefined;
    return {
      method: this.method,
      status: response.status,
      headers: response.headers,
      get url() {
        redacted ??= redactText(href, secrets);
        return redacted;
      },
      body,
    };
  }

  #bodyValue(response: Response, read: JsonRead): unknown {
    const { status } = response;
    switch (read.kind) {
      case 'timeout':
        throw this.fail(`${this.describe()}: the body did not arrive within ${read.ms} ms`, {
          reason: 'network',
          status,
          retryable: true,
        });
      case 'unreadable':
        throw this.fail(
          `${this.describe()}: the body could not be read (${describeCause(read.cause, this.#target.host)})`,
          { reason: 'network', status, retryable: true },
        );
      case 'too-large':
        throw this.fail(tooLarge(this.describe(), status, read.limit), {
          reason: 'invalid-response',
          status,
        });
      case 'json':
        return read.value;
    }
    const type = response.headers.get('content-type') ?? 'no content type';
    const snippet = quoteServerText(read.text, this.secrets, 120);
    throw this.fail(
      `${this.describe()} answered ${status} with a body that is not JSON (${type}): ${JSON.stringify(snippet)}`,
      { reason: 'invalid-response', status },
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** fetch with `dispatcher` in every request's options (a proxy agent), or fetch as it is. */
function withDispatcher(
  fetch: typeof globalThis.fetch,
  dispatcher: ResolvedHttpOptions['dispatcher'],
): typeof globalThis.fetch {
  if (dispatcher === undefined) return fetch;
  return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
}

/** The URL with the query parameters added; arrays become repeated parameters. */
function withQuery(url: URL, searchParams: HttpRequestOptions['searchParams']): URL {
  if (searchParams) {
    for (const [name, value] of Object.entries(searchParams)) {
      for (const v of Array.isArray(value) ? value : [value])
        url.searchParams.append(name, String(v));
    }
  }
  return url;
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
