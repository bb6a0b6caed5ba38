import { formatPath, RegistryError, type ValidationIssue } from '../errors.js';
import { Account, type AccountInput } from './account.js';
import { zodIssues } from './count.js';
import {
  BUILT_IN_PLATFORM_IDS,
  identityKey,
  isBuiltInPlatform,
  PLATFORMS,
  type PlatformDefinition,
  type PlatformId,
} from './platform.js';
import { Unit } from './unit.js';

/** What {@link defineRegistry} takes: plain data, e.g. read from a JSON file. */
export interface RegistryInput {
  /** Custom platforms made with `definePlatform`, usable by the accounts below. */
  platforms?: readonly PlatformDefinition[];
  units: readonly Unit[];
  accounts?: readonly AccountInput[];
}

/**
 * A validated organisation tree with its accounts. Made by {@link defineRegistry}; every lookup
 * is precomputed.
 */
export interface Registry {
  /** Units in input order. */
  readonly units: readonly Unit[];
  /** Accounts in input order, handles normalised. */
  readonly accounts: readonly Account[];
  /** Units without a parent. */
  readonly roots: readonly Unit[];
  /** The unit with this id, or `undefined`. */
  unit(id: string): Unit | undefined;
  /** The account with this id, or `undefined`. */
  account(id: string): Account | undefined;
  /** The platform definition for an id used in this registry (built-in or custom). */
  platform(id: PlatformId): PlatformDefinition | undefined;
  /** Direct children of a unit, in input order. */
  children(unitId: string): readonly Unit[];
  /** A unit's ancestors, nearest first (the unit itself not included). */
  ancestors(unitId: string): readonly Unit[];
  /** Accounts owned by a unit or any unit below it, in input order. */
  accountsUnder(unitId: string): readonly Account[];
  /**
   * The key shared by every entry of the same real account (platform + handle, case folded where
   * the platform ignores case), or `undefined` for an unknown account. Totals count each key once.
   */
  identity(accountId: string): string | undefined;
}

/**
 * Validates a whole registry and returns it with lookups precomputed.
 *
 * Checks, all at once: each unit and account's shape, unique ids, parents and owners that exist, no
 * cycles, known platforms, handles valid for their platform. The same (platform, handle) may be
 * listed under two units: it is one account for every total above both.
 *
 * @throws {RegistryError} listing **every** problem with its path.
 *
 * @example
 * ```ts
 * const registry = defineRegistry({
 *   units: [
 *     { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
 *     { id: 'indore', kind: 'district', name: 'Indore', parent: 'mp' },
 *   ],
 *   accounts: [{ id: 'indore-x', unit: 'indore', platform: 'x', handle: '@IndoreCollector' }],
 * });
 * ```
 */
export function defineRegistry(input: RegistryInput): Registry {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RegistryError([
      { path: [], message: 'expected an object { units: [...], accounts: [...] }' },
    ]);
  }
  const platforms = readPlatforms(input.platforms, issues);
  const units = readUnits(input.units, issues);
  const accounts = readAccounts(input.accounts, units, platforms, issues);
  if (issues.length > 0) throw new RegistryError(issues);
  return buildRegistry(
    units.map((u) => u.unit),
    accounts,
    platforms,
  );
}

// ---------------------------------------------------------------------------------------------

function readPlatforms(raw: unknown, issues: ValidationIssue[]): Map<string, PlatformDefinition> {
  const map = new Map<string, PlatformDefinition>();
  for (const id of BUILT_IN_PLATFORM_IDS) map.set(id, PLATFORMS[id]);
  if (raw === undefined) return map;
  if (!Array.isArray(raw)) {
    issues.push({
      path: ['platforms'],
      message: 'expected an array of definePlatform(...) results',
    });
    return map;
  }
  raw.forEach((platform: unknown, index) => {
    const def = platform as PlatformDefinition;
    if (typeof def !== 'object' || def === null || typeof def.normalize !== 'function') {
      issues.push({ path: ['platforms', index], message: 'expected a definePlatform(...) result' });
    } else if (isBuiltInPlatform(def.id)) {
      issues.push({
        path: ['platforms', index, 'id'],
        message: `"${def.id}" is a built-in platform`,
      });
    } else if (map.has(def.id)) {
      issues.push({
        path: ['platforms', index, 'id'],
        message: `platform "${def.id}" is defined twice`,
      });
    } else {
      map.set(def.id, def);
    }
  });
  return map;
}

interface ReadUnit {
  unit: Unit;
  index: number;
}

function readUnits(raw: unknown, issues: ValidationIssue[]): ReadUnit[] {
  if (!Array.isArray(raw)) {
    issues.push({ path: ['units'], message: 'expected an array of units' });
    return [];
  }
  const read: ReadUnit[] = [];
  const firstIndex = new Map<string, number>();
  raw.forEach((item: unknown, index) => {
    const parsed = Unit.safeParse(item);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, ['units', index]));
      return;
    }
    const first = firstIndex.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({
        path: ['units', index, 'id'],
        message: `duplicate unit id "${parsed.data.id}" (first used at ${formatPath(['units', first])})`,
      });
      return;
    }
    firstIndex.set(parsed.data.id, index);
    read.push({ unit: parsed.data, index });
  });

  const byId = new Map(read.map((r) => [r.unit.id, r]));
  for (const { unit, index } of read) {
    if (unit.parent !== undefined && !byId.has(unit.parent)) {
      issues.push({
        path: ['units', index, 'parent'],
        message: `unknown unit "${unit.parent}"${suggest(unit.parent, byId.keys())}`,
      });
    }
  }
  // Cycles: walk each unit's parent chain; report each cycle once, at its first unit in input order.
  const reported = new Set<string>();
  for (const { unit, index } of read) {
    const seen: string[] = [];
    let current: Unit | undefined = unit;
    while (current?.parent !== undefined && !seen.includes(current.id)) {
      seen.push(current.id);
      current = byId.get(current.parent)?.unit;
    }
    if (current === undefined || current.parent === undefined) continue;
    const start = seen.indexOf(current.id);
    const cycle = seen.slice(start);
    if (!cycle.includes(unit.id) || cycle.some((id) => reported.has(id))) continue;
    for (const id of cycle) reported.add(id);
    issues.push({
      path: ['units', index, 'parent'],
      message: `the parents form a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
    });
  }
  return read;
}

function readAccounts(
  raw: unknown,
  units: readonly ReadUnit[],
  platforms: ReadonlyMap<string, PlatformDefinition>,
  issues: ValidationIssue[],
): Account[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push({ path: ['accounts'], message: 'expected an array of accounts' });
    return [];
  }
  const unitIds = new Set(units.map((u) => u.unit.id));
  const accounts: Account[] = [];
  const firstIndex = new Map<string, number>();
  const identityIndex = new Map<string, number>(); // `${unit} ${identity}` → first index
  raw.forEach((item: unknown, index) => {
    const parsed = Account.safeParse(item);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, ['accounts', index]));
      return;
    }
    const account = parsed.data;
    let ok = true;
    const first = firstIndex.get(account.id);
    if (first !== undefined) {
      issues.push({
        path: ['accounts', index, 'id'],
        message: `duplicate account id "${account.id}" (first used at ${formatPath(['accounts', first])})`,
      });
      ok = false;
    } else {
      firstIndex.set(account.id, index);
    }
    if (!unitIds.has(account.unit)) {
      issues.push({
        path: ['accounts', index, 'unit'],
        message: `unknown unit "${account.unit}"${suggest(account.unit, unitIds)}`,
      });
      ok = false;
    }
    const platform = platforms.get(account.platform);
    if (platform === undefined) {
      issues.push({
        path: ['accounts', index, 'platform'],
        message: `unknown platform "${account.platform}"${platformHint(account.platform, platforms.keys())}`,
      });
      return;
    }
    let handle: string;
    try {
      handle = platform.normalize(account.handle);
    } catch (error) {
      const rule = (error as { rule?: string }).rule ?? String(error);
      issues.push({
        path: ['accounts', index, 'handle'],
        message: `${JSON.stringify(account.handle)} is not a valid ${platform.name.en} handle: ${rule}`,
      });
      return;
    }
    const key = `${account.unit} ${identityKey(platform, handle)}`;
    const twin = identityIndex.get(key);
    if (twin !== undefined) {
      issues.push({
        path: ['accounts', index],
        message: `the same ${platform.name.en} account "${handle}" is already listed for unit "${account.unit}" at ${formatPath(['accounts', twin])}`,
      });
      ok = false;
    } else {
      identityIndex.set(key, index);
    }
    if (ok) accounts.push({ ...account, handle });
  });
  return accounts;
}

function buildRegistry(
  units: Unit[],
  accounts: Account[],
  platforms: ReadonlyMap<string, PlatformDefinition>,
): Registry {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const children = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.parent !== undefined) {
      const list = children.get(unit.parent) ?? [];
      list.push(unit);
      children.set(unit.parent, list);
    }
  }
  const ancestors = new Map<string, Unit[]>();
  const ancestorsOf = (id: string): Unit[] => {
    let list = ancestors.get(id);
    if (list) return list;
    const parentId = unitById.get(id)?.parent;
    const parent = parentId === undefined ? undefined : unitById.get(parentId);
    list = parent ? [parent, ...ancestorsOf(parent.id)] : [];
    ancestors.set(id, list);
    return list;
  };
  const under = new Map<string, Account[]>();
  for (const unit of units) under.set(unit.id, []);
  for (const account of accounts) {
    under.get(account.unit)?.push(account);
    for (const ancestor of ancestorsOf(account.unit)) under.get(ancestor.id)?.push(account);
  }
  const identities = new Map(
    accounts.map((a) => [a.id, identityKey(platforms.get(a.platform)!, a.handle)]),
  );
  const roots = units.filter((u) => u.parent === undefined);
  const frozenUnits = Object.freeze([...units]);
  const frozenAccounts = Object.freeze([...accounts]);
  const none: readonly never[] = Object.freeze([]);

  return Object.freeze({
    units: frozenUnits,
    accounts: frozenAccounts,
    roots: Object.freeze(roots),
    unit: (id: string) => unitById.get(id),
    account: (id: string) => accountById.get(id),
    platform: (id: PlatformId) => platforms.get(id),
    children: (id: string) => children.get(id) ?? none,
    ancestors: (id: string) => (unitById.has(id) ? ancestorsOf(id) : none),
    accountsUnder: (id: string) => under.get(id) ?? none,
    identity: (accountId: string) => identities.get(accountId),
  });
}

// ---------------------------------------------------------------------------------------------
// "Did you mean" hints.

const PLATFORM_ALIASES: Record<string, string> = {
  twitter: 'x',
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  yt: 'youtube',
  tg: 'telegram',
  bsky: 'bluesky',
};

function platformHint(id: string, known: Iterable<string>): string {
  const alias = PLATFORM_ALIASES[id.toLowerCase()];
  if (alias) return ` (use "${alias}")`;
  const hint = suggest(id, known);
  return hint || ` (known: ${[...known].join(', ')}; define others with definePlatform)`;
}

function suggest(id: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
