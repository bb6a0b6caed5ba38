/**
 * A collection run spread over workers with BullMQ on the same Redis as the shared gate:
 * {@link enqueueCollection} turns a run into batch jobs, {@link collectionWorker} runs them, and
 * {@link collectionStatus} says how far the run is. Every account of the run ends exactly once in
 * the store's run ledger, as a snapshot or a typed failure.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { ConnectionOptions, Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { collect } from '../engine/collect.js';
import type { CollectOptions } from '../engine/collect-options.js';
import type { Coordinator } from '../engine/coordinator.js';
import { redactText } from '../engine/redact.js';
import { OptionError, SocialReachError } from '../errors.js';
import type { Account } from '../model/account.js';
import type { PlatformId } from '../model/platform.js';
import { defineRegistry, type Registry } from '../model/registry.js';
import type { ProviderV1 } from '../spec/v1/index.js';
import type { RunOutcome, SnapshotStore } from '../stores/types.js';
import { MAX_OUTCOME_MESSAGE, RUN_ID } from '../stores/validate.js';

/** Where the jobs of collection runs are queued. */
export interface CollectionQueueOptions {
  /**
   * The Redis server: a `redis://` URL, or an ioredis client you own (BullMQ duplicates it for
   * its blocking connections).
   */
  connection: string | Redis;
  /** The queue's name. @default 'social-reach' */
  name?: string;
  /** BullMQ's key prefix. @default 'bull' */
  prefix?: string;
}

/** Options of {@link enqueueCollection}. */
export interface EnqueueCollectionOptions {
  queue: CollectionQueueOptions;
  /**
   * The run's id: 1–64 characters of letters, digits and `_ . -` (say `2024-03-31`). Jobs are keyed
   * by it and their accounts, so enqueueing the same run again adds nothing.
   */
  runId: string;
  /**
   * Providers, to cut each platform's accounts into jobs of one provider batch
   * (`maxBatchSize`). Platforms without one get jobs of `batchSize`.
   */
  providers?: readonly ProviderV1[];
  /** Accounts per job where no provider says. @default 50 */
  batchSize?: number;
  /** Only these platforms. */
  platforms?: readonly PlatformId[];
  /** Only these accounts. */
  accountIds?: readonly string[];
  /**
   * The start of the run's period: a worker taking a job over does not fetch again an account the
   * store has a snapshot of since then. @default now (the first enqueue of the run)
   */
  since?: Date;
}

/** What {@link enqueueCollection} did. */
export interface EnqueueResult {
  readonly runId: string;
  /** Jobs of the run (already queued ones included). */
  readonly jobs: number;
  /** Active accounts of the run. */
  readonly accounts: number;
  /** Accounts per platform. */
  readonly platforms: Readonly<Record<string, number>>;
}

/** What a job carries: its accounts (registry entries, no credentials) and the run. */
interface JobData {
  v: 1;
  runId: string;
  since: string;
  platform: string;
  accounts: Account[];
}

const DEFAULT_NAME = 'social-reach';
const JOB_NAME = 'collect-batch';
const QUEUE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Turns a collection run into batch jobs on a BullMQ queue: one per provider batch of each
 * platform's active accounts (entries sharing a real account in one job). Each job's id is made
 * of the run and its accounts, so a job is never enqueued twice, and the run's totals per platform
 * are kept beside the queue for {@link collectionStatus}.
 *
 * @example
 * ```ts
 * import { enqueueCollection } from 'social-reach/redis';
 *
 * const queue = { connection: process.env.REDIS_URL! };
 * const { jobs } = await enqueueCollection(registry, { queue, runId: '2024-03-31', providers });
 * ```
 */
export async function enqueueCollection(
  registry: Registry,
  options: EnqueueCollectionOptions,
): Promise<EnqueueResult> {
  const runId = checkRunId(options?.runId);
  const batchSize = options.batchSize ?? 50;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new OptionError('batchSize', 'an integer from 1 to 10000', batchSize);
  }
  if (options.since !== undefined && Number.isNaN(options.since?.getTime?.())) {
    throw new OptionError('since', 'a valid Date', options.since);
  }
  const sizes = new Map<string, number>();
  for (const provider of options.providers ?? []) {
    sizes.set(provider.platform, Math.max(1, Math.floor(provider.maxBatchSize)));
  }
  const platforms = options.platforms ? new Set<string>(options.platforms) : undefined;
  const ids = options.accountIds ? new Set(options.accountIds) : undefined;
  // By platform, then by real account (entries sharing a handle go together).
  const byPlatform = new Map<string, Map<string, Account[]>>();
  let accounts = 0;
  for (const account of registry.accounts) {
    if (account.status !== 'active') continue;
    if (platforms && !platforms.has(account.platform)) continue;
    if (ids && !ids.has(account.id)) continue;
    let groups = byPlatform.get(account.platform);
    if (!groups) {
      groups = new Map();
      byPlatform.set(account.platform, groups);
    }
    const key = registry.identity(account.id) ?? account.id;
    const group = groups.get(key);
    if (group) group.push(account);
    else groups.set(key, [account]);
    accounts++;
  }
  const handle = await openQueue(options.queue, 'enqueueCollection');
  try {
    const client = handle.redis;
    const runKey = runKeyOf(handle, runId);
    // The run's start and totals are set by its first enqueue only.
    const since = (options.since ?? new Date()).toISOString();
    await client.hsetnx(runKey, 'since', since);
    const storedSince = (await client.hget(runKey, 'since')) ?? since;
    const jobs: { name: string; data: JobData; opts: { jobId: string } }[] = [];
    const totals: Record<string, number> = {};
    for (const [platform, groups] of byPlatform) {
      const size = sizes.get(platform) ?? batchSize;
      let batch: Account[][] = [];
      const flush = () => {
        if (batch.length === 0) return;
        const members = batch.flat();
        jobs.push({
          name: JOB_NAME,
          data: { v: 1, runId, since: storedSince, platform, accounts: members },
          opts: { jobId: jobIdOf(runId, platform, members) },
        });
        batch = [];
      };
      for (const group of groups.values()) {
        batch.push(group);
        if (batch.length >= size) flush();
      }
      flush();
      totals[platform] = [...groups.values()].reduce((sum, g) => sum + g.length, 0);
    }
    for (const [platform, total] of Object.entries(totals)) {
      await client.hsetnx(runKey, `total:${platform}`, String(total));
    }
    for (let i = 0; i < jobs.length; i += 500) {
      await handle.queue.addBulk(
        jobs.slice(i, i + 500).map((job) => ({
          ...job,
          opts: {
            ...job.opts,
            attempts: 5,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: { age: 7 * 86_400 },
            removeOnFail: { age: 7 * 86_400 },
          },
        })),
      );
    }
    return { runId, jobs: jobs.length, accounts, platforms: totals };
  } finally {
    await handle.close();
  }
}

/** Options of {@link collectionWorker}. */
export interface CollectionWorkerOptions {
  queue: CollectionQueueOptions;
  /** One provider per platform, as for `collect`. */
  providers: readonly ProviderV1[];
  /** Where snapshots and the run ledger go: a store every worker shares (PostgreSQL). */
  store: SnapshotStore;
  /** The shared gate, so that all workers stay inside each credential's quota together. */
  coordinator?: Coordinator;
  /**
   * The registry, needed only for accounts of custom platforms (`definePlatform`); otherwise
   * each job carries its accounts.
   */
  registry?: Registry;
  /** Jobs run at once by this worker. @default 2 */
  concurrency?: number;
  /** Requests in flight at once per bucket within one job, as `collect`'s. @default 4 */
  requestConcurrency?: number;
  /**
   * How long a job stays locked to a worker that stopped renewing it (killed): then another
   * worker takes it over. @default 30_000
   */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs. @default half of `lockDurationMs` */
  stalledIntervalMs?: number;
  /** HTTP options of each job's collection, as `collect`'s (a proxy's `dispatcher`, timeouts). */
  http?: CollectOptions['http'];
  /** Called after each job with its outcome counts; must not throw. */
  onJob?: (event: CollectionJobEvent) => void;
}

/** Sent after each job a worker ran. */
export interface CollectionJobEvent {
  readonly runId: string;
  readonly platform: string;
  readonly jobId: string;
  /** Accounts newly recorded in the ledger by this job, as snapshots and as failures. */
  readonly snapshots: number;
  readonly failures: number;
  /** Accounts the ledger already had (a job taken over from a stopped worker). */
  readonly skipped: number;
}

/** A running collection worker. */
export interface CollectionWorker {
  /** The BullMQ worker, for its events. */
  readonly worker: Worker;
  /** Stops taking jobs, waits for the jobs in hand, and closes the connections it opened. */
  close(): Promise<void>;
}

/**
 * Runs the jobs of collection runs: each job's accounts are collected (`collect` with the shared
 * gate, writing to the store), then recorded in the store's run ledger. Accounts the ledger has
 * already are skipped, and accounts with a snapshot in the store since the run started are not
 * fetched again, so a job taken over from a killed worker neither loses nor stores twice. A job
 * whose collection was cut short (the worker closing, the coordinator unreachable) fails and is
 * retried by BullMQ.
 *
 * @example
 * ```ts
 * import { collectionWorker, redisCoordinator } from 'social-reach/redis';
 *
 * const coordinator = redisCoordinator({ redis: process.env.REDIS_URL! });
 * const worker = await collectionWorker({
 *   queue: { connection: process.env.REDIS_URL! },
 *   providers,
 *   store,
 *   coordinator,
 * });
 * process.once('SIGTERM', () => void worker.close());
 * ```
 */
export async function collectionWorker(
  options: CollectionWorkerOptions,
): Promise<CollectionWorker> {
  const { store } = options;
  if (typeof store?.recordOutcomes !== 'function' || typeof store.runOutcomes !== 'function') {
    throw new OptionError(
      'store',
      'a store with a run ledger (recordOutcomes and runOutcomes: memoryStore, postgresStore)',
      store,
    );
  }
  const concurrency = options.concurrency ?? 2;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > 100) {
    throw new OptionError('concurrency', 'an integer from 1 to 100', concurrency);
  }
  const lockDuration = options.lockDurationMs ?? 30_000;
  if (!Number.isFinite(lockDuration) || lockDuration < 100) {
    throw new OptionError('lockDurationMs', 'a number of milliseconds >= 100', lockDuration);
  }
  const closing = new AbortController();
  const { name, connection, prefix } = queueParts(options.queue);

  const processor = async (job: Job) => {
    const data = readJobData(job.data);
    const jobId = job.id ?? '';
    const recorded = await store.runOutcomes!(data.runId, {
      accountIds: data.accounts.map((a) => a.id),
    });
    const done = new Set(recorded.map((o) => o.accountId));
    const pending = data.accounts.filter((a) => !done.has(a.id));
    let snapshots = 0;
    let failures = 0;
    if (pending.length > 0) {
      const registry =
        options.registry ??
        defineRegistry({
          units: [...new Set(data.accounts.map((a) => a.unit))].map((id) => ({
            id,
            kind: 'office',
            name: id,
          })),
          accounts: data.accounts,
        });
      const result = await collect(registry, {
        providers: options.providers,
        store,
        accountIds: pending.map((a) => a.id),
        resume: { since: new Date(data.since) },
        signal: closing.signal,
        ...(options.requestConcurrency !== undefined
          ? { concurrency: options.requestConcurrency }
          : {}),
        ...(options.coordinator ? { coordinator: options.coordinator } : {}),
        ...(options.http ? { http: options.http } : {}),
      });
      if (result.storeErrors.length > 0) {
        throw new SocialReachError(
          'STORE_ERROR',
          `job ${jobId}: the store failed to write ${result.storeErrors.length} batch(es); the job is retried`,
        );
      }
      const now = new Date();
      const outcomes: RunOutcome[] = [];
      for (const snapshot of result.snapshots) {
        outcomes.push({
          runId: data.runId,
          accountId: snapshot.accountId,
          platform: snapshot.platform,
          status: 'snapshot',
          takenAt: snapshot.takenAt,
          recordedAt: now,
        });
      }
      let cut = 0;
      for (const failure of result.failures) {
        // Cut short, not failed: left out of the ledger, and the job is retried.
        if (failure.reason === 'aborted') {
          cut++;
          continue;
        }
        outcomes.push({
          runId: data.runId,
          accountId: failure.accountId,
          platform: failure.platform,
          status: 'failed',
          reason: failure.reason,
          message: clip(redactText(failure.message, new Set())),
          recordedAt: now,
        });
      }
      await store.recordOutcomes!(outcomes);
      snapshots = result.snapshots.length;
      failures = outcomes.length - snapshots;
      if (cut > 0) {
        throw new SocialReachError(
          'ABORTED',
          `job ${jobId}: ${cut} account(s) were cut short (the worker is closing); the job is retried`,
        );
      }
    }
    try {
      options.onJob?.({
        runId: data.runId,
        platform: data.platform,
        jobId,
        snapshots,
        failures,
        skipped: data.accounts.length - pending.length,
      });
    } catch {
      // a listener must not fail the job
    }
    return { snapshots, failures, skipped: data.accounts.length - pending.length };
  };

  const { Worker } = await loadBullmq('collectionWorker');
  const worker = new Worker(name, processor, {
    connection,
    ...(prefix !== undefined ? { prefix } : {}),
    concurrency,
    lockDuration,
    stalledInterval: options.stalledIntervalMs ?? Math.max(50, Math.floor(lockDuration / 2)),
    maxStalledCount: 5,
  });
  // Errors are the jobs' (retried by BullMQ) or the connection's (retried by ioredis).
  worker.on('error', () => {});
  return {
    worker,
    async close() {
      closing.abort(new Error('the worker is closing'));
      await worker.close();
    },
  };
}

/** Progress of one platform of a run. */
export interface PlatformStatus {
  readonly total: number;
  /** Accounts that ended with a snapshot. */
  readonly done: number;
  /** Accounts that ended with a typed failure. */
  readonly failed: number;
}

/** What {@link collectionStatus} reports. */
export interface CollectionStatus {
  readonly runId: string;
  /** When the run started (its first enqueue), or `undefined` for a run never enqueued. */
  readonly since: Date | undefined;
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  /** Whether every account of the run has ended. */
  readonly complete: boolean;
  readonly platforms: Readonly<Record<string, PlatformStatus>>;
  /** The queue's job counts (all runs). */
  readonly jobs: {
    readonly waiting: number;
    readonly active: number;
    readonly delayed: number;
    readonly completed: number;
    readonly failed: number;
  };
}

/**
 * How far a run is: per platform, its accounts, and those that ended with a snapshot or a failure
 * (from the store's run ledger).
 *
 * @example
 * ```ts
 * const status = await collectionStatus({ queue, runId: '2024-03-31', store });
 * console.log(`${status.done + status.failed} / ${status.total}`);
 * ```
 */
export async function collectionStatus(options: {
  queue: CollectionQueueOptions;
  runId: string;
  store: SnapshotStore;
}): Promise<CollectionStatus> {
  const runId = checkRunId(options?.runId);
  const { store } = options;
  if (typeof store?.runOutcomes !== 'function') {
    throw new OptionError('store', 'a store with a run ledger (memoryStore, postgresStore)', store);
  }
  const handle = await openQueue(options.queue, 'collectionStatus');
  try {
    const client = handle.redis;
    const fields = await client.hgetall(runKeyOf(handle, runId));
    const counts = await handle.queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'completed',
      'failed',
    );
    const platforms: Record<string, { total: number; done: number; failed: number }> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (!field.startsWith('total:')) continue;
      platforms[field.slice(6)] = { total: Number(value) || 0, done: 0, failed: 0 };
    }
    for (const outcome of await store.runOutcomes(runId)) {
      platforms[outcome.platform] ??= { total: 0, done: 0, failed: 0 };
      const p = platforms[outcome.platform]!;
      if (outcome.status === 'snapshot') p.done++;
      else p.failed++;
    }
    const sum = (k: 'total' | 'done' | 'failed') =>
      Object.values(platforms).reduce((s, p) => s + p[k], 0);
    const total = sum('total');
    const done = sum('done');
    const failed = sum('failed');
    return {
      runId,
      since: fields.since ? new Date(fields.since) : undefined,
      total,
      done,
      failed,
      complete: total > 0 && done + failed >= total,
      platforms,
      jobs: {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
      },
    };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------

interface QueueHandle {
  queue: Queue;
  /** A plain connection for the run's totals. */
  redis: Redis;
  name: string;
  prefix: string;
  close(): Promise<void>;
}

type Bullmq = typeof import('bullmq');
let bullmqModule: Promise<Bullmq> | undefined;

/**
 * Imports bullmq when a queue function first needs it, so that the shared gate
 * (`redisCoordinator`) needs `ioredis` alone. When it is not installed, the error says what to
 * install.
 */
async function loadBullmq(what: string): Promise<Bullmq> {
  bullmqModule ??= import('bullmq');
  try {
    return await bullmqModule;
  } catch (error) {
    bullmqModule = undefined;
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new SocialReachError(
        'INVALID_INPUT',
        `[redis] ${what} needs the optional peer dependency \`bullmq\`, which is not installed: npm install bullmq@6`,
      );
    }
    throw error;
  }
}

function queueParts(options: CollectionQueueOptions): {
  name: string;
  connection: ConnectionOptions;
  prefix: string | undefined;
} {
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('queue', 'an object with a `connection`', options);
  }
  const name = options.name ?? DEFAULT_NAME;
  if (!QUEUE_NAME.test(name)) {
    throw new OptionError('queue.name', '1–64 characters of letters, digits and _ . -', name);
  }
  if (options.prefix !== undefined && !QUEUE_NAME.test(options.prefix)) {
    throw new OptionError(
      'queue.prefix',
      '1–64 characters of letters, digits and _ . -',
      options.prefix,
    );
  }
  const { connection } = options;
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\//.test(connection)) {
      throw new OptionError('queue.connection', 'a redis:// or rediss:// URL', '(not shown)');
    }
    // BullMQ's workers block on Redis: no per-command retry limit on their connections.
    return {
      name,
      connection: { url: connection, maxRetriesPerRequest: null },
      prefix: options.prefix,
    };
  }
  if (typeof connection !== 'object' || connection === null) {
    throw new OptionError('queue.connection', 'a redis:// URL or an ioredis client', connection);
  }
  return { name, connection: connection as unknown as ConnectionOptions, prefix: options.prefix };
}

async function openQueue(options: CollectionQueueOptions, what: string): Promise<QueueHandle> {
  const { name, connection, prefix } = queueParts(options);
  const { Queue } = await loadBullmq(what);
  const queue = new Queue(name, { connection, ...(prefix !== undefined ? { prefix } : {}) });
  queue.on('error', () => {});
  const owned = typeof options.connection === 'string';
  const redis =
    typeof options.connection === 'string'
      ? new Redis(options.connection, { maxRetriesPerRequest: 1 })
      : options.connection;
  if (owned) redis.on('error', () => {});
  return {
    queue,
    redis,
    name,
    prefix: prefix ?? 'bull',
    close: async () => {
      await queue.close();
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function runKeyOf(handle: QueueHandle, runId: string): string {
  return `${handle.prefix}:${handle.name}:social-reach-run:${runId}`;
}

function checkRunId(runId: unknown): string {
  if (typeof runId !== 'string' || !RUN_ID.test(runId)) {
    throw new OptionError('runId', '1–64 characters of letters, digits and _ . -', runId);
  }
  return runId;
}

/** The job's id: the run, the platform and a hash of its accounts (BullMQ ids may not hold ':'). */
function jobIdOf(runId: string, platform: string, accounts: readonly Account[]): string {
  const hash = createHash('sha256');
  for (const a of accounts) hash.update(a.id).update('\u0000');
  return `${runId}.${platform}.${hash.digest('hex').slice(0, 24)}`;
}

/** A job's data, checked (it crossed Redis). */
function readJobData(data: unknown): JobData {
  const d = data as Partial<JobData> | null;
  if (
    typeof d !== 'object' ||
    d === null ||
    d.v !== 1 ||
    typeof d.runId !== 'string' ||
    !RUN_ID.test(d.runId) ||
    typeof d.since !== 'string' ||
    Number.isNaN(Date.parse(d.since)) ||
    typeof d.platform !== 'string' ||
    !Array.isArray(d.accounts) ||
    d.accounts.length === 0 ||
    d.accounts.length > 10_000 ||
    !d.accounts.every(
      (a: Partial<Account> | null) =>
        typeof a === 'object' &&
        a !== null &&
        typeof a.id === 'string' &&
        typeof a.unit === 'string' &&
        typeof a.handle === 'string' &&
        a.platform === d.platform,
    )
  ) {
    throw new SocialReachError(
      'INVALID_INPUT',
      'a collection job carries data this version does not read (expected { v: 1, runId, since, platform, accounts })',
    );
  }
  return d as JobData;
}

function clip(text: string): string {
  return text.length > MAX_OUTCOME_MESSAGE ? `${text.slice(0, MAX_OUTCOME_MESSAGE - 1)}…` : text;
}
