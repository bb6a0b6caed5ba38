import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { Count, zodIssues } from './count.js';
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
  extra: z.record(z.string(), z.number().finite()).optional(),
  source: SnapshotSource,
});
/** See the {@link Snapshot} schema. */
export type Snapshot = z.output<typeof Snapshot>;
/** A snapshot as written in JSON: `takenAt` may be an ISO string. */
export type SnapshotInput = z.input<typeof Snapshot>;

/**
 * Validates snapshots (e.g. read back from JSON) and returns them with `takenAt` as `Date`s.
 *
 * @throws {ValidationError} listing every problem with its path (`[3].followers.min`).
 */
export function parseSnapshots(input: readonly unknown[]): Snapshot[] {
  const out: Snapshot[] = [];
  const issues: ReturnType<typeof zodIssues> = [];
  input.forEach((item, index) => {
    const parsed = Snapshot.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else issues.push(...zodIssues(parsed.error, [index]));
  });
  if (issues.length > 0) throw new ValidationError('Invalid snapshots', issues);
  return out;
}
