/**
 * One collecting process of the shared-quota benchmark and test (shared-quota.ts): collects its
 * share of X accounts from the fake server, with a shared gate in Redis or a private one, and
 * prints one JSON line with what it saw.
 *
 * First it warms up (a small collection with a private gate, as the engine benchmark's warm-up run:
 * a fresh process would otherwise spend its first window compiling the HTTP path), prints
 * `{"warm":true}`, and waits for the start time on stdin (the parent resets the server meanwhile).
 */
import { createInterface } from 'node:readline';
import { collect } from '../src/engine/collect.js';
import { defineRegistry } from '../src/model/registry.js';
import { xProvider } from '../src/providers/x.js';
import { redisCoordinator } from '../src/redis/index.js';

export interface ProcessSpec {
  /** Epoch ms to start at (a window boundary), read from stdin. */
  startAt?: number;
  /** Redis for a shared gate; without it, a private gate (today's behaviour). */
  redisUrl?: string;
  prefix: string;
  /** The fake server's X base URL. */
  base: string;
  /** Accounts `user${from}` … `user${to - 1}`. */
  from: number;
  to: number;
  batch: number;
  concurrency: number;
  /** Print the send times (ms after startAt) too, for diagnosis. */
  trace?: boolean;
}

export interface ProcessResult {
  startedAt: number;
  endedAt: number;
  snapshots: number;
  failures: number;
  requests: number;
  throttled: number;
  error?: string;
  sends?: number[];
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ProcessSpec;
const registry = defineRegistry({
  units: [{ id: 'bench', kind: 'office', name: 'Bench' }],
  accounts: Array.from({ length: spec.to - spec.from }, (_, k) => ({
    id: `a${spec.from + k}`,
    unit: 'bench',
    platform: 'x' as const,
    handle: `user${spec.from + k}`,
  })),
});
const provider = {
  ...xProvider({ bearerToken: 'bench-token', baseUrl: spec.base }),
  maxBatchSize: spec.batch,
};
const coordinator = spec.redisUrl
  ? redisCoordinator({ redis: spec.redisUrl, prefix: spec.prefix })
  : undefined;
await coordinator?.ping();
const warmUp = defineRegistry({
  units: [{ id: 'bench', kind: 'office', name: 'Bench' }],
  accounts: Array.from({ length: 10 * spec.batch }, (_, k) => ({
    id: `w${k}`,
    unit: 'bench',
    platform: 'x' as const,
    handle: `user${spec.from + k}`,
  })),
});
await collect(warmUp, { providers: [provider], concurrency: spec.concurrency });
process.stdout.write('{"warm":true}\n');
const lines = createInterface({ input: process.stdin });
const startAt = Number((await lines[Symbol.asyncIterator]().next()).value);
lines.close();
spec.startAt = startAt;
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const startedAt = Date.now();
const sends: number[] = [];
const traced: typeof fetch = (input, init) => {
  sends.push(Date.now() - (spec.startAt ?? 0));
  return fetch(input, init);
};
let result: ProcessResult;
try {
  const collected = await collect(registry, {
    providers: [provider],
    concurrency: spec.concurrency,
    ...(coordinator ? { coordinator } : {}),
    ...(spec.trace ? { http: { fetch: traced } } : {}),
  });
  result = {
    startedAt,
    endedAt: Date.now(),
    snapshots: collected.snapshots.length,
    failures: collected.failures.length,
    requests: collected.stats.requests,
    throttled: collected.stats.throttled,
    ...(spec.trace ? { sends } : {}),
  };
} catch (error) {
  result = {
    startedAt,
    endedAt: Date.now(),
    snapshots: 0,
    failures: 0,
    requests: 0,
    throttled: 0,
    error: error instanceof Error ? error.message : String(error),
  };
}
await coordinator?.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
