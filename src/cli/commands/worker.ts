import { booleanFlag, type CommandSpec, listFlag, type ParsedArgs, stringFlag } from '../args.js';
import { apiBases } from '../env.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { providersFromEnv } from '../providers.js';
import { proxyFromEnv } from '../proxy.js';
import {
  checkRedis,
  integerFlag,
  linesTo,
  loadQueueModule,
  QUEUE_NAME_FLAG,
  queueNameOf,
  queueTarget,
} from '../queue.js';
import {
  commandEnv,
  openCommandStore,
  REGISTRY_OPERAND,
  readRegistry,
  STORE_FLAGS,
  TIME_ZONE_FLAG,
  timeZoneOf,
} from '../shared.js';
import type { OpenStore } from '../store.js';
import { storeState } from './collect.js';

export const workerCommand: CommandSpec = {
  name: 'worker',
  summary: 'Run the jobs of queued collections (collect --queue) until stopped',
  operands: REGISTRY_OPERAND,
  min: 0,
  max: 2,
  description: `Takes the batch jobs that \`social-reach collect --queue\` put on a BullMQ queue in Redis, fetches
their accounts within the platforms' rate limits, writes the snapshots to the store and records
each account's outcome in the store's run ledger. Start as many workers as you like, on as many
machines: they share each credential's quota through the same Redis, so together they stay inside
the platforms' windows. A worker that dies leaves its jobs to the others (after 30 s).

Every worker needs the queue's Redis (--queue, or REDIS_URL), the same PostgreSQL server
(--database-url, or DATABASE_URL: an embedded folder cannot be shared), the registry the run was
enqueued from, and the credential of every platform of it (as for collect: a worker may be given
any job). It needs the packages ioredis and bullmq.

Ctrl-C (SIGINT) or SIGTERM stops it cleanly: it takes no new job; the jobs in hand are cut
short, what they fetched is stored and recorded, and the rest goes back to the queue for another
worker. A second signal quits at once.

Exit codes: 130 stopped by Ctrl-C, 143 stopped by SIGTERM, 1 Redis or the store unreachable or a
package missing, 2 bad input or options.`,
  flags: {
    queue: {
      type: 'string',
      value: 'redis-url',
      help: "The queue's Redis: redis://[user:password@]host:port[/db]\n(default: $REDIS_URL). Never shown with its password.",
    },
    'queue-name': QUEUE_NAME_FLAG,
    concurrency: {
      type: 'string',
      value: 'n',
      help: 'Jobs this worker runs at once, 1 to 100. Default: 2',
    },
    'database-url': STORE_FLAGS['database-url']!,
    'env-file': STORE_FLAGS['env-file']!,
    json: { type: 'boolean', help: 'One JSON object per line on stdout.' },
    'time-zone': TIME_ZONE_FLAG,
    'api-base': {
      type: 'string',
      value: 'platform=url',
      multiple: true,
      help: "Send a platform's API requests to another address (as for collect).\nDefault: $SOCIAL_REACH_API_BASE.",
    },
  },
  examples: [
    'social-reach worker --queue redis://127.0.0.1:6379 --env-file .env',
    'REDIS_URL=redis://:secret@queue.example.in:6379 social-reach worker --concurrency 4',
    'social-reach worker registry.json --queue redis://127.0.0.1:6379 --database-url postgres://reach@db.example.in/reach',
  ],
  run: runWorker,
};

async function runWorker(io: Io, args: ParsedArgs): Promise<number> {
  const command = 'worker';
  const timeZone = timeZoneOf(args, command);
  const env = commandEnv(io, args, command);
  const target = queueTarget(args, env, command, true);
  if (!target) {
    throw new UsageError(
      "`social-reach worker` needs the queue's Redis: give --queue <redis-url> (or set REDIS_URL)",
      command,
    );
  }
  const queueName = queueNameOf(args, command);
  const concurrency = integerFlag(args, 'concurrency', { min: 1, max: 100, fallback: 2 }, command);
  if (!(stringFlag(args, 'database-url') ?? env.DATABASE_URL)) {
    throw new UsageError(
      "Workers write to one store they all share: give --database-url <url> (or set DATABASE_URL) to a PostgreSQL server (an embedded folder is one process's)",
      command,
    );
  }
  const { registry } = readRegistry(io, args, command);
  const { baseUrl, overrides } = apiBases(listFlag(args, 'api-base'), env, command);
  let opened: OpenStore | undefined;
  const state = storeState(() => opened?.store);
  const { providers, skipped, missing } = providersFromEnv(env, baseUrl, { state });
  // A worker takes any job of the queue: one without a platform's credential would end that
  // platform's accounts as failures of the run. Refuse to start instead.
  const used = new Set(
    registry.accounts.filter((a) => a.status === 'active').map((a) => a.platform),
  );
  const lacking = missing.flatMap((platform, i) => (used.has(platform) ? [skipped[i]!] : []));
  if (lacking.length > 0) {
    throw new UsageError(
      `A worker needs the credential of every platform of the registry, as it may be given any job of the run; missing here: ${lacking.join('; ')}`,
      command,
    );
  }
  const proxy = proxyFromEnv(env, command);
  const lines = linesTo(io.stdout, { json: booleanFlag(args, 'json'), timeZone });

  // From here on, Ctrl-C or SIGTERM stops cleanly; a second one quits at once.
  let stopCode: number | undefined;
  let wake: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const stop = (code: number, signal: string) => {
    if (stopCode !== undefined) {
      io.stderr.write(`\nquit at once (${signal} twice); what was stored stays stored\n`);
      io.exit(code);
      return;
    }
    stopCode = code;
    lines.write(
      'stopping',
      `${signal}: stopping; the jobs in hand are cut short and go back to the queue`,
      { signal },
    );
    wake();
  };
  const offInterrupt = io.onInterrupt(() => stop(EXIT.interrupted, 'SIGINT'));
  const offTerminate = io.onTerminate?.(() => stop(EXIT.terminated, 'SIGTERM'));
  let coordinator: { close(): Promise<void> } | undefined;
  let worker: { close(): Promise<void> } | undefined;
  try {
    const redis = await loadQueueModule('social-reach worker');
    await checkRedis(redis, target, command);
    opened = await openCommandStore(io, args, env, registry, command);
    await opened.store.migrate();
    if (stopCode !== undefined) return stopCode;
    const shared = redis.redisCoordinator({ redis: target.url });
    coordinator = shared;
    const name = (platform: string) => registry.platform(platform)?.name.en ?? platform;
    const running = await redis.collectionWorker({
      queue: { connection: target.url, name: queueName },
      providers,
      store: opened.store,
      coordinator: shared,
      concurrency,
      ...(proxy ? { http: { dispatcher: proxy.dispatcher } } : {}),
      onJob: (event) =>
        lines.write(
          'job',
          `job ${event.jobId}: ${name(event.platform)} ${event.snapshots} stored, ${event.failures} failed${event.skipped ? `, ${event.skipped} already done` : ''} (run ${event.runId})`,
          { ...event },
        ),
    });
    worker = running;
    // the connection's troubles (Redis restarting): said at most once a minute; BullMQ reconnects
    let saidAt = 0;
    running.worker.on('error', (error) => {
      if (Date.now() - saidAt < 60_000) return;
      saidAt = Date.now();
      const message = cut(error?.message ?? String(error));
      lines.write('warning', `queue: ${message} (retrying)`, { message });
    });
    running.worker.on('failed', (job, error) => {
      if (stopCode !== undefined) return; // cut short by the stop: said once above
      const attempts = job?.opts.attempts ?? 1;
      const made = job?.attemptsMade ?? 0;
      const message = cut(error?.message ?? String(error));
      lines.write(
        'job-failed',
        `job ${job?.id ?? '?'} failed (attempt ${made} of ${attempts}${made < attempts ? ', to be retried' : ', no retry left'}): ${message}`,
        { jobId: job?.id, attemptsMade: made, attempts, message },
      );
    });
    await running.worker.waitUntilReady();
    if (stopCode === undefined) {
      lines.write(
        'ready',
        `worker ready: jobs of the queue ${queueName} at ${target.description}, ${concurrency} at a time, into the ${opened.description}`,
        { queue: queueName, redis: target.description, concurrency, store: opened.description },
      );
      if (proxy) lines.write('note', `through the proxy ${proxy.description}`);
      if (overrides.size > 0) {
        const list = [...overrides].map(([platform, url]) => `${platform} → ${url}`);
        lines.write('note', `API requests go to other addresses: ${list.join(', ')}`, {
          apiBase: Object.fromEntries(overrides),
        });
      }
    }
    await stopped;
    await running.close();
    worker = undefined;
    lines.write('stopped', 'worker stopped: what it collected is stored', {});
    return stopCode ?? EXIT.interrupted;
  } finally {
    offInterrupt();
    offTerminate?.();
    await worker?.close().catch(() => {});
    await coordinator?.close().catch(() => {});
    await opened?.close();
    await proxy?.close();
  }
}

function cut(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').replace(/^\[social-reach\]\s*/, '');
  return oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine;
}
