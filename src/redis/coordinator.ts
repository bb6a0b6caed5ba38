import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BucketGate, CoordinatedGateOptions, Coordinator } from '../engine/coordinator.js';
import { CoordinatorError } from '../engine/coordinator.js';
import { OptionError } from '../errors.js';
import { GATE_SCRIPT } from './gate-script.js';
import { type ScriptRunner, SharedGate } from './shared-gate.js';

/** Options of {@link redisCoordinator}. */
export interface RedisCoordinatorOptions {
  /**
   * The Redis server: a `redis://` URL (the coordinator opens a connection and closes it in
   * {@link RedisCoordinator.close}), or an ioredis client you own (left open).
   */
  redis: string | Redis;
  /**
   * The prefix of every key, so several deployments can share a server. Processes share a quota
   * only when they use the same prefix (and the same credential).
   * @default 'social-reach'
   */
  prefix?: string;
  /**
   * How long a permit stays reserved when its holder never gives it back (a process killed in the
   * middle of a request): its slot is free again after this long. Longer than one attempt can take
   * (`http.timeoutMs`, twice for headers and body).
   * @default 60_000
   */
  leaseMs?: number;
  /**
   * The longest one Redis call may take before the gate counts Redis as unreachable (a call is
   * never repeated: the gate's operations are not idempotent). Generous, as a busy machine can hold
   * a round trip for a second and more.
   * @default 5_000
   */
  commandTimeoutMs?: number;
  /**
   * What a collection does when Redis cannot be reached: `'fail'` stops it with a
   * `CoordinatorError` (nothing stored is lost; rerun with `resume`); `'private-gate'` carries on
   * with an in-process gate per bucket, which counts only this process's requests: processes
   * sharing the credential may then overrun its quota together (and meet 429s).
   * @default 'fail'
   */
  onUnavailable?: 'fail' | 'private-gate';
  /** How long Redis keeps an idle bucket's state. @default 86_400_000 (a day) */
  stateTtlMs?: number;
}

/** A coordinator keeping each bucket's rate gate in Redis. */
export interface RedisCoordinator extends Coordinator {
  readonly name: 'redis';
  /** The connection the gates use. */
  readonly redis: Redis;
  /** Resolves once Redis answers; rejects with a `CoordinatorError` if it does not in time. */
  ping(): Promise<void>;
  /** Closes the connection if the coordinator opened it (a client you passed stays open). */
  close(): Promise<void>;
}

const PREFIX = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Shares the rate gates of every process that uses it (and the same prefix) through Redis: each
 * bucket's announced limit, remaining requests, reset, pauses, learnt adaptive rate, usage-window
 * log and permits in flight are kept in Redis and changed atomically by a Lua script, on Redis's
 * clock. Pass it to `collect(registry, { coordinator })`.
 *
 * @example
 * ```ts
 * import { collect } from 'social-reach';
 * import { redisCoordinator } from 'social-reach/redis';
 *
 * const coordinator = redisCoordinator({ redis: process.env.REDIS_URL! });
 * try {
 *   await coordinator.ping();
 *   const result = await collect(registry, { providers, coordinator });
 * } finally {
 *   await coordinator.close();
 * }
 * ```
 */
export function redisCoordinator(options: RedisCoordinatorOptions): RedisCoordinator {
  const prefix = options.prefix ?? 'social-reach';
  if (!PREFIX.test(prefix)) {
    throw new OptionError('prefix', '1–64 characters of letters, digits and _ . : -', prefix);
  }
  const leaseMs = positive(options.leaseMs, 60_000, 'leaseMs');
  const timeoutMs = positive(options.commandTimeoutMs, 5_000, 'commandTimeoutMs');
  const ttlMs = positive(options.stateTtlMs, 86_400_000, 'stateTtlMs');
  const fallback = options.onUnavailable ?? 'fail';
  if (fallback !== 'fail' && fallback !== 'private-gate') {
    throw new OptionError('onUnavailable', "'fail' or 'private-gate'", fallback);
  }
  const owned = typeof options.redis === 'string';
  const redis =
    typeof options.redis === 'string'
      ? new Redis(options.redis, {
          // Fail fast: a command is tried once, and never queued for a connection that is down.
          maxRetriesPerRequest: 0,
          connectTimeout: timeoutMs,
          commandTimeout: timeoutMs,
          enableOfflineQueue: true,
          retryStrategy: (times) => Math.min(times * 200, 2_000),
        })
      : options.redis;
  // An owned connection's errors surface through the calls that fail; keep them off 'error'.
  if (owned) redis.on('error', () => {});
  const runner = scriptRunner(redis, timeoutMs);
  const clientId = randomUUID();
  return {
    name: 'redis',
    redis,
    gate(gateOptions: CoordinatedGateOptions): BucketGate {
      return new SharedGate(gateOptions, {
        runner,
        keyPrefix: `${prefix}:gate:{${gateOptions.key.replace(/[{}]/g, '_')}}`,
        clientId,
        leaseMs,
        ttlMs,
        fallback,
        pollMs: 10,
      });
    },
    async ping() {
      try {
        await withTimeout(redis.ping(), timeoutMs);
      } catch {
        throw new CoordinatorError(
          `Redis did not answer a PING within ${timeoutMs} ms: check the URL and that the server is running`,
          { coordinator: 'redis' },
        );
      }
    },
    async close() {
      if (!owned) return;
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

/** Runs the gate script by its SHA1, loading it on a server that does not have it yet. */
export function scriptRunner(redis: Redis, timeoutMs: number): ScriptRunner {
  const sha = createHash('sha1').update(GATE_SCRIPT).digest('hex');
  return {
    async run(keys, args) {
      const call = async () => {
        try {
          return await redis.evalsha(sha, keys.length, ...keys, ...args);
        } catch (error) {
          if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
          return await redis.eval(GATE_SCRIPT, keys.length, ...keys, ...args);
        }
      };
      const reply = await withTimeout(call(), timeoutMs);
      return Array.isArray(reply) ? reply.map((v) => String(v)) : [];
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new OptionError(name, 'a positive number of milliseconds', value);
  }
  return value;
}
