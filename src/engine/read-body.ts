/**
 * Reading an answer's body within bounds. Everything a server sends is hostile until checked: a
 * body may be a gzip bomb (a few hundred kilobytes that inflate to gigabytes), may never end, or
 * may stall halfway. The body is read once, counted after decompression, and the reading stops
 * (and the connection is closed) as soon as it passes its limit or its time.
 *
 * @module
 */

/** What came of reading a body. */
export type BodyRead =
  /** The whole body, decoded as UTF-8 (invalid bytes become U+FFFD). */
  | { readonly kind: 'text'; readonly text: string }
  /** The body passed `maxBytes`; nothing more was read and the connection was closed. */
  | { readonly kind: 'too-large'; readonly limit: number }
  /** The body did not end within `timeoutMs`. */
  | { readonly kind: 'timeout'; readonly ms: number }
  /** The transport failed while the body was being read (a reset, an abort). */
  | { readonly kind: 'unreadable'; readonly cause: unknown };

/** Bounds of {@link readBody}. */
export interface BodyBounds {
  /** Bytes allowed, counted after decompression. */
  readonly maxBytes: number;
  /** Time allowed for the whole body, from the call. */
  readonly timeoutMs: number;
}

/**
 * Reads a body once, within its bounds. Keeps at most `maxBytes` (plus the chunk that crossed the
 * limit, which is dropped at once), so a body that never ends or inflates without end costs no
 * more memory than an answer of `maxBytes`. Never throws.
 */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  { maxBytes, timeoutMs }: BodyBounds,
): Promise<BodyRead> {
  if (!body) return { kind: 'text', text: '' };
  const reader = body.getReader();
  const stop = () => reader.cancel().catch(() => undefined);
  let timedOut = false;
  // fetch's own timeout ends when the headers arrive: a body that stalls is cancelled here, which
  // makes the pending read() settle.
  const timer = setTimeout(() => {
    timedOut = true;
    void stop();
  }, timeoutMs);
  // The chunks are decoded once, whole: a string built chunk by chunk would have to be flattened
  // again before JSON.parse, and answers of 100 users come in one or two chunks.
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) return { kind: 'timeout', ms: timeoutMs };
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        chunks.length = 0;
        // Cancelling the stream closes the connection: nothing more is inflated or received.
        void stop();
        return { kind: 'too-large', limit: maxBytes };
      }
      chunks.push(value);
    }
  } catch (cause) {
    return timedOut ? { kind: 'timeout', ms: timeoutMs } : { kind: 'unreadable', cause };
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length === 0) return { kind: 'text', text: '' };
  return {
    kind: 'text',
    text: utf8.decode(chunks.length === 1 ? chunks[0] : concat(chunks, size)),
  };
}

/** What came of reading a body as JSON: {@link BodyRead}, with the text parsed. */
export type JsonRead =
  /** The parsed value; `undefined` for an empty (or blank) body. */
  | { readonly kind: 'json'; readonly value: unknown }
  /** A body that is not JSON, kept (within the limit) to quote a few words of it. */
  | { readonly kind: 'not-json'; readonly text: string }
  | Exclude<BodyRead, { kind: 'text' }>;

/** Reads a body once, within its bounds (see {@link readBody}), and parses it as JSON. */
export async function readJson(
  body: ReadableStream<Uint8Array> | null,
  bounds: BodyBounds,
): Promise<JsonRead> {
  const read = await readBody(body, bounds);
  if (read.kind !== 'text') return read;
  if (read.text.trim() === '') return { kind: 'json', value: undefined };
  try {
    return { kind: 'json', value: JSON.parse(read.text) };
  } catch {
    return { kind: 'not-json', text: read.text };
  }
}

const utf8 = new TextDecoder();

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
