// Redis for the shared-gate and queue tests, found through REDIS_URL (`source .ci/redis.sh` starts
// one). Without REDIS_URL a suite says it skips, except in CI, where a missing server is a failure:
// CI must not pass by skipping.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inCI } from '../ci.js';

export const redisUrl = process.env.REDIS_URL ?? '';
export { inCI };

/** `describe` that runs with a Redis server, says clearly when it skips, and fails in CI without. */
export function describeWithRedis(file: string, title: string, body: () => void): void {
  if (redisUrl === '') {
    if (!inCI) {
      console.warn(`[${file}] SKIPPED ${title}: REDIS_URL is not set (run: source .ci/redis.sh)`);
    }
    describe.runIf(inCI)(`${title}: CI requires REDIS_URL`, () => {
      it('has a server to test against', () => {
        expect.fail('REDIS_URL is not set; CI must run these tests: source .ci/redis.sh first');
      });
    });
  }
  describe.skipIf(redisUrl === '')(
    redisUrl ? title : `${title} — SKIPPED: REDIS_URL is not set (run: source .ci/redis.sh)`,
    body,
  );
}

/** A prefix no other test (or run) uses. */
export function uniquePrefix(name: string): string {
  return `srt-${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server child of this test, on its own port, to stop in the middle of a run. */
export interface OwnRedis {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a private redis-server (the binary .ci/redis.sh uses) on a free port. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sr-redis-'));
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Ready to accept connections/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
