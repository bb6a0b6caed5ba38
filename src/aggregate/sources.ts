import { OptionError } from '../errors.js';
import type { Count } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Snapshot, SnapshotSource } from '../model/snapshot.js';

/** One account's figure at one time, as several sources gave it. */
export interface SourcedFigure {
  readonly accountId: string;
  readonly platform: PlatformId;
  readonly takenAt: Date;
  /**
   * One count covering every source: the lowest lower bound and the highest upper bound (unknown
   * when any source's is), and the mean of the values, rounded.
   */
  readonly count: Count;
  /** Every source's own snapshot, in the order given: its count and its provenance. */
  readonly sources: readonly Snapshot[];
  /**
   * `false` when no single figure fits every source's bounds (6,000 exactly and 6,500 exactly);
   * an approximate figure ("about 6 thousand") fits anything.
   */
  readonly agree: boolean;
}

/** What {@link combineSources} returns. */
export interface CombinedSources {
  /**
   * One snapshot per account and time, to total, rank or store: a figure with one source as it
   * came, a figure with several as their combined count, its source naming them all
   * (`provider` is theirs when they share one, else `'combined'`; `note` joins their notes).
   */
  readonly snapshots: Snapshot[];
  /** The figures that had more than one source, in the order first met. */
  readonly figures: SourcedFigure[];
}

const NOTE_MAX = 500;

/**
 * Combines snapshots of one account at one time from different sources (two newspapers, an API
 * and a press note) into one figure whose bounds cover them all, keeping every source: the
 * combined snapshots go to `totals` and `rank`, and `figures` to reports
 * (`renderReport({ registry, totals, sources: figures })` says where sources disagree).
 *
 * @example
 * ```ts
 * const { snapshots: combined, figures } = combineSources([...hindiReport, ...englishReport]);
 * figures.filter((f) => !f.agree); // the figures the sources disagree on
 * ```
 */
export function combineSources(snapshots: Iterable<Snapshot>): CombinedSources {
  if (snapshots === null || typeof snapshots !== 'object' || !(Symbol.iterator in snapshots)) {
    throw new OptionError('snapshots', 'an iterable of snapshots', snapshots);
  }
  const groups = new Map<string, Snapshot[]>();
  for (const s of snapshots) {
    const key = `${s.accountId}\u0000${s.takenAt.getTime()}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const out: Snapshot[] = [];
  const figures: SourcedFigure[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.length === 1) {
      out.push(first);
      continue;
    }
    const count = hull(group.map((s) => s.followers));
    out.push({ ...first, followers: count, source: combinedSource(group.map((s) => s.source)) });
    figures.push({
      accountId: first.accountId,
      platform: first.platform,
      takenAt: first.takenAt,
      count,
      sources: group,
      agree: agree(group.map((s) => s.followers)),
    });
  }
  return { snapshots: out, figures };
}

function hull(counts: readonly Count[]): Count {
  let min: number | null = Number.POSITIVE_INFINITY;
  let max: number | null = 0;
  let sum = 0;
  for (const c of counts) {
    sum += c.value;
    min = min === null || c.min === null ? null : Math.min(min, c.min);
    max = max === null || c.max === null ? null : Math.max(max, c.max);
  }
  const value = Math.round(sum / counts.length);
  return { value, min, max };
}

function agree(counts: readonly Count[]): boolean {
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  for (const c of counts) {
    low = Math.max(low, c.min ?? 0);
    high = Math.min(high, c.max ?? Number.POSITIVE_INFINITY);
  }
  return low <= high;
}

function combinedSource(sources: readonly SnapshotSource[]): SnapshotSource {
  const providers = new Set(sources.map((s) => s.provider));
  const notes = [...new Set(sources.map((s) => s.note ?? s.provider))].join('; ');
  return {
    provider: providers.size === 1 ? sources[0]!.provider : 'combined',
    note: notes.length > NOTE_MAX ? `${notes.slice(0, NOTE_MAX - 1)}…` : notes,
  };
}
