/**
 * The HTTP client a provider sends its requests with (`FetchContext.http`). Type-only; the engine's
 * `createHttpClient` implements it.
 *
 * @module
 */

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
   * `FetchError` (or `RateLimitError`) built from redacted fields only.
   */
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  /**
   * POSTs a form through the bucket's rate gate, as {@link get} does, with its throttles paused
   * and its errors redacted; transient faults are retried only when the request is `idempotent`.
   * A POST follows no redirect.
   */
  post(url: string, options: HttpPostOptions): Promise<HttpResponse>;
}
