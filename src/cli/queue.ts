/**
 * What `collect --queue` and `worker` share: the Redis URL (checked, never shown with its
 * password), the queue's name, the run id, the jobs-at-once count, the optional peers (`ioredis`,
 * `bullmq`: loaded only here, and named with the line that installs them when missing), the check
 * that Redis answers, and the plain or JSON lines both commands write.
 */
import type * as RedisModule from '../redis/index.js';
import { type FlagSpec, type ParsedArgs, stringFlag } from './args.js';
import type { Env } from './env.js';
import { CliError, EXIT, UsageError } from './errors.js';
import type { Output } from './io.js';
import { localDay } from './time.js';

/** The longest Redis URL taken (a URL with a long password is still far shorter). */
const MAX_URL = 2_048;
/** Queue names, run ids: as `social-reach/redis` takes them. */
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** The queue `social-reach/redis` uses by default. */
export const DEFAULT_QUEUE_NAME = 'social-reach';

/** `--queue-name`, for both commands. */
export const QUEUE_NAME_FLAG: FlagSpec = {
  type: 'string',
  value: 'name',
  help: `The BullMQ queue, for deployments sharing one Redis (letters, digits,\n_ . -; up to 64). Default: ${DEFAULT_QUEUE_NAME}`,
};

/** A Redis server named by the user: its URL, and how to show it. */
export interface RedisTarget {
  /** The URL as given: never written anywhere. */
  readonly url: string;
  /** `127.0.0.1:6379` (`/2` for another database): no user, no password. */
  readonly description: string;
  /** Whether the URL holds a user or password (then it is not shown in a command line either). */
  readonly secret: boolean;
}

/**
 * Checks a Redis URL from `--queue` (or `REDIS_URL`): `redis://` or `rediss://`, a host, at most
 * 2,048 characters. The value is never quoted in an error, as it may hold a password.
 */
export function redisTarget(url: string, source: string, command: string): RedisTarget {
  const expected = `Expected ${source} to be a Redis URL such as redis://127.0.0.1:6379 (redis:// or rediss://, with an optional user:password@ and /database)`;
  const hidden = 'the value is not shown, as it may hold a password';
  if (url.length > MAX_URL) {
    throw new UsageError(`${expected}; got ${url.length} characters (${hidden})`, command);
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')) {
    throw new UsageError(`${expected} (${hidden})`, command);
  }
  if (!parsed.hostname) throw new UsageError(`${expected}: it names no host (${hidden})`, command);
  const database = parsed.pathname.replace(/^\/+/, '');
  if (database !== '' && !/^\d{1,5}$/.test(database)) {
    throw new UsageError(
      `${expected}: the part after the host must be a database number such as /0 (${hidden})`,
      command,
    );
  }
  const scheme = parsed.protocol === 'rediss:' ? 'rediss://' : 'redis://';
  return {
    url,
    description: `${scheme}${parsed.host}${database ? `/${database}` : ''}`,
    secret: parsed.username !== '' || parsed.password !== '',
  };
}

/** `--queue <url>`, or `REDIS_URL` from the environment (and env file) when `fallback` says so. */
export function queueTarget(
  args: ParsedArgs,
  env: Env,
  command: string,
  fallback: boolean,
): RedisTarget | undefined {
  const given = stringFlag(args, 'queue');
  if (given !== undefined) return redisTarget(given, '--queue <redis-url>', command);
  const fromEnv = fallback ? env.REDIS_URL : undefined;
  if (fromEnv === undefined || fromEnv === '') return undefined;
  return redisTarget(fromEnv, 'REDIS_URL', command);
}

/** `--queue-name`, checked. */
export function queueNameOf(args: ParsedArgs, command: string): string {
  const name = stringFlag(args, 'queue-name') ?? DEFAULT_QUEUE_NAME;
  if (!NAME.test(name)) {
    throw new UsageError(
      `Expected --queue-name <name> to be 1–64 letters, digits, _ . or -, got "${name.slice(0, 80)}"`,
      command,
    );
  }
  return name;
}

/** `--run-id`, checked; by default the day in the time zone (`2026-12-03`). */
export function runIdOf(args: ParsedArgs, timeZone: string, now: Date, command: string): string {
  const given = stringFlag(args, 'run-id');
  if (given === undefined) return localDay(now, timeZone);
  if (!NAME.test(given)) {
    throw new UsageError(
      `Expected --run-id <id> to be 1–64 letters, digits, _ . or - (say 2026-12-03 or nightly-2026-12-03), got "${given.slice(0, 80)}"`,
      command,
    );
  }
  return given;
}

/** A whole number flag within bounds, or its default. */
export function integerFlag(
  args: ParsedArgs,
  name: string,
  bounds: { min: number; max: number; fallback: number },
  command: string,
): number {
  const text = stringFlag(args, name);
  if (text === undefined) return bounds.fallback;
  const value = Number(text);
  if (!/^\d{1,6}$/.test(text) || value < bounds.min || value > bounds.max) {
    throw new UsageError(
      `Expected --${name} <n> to be a whole number from ${bounds.min} to ${bounds.max}, got "${text.slice(0, 20)}"`,
      command,
    );
  }
  return value;
}

/** What `social-reach/redis` exports, loaded once its peers are known to be there. */
export type QueueModule = typeof RedisModule;

/**
 * Loads `social-reach/redis` after checking its optional peers, so that a missing one is named
 * with the line that installs both (exit 1, as for a missing store driver).
 */
export async function loadQueueModule(
  what: string,
  load: (name: string) => Promise<unknown> = (name) => import(name),
): Promise<QueueModule> {
  for (const name of ['ioredis', 'bullmq']) {
    try {
      await load(name);
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
        throw new CliError(
          `${what} needs the package ${name}, which is not installed: run \`npm install ioredis@6 bullmq@6\` where social-reach is installed`,
          EXIT.failed,
        );
      }
      throw error;
    }
  }
  return await import('../redis/index.js');
}

/**
 * Resolves once Redis answers a PING; otherwise a {@link CliError} (exit 1, as for a store that
 * cannot be opened) naming the server without its password.
 */
export async function checkRedis(
  redis: QueueModule,
  target: RedisTarget,
  command: string,
): Promise<void> {
  const coordinator = redis.redisCoordinator({ redis: target.url, commandTimeoutMs: 5_000 });
  try {
    await coordinator.ping();
  } catch {
    throw new CliError(
      `Redis at ${target.description} did not answer within 5 s: check that the server is running, the URL (host, port, password) and that this machine may reach it (social-reach ${command} needs it for the queue and the shared quota)`,
      EXIT.failed,
    );
  } finally {
    await coordinator.close();
  }
}

/** How `--queue` is shown in a command line: the URL itself, or `"$REDIS_URL"` if it holds a secret. */
export function shownQueue(target: RedisTarget): string {
  return target.secret ? '"$REDIS_URL"' : target.description;
}

/** Plain lines with the time, or JSON lines with `type` and `time`. */
export interface Lines {
  write(type: string, text: string, fields?: Record<string, unknown>): void;
}

/** Lines on `out`: `14:05:12 text` in the time zone, or `{"type", "time", …fields}` with --json. */
export function linesTo(
  out: Output,
  options: { json: boolean; timeZone: string; now?: () => Date },
): Lines {
  const now = options.now ?? (() => new Date());
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: options.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return {
    write(type, text, fields = {}) {
      const time = now();
      if (options.json) {
        out.write(`${JSON.stringify({ type, time: time.toISOString(), ...fields })}\n`);
      } else {
        out.write(`${clock.format(time)} ${text}\n`);
      }
    },
  };
}
