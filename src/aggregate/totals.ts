import type { Count } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Unit } from '../model/unit.js';
import { asOfTime, latestByIdentity, platformFilter } from './latest.js';
import { indexRegistry } from './registry-index.js';

/** Options of {@link totals}. */
export interface TotalsOptions {
  /** Use, per account, the newest snapshot at or before this time. @default the newest there is */
  asOf?: Date;
  /** Count only these platforms. @default every platform */
  platforms?: readonly PlatformId[];
}

/** A total over a set of accounts, with how complete it is. */
export interface CountSummary {
  /**
   * The sum of the accounts' counts. When accounts are missing, `max` is unknown: the true total
   * is at least the observed sum, never the sum with missing accounts taken as zero.
   */
  readonly count: Count;
  /** Real accounts counted (an account listed under two units below counts once). */
  readonly accounts: number;
  /** Accounts that had a snapshot. */
  readonly observed: number;
  /** Ids of accounts without a snapshot (one id per real account). */
  readonly missing: readonly string[];
}

/** A unit's total, rolled up over the unit and every unit below it. */
export interface UnitTotal extends CountSummary {
  readonly unit: Unit;
  /** The same figures per platform, for platforms with at least one account under the unit. */
  readonly byPlatform: Readonly<Partial<Record<PlatformId, CountSummary>>>;
}

/** What {@link totals} returns. */
export interface Totals {
  readonly asOf: Date | undefined;
  /** The platform filter applied, if any. */
  readonly platforms: readonly PlatformId[] | undefined;
  /** Every unit of the registry, in registry order. */
  readonly units: ReadonlyMap<string, UnitTotal>;
  /**
   * The snapshot counted for each active account that had one, by account id (entries of a shared
   * account map to the same snapshot). For drilling down from a total to its accounts.
   */
  readonly snapshots: ReadonlyMap<string, Snapshot>;
}

/**
 * Totals for every unit of a registry, rolled up the tree: for each unit, its total count, a count
 * per platform, how many accounts it has and which have no snapshot. A real account listed under
 * two units is counted once in every total above both. Pure: snapshots in, totals out.
 *
 * @example
 * ```ts
 * const t = totals(registry, snapshots, { asOf: new Date('2026-11-01') });
 * describeCount(t.units.get('indore-district')!.count); // 'about 2,03,500'
 * ```
 */
export function totals(
  registry: Registry,
  snapshots: Iterable<Snapshot>,
  options: TotalsOptions = {},
): Totals {
  const limit = asOfTime(options.asOf);
  const filter = platformFilter(options.platforms, registry);
  const best = latestByIdentity(registry, snapshots, limit, filter);
  const { identities } = indexRegistry(registry);

  const acc = registry.units.map(() => new Accumulator());
  const byPlatform = registry.units.map(() => new Map<PlatformId, Accumulator>());
  identities.forEach((identity, n) => {
    if (filter && !filter.has(identity.platform)) return;
    const snapshot = best[n];
    const missingId = identity.accounts[0]!.id;
    for (const u of identity.units) {
      acc[u]!.add(snapshot, missingId);
      const platforms = byPlatform[u]!;
      let perPlatform = platforms.get(identity.platform);
      if (!perPlatform) {
        perPlatform = new Accumulator();
        platforms.set(identity.platform, perPlatform);
      }
      perPlatform.add(snapshot, missingId);
    }
  });

  const used = new Map<string, Snapshot>();
  identities.forEach((identity, n) => {
    const snapshot = best[n];
    if (snapshot) for (const account of identity.accounts) used.set(account.id, snapshot);
  });

  const units = new Map<string, UnitTotal>();
  registry.units.forEach((unit, u) => {
    const platforms: Partial<Record<PlatformId, CountSummary>> = {};
    for (const [platform, a] of byPlatform[u]!) platforms[platform] = a.summary();
    units.set(unit.id, { unit, ...acc[u]!.summary(), byPlatform: platforms });
  });
  return { asOf: options.asOf, platforms: options.platforms, units, snapshots: used };
}

/** Adds counts of accounts into a {@link CountSummary}. */
class Accumulator {
  value = 0;
  min: number | null = 0;
  max: number | null = 0;
  accounts = 0;
  observed = 0;
  missing: string[] = [];

  add(snapshot: Snapshot | undefined, missingId: string): void {
    this.accounts++;
    if (snapshot === undefined) {
      this.missing.push(missingId);
      return;
    }
    this.observed++;
    const { value, min, max } = snapshot.followers;
    this.value += value;
    this.min = this.min === null || min === null ? null : this.min + min;
    this.max = this.max === null || max === null ? null : this.max + max;
  }

  summary(): CountSummary {
    return {
      count: { value: this.value, min: this.min, max: this.missing.length > 0 ? null : this.max },
      accounts: this.accounts,
      observed: this.observed,
      missing: this.missing,
    };
  }
}
