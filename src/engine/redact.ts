/**
 * Secret hygiene. Every error leaving the engine is built from text that went through these
 * functions, which remove two things:
 *
 * - **The credentials a request carried** (see {@link secretsOf}), wherever and however they
 *   appear: every run of 8 or more characters found in a secret, in any letter case, raw,
 *   URL-encoded or URL-decoded, so a server that echoes a token cut, lower-cased (a URL's host) or
 *   re-encoded leaves no usable part of it. Secrets of 6 or 7 characters are removed where they
 *   appear whole; shorter ones only by pattern.
 * - **Credentials by pattern**, for text about requests whose secrets are not known: query
 *   parameters (`access_token`, `key`, `token`…), Telegram's `/bot<id>:<token>` path (the bot id,
 *   which is public, stays), and the value after `Bearer`, `Basic`, `OAuth` or `Token` when it
 *   follows an `Authorization:` header name or looks like a credential (8 characters with a digit,
 *   or 20 characters). So "Authorization: Bearer abc.def" loses its value, while "the bearer token
 *   was refused" and "Invalid OAuth access token" keep their words.
 *
 * @module
 */

/** Query parameters whose values are credentials. */
export const SECRET_PARAMS: readonly string[] = [
  'access_token',
  'key',
  'token',
  'client_secret',
  'appsecret_proof',
  'api_key',
  'apikey',
  'password',
];

const REDACTED = '***';
/** The shortest run of a secret that is removed wherever it appears. */
const RUN = 8;
/** Secrets this long (up to {@link RUN}) are removed where they appear whole. */
const MIN_SECRET = 6;
/** How much of a server's text {@link quoteServerText} looks at. */
const QUOTE_WINDOW = 8_192;

const QUERY_SECRET = new RegExp(`([?&;](?:${SECRET_PARAMS.join('|')})=)[^&#\\s"'<>]*`, 'gi');
// Telegram: /bot<id>:<secret>/… keeps the bot id (useful when several bots run), hides the secret.
const BOT_PATH = /(\/bot\d+):[A-Za-z0-9_-]+/g;
// `Authorization: Bearer x`, `"authorization":"Basic x"`: a header's value, whatever it looks like.
const HEADER_AUTH =
  /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?\s*(?:Bearer|Basic|OAuth|Token|Digest)\s+)[^\s"',;]+/gi;
// `Bearer x` anywhere else: only a value that looks like a credential (see looksLikeCredential).
const AUTH_VALUE = /\b((?:Bearer|Basic|OAuth|Token)\s+)([A-Za-z0-9._~+/=%-]+)/gi;

/** A URL with every credential found by pattern replaced by `***`. */
export function redactUrl(url: string): string {
  return redactText(url, []);
}

/**
 * Text with credentials removed: the patterns above, and every run of 8 or more characters of the
 * given secrets, in any letter case (see the module's description). Linear in the text's length.
 *
 * @example
 * ```ts
 * redactText('token SECRETTOKEN42 echoed as secrettok…', ['SecretToken42']);
 * // 'token *** echoed as ***…'
 * ```
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  const out = text
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(BOT_PATH, `$1:${REDACTED}`)
    .replace(HEADER_AUTH, `$1${REDACTED}`)
    .replace(AUTH_VALUE, (match, scheme: string, value: string) =>
      looksLikeCredential(value) ? `${scheme}${REDACTED}` : match,
    );
  return compile(secrets).redact(out);
}

/** True when some run of 8 characters of a secret (any case) appears in the text. */
export function containsSecret(text: string, secrets: Iterable<string>): boolean {
  return compile(secrets).redact(text) !== text;
}

/**
 * Text from a server, made fit to quote in a message: whitespace collapsed, credentials removed
 * (see {@link redactText}), then cut to `max` characters. Redaction comes first, so the cut cannot
 * leave 8 characters of a secret; only the first 8 KB are looked at.
 */
export function quoteServerText(text: string, secrets: Iterable<string>, max = 200): string {
  // Only the start is ever quoted: the work stays bounded however long the server's text is.
  const head = text.length > QUOTE_WINDOW ? text.slice(0, QUOTE_WINDOW) : text;
  const quoted = redactText(head.replace(/\s+/g, ' ').trim(), secrets);
  return quoted.length > max ? `${quoted.slice(0, max)}…` : quoted;
}

/**
 * The credential values a request carries, to be scrubbed from anything said about it: query
 * credentials, the secret half of a Telegram bot token (the bot id before the colon is the bot's
 * public user id), the credential of `Authorization` and `Proxy-Authorization` (without its
 * scheme, so the word "Bearer" is not a secret), `X-API-Key`, cookie values and a URL password.
 */
export function secretsOf(url: URL, headers: Headers): string[] {
  const secrets: string[] = [];
  for (const [name, value] of url.searchParams) {
    if (SECRET_PARAMS.includes(name.toLowerCase()) && value) secrets.push(value);
  }
  for (const [, secret] of url.pathname.matchAll(/\/bot\d+:([A-Za-z0-9_-]+)/g))
    secrets.push(secret!);
  for (const name of ['authorization', 'proxy-authorization']) {
    const value = headers.get(name)?.trim();
    if (value) secrets.push(/^[A-Za-z-]+\s+(\S+)$/.exec(value)?.[1] ?? value);
  }
  const key = headers.get('x-api-key')?.trim();
  if (key) secrets.push(key);
  for (const pair of headers.get('cookie')?.split(';') ?? []) {
    const value = pair.slice(pair.indexOf('=') + 1).trim();
    if (value) secrets.push(value);
  }
  if (url.password) secrets.push(decodeURIComponentSafe(url.password));
  return secrets;
}

/**
 * Removes credentials from an error, in place, and returns it: from every string property of the
 * error and of each error in its `cause` chain (message, stack, `request`, and any other field a
 * subclass adds, which `toJSON` and `util.inspect` would show), and from strings in plain objects
 * and arrays they hold. Used at the collection's boundary on every failure, as a last guard
 * against a provider quoting a server's echo of a token.
 */
export function redactError<E extends Error>(error: E, secrets: Iterable<string>): E {
  const compiled = compile(secrets);
  scrubObject(error, (text) => compiled.redact(redactText(text, [])), new Set(), 0);
  return error;
}

// ---------------------------------------------------------------------------------------------

/** A value after an auth scheme that is probably a credential, not a word of a sentence. */
function looksLikeCredential(value: string): boolean {
  const bare = value.replace(/[.,:;!?-]+$/, '');
  return (bare.length >= RUN && /\d/.test(bare)) || bare.length >= 20;
}

/** Secrets prepared for matching: their runs of {@link RUN} characters, and the short ones. */
interface Compiled {
  redact(text: string): string;
}

const NOTHING: Compiled = { redact: (text) => text };
/**
 * Recent compilations, keyed by the secrets themselves (so a list changed in place is compiled
 * again): a collection redacts with the same few credentials over and over.
 */
const recent = new Map<string, Compiled>();
const RECENT = 32;

function compile(secrets: Iterable<string>): Compiled {
  const list = [...secrets].filter((s) => typeof s === 'string' && s.length >= MIN_SECRET);
  if (list.length === 0) return NOTHING;
  const key = list.join('\u0000');
  const cached = recent.get(key);
  if (cached) return cached;
  const runs = new Set<string>();
  const whole = new Set<string>();
  for (const secret of list) {
    for (const form of formsOf(secret)) {
      const lower = asciiLower(form);
      if (lower.length < RUN) whole.add(lower);
      else for (let i = 0; i + RUN <= lower.length; i++) runs.add(lower.slice(i, i + RUN));
    }
  }
  const shortOnes = [...whole];
  const compiled: Compiled = { redact: (text) => redactRuns(text, runs, shortOnes) };
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(key, compiled);
  return compiled;
}

/** A secret as it may appear: raw, URL-encoded, and URL-decoded. */
function formsOf(secret: string): Set<string> {
  return new Set([secret, encodeURIComponent(secret), decodeURIComponentSafe(secret)]);
}

/**
 * Marks every window of the text whose lower-cased characters are a run of a secret (a sliding
 * window of {@link RUN} characters looked up in a set: linear in the text), and every whole short
 * secret, then replaces each stretch of marked characters with `***`.
 */
function redactRuns(text: string, runs: ReadonlySet<string>, whole: readonly string[]): string {
  if (text.length < MIN_SECRET) return text;
  const lower = asciiLower(text);
  // Stretches as [start, end) pairs; the window's are found in order.
  const found: [number, number][] = [];
  for (let i = 0; i + RUN <= lower.length; i++) {
    if (runs.has(lower.slice(i, i + RUN))) found.push([i, i + RUN]);
  }
  for (const secret of whole) {
    for (let at = lower.indexOf(secret); at !== -1; at = lower.indexOf(secret, at + 1)) {
      found.push([at, at + secret.length]);
    }
  }
  if (found.length === 0) return text;
  if (whole.length > 0) found.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  let [start, end] = found[0]!;
  for (const [s, e] of found) {
    if (s <= end) {
      end = Math.max(end, e);
      continue;
    }
    out += `${text.slice(from, start)}${REDACTED}`;
    from = end;
    [start, end] = [s, e];
  }
  return `${out}${text.slice(from, start)}${REDACTED}${text.slice(end)}`;
}

/** Lower-cases A–Z only, so that every index of the result is the same character's in the text. */
function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : text;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Redacts the strings of an error, its cause chain and the plain values it holds, in place. */
function scrubObject(
  value: object,
  scrub: (text: string) => string,
  seen: Set<object>,
  depth: number,
): void {
  if (seen.has(value) || depth > 8) return;
  seen.add(value);
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) continue; // accessors are left alone
    const field: unknown = descriptor.value;
    if (typeof field === 'string') {
      const clean = scrub(field);
      if (clean !== field && (descriptor.writable || descriptor.configurable)) {
        Object.defineProperty(value, key, { ...descriptor, value: clean });
      }
    } else if (typeof field === 'object' && field !== null && isScrubbable(field)) {
      scrubObject(field, scrub, seen, depth + 1);
    }
  }
}

/** Errors (a cause, an AggregateError's list), arrays and plain objects: not Dates, Maps, etc. */
function isScrubbable(value: object): boolean {
  if (value instanceof Error || Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
