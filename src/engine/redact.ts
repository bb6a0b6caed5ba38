/**
 * Secret hygiene. Every error leaving the engine is built from text that went through these
 * functions: credentials in query strings (`access_token`, `key`, `token`…), Telegram's
 * `/bot<token>/` path, `Authorization` values, and any exact value known to be a secret.
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
const QUERY_SECRET = new RegExp(`([?&;](?:${SECRET_PARAMS.join('|')})=)[^&#\\s"'<>]*`, 'gi');
// Telegram: /bot<id>:<secret>/… keeps the bot id (useful when several bots run), hides the secret.
const BOT_PATH = /(\/bot\d+):[A-Za-z0-9_-]+/g;
const AUTH_VALUE = /\b(Bearer|Basic|OAuth)\s+[A-Za-z0-9._~+/=%-]+/gi;

/** A URL with every credential replaced by `***`. */
export function redactUrl(url: string): string {
  return redactText(url, []);
}

/**
 * Text with credentials removed: the patterns above, and every exact occurrence of the given
 * secrets (raw and URL-encoded). Secrets shorter than 6 characters are only removed by pattern,
 * since replacing a two-letter "secret" everywhere would mangle the text.
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  let out = text
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(BOT_PATH, `$1:${REDACTED}`)
    .replace(AUTH_VALUE, `$1 ${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length < 6) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

/**
 * Text from a server, made fit to quote in a message: whitespace collapsed, credentials removed
 * (see {@link redactText}), then cut to `max` characters. Redaction comes first: a cut through a
 * token would leave a prefix that no longer matches it.
 */
export function quoteServerText(text: string, secrets: Iterable<string>, max = 200): string {
  const quoted = redactText(text.replace(/\s+/g, ' ').trim(), secrets);
  return quoted.length > max ? `${quoted.slice(0, max)}…` : quoted;
}

/** The credential values a request carries, to be scrubbed from anything said about it. */
export function secretsOf(url: URL, headers: Headers): string[] {
  const secrets: string[] = [];
  for (const [name, value] of url.searchParams) {
    if (SECRET_PARAMS.includes(name.toLowerCase()) && value) secrets.push(value);
  }
  // the whole token, and its secret half alone (the bot id before the colon is public)
  for (const [, id, secret] of url.pathname.matchAll(/\/bot(\d+):([A-Za-z0-9_-]+)/g))
    secrets.push(`${id}:${secret}`, secret!);
  for (const name of ['authorization', 'proxy-authorization', 'x-api-key', 'cookie']) {
    const value = headers.get(name);
    if (!value) continue;
    secrets.push(value);
    const credential = /^\S+\s+(\S+)$/.exec(value)?.[1];
    if (credential) secrets.push(credential);
  }
  if (url.password) secrets.push(url.password);
  return secrets;
}

/**
 * Removes credentials from an error's message, stack and `cause` chain, in place, and returns it.
 * Used at the collection's boundary on every failure, as a last guard against a provider quoting
 * a server's echo of a token.
 */
export function redactError<E extends Error>(error: E, secrets: Iterable<string>): E {
  const list = [...secrets];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const message = redactText(current.message, list);
    if (message !== current.message) current.message = message;
    if (current.stack) {
      const stack = redactText(current.stack, list);
      if (stack !== current.stack) current.stack = stack;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error;
}
