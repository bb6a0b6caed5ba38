/**
 * N processes collecting disjoint shares of 30,000 X accounts with one token from the fake server
 * (300 requests per 3 s window, X's 15-minute window scaled down; batches of 10 accounts, so the
 * run needs 3,000 requests, ten windows): with a gate shared through Redis, and with private gates
 * (today's behaviour) for comparison. Used by `npm run bench -- shared` and test/redis.
 */
import { spawn } from 'node:child_process';
import type { ProcessResult, ProcessSpec } from './collect-process.js';
import { startRemoteServer } from './remote-server.js';

export const SHARED_LIMIT = 300;
export const SHARED_WINDOW_MS = 3_000;

export interface SharedQuotaRun {
  processes: number;
  shared: boolean;
  accounts: number;
  /** Requests and 429s the server saw. */
  requests: number;
  throttled: number;
  snapshots: number;
  failures: number;
  errors: string[];
  wallMs: number;
  /** The wall time no client can beat: the last window opens (ceil(requests / limit) - 1) windows in. */
  boundMs: number;
  ratio: number;
  /** With `trace`: requests sent in each window, over all processes. */
  perWindow?: number[];
}

export interface SharedQuotaOptions {
  processes: number;
  redisUrl?: string;
  accounts?: number;
  batch?: number;
  concurrency?: number;
  prefix?: string;
  trace?: boolean;
}

/** Runs the processes against a fresh fake server and returns what the server saw. */
export async function runSharedQuota(options: SharedQuotaOptions): Promise<SharedQuotaRun> {
  const accounts = options.accounts ?? 30_000;
  const batch = options.batch ?? 10;
  const server = await startRemoteServer(
    { limits: { x: { limit: SHARED_LIMIT, windowMs: SHARED_WINDOW_MS } } },
    [{ platform: 'x', prefix: 'user', suffix: '', count: accounts }],
  );
  try {
    const n = options.processes;
    const share = Math.ceil(accounts / n);
    const prefix = options.prefix ?? `bench-${process.pid}-${Date.now()}`;
    const children = Array.from({ length: n }, (_, i) =>
      startProcess({
        ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
        prefix,
        base: server.baseUrl('x'),
        from: i * share,
        to: Math.min(accounts, (i + 1) * share),
        batch,
        concurrency: options.concurrency ?? 8,
        ...(options.trace ? { trace: true } : {}),
      }),
    );
    await Promise.all(children.map((c) => c.warm));
    // The warm-up's requests are forgotten; all start together at a window boundary.
    await server.reset();
    const startAt = Math.ceil((Date.now() + 300) / SHARED_WINDOW_MS) * SHARED_WINDOW_MS + 5;
    for (const c of children) c.start(startAt);
    const results = await Promise.all(children.map((c) => c.result));
    const stats = (await server.stats()).x;
    const requests = Math.ceil(accounts / batch);
    const boundMs = (Math.ceil(requests / SHARED_LIMIT) - 1) * SHARED_WINDOW_MS;
    const wallMs = Math.max(...results.map((r) => r.endedAt)) - startAt;
    return {
      processes: n,
      shared: options.redisUrl !== undefined,
      accounts,
      requests: stats.requests,
      throttled: stats.throttled,
      snapshots: results.reduce((sum, r) => sum + r.snapshots, 0),
      failures: results.reduce((sum, r) => sum + r.failures, 0),
      errors: results.flatMap((r) => (r.error ? [r.error] : [])),
      wallMs,
      boundMs,
      ratio: wallMs / boundMs,
      ...(options.trace
        ? {
            perWindow: results
              .flatMap((r) => r.sends ?? [])
              .reduce<number[]>((windows, at) => {
                const w = Math.floor(at / SHARED_WINDOW_MS);
                windows[w] = (windows[w] ?? 0) + 1;
                return windows;
              }, []),
          }
        : {}),
    };
  } finally {
    await server.close();
  }
}

interface Child {
  warm: Promise<void>;
  start(at: number): void;
  result: Promise<ProcessResult>;
}

function startProcess(spec: ProcessSpec): Child {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./collect-process.ts', import.meta.url).pathname,
      JSON.stringify(spec),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  let onWarm: () => void = () => {};
  const warm = new Promise<void>((resolve) => {
    onWarm = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('{"warm":true}')) onWarm();
  });
  const result = new Promise<ProcessResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      onWarm();
      const line = out.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(line) as ProcessResult & { warm?: boolean };
        if (parsed.warm) throw new Error('no result');
        resolve(parsed);
      } catch {
        reject(
          new Error(
            `a collecting process exited with ${code} without a result: ${out.slice(0, 500)}`,
          ),
        );
      }
    });
  });
  return {
    warm,
    start: (at) => child.stdin.end(`${at}\n`),
    result,
  };
}
