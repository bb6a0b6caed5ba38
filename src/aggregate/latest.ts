import { OptionError } from '../errors.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { Snapshot } from '../model/snapshot.js';
import { indexRegistry } from './registry-index.js';

/** Options of {@link latest}. */
export interface LatestOptions {
  /** Ignore snapshots taken after this time. @default no limit */
  asOf?: Date;
}

/**
 * The newest snapshot of each account taken at or before `asOf`. Followers are a level, not a
 * flow: a total is built from one snapshot per account, never by adding snapshots over time.
 *
 * @returns one snapshot per account, in the order accounts first appear in the input.
 *
 * @example
 * ```ts
 * const current = latest(allSnapshots, { asOf: new Date('2026-11-01T00:00:00+05:30') });
 * ```
 */
export function latest(snapshots: Iterable<Snapshot>, options: LatestOptions = {}): Snapshot[] {
  const limit = asOfTime(options.asOf);
  const newest = new Map<string, Snapshot>();
  for (const snapshot of snapshots) {
    const time = snapshot.takenAt.getTime();
    if (time > limit) continue;
    const current = newest.get(snapshot.accountId);
    if (current === undefined || time > current.takenAt.getTime())
      newest.set(snapshot.accountId, snapshot);
  }
  return [...newest.values()];
}

/** `asOf` as epoch ms, checked; `+Infinity` when absent. */
export function asOfTime(asOf: Date | undefined, option = 'asOf'): number {
  if (asOf === undefined) return Number.POSITIVE_INFINITY;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw new OptionError(option, 'a valid Date', asOf);
  }
  return asOf.getTime();
}

/** Checks a `platforms` filter option; `undefined` means every platform. */
export function platformFilter(
  platforms: readonly PlatformId[] | undefined,
  registry: Registry,
): ReadonlySet<PlatformId> | undefined {
  if (platforms === undefined) return undefined;
  if (!Array.isArray(platforms))
    throw new OptionError('platforms', 'an array of platform ids', platforms);
  for (const platform of platforms) {
    if (registry.platform(platform) === undefined) {
      throw new OptionError('platforms', 'ids of platforms known to the registry', platform);
    }
  }
  return new Set(platforms);
}

/**
 * The newest snapshot at or before `limit` for every identity (real account) of the registry,
 * indexed by identity number. Snapshots of accounts the registry does not know are ignored.
 */
export function latestByIdentity(
  registry: Registry,
  snapshots: Iterable<Snapshot>,
  limit: number,
  platforms: ReadonlySet<PlatformId> | undefined,
): (Snapshot | undefined)[] {
  const { identities, identityOf } = indexRegistry(registry);
  const best: (Snapshot | undefined)[] = new Array(identities.length);
  const bestTime = new Float64Array(identities.length).fill(Number.NEGATIVE_INFINITY);
  for (const snapshot of snapshots) {
    const n = identityOf.get(snapshot.accountId);
    if (n === undefined) continue;
    const time = snapshot.takenAt.getTime();
    if (time > limit || time <= bestTime[n]!) continue;
    bestTime[n] = time;
    best[n] = snapshot;
  }
  if (platforms) {
    identities.forEach((identity, n) => {
      if (!platforms.has(identity.platform)) best[n] = undefined;
    });
  }
  return best;
}
