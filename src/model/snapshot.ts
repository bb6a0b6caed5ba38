import { z } from 'zod/v4';
import { describeValue, ValidationError, type ValidationIssue, zodIssues } from '../errors.js';
import { isObject, isWholeNumber } from '../util/guards.js';
import { Count } from './count.js';
import { ownRecord } from './own-record.js';
import type { PlatformId } from './platform.js';

/** A point in time: a `Date`, or an ISO 8601 string with a time zone (read into a `Date`). */
export const Timestamp = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
]);

/** Where a snapshot came from: the provider's name, and for figures entered by hand, a note. */
export const SnapshotSource = z.strictObject({
  /** The provider's name, e.g. `'x-api-v2'` or `'static'`. */
  provider: z.string().min(1),
  /** Free text, e.g. `'Indore News report, 2021'`. */
  note: z.string().min(1).optional(),
  /** Where the figure can be checked, e.g. the report's URL. */
  evidenceUrl: z.url().optional(),
});
/** See the {@link SnapshotSource} schema. */
export type SnapshotSource = z.output<typeof SnapshotSource>;

const Metric = z.number().int().nonnegative();

/**
 * One observation of one account: when, how many followers (with honest precision), optional other
 * metrics, and where the figure came from.
 */
export const Snapshot = z.strictObject({
  accountId: z.string().min(1),
  platform: z.string().min(1) as z.ZodType<PlatformId>,
  takenAt: Timestamp,
  followers: Count,
  /** The platform's own id for the account, as a string (X ids exceed 2^53). */
  platformUserId: z.string().min(1).optional(),
  following: Metric.optional(),
  posts: Metric.optional(),
  views: Metric.optional(),
  /** Other platform metrics, e.g. Facebook's `fan_count` as `{ fans: 148921 }`. */
  extra: ownRecord(z.number().finite()).optional(),
  source: SnapshotSource,
});
/** See the {@link Snapshot} schema. */
export type Snapshot = z.output<typeof Snapshot>;
/** A snapshot as written in JSON: `takenAt` may be an ISO string. */
export type SnapshotInput = z.input<typeof Snapshot>;

/**
 * Validates snapshots (e.g. read back from JSON) and returns them with `takenAt` as `Date`s.
 *
 * @throws {ValidationError} listing every problem with its path (`[3].followers.min`) in `issues`;
 * the message shows the first 20 and says how many more there are.
 */
export function parseSnapshots(input: readonly unknown[]): Snapshot[] {
  if (!Array.isArray(input)) {
    throw new ValidationError('Invalid snapshots', [
      { path: [], message: `expected an array of snapshots, got ${describeValue(input)}` },
    ]);
  }
  const out: Snapshot[] = [];
  const issues: ValidationIssue[] = [];
  // An index loop, not forEach: forEach skips the holes of a sparse array without a word.
  for (let index = 0; index < input.length; index++) {
    const parsed = Snapshot.safeParse(input[index]);
    if (parsed.success) out.push(parsed.data);
    else issues.push(...zodIssues(parsed.error, [index]));
  }
  if (issues.length > 0) throw new ValidationError('Invalid snapshots', issues);
  return out;
}

/**
 * A fast check that `value` is a {@link Snapshot} exactly as the schema would return it (a `Date`
 * for `takenAt`, no unknown keys, no `undefined` values), for the engine's hot path. It never
 * accepts what the schema rejects (a property test checks this); when it says no, use the schema,
 * which also says why.
 */
export function isPlainSnapshot(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const s = value as Record<string, unknown>;
  let required = 0;
  // One pass over the keys: each known key is checked where it is met, any other key fails.
  for (const key in s) {
    const v = s[key];
    switch (key) {
      case 'accountId':
      case 'platform':
        if (!nonEmpty(v)) return false;
        required++;
        break;
      case 'takenAt':
        if (!(v instanceof Date) || Number.isNaN(v.getTime())) return false;
        required++;
        break;
      case 'followers':
        if (!plainCount(v)) return false;
        required++;
        break;
      case 'source':
        if (!plainSource(v)) return false;
        required++;
        break;
      case 'platformUserId':
        if (!nonEmpty(v)) return false;
        break;
      case 'following':
      case 'posts':
      case 'views':
        if (!isWholeNumber(v)) return false;
        break;
      case 'extra':
        if (!plainExtra(v)) return false;
        break;
      default:
        return false;
    }
    if (!Object.hasOwn(s, key)) return false;
  }
  return required === 5;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function plainCount(value: unknown): boolean {
  if (!isObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if ((key !== 'value' && key !== 'min' && key !== 'max') || !Object.hasOwn(value, key))
      return false;
    keys++;
  }
  const { value: v, min, max } = value;
  if (keys !== 3 || !isWholeNumber(v)) return false;
  if (min !== null && !(isWholeNumber(min) && min <= v)) return false;
  if (max !== null && !(isWholeNumber(max) && max >= v)) return false;
  return true;
}

function plainSource(value: unknown): boolean {
  if (!isObject(value)) return false;
  let provider = false;
  for (const key in value) {
    // An evidence URL is checked by the schema, not here.
    if ((key !== 'provider' && key !== 'note') || !Object.hasOwn(value, key)) return false;
    if (!nonEmpty(value[key])) return false;
    if (key === 'provider') provider = true;
  }
  return provider;
}

function plainExtra(value: unknown): boolean {
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) {
    // the schema refuses an own `__proto__` key (see ownRecord)
    if (key === '__proto__') return false;
    const v = value[key];
    if (!Object.hasOwn(value, key) || typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}
