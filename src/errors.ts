/**
 * The library's errors. Every error that leaves social-reach is a {@link SocialReachError}: one
 * base class with a brand that survives duplicate installs, a stable `code`, and structured fields
 * on the subclasses. Messages say what was expected, what came, and where.
 *
 * @module
 */

const BRAND = Symbol.for('social-reach.error');

/** Stable machine-readable codes of {@link SocialReachError}. */
export type SocialReachErrorCode =
  | 'INVALID_REGISTRY'
  | 'INVALID_HANDLE'
  | 'INVALID_COUNT'
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'PROVIDER_ERROR'
  | 'FETCH_ERROR'
  | 'RATE_LIMITED'
  | 'ABORTED'
  | 'STORE_ERROR';

/** Options shared by every {@link SocialReachError} constructor. */
export interface SocialReachErrorOptions {
  /** The underlying error. Only the library's own, redacted errors are ever attached. */
  cause?: unknown;
}

/**
 * Base class of every error thrown by social-reach.
 *
 * Use {@link SocialReachError.isInstance} rather than `instanceof` when two copies of the library
 * may be loaded (for example a dependency bundling its own).
 */
export class SocialReachError extends Error {
  /** Stable machine-readable code. */
  readonly code: SocialReachErrorCode;
  readonly [BRAND] = true;

  constructor(code: SocialReachErrorCode, message: string, options: SocialReachErrorOptions = {}) {
    super(message.startsWith('[social-reach]') ? message : `[social-reach] ${message}`, options);
    this.name = 'SocialReachError';
    this.code = code;
  }

  /** True for any social-reach error, from this copy of the library or another. */
  static isInstance(error: unknown): error is SocialReachError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { [BRAND]?: unknown })[BRAND] === true
    );
  }

  /** A plain object safe to log or serialise (no `cause` objects, no secrets). */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause') fields[key] = value;
    }
    return { name: this.name, message: this.message, ...fields };
  }
}

/** One problem found while validating input, with where it was found. */
export interface ValidationIssue {
  /** Where the problem is, e.g. `['accounts', 3, 'handle']`. */
  readonly path: readonly (string | number)[];
  /** What was expected and what came. */
  readonly message: string;
}

/** Formats an issue path the way JavaScript would address it: `accounts[3].handle`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(root)';
}

function listIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`).join('\n');
}

/**
 * A registry failed validation. `issues` lists every problem found, each with its path, so that all
 * of them can be fixed in one go.
 */
export class RegistryError extends SocialReachError {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const noun = issues.length === 1 ? 'problem' : 'problems';
    super('INVALID_REGISTRY', `The registry has ${issues.length} ${noun}:\n${listIssues(issues)}`);
    this.name = 'RegistryError';
    this.issues = issues;
  }
}

/** A handle or profile URL is not valid for its platform. */
export class HandleError extends SocialReachError {
  readonly platform: string;
  readonly input: string;
  /** The rule the input broke, in words. */
  readonly rule: string;

  constructor(platform: string, input: string, rule: string) {
    super('INVALID_HANDLE', `[${platform}] Invalid handle ${JSON.stringify(input)}: ${rule}`);
    this.name = 'HandleError';
    this.platform = platform;
    this.input = input;
    this.rule = rule;
  }
}

/** A count phrase could not be read, or a Count object is inconsistent. */
export class CountError extends SocialReachError {
  /** The text or value that was rejected. */
  readonly input: string;

  constructor(input: string, message: string) {
    super('INVALID_COUNT', message);
    this.name = 'CountError';
    this.input = input;
  }
}

/** An option passed to a library function is invalid. */
export class OptionError extends SocialReachError {
  /** The option's name, e.g. `concurrency`. */
  readonly option: string;

  constructor(
    option: string,
    expected: string,
    received: unknown,
    options?: SocialReachErrorOptions,
  ) {
    super(
      'INVALID_OPTION',
      `Expected \`${option}\` to be ${expected}, got ${describeValue(received)}`,
      options,
    );
    this.name = 'OptionError';
    this.option = option;
  }
}

/**
 * Input records (snapshots, hand-entered figures, Count objects) failed validation; `issues` lists
 * every problem with its path.
 */
export class ValidationError extends SocialReachError {
  readonly issues: readonly ValidationIssue[];

  constructor(what: string, issues: readonly ValidationIssue[]) {
    const noun = issues.length === 1 ? 'problem' : 'problems';
    super('INVALID_INPUT', `${what}: ${issues.length} ${noun}:\n${listIssues(issues)}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Describes a value for an error message: `` `0` (number) ``, `` `"abc"` (string) ``. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '`undefined`';
  if (value === null) return '`null`';
  if (typeof value === 'string') return `\`${JSON.stringify(value)}\` (string)`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `\`${String(value)}\` (${typeof value})`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return `\`${String(value)}\` (symbol)`;
  return `an object`;
}

/**
 * Why an account has no snapshot:
 * - `no-provider`: the collection had no provider for its platform;
 * - `not-found`: the platform does not know the handle (or, on Instagram, the account is personal);
 * - `suspended`: the platform suspended or deactivated the account;
 * - `hidden`: the account hides its count (YouTube `hiddenSubscriberCount`, Mastodon `-1`);
 * - `unauthorized`: the credential was refused (expired, revoked, missing a permission);
 * - `rate-limited`: the platform's limit or quota did not allow the request in time;
 * - `invalid-response`: the platform answered something that is not its documented shape;
 * - `network`: the request failed in transport (timeouts, resets, 5xx after retries);
 * - `provider-error`: any other failure of the provider;
 * - `aborted`: the collection was cancelled before the account was fetched.
 */
export type FailureReason =
  | 'no-provider'
  | 'not-found'
  | 'suspended'
  | 'hidden'
  | 'unauthorized'
  | 'rate-limited'
  | 'invalid-response'
  | 'network'
  | 'provider-error'
  | 'aborted';

/** Fields of a {@link ProviderError}. */
export interface ProviderErrorFields extends SocialReachErrorOptions {
  platform: string;
  reason: FailureReason;
  /** The provider's name, e.g. `'x-api-v2'`. */
  provider?: string;
  /** The account concerned, when the error is about one account. */
  accountId?: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Whether trying again later may succeed. @default false */
  retryable?: boolean;
  /** How long the platform asked to wait, when it said. */
  retryAfterMs?: number;
}

/** A provider could not produce a snapshot for an account (or for a whole batch). */
export class ProviderError extends SocialReachError {
  readonly platform: string;
  readonly reason: FailureReason;
  readonly provider: string | undefined;
  readonly accountId: string | undefined;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    fields: ProviderErrorFields,
    code: SocialReachErrorCode = fields.reason === 'aborted' ? 'ABORTED' : 'PROVIDER_ERROR',
  ) {
    const where = fields.provider
      ? `[${fields.platform}] [${fields.provider}]`
      : `[${fields.platform}]`;
    super(code, `${where} ${message}`, fields);
    this.name = 'ProviderError';
    this.platform = fields.platform;
    this.reason = fields.reason;
    this.provider = fields.provider;
    this.accountId = fields.accountId;
    this.status = fields.status;
    this.retryable = fields.retryable ?? false;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/** Fields of a {@link FetchError}, all free of secrets. */
export interface FetchErrorFields extends ProviderErrorFields {
  /** The rate bucket the request belonged to (platform + credential hash + host). */
  bucket?: string;
  /** The request's method and URL, with credentials redacted. */
  request?: string;
  /** Attempts made, retries included. */
  attempts?: number;
}

/**
 * An HTTP request of a provider failed: a transport fault, a 5xx after retries, an answer that is
 * not the platform's documented shape, or a refused credential. Built from redacted fields only:
 * no token appears in its message, stack, fields or `cause`.
 */
export class FetchError extends ProviderError {
  readonly bucket: string | undefined;
  readonly request: string | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, fields: FetchErrorFields, code?: SocialReachErrorCode) {
    super(message, fields, code ?? (fields.reason === 'aborted' ? 'ABORTED' : 'FETCH_ERROR'));
    this.name = 'FetchError';
    this.bucket = fields.bucket;
    this.request = fields.request;
    this.attempts = fields.attempts;
  }
}

/**
 * A request could not be sent within the platform's limits in time: the quota is spent until
 * `resumeAt`, later than the collection may wait.
 */
export class RateLimitError extends FetchError {
  /** When the bucket accepts requests again. */
  readonly resumeAt: Date;

  constructor(message: string, fields: Omit<FetchErrorFields, 'reason'> & { resumeAt: Date }) {
    super(message, { ...fields, reason: 'rate-limited', retryable: true }, 'RATE_LIMITED');
    this.name = 'RateLimitError';
    this.resumeAt = fields.resumeAt;
  }
}

/** Fields of a {@link StoreError}. */
export interface StoreErrorFields extends SocialReachErrorOptions {
  /** The store's name, e.g. `'memory'` or `'postgres'`. */
  store: string;
  /** The operation that failed, e.g. `'put'`, `'latest'`, `'history'`, `'migrate'`. */
  operation: string;
  /** The database's SQLSTATE code, when the database refused the statement (e.g. `'42501'`). */
  sqlState?: string;
}

/**
 * A snapshot store could not do what was asked: it is closed, its database failed or refused a
 * statement, or its data could not be read back. Invalid snapshots are a {@link ValidationError}
 * instead, so a caller retrying store faults never retries bad data.
 *
 * @example
 * ```ts
 * try {
 *   await store.put(snapshots);
 * } catch (error) {
 *   if (error instanceof StoreError && error.sqlState === '40001') retryLater();
 * }
 * ```
 */
export class StoreError extends SocialReachError {
  readonly store: string;
  readonly operation: string;
  readonly sqlState: string | undefined;

  constructor(message: string, fields: StoreErrorFields) {
    super('STORE_ERROR', `[${fields.store}] ${fields.operation}: ${message}`, fields);
    this.name = 'StoreError';
    this.store = fields.store;
    this.operation = fields.operation;
    this.sqlState = fields.sqlState;
  }
}
