/**
 * Transport failures in words. `fetch` rejects with `TypeError: fetch failed` whatever happened;
 * what happened is in its `cause` (a Node system error's `code`, and for a refused connection the
 * `address` and `port` tried). Only those fields are read: messages are not quoted, since they may
 * hold URLs.
 *
 * @module
 */

/** Codes of a host name that could not be resolved (getaddrinfo). */
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
/** Codes of a connection the other side ended. */
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
/** Node's and OpenSSL's names of a certificate that was not accepted. */
const CERTIFICATE =
  /CERT|SELF_SIGNED|UNABLE_TO_(?:GET|VERIFY|DECRYPT)|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;
/** A TLS failure other than the certificate (a handshake, a protocol version). */
const TLS = /^(?:ERR_SSL_|ERR_TLS_|EPROTO$)/;

/**
 * A transport error in words, keeping its code: "could not resolve host api.x.com (EAI_AGAIN)",
 * "connection refused by 127.0.0.1:8080 (ECONNREFUSED)", "connection reset by api.x.com
 * (ECONNRESET)", "the TLS certificate of api.x.com was not accepted (CERT_HAS_EXPIRED)". `host`
 * is the request's host (with its port), for the codes that do not name one.
 */
export function describeCause(error: unknown, host = 'the server'): string {
  if (!(error instanceof Error)) return 'an unknown error';
  const { code, address, port } = systemError(error);
  if (code === undefined) return error.name;
  if (DNS.has(code)) return `could not resolve host ${host.replace(/:\d+$/, '')} (${code})`;
  if (code === 'ECONNREFUSED') {
    const where = address !== undefined && port !== undefined ? `${address}:${port}` : host;
    return `connection refused by ${where} (${code})`;
  }
  if (RESET.has(code)) return `connection reset by ${host} (${code})`;
  if (TIMEOUT.has(code)) return `could not connect to ${host} in time (${code})`;
  if (UNREACHABLE.has(code)) return `no route to ${host} (${code})`;
  if (CERTIFICATE.test(code)) return `the TLS certificate of ${host} was not accepted (${code})`;
  if (TLS.test(code)) return `the TLS handshake with ${host} failed (${code})`;
  return `${error.name} ${code}`;
}

/**
 * The code of the system error behind a fetch failure (its `cause`, or the first of an
 * AggregateError's errors, as when both IPv6 and IPv4 were tried), and for a refused connection
 * the address and port tried. Each field is checked: only a code-like code, an IP address and a
 * port number are kept.
 */
function systemError(error: Error): { code?: string; address?: string; port?: number } {
  for (let e: unknown = error, depth = 0; isObject(e) && depth < 4; depth++) {
    const inner = Array.isArray(e.errors) && isObject(e.errors[0]) ? e.errors[0] : undefined;
    const code = typeof e.code === 'string' ? e.code : inner?.code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,47}$/.test(code)) {
      const source = typeof e.address === 'string' ? e : (inner ?? e);
      const address =
        typeof source.address === 'string' && /^[0-9A-Fa-f.:]{2,45}$/.test(source.address)
          ? source.address
          : undefined;
      const port =
        typeof source.port === 'number' && Number.isInteger(source.port) ? source.port : undefined;
      return { code, address: address?.includes(':') ? `[${address}]` : address, port };
    }
    e = e.cause;
  }
  return {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
