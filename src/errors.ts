/**
 * The library's errors. Every error that leaves social-reach is a {@link SocialReachError}: one
 * base class with a brand that survives duplicate installs, a stable `code`, and structured fields
 * on the subclasses. Messages say what was expected, what came, and where.
 *
 * @module
 */

import type { z } from 'zod/v4';

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
  | 'STORE_ERROR'
  | 'COORDINATOR_UNAVAILABLE';

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

/** How many characters of the caller's text an error message quotes (see {@link quoteInput}). */
const QUOTE_LIMIT = 60;

// ---------------------------------------------------------------------------------------------
// Validation issues: the one place where issues are made from zod's and written in messages
// (as zod keeps its issue formatters in v4/core/errors.ts). The registry, snapshots, stores, the
// static provider, count checks, the engine's snapshot check and providers' response checks all
// go through these.

/**
 * Converts zod issues to the library's {@link ValidationIssue}s, with `prefix` put before each
 * path (where the parsed value sits in the input, e.g. `['accounts', 3]`). zod lists every unknown
 * key whole; here at most five are quoted, short and escaped.
 *
 * @internal
 */
export function zodIssues(
  error: { readonly issues: readonly z.core.$ZodIssue[] },
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.code === 'unrecognized_keys' ? unrecognizedKeys(issue.keys) : issue.message,
  }));
}

// zod lists every unknown key whole: 20,000 keys, or one key of a megabyte, made one issue as long.
function unrecognizedKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => quoteInput(key));
  if (keys.length > shown.length) shown.push(`… and ${keys.length - shown.length} more`);
  return `Unrecognized key${keys.length === 1 ? '' : 's'}: ${shown.join(', ')}`;
}

/**
 * Formats an issue path the way JavaScript would address it: `accounts[3].handle`, `(root)` for
 * the empty path. This is zod's `toDotPath` with issue #10's rule: a key that is not a short
 * identifier came from the input (`extra`, `meta`, a response body) and is quoted with
 * {@link quoteInput}, so a path stays short and cannot carry controls or bidi overrides.
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (part.length <= QUOTE_LIMIT && /^[A-Za-z_$][\w$]*$/.test(part))
      out += out ? `.${part}` : part;
    else out += `[${quoteInput(part)}]`;
  }
  return out || '(root)';
}

/** How many issues an error message lists; `issues` holds them all. */
export const LISTED_ISSUES = 20;

// One issue's line is cut here: messages quote input through `quoteInput`, so only a custom
// platform's own rule text could make one longer.
const ISSUE_LINE_LIMIT = 500;

/** How {@link formatIssues} lays issues out. */
export interface FormatIssuesOptions {
  /**
   * `lines`: one `  - path: message` line each, for the multi-line messages of
   * {@link RegistryError} and {@link ValidationError}; `inline`: `path: message; path: message`,
   * for a clause inside a one-line message.
   * @default 'lines'
   */
  layout?: 'lines' | 'inline';
  /** How many issues to list; the rest are counted. @default LISTED_ISSUES (20) */
  limit?: number;
}

/**
 * Writes issues for an error message: each as `path: message` (the path by {@link formatPath}),
 * each cut at 500 characters, at most `limit` of them, then how many more there are.
 *
 * @example
 * formatIssues([{ path: ['accounts', 3, 'handle'], message: 'too long' }], { layout: 'inline' })
 * // 'accounts[3].handle: too long'
 */
export function formatIssues(
  issues: readonly ValidationIssue[],
  options: FormatIssuesOptions = {},
): string {
  const { layout = 'lines', limit = LISTED_ISSUES } = options;
  const listed = issues
    .slice(0, limit)
    .map((issue) =>
      cutLine(`${layout === 'lines' ? '  - ' : ''}${formatPath(issue.path)}: ${issue.message}`),
    );
  const more = issues.length - listed.length;
  if (layout === 'inline') {
    return more > 0 ? [...listed, `… and ${more} more`].join('; ') : listed.join('; ');
  }
  if (more > 0) {
    listed.push(`  … and ${more} more (the error's \`issues\` lists all ${issues.length})`);
  }
  return listed.join('\n');
}

function cutLine(line: string): string {
  if (line.length <= ISSUE_LINE_LIMIT) return line;
  // never cut a surrogate pair in two
  const end = /[\uD800-\uDBFF]/.test(line[ISSUE_LINE_LIMIT - 1]!)
    ? ISSUE_LINE_LIMIT - 1
    : ISSUE_LINE_LIMIT;
  return `${line.slice(0, end)}…`;
}

/**
 * A registry failed validation. `issues` lists every problem found, each with its path, so that all
 * of them can be fixed in one go.
 */
export class RegistryError extends SocialReachError {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const noun = issues.length === 1 ? 'problem' : 'problems';
    super(
      'INVALID_REGISTRY',
      `The registry has ${issues.length} ${noun}:\n${formatIssues(issues)}`,
    );
    this.name = 'RegistryError';
    this.issues = issues;
  }
}

/**
 * A handle or profile URL is not valid for its platform. The message quotes at most 60 characters
 * of the input, escaped; `input` holds it whole.
 */
export class HandleError extends SocialReachError {
  readonly platform: string;
  /** The input as given (the message quotes a short, escaped excerpt). */
  readonly input: string;
  /** The rule the input broke, in words. */
  readonly rule: string;

  constructor(platform: string, input: string, rule: string) {
    const where = /^[a-z][a-z0-9-]{0,39}$/.test(platform) ? platform : quoteInput(platform, 40);
    super('INVALID_HANDLE', `[${where}] Invalid handle ${quoteInput(input)}: ${rule}`);
    this.name = 'HandleError';
    this.platform = platform;
    this.input = input;
    this.rule = rule;
  }

  /** As {@link SocialReachError.toJSON}, with the input quoted short and escaped (it may be long). */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), input: quoteInput(this.input, 200) };
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

  /** As {@link SocialReachError.toJSON}, with the input quoted short and escaped (it may be long). */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), input: quoteInput(this.input, 200) };
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
    super('INVALID_INPUT', `${what}: ${issues.length} ${noun}:\n${formatIssues(issues)}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Describes a value for an error message: `` `0` (number) ``, `` `"abc"` (string) ``. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '`undefined`';
  if (value === null) return '`null`';
  if (typeof value === 'string') return `\`${quoteInput(value)}\` (string)`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `\`${cut(String(value))}\` (${typeof value})`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol')
    return `\`Symbol(${quoteInput(value.description ?? '')})\` (symbol)`;
  return `an object`;
}

// A bigint can have a million digits.
function cut(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/**
 * Quotes text that came from the caller for an error message: double quotes, at most `limit`
 * characters (then `…` and the full length), and every control, format (bidi overrides such as
 * U+202E, zero-width characters), line-separator or lone-surrogate character written as `\u{…}`,
 * so a message can neither grow with the input nor change how the text around it reads.
 *
 * @example
 * quoteInput('@Indore') // '"@Indore"'
 * quoteInput('a\u202Eb') // '"a\\u{202E}b"'
 * quoteInput('x'.repeat(50_000)) // 60 x's in quotes, then '… (50000 characters)'
 */
export function quoteInput(text: string, limit: number = QUOTE_LIMIT): string {
  let out = '"';
  let count = 0;
  let end = 0;
  // Only the first `limit` code points are read: the cost does not grow with the input.
  for (const char of text) {
    if (count === limit) break;
    count++;
    end += char.length;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (UNSAFE_CHAR.test(char)) {
      out += `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`;
    } else out += char;
  }
  out += '"';
  return end < text.length ? `${out}… (${text.length} characters)` : out;
}

// Cc control, Cf format (bidi embeddings, overrides and isolates, zero-width joiners, BOM),
// Zl/Zp line and paragraph separators, Cs lone surrogates.
const UNSAFE_CHAR = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]$/u;

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
