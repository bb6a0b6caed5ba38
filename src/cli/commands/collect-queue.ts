/**
 * `social-reach collect --queue <redis-url>`: the run turned into BullMQ jobs (one per provider
 * batch, keyed by the run id and their accounts, so enqueueing the run again adds nothing) for
 * `social-reach worker`s to run; with `--wait`, the run followed in the store's run ledger until
 * every account has ended, and the same exit codes as a collection in one process.
 */
import type { PlatformId, Registry } from '../../index.js';
import type { RunOutcome } from '../../stores/types.js';
import { booleanFlag, listFlag, type ParsedArgs, stringFlag } from '../args.js';
import { apiBases } from '../env.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { type Io, onCtrlC } from '../io.js';
import { type ApiPlatform, providersFromEnv } from '../providers.js';
import {
  checkRedis,
  DEFAULT_QUEUE_NAME,
  linesTo,
  loadQueueModule,
  queueNameOf,
  type RedisTarget,
  runIdOf,
  shownQueue,
} from '../queue.js';
import { commandEnv, openCommandStore, readRegistry, shellLine, timeZoneOf } from '../shared.js';
import type { OpenStore } from '../store.js';

/** How often `--wait` reads the run's progress. */
const POLL_MS = 1_000;
/** Polls with nothing left in the queue before `--wait` says the run cannot complete. */
const IDLE_POLLS = 5;

/** Runs `collect --queue`. `platforms` is `--platform`, already checked against the registry. */
export async function runQueuedCollect(
  io: Io,
  args: ParsedArgs,
  target: RedisTarget,
  options: {
    checkPlatforms: (registry: Registry, given: string[]) => PlatformId[] | undefined;
    credentialOf: Readonly<Record<ApiPlatform, string>>;
  },
): Promise<number> {
  const command = 'collect';
  if (booleanFlag(args, 'resume')) {
    throw new UsageError(
      'A queued run resumes by itself: run `collect --queue` again with the same --run-id (nothing is enqueued twice, and workers skip what the run has done); --resume is for a collection in one process',
      command,
    );
  }
  const timeZone = timeZoneOf(args, command);
  const env = commandEnv(io, args, command);
  const queueName = queueNameOf(args, command);
  const runId = runIdOf(args, timeZone, new Date(), command);
  const wait = booleanFlag(args, 'wait');
  if (
    wait &&
    (stringFlag(args, 'data') !== undefined ||
      !(stringFlag(args, 'database-url') ?? env.DATABASE_URL))
  ) {
    throw new UsageError(
      "--wait follows the run in the store the workers share: give --database-url <url> (or set DATABASE_URL) to their PostgreSQL server; an embedded folder (--data) is one process's",
      command,
    );
  }
  const { registry } = readRegistry(io, args, command);
  const platforms = options.checkPlatforms(registry, listFlag(args, 'platform'));
  // the providers only size the jobs (one provider batch each): credentials stay with the workers
  const { baseUrl } = apiBases(listFlag(args, 'api-base'), env, command);
  const { providers } = providersFromEnv(env, baseUrl);
  const json = booleanFlag(args, 'json');
  const lines = linesTo(io.stdout, { json, timeZone });
  const name = (platform: string) => registry.platform(platform)?.name.en ?? platform;

  let interrupted = false;
  let wake: () => void = () => {};
  const stopInterrupts = onCtrlC(io, 'quit at once (Ctrl-C twice)', () => {
    interrupted = true;
    wake();
  });
  let opened: OpenStore | undefined;
  try {
    const redis = await loadQueueModule('collect --queue');
    await checkRedis(redis, target, command);
    if (interrupted) return EXIT.interrupted;
    const queue = { connection: target.url, name: queueName };
    const enqueued = await redis.enqueueCollection(registry, {
      queue,
      runId,
      providers,
      ...(platforms ? { platforms } : {}),
    });
    const perPlatform = Object.entries(enqueued.platforms)
      .map(([platform, n]) => `${name(platform)} ${n}`)
      .join(', ');
    lines.write(
      'enqueued',
      `run ${runId}: ${enqueued.accounts} accounts in ${enqueued.jobs} jobs on the queue ${queueName} at ${target.description}${perPlatform ? ` (${perPlatform})` : ''}`,
      {
        runId,
        queue: queueName,
        redis: target.description,
        jobs: enqueued.jobs,
        accounts: enqueued.accounts,
        platforms: enqueued.platforms,
      },
    );
    if (enqueued.accounts === 0) {
      lines.write('summary', `run ${runId}: no active account to collect`, {
        exitCode: EXIT.ok,
        runId,
        accounts: 0,
      });
      return EXIT.ok;
    }
    const queueArgs = [
      '--queue',
      shownQueue(target),
      ...(queueName === DEFAULT_QUEUE_NAME ? [] : ['--queue-name', queueName]),
    ];
    const workerLine = `social-reach worker ${[...args.operands.map((o) => shellLine([o])), ...queueArgs].join(' ')}`;
    const waitLine = `social-reach collect ${[...args.operands.map((o) => shellLine([o])), ...queueArgs, '--run-id', runId, '--wait'].join(' ')}`;
    lines.write(
      'next',
      `start workers where the credentials are, each with the shared store (--database-url or DATABASE_URL): ${workerLine}${wait ? '' : `\nfollow the run: ${waitLine}`}`,
      { worker: workerLine, follow: waitLine },
    );
    if (!wait) return EXIT.ok;

    opened = await openCommandStore(io, args, env, registry, command);
    await opened.store.migrate();
    let last = '';
    let idle = 0;
    for (;;) {
      const status = await redis.collectionStatus({ queue, runId, store: opened.store });
      const progress = Object.entries(status.platforms)
        .map(([platform, p]) => `${name(platform)} ${p.done + p.failed}/${p.total}`)
        .join(', ');
      const text = `run ${runId}: ${status.done + status.failed} of ${status.total} accounts ended, ${status.failed} without a figure (${progress})`;
      if (text !== last) {
        last = text;
        lines.write('status', text, {
          runId,
          total: status.total,
          done: status.done,
          failed: status.failed,
          platforms: status.platforms,
        });
      }
      if (status.complete) break;
      const { waiting, active, delayed } = status.jobs;
      idle = waiting + active + delayed === 0 ? idle + 1 : 0;
      if (idle >= IDLE_POLLS) {
        throw new CliError(
          `run ${runId} cannot complete: ${status.total - status.done - status.failed} accounts have no outcome and no job of the queue is waiting or running (${status.jobs.failed} failed jobs gave up after their retries: see the workers' output). Collect the rest in one process with \`social-reach collect --resume\`.`,
          EXIT.failed,
        );
      }
      if (interrupted) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (interrupted) break;
    }
    if (interrupted) {
      lines.write(
        'summary',
        `stopped following run ${runId}: it goes on in the workers. Follow it again: ${waitLine}`,
        { exitCode: EXIT.interrupted, interrupted: true, runId, followWith: waitLine },
      );
      return EXIT.interrupted;
    }
    return summarize(await opened.store.runOutcomes(runId), {
      runId,
      lines,
      name,
      credentialOf: options.credentialOf,
      store: opened.description,
    });
  } finally {
    stopInterrupts();
    await opened?.close();
  }
}

/** The run's last lines, and its exit code: 3 when a platform refused its credential, else 0. */
function summarize(
  outcomes: readonly RunOutcome[],
  context: {
    runId: string;
    lines: ReturnType<typeof linesTo>;
    name: (platform: string) => string;
    credentialOf: Readonly<Record<ApiPlatform, string>>;
    store: string;
  },
): number {
  const { name } = context;
  const stored = outcomes.filter((o) => o.status === 'snapshot');
  const failures = outcomes.filter((o) => o.status === 'failed');
  const withFigure = new Set(stored.map((o) => o.platform));
  const refused = [
    ...new Set(failures.filter((f) => f.reason === 'unauthorized').map((f) => f.platform)),
  ].filter((platform) => !withFigure.has(platform));
  const code = refused.length > 0 ? EXIT.refused : EXIT.ok;
  const text: string[] = [
    `Collected ${stored.length} of ${outcomes.length} accounts of run ${context.runId} into the ${context.store}.`,
  ];
  const groups = new Map<string, RunOutcome[]>();
  for (const failure of failures) {
    const key = `${failure.platform}\n${failure.reason ?? 'failed'}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  if (failures.length > 0) {
    text.push(`${failures.length} without a figure (never counted as zero):`);
    for (const [key, group] of [...groups].slice(0, 20)) {
      const [platform, reason] = key.split('\n') as [string, string];
      const ids = group.slice(0, 3).map((f) => f.accountId);
      const more = group.length > 3 ? `, … and ${group.length - 3} more` : '';
      text.push(`  ${name(platform)}, ${reason}: ${group.length} (${ids.join(', ')}${more})`);
    }
    if (groups.size > 20) text.push(`  … and ${groups.size - 20} more kinds`);
  }
  for (const platform of refused) {
    const variable = context.credentialOf[platform as ApiPlatform] ?? 'its credential';
    text.push(`${name(platform)} refused the credential: check ${variable} where the workers run.`);
  }
  context.lines.write('summary', text.join('\n'), {
    exitCode: code,
    runId: context.runId,
    accounts: outcomes.length,
    collected: stored.length,
    failed: failures.length,
    refused,
    failures: failures.map(({ accountId, platform, reason, message }) => ({
      accountId,
      platform,
      reason,
      message,
    })),
  });
  return code;
}
