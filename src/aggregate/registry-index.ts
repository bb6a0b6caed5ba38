import type { Account } from '../model/account.js';
import type { PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';

/**
 * Integer-indexed views of a registry for the aggregation functions, built once per registry and
 * cached. Internal: the aggregation functions are pure, this only avoids rebuilding lookups.
 */
export interface RegistryIndex {
  /** Distinct real accounts (identities) among active accounts, in registry order. */
  readonly identities: readonly IdentityInfo[];
  /** Active account id → identity number. */
  readonly identityOf: ReadonlyMap<string, number>;
  /** Unit ids in registry order; `unitIndex` maps back. */
  readonly unitIds: readonly string[];
  readonly unitIndex: ReadonlyMap<string, number>;
}

export interface IdentityInfo {
  readonly key: string;
  readonly platform: PlatformId;
  /** Registry entries sharing this identity (active ones). */
  readonly accounts: readonly Account[];
  /** Units whose totals include it: every owner and every ancestor of an owner, once each. */
  readonly units: Int32Array;
}

const cache = new WeakMap<Registry, RegistryIndex>();

export function indexRegistry(registry: Registry): RegistryIndex {
  const cached = cache.get(registry);
  if (cached) return cached;
  const unitIds = registry.units.map((u) => u.id);
  const unitIndex = new Map(unitIds.map((id, i) => [id, i]));
  const byKey = new Map<
    string,
    { platform: PlatformId; accounts: Account[]; units: Set<number> }
  >();
  for (const account of registry.accounts) {
    if (account.status !== 'active') continue;
    const key = registry.identity(account.id)!;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { platform: account.platform, accounts: [], units: new Set() };
      byKey.set(key, entry);
    }
    entry.accounts.push(account);
    // Up the parent chain until a unit already counted: its ancestors are counted too, so each
    // identity costs the units above its owners once, not once per owner (and no array of
    // ancestors is built for a 100,000-deep chain).
    for (let unit = registry.unit(account.unit); unit !== undefined; ) {
      const n = unitIndex.get(unit.id)!;
      if (entry.units.has(n)) break;
      entry.units.add(n);
      unit = unit.parent === undefined ? undefined : registry.unit(unit.parent);
    }
  }
  const identities: IdentityInfo[] = [];
  const identityOf = new Map<string, number>();
  for (const [key, entry] of byKey) {
    const n = identities.length;
    identities.push({
      key,
      platform: entry.platform,
      accounts: entry.accounts,
      units: Int32Array.from(entry.units),
    });
    for (const account of entry.accounts) identityOf.set(account.id, n);
  }
  const index: RegistryIndex = { identities, identityOf, unitIds, unitIndex };
  cache.set(registry, index);
  return index;
}
