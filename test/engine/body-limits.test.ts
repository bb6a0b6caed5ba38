import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { OptionError } from '../../src/errors.js';
import { xProvider } from '../../src/providers/x.js';
import { fastHttp, registryOf } from '../providers/conformance.js';

/** What a hostile server saw: requests, and whether the client closed each connection early. */
interface Hostile {
  url: string;
  requests: number;
  /** Connections the client closed before the server had finished (the server never finishes). */
  closedEarly: number;
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** A 127.0.0.1 server that answers every request with `answer`, which writes until told to stop. */
async function hostile(
  answer: (res: ServerResponse, stopped: () => boolean) => void,
): Promise<Hostile> {
  const state = { requests: 0, closedEarly: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests++;
    let closed = false;
    res.on('close', () => {
      closed = true;
      state.closedEarly++;
    });
    req.resume();
    answer(res, () => closed);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get closedEarly() {
      return state.closedEarly;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const MiB = 1024 * 1024;
const zeros = Buffer.alloc(MiB);

/** Writes `chunk` forever, as fast as the client reads, until the connection closes. */
function writeForever(out: NodeJS.WritableStream, chunk: Buffer, stopped: () => boolean): void {
  const pump = () => {
    while (!stopped()) {
      if (!out.write(chunk)) {
        out.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

/** A 200 whose gzip body inflates without end: a few KB on the wire per inflated MiB. */
const gzipBomb = (res: ServerResponse, stopped: () => boolean) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  const gzip = createGzip();
  gzip.pipe(res);
  writeForever(gzip, zeros, stopped);
};

/** A 503 whose body never ends. */
const endless5xx = (res: ServerResponse, stopped: () => boolean) => {
  res.writeHead(503, { 'content-type': 'application/json' });
  res.write('{"error": "');
  writeForever(res, Buffer.alloc(64 * 1024, 'x'), stopped);
};

/** A fetch that counts the bytes (after decompression) the engine took from each body. */
function countingFetch(taken: number[]): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (!response.body) return response;
    const index = taken.push(0) - 1;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          taken[index]! += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function run(url: string, http: NonNullable<Parameters<typeof collect>[1]['http']> = {}) {
  return collect(registryOf('x', ['user0']), {
    providers: [xProvider({ bearerToken: 'test-token-0123456789', baseUrl: url })],
    http: { ...fastHttp, ...http },
  });
}

describe('defect 1: no limit on response size', () => {
  it('defect 1: a gzip bomb fails as invalid-response without reading past maxBodyBytes, and its connection is closed', async () => {
    const server = await hostile(gzipBomb);
    const taken: number[] = [];
    const result = await run(server.url, {
      maxBodyBytes: MiB,
      timeoutMs: 1_000,
      fetch: countingFetch(taken),
    });
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toMatch(
      /answered 200 with a body larger than 1048576 bytes \(http\.maxBodyBytes\): not read further/,
    );
    // the limit, plus at most what was already in flight through the pipe
    expect(taken[0]).toBeLessThan(MiB + 512 * 1024);
    expect(server.requests).toBe(1); // not retried
    await expect.poll(() => server.closedEarly).toBe(1);
  });

  it('defect 1: an endless 5xx body fails as invalid-response after maxErrorBodyBytes, read once, not retried, connection closed', async () => {
    const server = await hostile(endless5xx);
    const taken: number[] = [];
    const result = await run(server.url, { timeoutMs: 1_000, fetch: countingFetch(taken) });
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toMatch(
      /answered 503 with a body larger than 65536 bytes \(http\.maxErrorBodyBytes\): not read further/,
    );
    expect(taken).toHaveLength(1);
    expect(taken[0]).toBeLessThan(64 * 1024 + 512 * 1024);
    expect(server.requests).toBe(1);
    await expect.poll(() => server.closedEarly).toBe(1);
  });

  it('defect 1: an error body is read once, without a clone, and its parsed value reaches both the limit parser and the provider', async () => {
    // A 4xx is read in the engine's fetch wrapper for the limit parser; the provider must get the
    // same value without a second read (no clone: a clone would keep a second copy of the body).
    const server = await hostile((res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ title: 'Forbidden', detail: 'not for you', type: 'about:blank' }));
    });
    const seen: unknown[] = [];
    let clones = 0;
    const fetchCountingClones: typeof globalThis.fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      const clone = response.clone.bind(response);
      response.clone = () => {
        clones++;
        return clone();
      };
      return response;
    };
    const provider = xProvider({ bearerToken: 'test-token-0123456789', baseUrl: server.url });
    const readLimits = provider.readLimits!;
    const result = await collect(registryOf('x', ['user0']), {
      providers: [
        {
          ...provider,
          readLimits: (response, now) => {
            seen.push(response.body);
            return readLimits(response, now);
          },
        },
      ],
      http: { ...fastHttp, fetch: fetchCountingClones },
    });
    expect(clones).toBe(0);
    expect(seen).toEqual([{ title: 'Forbidden', detail: 'not for you', type: 'about:blank' }]);
    expect(result.failures[0]?.message).toContain('not for you');
  });

  it('answers within the limits are read as before', async () => {
    const body = JSON.stringify({
      data: [{ id: '1', username: 'user0', public_metrics: { followers_count: 7 } }],
    });
    const server = await hostile((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const result = await run(server.url, { maxBodyBytes: body.length });
    expect(result.snapshots.map((s) => s.followers.value)).toEqual([7]);
    const tight = await run(server.url, { maxBodyBytes: body.length - 1 });
    expect(tight.failures.map((f) => f.reason)).toEqual(['invalid-response']);
  });

  it.each([
    ['maxBodyBytes', 0],
    ['maxBodyBytes', 1.5],
    ['maxBodyBytes', '2MB'],
    ['maxErrorBodyBytes', -1],
    ['maxErrorBodyBytes', Number.POSITIVE_INFINITY],
  ])('http.%s = %s is refused, saying what was expected and what came', async (name, value) => {
    const attempt = run('http://127.0.0.1:9', { [name]: value });
    await expect(attempt).rejects.toThrow(OptionError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`Expected \`http\\.${name}\` to be an integer >= 1, got`),
    );
  });
});
