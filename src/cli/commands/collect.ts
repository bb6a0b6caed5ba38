import {
  type CollectFailure,
  type CollectResult,
  collect,
  type Logger,
  type PlatformId,
  type ProviderV1,
  periodStart,
  type Registry,
  type SnapshotStore,
  type StateStore,
  type StoreLock,
} from '../../index.js';
import type { YoutubeState } from '../../providers/youtube-state.js';
import type { ProviderResult } from '../../spec/v1/index.js';
import { booleanFlag, type CommandSpec, listFlag, type ParsedArgs } from '../args.js';
import { apiBases } from '../env.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { describeHolder, holderOf } from '../folder-lock.js';
import { type Io, onCtrlC } from '../io.js';
import { createReporter, type PlatformLine, type Reporter } from '../progress.js';
import { API_PLATFORMS, type ApiPlatform, providersFromEnv } from '../providers.js';
import { proxyFromEnv } from '../proxy.js';
import { QUEUE_NAME_FLAG, queueTarget } from '../queue.js';
import {
  commandEnv,
  openCommandStore,
  REGISTRY_OPERAND,
  readRegistry,
  STORE_FLAGS,
  shellLine,
  TIME_ZONE_FLAG,
  timeZoneOf,
} from '../shared.js';
import type { OpenStore } from '../store.js';
import { clockTime } from '../time.js';
import { runQueuedCollect } from './collect-queue.js';

/** The variable to check when a platform refuses its credential. */
const CREDENTIAL_OF: Record<ApiPlatform, string> = {
  x: 'X_BEARER_TOKEN',
  facebook: 'FACEBOOK_ACCESS_TOKEN',
  instagram: 'INSTAGRAM_ACCESS_TOKEN and INSTAGRAM_USER_ID',
  youtube: 'YOUTUBE_API_KEY',
  telegram: 'TELEGRAM_BOT_TOKEN',
  mastodon: 'MASTODON_ACCESS_TOKENS',
  bluesky: '(Bluesky needs no credential)',
};

/** How many failure groups the plain summary lists. */
const LISTED_GROUPS = 20;

export const collectCommand: CommandSpec = {
  name: 'collect',
  summary: 'Fetch every account of a registry from the platforms into the store',
  operands: REGISTRY_OPERAND,
  min: 0,
  max: 2,
  description: `Fetches the follower counts of every active account of the registry from the platforms'
official APIs, within their rate limits, and writes each batch to the store as it finishes.
Credentials come from the environment (see \`social-reach init\`'s .env.example); a platform
without its credential is skipped, and says which variable to set.

The registry is a registry.json, units.csv and accounts.csv (in that order), or a folder holding
one of them (default: the current folder).

On a terminal, a live display shows each platform; elsewhere one line per batch (or JSON lines
with --json). Ctrl-C stops cleanly (what was collected stays stored); Ctrl-C again quits at once.
\`collect --resume\` completes the day's run, fetching only the accounts not collected yet today.

One collection at a time per store: a second one is told who holds the store and exits 4.

With --queue <redis-url>, the run is put on a queue in Redis as jobs for \`social-reach worker\`s
(needs the packages ioredis and bullmq); --wait then follows it until every account has ended.

Exit codes: 0 done (per-account failures are summarised), 1 the store or a package failed,
2 bad input or options, 3 a platform refused a credential, 4 another run holds the store,
130 interrupted.`,
  flags: {
    ...STORE_FLAGS,
    resume: {
      type: 'boolean',
      help: "Complete today's run: skip the accounts already collected since\nmidnight (in --time-zone).",
    },
    json: { type: 'boolean', help: 'Progress and summary as JSON lines on stdout.' },
    platform: {
      type: 'string',
      value: 'id',
      multiple: true,
      help: 'Collect only this platform (x, facebook, …).',
    },
    'time-zone': TIME_ZONE_FLAG,
    'api-base': {
      type: 'string',
      value: 'platform=url',
      multiple: true,
      help: "Send a platform's API requests to another address (a gateway, a\ntest server); Mastodon's URL may hold {host}.\nDefault: $SOCIAL_REACH_API_BASE.",
    },
    queue: {
      type: 'string',
      value: 'redis-url',
      help: 'Do not fetch here: put the run on the queue of this Redis for\n`social-reach worker`s (redis://[user:password@]host:port[/db]).',
    },
    'queue-name': QUEUE_NAME_FLAG,
    'run-id': {
      type: 'string',
      value: 'id',
      help: "With --queue: the run's id (letters, digits, _ . -; up to 64); the\nsame id again enqueues nothing twice. Default: today in --time-zone (2026-12-03).",
    },
    wait: {
      type: 'boolean',
      help: 'With --queue: follow the run until every account has ended; exit\nas a collection here would (needs the shared --database-url).',
    },
  },
  examples: [
    'social-reach collect registry.json',
    'social-reach collect units.csv accounts.csv --env-file .env',
    'social-reach collect registry.json --resume',
    'social-reach collect registry.json --json >> collect.log',
    'social-reach collect registry.json --database-url postgres://reach@db.example.in/reach',
    'social-reach collect --queue redis://127.0.0.1:6379 --run-id nightly-2026-12-03',
    'social-reach collect --queue "$REDIS_URL" --wait --database-url "$DATABASE_URL"',
  ],
  run: runCollect,
};

async function runCollect(io: Io, args: ParsedArgs): Promise<number> {
  const command = 'collect';
  const queue = queueTarget(args, {}, command, false);
  if (queue) {
    return runQueuedCollect(io, args, queue, {
      checkPlatforms,
      credentialOf: CREDENTIAL_OF,
    });
  }
  for (const only of ['queue-name', 'run-id', 'wait']) {
    if (args.flags[only] !== undefined) {
      throw new UsageError(`--${only} goes with --queue <redis-url>`, command);
    }
  }
  const timeZone = timeZoneOf(args, command);
  const env = commandEnv(io, args, command);
  const { registry } = readRegistry(io, args, command);
  const platforms = checkPlatforms(registry, listFlag(args, 'platform'));
  const { baseUrl, overrides } = apiBases(listFlag(args, 'api-base'), env, command);
  // Provider state (YouTube's quota ledger and handle cache) lives in the store, opened below.
  let opened: OpenStore | undefined;
  const state = storeState(() => opened?.store);
  const { providers, skipped, missing } = providersFromEnv(env, baseUrl, { state });
  const json = booleanFlag(args, 'json');
  // HTTPS_PROXY / HTTP_PROXY / NO_PROXY, from the environment or the env file
  const proxy = proxyFromEnv(env, command);
  const resume = booleanFlag(args, 'resume');

  // Ctrl-C from here on stops cleanly, even while the store is still opening.
  const controller = new AbortController();
  let interrupted = false;
  let reporter: Reporter | undefined;
  const stopInterrupts = onCtrlC(
    io,
    'quit at once (Ctrl-C twice); what was stored stays stored',
    () => {
      interrupted = true;
      if (reporter) reporter.stopping();
      else io.stderr.write('stopping before the collection starts…\n');
      controller.abort(new Error('interrupted by Ctrl-C'));
    },
  );
  let lock: StoreLock | undefined;
  let renewal: ReturnType<typeof setInterval> | undefined;
  try {
    opened = await openCommandStore(io, args, env, registry, command);
    // One collection at a time per store (a PostgreSQL server may be shared by several hosts).
    const attempt = await opened.store.lock('collect', {
      holder: describeHolder(holderOf(command)),
      ttlMs: LOCK_TTL_MS,
    });
    if (!attempt.acquired) {
      const { holder, expiresAt } = attempt.heldBy;
      throw new CliError(
        `another collection holds the ${opened.description}: ${holder}. Wait for it to end; if it was stopped without ending (a crash), its lock lapses at ${clockTime(expiresAt, timeZone)}.`,
        EXIT.busy,
      );
    }
    lock = attempt.lock;
    const held = lock;
    renewal = setInterval(() => {
      held.renew().catch((error: unknown) => {
        // another run may now collect too: stop rather than collect twice
        io.stderr.write(`\nsocial-reach collect: stopping: ${(error as Error).message}\n`);
        controller.abort(error);
      });
    }, LOCK_TTL_MS / 4);
    renewal.unref?.();
    if (interrupted) {
      io.stderr.write('Interrupted before anything was collected.\n');
      return EXIT.interrupted;
    }
    reporter = createReporter({ out: io.stdout, json, timeZone });
    const now = new Date();
    const since = resume ? periodStart(now, 'day', timeZone) : undefined;
    const lines = await platformLines(registry, platforms, providers, skipped, missing, {
      since,
      store: opened.store,
    });
    reporter.start({ lines, store: opened.description, resume });
    if (proxy)
      reporter.note(`through the proxy ${proxy.description}`, { proxy: proxy.description });
    if (overrides.size > 0) {
      // never silent: a credential goes wherever its platform's requests go
      const list = [...overrides].map(([platform, url]) => `${platform} → ${url}`);
      reporter.note(`API requests go to other addresses: ${list.join(', ')}`, {
        apiBase: Object.fromEntries(overrides),
      });
    }

    const logger: Logger = {
      info: (record, message) => reporter?.log('info', record, message),
      warn: (record, message) => reporter?.log('warn', record, message),
      error: (record, message) => reporter?.log('error', record, message),
    };
    const result = await collect(registry, {
      logger,
      ...(proxy ? { http: { dispatcher: proxy.dispatcher } } : {}),
      providers: countingProviders(registry, providers, platforms, reporter),
      store: opened.store,
      ...(since ? { resume: { since } } : {}),
      signal: controller.signal,
      ...(platforms ? { platforms } : {}),
      onProgress: (event) => reporter?.progress(event),
    });

    const outcome = summarize(registry, result, {
      interrupted,
      store: opened.description,
      resumeLine: shellLine([
        'social-reach',
        'collect',
        ...args.argv.filter((a) => a !== '--resume'),
        '--resume',
      ]),
    });
    reporter.finish(outcome.lines, { type: 'summary', ...outcome.fields });
    return outcome.code;
  } finally {
    stopInterrupts();
    if (renewal) clearInterval(renewal);
    await lock?.release().catch(() => {});
    await opened?.close();
    await proxy?.close();
  }
}

/** How long the store's collect lock lasts unless renewed (it is renewed every quarter of it). */
const LOCK_TTL_MS = 2 * 60_000;

/**
 * The store's provider state, for providers made before the store is open: each call goes to the
 * store opened by then.
 */
export function storeState(store: () => StateStore | undefined): YoutubeState {
  const open = (): StateStore => {
    const opened = store();
    if (!opened) throw new CliError('the store is not open yet', EXIT.failed);
    return opened;
  };
  return {
    readState: (keys) => open().readState(keys),
    writeState: (entries) => open().writeState(entries),
    addToCounter: (key, amount, options) => open().addToCounter(key, amount, options),
  };
}

/**
 * The providers, each counting the registry entries its answers settle (an account listed under
 * two units is two entries), for the per-platform lines. The engine's own `batch` counts are
 * differences of its running totals, moved by other buckets' batches running at the same time.
 */
function countingProviders(
  registry: Registry,
  providers: readonly ProviderV1[],
  platforms: readonly PlatformId[] | undefined,
  reporter: Reporter,
): ProviderV1[] {
  const entries = new Map<string, number>();
  for (const account of registry.accounts) {
    if (account.status !== 'active') continue;
    if (platforms && !platforms.includes(account.platform)) continue;
    const key = registry.identity(account.id) ?? account.id;
    entries.set(key, (entries.get(key) ?? 0) + 1);
  }
  const weight = (accountId: string) => entries.get(registry.identity(accountId) ?? accountId) ?? 1;
  return providers.map((provider) => ({
    ...provider,
    async fetchBatch(accounts, context) {
      let results: ProviderResult[];
      try {
        results = await provider.fetchBatch(accounts, context);
      } catch (error) {
        const all = accounts.reduce((sum, a) => sum + weight(a.id), 0);
        if (!context.signal.aborted) reporter.counted(provider.platform, 0, all);
        throw error;
      }
      if (context.signal.aborted) return results; // what was cut short is not progress
      let done = 0;
      let failed = 0;
      const ok = new Set(
        Array.isArray(results)
          ? results
              .filter((r) => r?.ok)
              .map((r) => (r as { snapshot: { accountId: string } }).snapshot.accountId)
          : [],
      );
      for (const account of accounts) {
        if (ok.has(account.id)) done += weight(account.id);
        else failed += weight(account.id);
      }
      reporter.counted(provider.platform, done, failed);
      return results;
    },
  }));
}

function checkPlatforms(registry: Registry, given: string[]): PlatformId[] | undefined {
  if (given.length === 0) return undefined;
  for (const id of given) {
    if (registry.platform(id) === undefined) {
      const used = [...new Set(registry.accounts.map((a) => a.platform))];
      throw new UsageError(
        `Expected --platform <id> to be a platform of the registry (${used.join(', ')}), got "${id}"`,
        'collect',
      );
    }
  }
  return given;
}

/** One line per platform with accounts to collect: how many, and how many are done already. */
async function platformLines(
  registry: Registry,
  platforms: readonly PlatformId[] | undefined,
  providers: readonly { platform: PlatformId }[],
  skipped: readonly string[],
  missing: readonly ApiPlatform[],
  options: { since: Date | undefined; store: SnapshotStore },
): Promise<PlatformLine[]> {
  const active = registry.accounts.filter(
    (a) => a.status === 'active' && (platforms === undefined || platforms.includes(a.platform)),
  );
  // With --resume, the accounts an earlier run stored today (collect() skips the same ones).
  const resumedIds = new Set<string>();
  const { since, store } = options;
  if (since) {
    for (const s of await store.latest({ accountIds: active.map((a) => a.id) })) {
      if (s.takenAt.getTime() >= since.getTime()) resumedIds.add(s.accountId);
    }
  }
  const byPlatform = new Map<PlatformId, { total: number; resumed: number }>();
  for (const account of active) {
    const entry = byPlatform.get(account.platform) ?? { total: 0, resumed: 0 };
    entry.total++;
    if (resumedIds.has(account.id)) entry.resumed++;
    byPlatform.set(account.platform, entry);
  }
  const provided = new Set(providers.map((p) => p.platform));
  return [...byPlatform].map(([platform, { total, resumed }]) => {
    const name = registry.platform(platform)?.name.en ?? platform;
    let reason: string | undefined;
    const index = missing.indexOf(platform as ApiPlatform);
    if (index >= 0) reason = skipped[index]!.replace(/^[^:]*:\s*/, '');
    else if (!provided.has(platform)) {
      reason = API_PLATFORMS.includes(platform as ApiPlatform)
        ? 'no provider'
        : `the command has no provider for ${name} (enter its figures with the library's staticProvider)`;
    }
    return { platform, name, total, resumed, ...(reason ? { skipped: reason } : {}) };
  });
}

/** The summary lines and fields, and the exit code. */
function summarize(
  registry: Registry,
  result: CollectResult,
  context: { interrupted: boolean; store: string; resumeLine: string },
): { lines: string[]; fields: Record<string, unknown>; code: number } {
  const { stats, failures } = result;
  const fresh = stats.snapshots - stats.resumed;
  const name = (platform: string) => registry.platform(platform)?.name.en ?? platform;

  // A platform refused its credential when it answered `unauthorized` and gave no figure at all.
  const freshPlatforms = new Set(
    result.snapshots
      .filter((s) => s.takenAt.getTime() >= stats.startedAt.getTime())
      .map((s) => s.platform),
  );
  const refused = [
    ...new Set(failures.filter((f) => f.reason === 'unauthorized').map((f) => f.platform)),
  ].filter((platform) => !freshPlatforms.has(platform));

  const code = context.interrupted
    ? EXIT.interrupted
    : refused.length > 0
      ? EXIT.refused
      : result.storeErrors.length > 0
        ? EXIT.failed
        : EXIT.ok;

  const seconds = Math.round(stats.durationMs / 1000);
  const lines: string[] = [];
  const stored = `${fresh + stats.resumed} of ${stats.accounts} accounts`;
  lines.push(
    context.interrupted
      ? `Interrupted after ${seconds} s: ${stored} have today's figure in the ${context.store}${stats.resumed ? ` (${stats.resumed} from an earlier run)` : ''}; what was collected stays stored.`
      : `Collected ${stored} in ${seconds} s into the ${context.store}${stats.resumed ? ` (${stats.resumed} from an earlier run today)` : ''}.`,
  );
  const counted = failures.filter((f) => f.reason !== 'aborted');
  if (counted.length > 0) {
    lines.push(`${counted.length} without a figure (never counted as zero):`);
    const groups = groupFailures(counted);
    for (const [key, group] of [...groups].slice(0, LISTED_GROUPS)) {
      const [platform, reason] = key.split('\n') as [string, string];
      const ids = group.slice(0, 3).map((f) => f.accountId);
      const more = group.length > 3 ? `, … and ${group.length - 3} more` : '';
      lines.push(`  ${name(platform)}, ${reason}: ${group.length} (${ids.join(', ')}${more})`);
      if (reason !== 'no-provider') lines.push(`    e.g. ${cut(group[0]!.message)}`);
    }
    if (groups.size > LISTED_GROUPS)
      lines.push(`  … and ${groups.size - LISTED_GROUPS} more kinds`);
  }
  for (const platform of refused) {
    const variable = CREDENTIAL_OF[platform as ApiPlatform] ?? 'its credential';
    lines.push(`${name(platform)} refused the credential: check ${variable}.`);
  }
  for (const error of result.storeErrors) lines.push(`The store failed: ${error.message}`);
  if (context.interrupted) {
    const left = failures.filter((f) => f.reason === 'aborted').length;
    lines.push(`${left} accounts were not fetched. To complete today's run: ${context.resumeLine}`);
  }

  const fields = {
    exitCode: code,
    interrupted: context.interrupted,
    accounts: stats.accounts,
    collected: fresh,
    resumed: stats.resumed,
    failed: failures.length,
    refused,
    failures: failures.map(({ accountId, platform, reason, message }) => ({
      accountId,
      platform,
      reason,
      message,
    })),
    storeErrors: result.storeErrors.map((e) => e.message),
    stats: {
      requests: stats.requests,
      retries: stats.retries,
      throttled: stats.throttled,
      throttledMs: stats.throttledMs,
      stored: stats.stored,
      durationMs: stats.durationMs,
    },
    ...(context.interrupted ? { resumeWith: context.resumeLine } : {}),
  };
  return { lines, fields, code };
}

function groupFailures(failures: readonly CollectFailure[]): Map<string, CollectFailure[]> {
  const groups = new Map<string, CollectFailure[]>();
  for (const failure of failures) {
    const key = `${failure.platform}\n${failure.reason}`;
    const group = groups.get(key);
    if (group) group.push(failure);
    else groups.set(key, [failure]);
  }
  return groups;
}

function cut(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').replace(/^\[social-reach\]\s*/, '');
  return oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine;
}
