// Checks shared by every store: the rows `put` accepts and the options reads take. Internal.

import {
  OptionError,
  quoteInput,
  StoreError,
  ValidationError,
  type ValidationIssue,
  zodIssues,
} from '../errors.js';
import type { Registry } from '../model/registry.js';
import { Snapshot } from '../model/snapshot.js';
import type {
  HistoryOptions,
  PeriodValuesOptions,
  PruneOptions,
  RunOutcome,
  StoreLatestOptions,
} from './types.js';

// PostgreSQL's timestamptz and ISO strings both handle years 1 to 9999; a store holds no other.
/** The earliest `takenAt` a store holds: 0001-01-01T00:00:00.000Z. */
export const MIN_TIME = new Date('0001-01-01T00:00:00.000Z').getTime();
/** The latest `takenAt` a store holds: 9999-12-31T23:59:59.999Z. */
export const MAX_TIME = new Date('9999-12-31T23:59:59.999Z').getTime();

/**
 * Validates the rows of one `put` and returns them parsed (dates as `Date`s). Collects every
 * problem of every row before throwing, so nothing is written from a call with one bad row.
 */
export function checkSnapshots(
  store: string,
  input: readonly Snapshot[],
  registry: Registry | undefined,
): Snapshot[] {
  if (!Array.isArray(input)) {
    throw new OptionError('snapshots', 'an array of snapshots', input);
  }
  const out: Snapshot[] = [];
  const issues: ValidationIssue[] = [];
  // An index loop, not forEach: forEach skips the holes of a sparse array without a word.
  for (let index = 0; index < input.length; index++) {
    const parsed = Snapshot.safeParse(input[index]);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, [index]));
      continue;
    }
    const snapshot = parsed.data;
    const before = issues.length;
    storable(snapshot, index, issues);
    if (registry !== undefined) {
      const account = registry.account(snapshot.accountId);
      if (account === undefined) {
        issues.push({
          path: [index, 'accountId'],
          message: `unknown account ${quoteInput(snapshot.accountId)}: the registry has no such account`,
        });
      } else if (account.platform !== snapshot.platform) {
        issues.push({
          path: [index, 'platform'],
          message: `account ${quoteInput(snapshot.accountId)} is on ${quoteInput(account.platform)} in the registry, got ${quoteInput(snapshot.platform)}`,
        });
      }
    }
    if (issues.length === before) out.push(snapshot);
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `[${store}] put refused ${input.length === 1 ? 'the snapshot' : `a batch of ${input.length} snapshots`}, nothing was written`,
      issues,
    );
  }
  return out;
}

/** The rows of one `put` with a repeated `(accountId, takenAt)` reduced to its last row. */
export function lastPerKey(snapshots: readonly Snapshot[]): Snapshot[] {
  const byKey = new Map<string, Snapshot>();
  for (const snapshot of snapshots) {
    // NUL cannot occur in a stored id (see `storable`), so it separates the two parts safely.
    const key = `${snapshot.accountId}\u0000${snapshot.takenAt.getTime()}`;
    byKey.delete(key);
    byKey.set(key, snapshot);
  }
  return byKey.size === snapshots.length ? [...snapshots] : [...byKey.values()];
}

/** `latest` options, checked, with `asOf` resolved. */
export interface ResolvedLatest {
  asOf: Date;
  /** Unique ids, sorted with {@link compareIds}; `undefined` for every account. */
  accountIds: string[] | undefined;
}

/** `history` options, checked. */
export interface ResolvedHistory {
  from: Date | undefined;
  to: Date | undefined;
  accountIds: string[] | undefined;
}

/** Checks `latest` options; `asOf` defaults to now. */
export function readLatestOptions(options: StoreLatestOptions | undefined): ResolvedLatest {
  const o = readObject(options);
  return {
    asOf: readDate('asOf', o.asOf) ?? new Date(),
    accountIds: readIds(o.accountIds),
  };
}

/** Checks `history` options. */
export function readHistoryOptions(options: HistoryOptions | undefined): ResolvedHistory {
  const o = readObject(options);
  return {
    from: readDate('from', o.from),
    to: readDate('to', o.to),
    accountIds: readIds(o.accountIds),
  };
}

/** `periodValues` options, checked, as epoch milliseconds. */
export interface ResolvedPeriods {
  /** Period `i` takes values taken at or after `from[i]` and before `to[i]` (whole ms). */
  from: number[];
  to: number[];
  /** Period `i` starts at `start[i]`: a value taken before it was carried forward. */
  start: number[];
  accountIds: string[] | undefined;
}

/**
 * Checks `periodValues` options and turns them into one window per period: from the period's
 * start less the staleness (rounded up to a whole millisecond, as stored times are) to its end.
 */
export function readPeriodValuesOptions(options: PeriodValuesOptions): ResolvedPeriods {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError('options', 'an object with `bounds`', options);
  }
  const { bounds, maxStalenessMs = 0 } = options;
  if (!Array.isArray(bounds) || bounds.length < 2) {
    throw new OptionError('bounds', 'an array of at least two Dates', bounds);
  }
  const times: number[] = [];
  for (const bound of bounds as unknown[]) {
    const time = readDate('bounds', bound)?.getTime();
    if (time === undefined || (times.length > 0 && time <= times[times.length - 1]!)) {
      throw new OptionError('bounds', 'strictly increasing valid Dates', bound);
    }
    times.push(time);
  }
  if (typeof maxStalenessMs !== 'number' || !(maxStalenessMs >= 0) || maxStalenessMs === Infinity) {
    throw new OptionError('maxStalenessMs', 'a number of milliseconds >= 0', maxStalenessMs);
  }
  const start = times.slice(0, -1);
  return {
    from: start.map((t) => Math.ceil(t - maxStalenessMs)),
    to: times.slice(1),
    start,
    accountIds: readIds(options.accountIds),
  };
}

/**
 * Orders account ids by Unicode code point, as PostgreSQL's `COLLATE "C"` orders UTF-8 bytes, so
 * every store sorts alike. Plain `<` compares UTF-16 code units, which puts astral characters
 * (surrogate pairs, D800–DFFF) before U+E000–U+FFFF; this corrects that one case.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys && (xs ? y : x) >= 0xe000) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** The error every method of a closed store throws. */
export function closedError(store: string, operation: string): StoreError {
  return new StoreError('the store is closed', { store, operation });
}

// ---------------------------------------------------------------------------------------------

function storable(snapshot: Snapshot, index: number, issues: ValidationIssue[]): void {
  const time = snapshot.takenAt.getTime();
  if (time < MIN_TIME || time > MAX_TIME) {
    issues.push({
      path: [index, 'takenAt'],
      message: `expected a time between the years 1 and 9999, got ${time} ms since 1970`,
    });
  }
  const texts: [readonly (string | number)[], string | undefined][] = [
    [['accountId'], snapshot.accountId],
    [['platform'], snapshot.platform],
    [['source', 'provider'], snapshot.source.provider],
    [['source', 'note'], snapshot.source.note],
    [['source', 'evidenceUrl'], snapshot.source.evidenceUrl],
  ];
  for (const key of Object.keys(snapshot.extra ?? {})) texts.push([['extra', key], key]);
  for (const [path, text] of texts) {
    const problem = text === undefined ? undefined : textProblem(text);
    if (problem !== undefined) issues.push({ path: [index, ...path], message: problem });
  }
}

// PostgreSQL text cannot hold NUL or unpaired surrogates (UTF-8 cannot encode them): refusing
// them in every store keeps the stores interchangeable and the round trip exact.
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'expected text without NUL characters (\\u0000)';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    return 'expected well-formed Unicode text, got an unpaired surrogate';
  }
  return undefined;
}

/** `prune` options, checked. */
export function readPruneOptions(options: PruneOptions): {
  before: Date;
  platform: string | undefined;
} {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError('options', 'an object with `before`', options);
  }
  const before = readDate('before', options.before);
  if (before === undefined) throw new OptionError('before', 'a valid Date', undefined);
  if (
    options.platform !== undefined &&
    (typeof options.platform !== 'string' || options.platform === '')
  ) {
    throw new OptionError('platform', 'a platform id', options.platform);
  }
  return { before, platform: options.platform };
}

function readObject(options: unknown): {
  asOf?: unknown;
  from?: unknown;
  to?: unknown;
  accountIds?: unknown;
} {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError('options', 'an object', options);
  }
  return options;
}

function readDate(option: string, value: unknown): Date | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new OptionError(option, 'a valid Date', value);
  }
  return value;
}

function readIds(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
    throw new OptionError('accountIds', 'an array of account ids (strings)', value);
  }
  return [...new Set(value as string[])].sort(compareIds);
}

// ---------------------------------------------------------------------------------------------
// The run ledger

/** A run id: what `enqueueCollection` and the ledger accept (also a BullMQ job id part). */
export const RUN_ID = /^[A-Za-z0-9_.-]{1,64}$/;

const FAILURE_REASONS = new Set([
  'no-provider',
  'not-found',
  'suspended',
  'hidden',
  'unauthorized',
  'rate-limited',
  'invalid-response',
  'network',
  'provider-error',
  'aborted',
]);

/** The longest ledger message kept. */
export const MAX_OUTCOME_MESSAGE = 500;

/** Checks a run id given to a ledger read. */
export function readRunId(value: unknown): string {
  if (typeof value !== 'string' || !RUN_ID.test(value)) {
    throw new OptionError('runId', '1–64 characters of letters, digits and _ . -', value);
  }
  return value;
}

/**
 * Validates the rows of one `recordOutcomes` and returns fresh copies, the first of each
 * `(runId, accountId)` only; collects every problem before throwing.
 */
export function checkOutcomes(store: string, input: readonly RunOutcome[]): RunOutcome[] {
  if (!Array.isArray(input)) {
    throw new ValidationError(`[${store}] recordOutcomes`, [
      { path: [], message: `expected an array of run outcomes, got ${typeof input}` },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const out: RunOutcome[] = [];
  const seen = new Set<string>();
  input.forEach((row: RunOutcome, index) => {
    const problem = (path: string, message: string) =>
      issues.push({ path: [index, path], message });
    if (typeof row !== 'object' || row === null) {
      issues.push({ path: [index], message: 'expected a run outcome object' });
      return;
    }
    if (typeof row.runId !== 'string' || !RUN_ID.test(row.runId)) {
      problem('runId', 'expected 1–64 characters of letters, digits and _ . -');
    }
    for (const key of ['accountId', 'platform'] as const) {
      const text = row[key];
      if (typeof text !== 'string' || text === '' || text.length > 1_000) {
        problem(key, 'expected a non-empty string of at most 1000 characters');
      } else {
        const bad = textProblem(text);
        if (bad) problem(key, bad);
      }
    }
    const time = (value: unknown) =>
      value instanceof Date && value.getTime() >= MIN_TIME && value.getTime() <= MAX_TIME;
    if (!time(row.recordedAt))
      problem('recordedAt', 'expected a Date between the years 1 and 9999');
    if (row.status === 'snapshot') {
      if (!time(row.takenAt)) problem('takenAt', "expected the snapshot's takenAt (a Date)");
      if (row.reason !== undefined || row.message !== undefined) {
        problem('reason', 'expected no reason or message with status "snapshot"');
      }
    } else if (row.status === 'failed') {
      if (typeof row.reason !== 'string' || !FAILURE_REASONS.has(row.reason)) {
        problem('reason', `expected a failure reason (${[...FAILURE_REASONS].join(', ')})`);
      }
      if (row.takenAt !== undefined) problem('takenAt', 'expected no takenAt with status "failed"');
      if (row.message !== undefined) {
        if (typeof row.message !== 'string' || row.message.length > MAX_OUTCOME_MESSAGE) {
          problem('message', `expected a string of at most ${MAX_OUTCOME_MESSAGE} characters`);
        } else {
          const bad = textProblem(row.message);
          if (bad) problem('message', bad);
        }
      }
    } else {
      problem('status', 'expected "snapshot" or "failed"');
    }
    const key = `${row.runId}\u0000${row.accountId}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      runId: row.runId,
      accountId: row.accountId,
      platform: row.platform,
      status: row.status,
      ...(row.takenAt !== undefined ? { takenAt: new Date(row.takenAt.getTime()) } : {}),
      ...(row.reason !== undefined ? { reason: row.reason } : {}),
      ...(row.message !== undefined ? { message: row.message } : {}),
      recordedAt: new Date(row.recordedAt.getTime()),
    });
  });
  if (issues.length > 0) throw new ValidationError(`[${store}] recordOutcomes`, issues);
  return out;
}
