/**
 * Injected faults: the queue `server.inject` fills, the answers that replace a platform's, and
 * the writer that sends an answer whole, late, cut short or stalled.
 *
 * @module
 */
import type { ServerResponse } from 'node:http';
import { OptionError } from '../../errors.js';
import type { Reply } from './api.js';
import type { FakeFault, FakeInjectOptions, FakeRequest } from './types.js';

const KINDS: readonly FakeFault['kind'][] = [
  'status',
  'rate-limit',
  'hang',
  'slow-headers',
  'stall-body',
  'reset',
  'truncated-json',
  'invalid-json',
  'html',
  'empty',
  'redirect',
  'null-parts',
  'impostor',
];

/** Faults that spoil the platform's own answer; every other kind replaces it. */
const SPOILERS: readonly FakeFault['kind'][] = [
  'slow-headers',
  'stall-body',
  'truncated-json',
  'null-parts',
  'impostor',
];

interface Entry {
  readonly fault: FakeFault;
  readonly options: FakeInjectOptions;
  remaining: number;
}

/** Faults waiting for their requests, applied in the order injected. */
export class FaultQueue {
  private entries: Entry[] = [];

  add(fault: FakeFault, options: FakeInjectOptions = {}): void {
    validate(fault);
    const times = options.times ?? 1;
    if (times !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(times) || times < 1)) {
      throw new OptionError('times', 'an integer >= 1 or Infinity', times);
    }
    this.entries.push({ fault, options, remaining: times });
  }

  /** The fault for this request, if one is queued for it (and uses it up once). */
  take(request: FakeRequest): FakeFault | undefined {
    const index = this.entries.findIndex(
      ({ options }) =>
        (options.platform === undefined || options.platform === request.platform) &&
        (options.match === undefined || options.match(request)),
    );
    const entry = this.entries[index];
    if (!entry) return undefined;
    if (--entry.remaining <= 0) this.entries.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.entries = [];
  }
}

/** Whether the fault spoils the platform's answer (rather than replacing it). */
export function spoils(fault: FakeFault | undefined): boolean {
  return fault !== undefined && SPOILERS.includes(fault.kind);
}

/** The answer of a fault that replaces the platform's (`hang` and `reset` have none). */
export function faultReply(fault: FakeFault, errorBody: (status: number) => unknown): Reply {
  switch (fault.kind) {
    case 'status':
      return {
        status: fault.status,
        body: fault.body === undefined ? errorBody(fault.status) : fault.body,
        headers: fault.headers ?? {},
      };
    case 'invalid-json':
      return {
        status: 200,
        body: '{"data": [{"id": "1", "name": undefined,}]',
        headers: JSON_TYPE,
      };
    case 'html': {
      const status = fault.status ?? 502;
      const title = `${status} ${status === 200 ? 'OK' : 'Bad Gateway'}`;
      const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
      return { status, body, headers: { 'content-type': 'text/html' } };
    }
    case 'empty':
      return { status: fault.status ?? 200, body: '', headers: JSON_TYPE };
    case 'redirect':
      return { status: fault.status, body: '', headers: { location: fault.location } };
    default:
      throw new Error(`[social-reach] fake server: fault ${fault.kind} has no reply of its own`);
  }
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/**
 * Writes an answer: JSON unless the body is a string, with the server's `Date`. A `stall-body`
 * fault sends the headers (with the full `Content-Length`) and `afterBytes` bytes, then nothing;
 * `truncated-json` sends a complete response whose body is the first half of the JSON.
 */
export function writeReply(
  res: ServerResponse,
  reply: Reply,
  date: number,
  fault: FakeFault | undefined,
): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  let body = Buffer.from(text);
  const headers = new Map<string, [string, string]>();
  const set = (name: string, value: string) => headers.set(name.toLowerCase(), [name, value]);
  set('Content-Type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(reply.headers ?? {})) set(name, value);
  set('Date', new Date(date).toUTCString());
  if (fault?.kind === 'truncated-json') body = body.subarray(0, Math.ceil(body.length / 2));
  set('Content-Length', String(body.length));
  res.writeHead(reply.status, Object.fromEntries(headers.values()));
  if (fault?.kind === 'stall-body') {
    // headers and part of the body, then silence until the client gives up or the server closes
    if (fault.afterBytes > 0) res.write(body.subarray(0, fault.afterBytes));
    else res.flushHeaders();
    return;
  }
  res.end(body);
}

function validate(fault: FakeFault): void {
  if (typeof fault !== 'object' || fault === null || !KINDS.includes(fault.kind)) {
    throw new OptionError('fault.kind', `one of ${KINDS.join(', ')}`, fault?.kind);
  }
  const count = (name: string, value: number, min: number) => {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new OptionError(`fault.${name}`, `an integer >= ${min}`, value);
    }
  };
  if (fault.kind === 'status') count('status', fault.status, 100);
  if ((fault.kind === 'html' || fault.kind === 'empty') && fault.status !== undefined) {
    count('status', fault.status, 100);
  }
  if (fault.kind === 'slow-headers') count('delayMs', fault.delayMs, 0);
  if (fault.kind === 'stall-body') count('afterBytes', fault.afterBytes, 0);
  if (
    fault.kind === 'null-parts' &&
    (!Array.isArray(fault.parts) ||
      fault.parts.some((part) => !Number.isSafeInteger(part) || part < 0))
  ) {
    throw new OptionError('fault.parts', 'a list of part indices (integers >= 0)', fault.parts);
  }
  if (fault.kind === 'impostor' && (typeof fault.handle !== 'string' || fault.handle === '')) {
    throw new OptionError(
      'fault.handle',
      'the handle (or id) of an account the server knows',
      fault.handle,
    );
  }
  if (fault.kind === 'redirect') {
    if (![301, 302, 307, 308].includes(fault.status)) {
      throw new OptionError('fault.status', '301, 302, 307 or 308', fault.status);
    }
    if (typeof fault.location !== 'string' || fault.location === '') {
      throw new OptionError('fault.location', 'a URL', fault.location);
    }
  }
}
