import {
  describeValue,
  formatPath,
  quoteInput,
  RegistryError,
  SocialReachError,
  type ValidationIssue,
  zodIssues,
} from '../errors.js';
import { Account, type AccountInput } from './account.js';
import {
  BUILT_IN_PLATFORM_IDS,
  identityKey,
  isBuiltInPlatform,
  PLATFORM_ID,
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
 * A validated organisation tree with its accounts. Made by {@link defineRegistry}: the id lookups,
 * children and roots are precomputed; ancestors and accounts under a unit are found when asked, so
 * that a registry of any depth is built in linear time.
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
  /**
   * A unit's ancestors, nearest first (the unit itself not included): a frozen list made at each
   * call, in time proportional to the unit's depth.
   */
  ancestors(unitId: string): readonly Unit[];
  /** Accounts owned by a unit or any unit below it, in input order (frozen, built on first use). */
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
  // An index loop, not forEach: forEach skips the holes of a sparse array without a word.
  for (let index = 0; index < raw.length; index++) {
    const def = raw[index] as PlatformDefinition;
    if (
      typeof def !== 'object' ||
      def === null ||
      typeof def.normalize !== 'function' ||
      typeof def.name?.en !== 'string'
    ) {
      issues.push({ path: ['platforms', index], message: 'expected a definePlatform(...) result' });
    } else if (typeof def.id !== 'string' || !PLATFORM_ID.test(def.id)) {
      // the ids definePlatform accepts; they also key report objects (`byPlatform`), where
      // `__proto__` would replace the prototype
      issues.push({
        path: ['platforms', index, 'id'],
        message: `expected a lower-case id like "sharechat", got ${describeValue(def.id)}`,
      });
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
  }
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
  for (let index = 0; index < raw.length; index++) {
    const parsed = Unit.safeParse(raw[index]);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, ['units', index]));
      continue;
    }
    const first = firstIndex.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({
        path: ['units', index, 'id'],
        message: `duplicate unit id ${quoteInput(parsed.data.id)} (first used at ${formatPath(['units', first])})`,
      });
      continue;
    }
    firstIndex.set(parsed.data.id, index);
    read.push({ unit: parsed.data, index });
  }

  const byId = new Map(read.map((r) => [r.unit.id, r]));
  const hints = hintBudget();
  for (const { unit, index } of read) {
    if (unit.parent !== undefined && !byId.has(unit.parent)) {
      issues.push({
        path: ['units', index, 'parent'],
        message: `unknown unit ${quoteInput(unit.parent)}${hints.suggest(unit.parent, byId.keys())}`,
      });
    }
  }
  for (const cycle of findCycles(read, byId)) {
    // Reported once, at the unit of the cycle that comes first in the input.
    let first = 0;
    for (let i = 1; i < cycle.length; i++) if (cycle[i]!.index < cycle[first]!.index) first = i;
    const ids = [...cycle.slice(first), ...cycle.slice(0, first)].map((r) => r.unit.id);
    issues.push({ path: ['units', cycle[first]!.index, 'parent'], message: describeCycle(ids) });
  }
  return read;
}

/**
 * Every cycle of parents, each once, as its units in parent order. One pass over the units with
 * three colours (unseen, on the current walk, done), so each unit is visited once: linear time,
 * and no recursion for a deep tree to overflow.
 */
function findCycles(read: readonly ReadUnit[], byId: ReadonlyMap<string, ReadUnit>): ReadUnit[][] {
  const ON_WALK = 1;
  const DONE = 2;
  const colour = new Map<string, number>();
  const cycles: ReadUnit[][] = [];
  const walk: ReadUnit[] = [];
  for (const start of read) {
    walk.length = 0;
    let current: ReadUnit | undefined = start;
    while (current !== undefined && colour.get(current.unit.id) === undefined) {
      colour.set(current.unit.id, ON_WALK);
      walk.push(current);
      const parent: string | undefined = current.unit.parent;
      current = parent === undefined ? undefined : byId.get(parent);
    }
    // The walk stopped at a root, an unknown parent, a unit already done, or a unit of this very
    // walk: only the last closes a new cycle.
    if (current !== undefined && colour.get(current.unit.id) === ON_WALK) {
      cycles.push(walk.slice(walk.indexOf(current)));
    }
    for (const r of walk) colour.set(r.unit.id, DONE);
  }
  return cycles;
}

// A cycle of 100,000 units would make a message of a megabyte: show its two ends.
const CYCLE_SHOWN = 10;

function describeCycle(ids: readonly string[]): string {
  if (ids.length <= CYCLE_SHOWN) return `the parents form a cycle: ${[...ids, ids[0]].join(' → ')}`;
  const head = ids.slice(0, CYCLE_SHOWN - 2);
  const hidden = ids.length - head.length - 1;
  return `the parents form a cycle of ${ids.length} units: ${head.join(' → ')} → … ${hidden} more … → ${ids.at(-1)} → ${ids[0]}`;
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
  const hints = hintBudget();
  for (let index = 0; index < raw.length; index++) {
    const parsed = Account.safeParse(raw[index]);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, ['accounts', index]));
      continue;
    }
    const account = parsed.data;
    let ok = true;
    const first = firstIndex.get(account.id);
    if (first !== undefined) {
      issues.push({
        path: ['accounts', index, 'id'],
        message: `duplicate account id ${quoteInput(account.id)} (first used at ${formatPath(['accounts', first])})`,
      });
      ok = false;
    } else {
      firstIndex.set(account.id, index);
    }
    if (!unitIds.has(account.unit)) {
      issues.push({
        path: ['accounts', index, 'unit'],
        message: `unknown unit ${quoteInput(account.unit)}${hints.suggest(account.unit, unitIds)}`,
      });
      ok = false;
    }
    const platform = platforms.get(account.platform);
    if (platform === undefined) {
      issues.push({
        path: ['accounts', index, 'platform'],
        message: `unknown platform ${quoteInput(account.platform)}${platformHint(account.platform, [...platforms.keys()], hints)}`,
      });
      continue;
    }
    let handle: unknown;
    try {
      handle = platform.normalize(account.handle);
    } catch (error) {
      issues.push({
        path: ['accounts', index, 'handle'],
        message: `${quoteInput(account.handle)} is not a valid ${platform.name.en} handle: ${ruleOf(error)}`,
      });
      continue;
    }
    if (typeof handle !== 'string') {
      issues.push({
        path: ['accounts', index, 'handle'],
        message: `the ${platform.name.en} platform's normalize returned ${typeof handle}, expected a string`,
      });
      continue;
    }
    const key = `${account.unit} ${identityKey(platform, handle)}`;
    const twin = identityIndex.get(key);
    if (twin !== undefined) {
      issues.push({
        path: ['accounts', index],
        message: `the same ${platform.name.en} account ${quoteInput(handle)} is already listed for unit ${quoteInput(account.unit)} at ${formatPath(['accounts', twin])}`,
      });
      ok = false;
    } else {
      identityIndex.set(key, index);
    }
    if (ok) accounts.push({ ...account, handle });
  }
  return accounts;
}

/** The rule a handle broke, from the error its platform threw (a custom one may throw anything). */
function ruleOf(error: unknown): string {
  if (SocialReachError.isInstance(error)) {
    const rule = (error as { rule?: unknown }).rule;
    if (typeof rule === 'string') return rule;
  }
  if (error instanceof Error) return `its normalize threw ${quoteInput(error.message)}`;
  return 'its normalize threw';
}

function buildRegistry(
  units: Unit[],
  accounts: Account[],
  platforms: ReadonlyMap<string, PlatformDefinition>,
): Registry {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const children = new Map<string, Unit[]>();
  const owned = new Map<string, Account[]>();
  for (const unit of units) {
    if (unit.parent !== undefined) {
      const list = children.get(unit.parent) ?? [];
      list.push(unit);
      children.set(unit.parent, list);
    }
  }
  for (const account of accounts) {
    const list = owned.get(account.unit) ?? [];
    list.push(account);
    owned.set(account.unit, list);
  }
  // Walked on demand, not cached: a 100,000-deep chain has 5 billion (unit, ancestor) pairs.
  const ancestorsOf = (id: string): readonly Unit[] => {
    const list: Unit[] = [];
    for (let parentId = unitById.get(id)?.parent; parentId !== undefined; ) {
      const parent = unitById.get(parentId)!;
      list.push(parent);
      parentId = parent.parent;
    }
    return Object.freeze(list);
  };
  // Built on first use, for the same reason; the registry is validated, so there is no cycle.
  const under = new Map<string, readonly Account[]>();
  const accountOrder = new Map(accounts.map((a, i) => [a.id, i]));
  const accountsUnder = (id: string): readonly Account[] => {
    let list = under.get(id);
    if (list) return list;
    const found: Account[] = [];
    const stack = [id];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      for (const account of owned.get(next) ?? []) found.push(account);
      for (const child of children.get(next) ?? []) stack.push(child.id);
    }
    found.sort((a, b) => accountOrder.get(a.id)! - accountOrder.get(b.id)!);
    list = Object.freeze(found);
    under.set(id, list);
    return list;
  };
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
    accountsUnder: (id: string) => (unitById.has(id) ? accountsUnder(id) : none),
    identity: (accountId: string) => identities.get(accountId),
  });
}

// ---------------------------------------------------------------------------------------------
// "Did you mean" hints.

// A Map, not an object literal: `PLATFORM_ALIASES['constructor']` would be `Object` itself.
const PLATFORM_ALIASES: ReadonlyMap<string, string> = new Map([
  ['twitter', 'x'],
  ['fb', 'facebook'],
  ['ig', 'instagram'],
  ['insta', 'instagram'],
  ['yt', 'youtube'],
  ['tg', 'telegram'],
  ['bsky', 'bluesky'],
]);

function platformHint(id: string, known: readonly string[], hints: HintBudget): string {
  const alias = PLATFORM_ALIASES.get(id.toLowerCase());
  if (alias) return ` (use "${alias}")`;
  const hint = hints.suggest(id, known);
  return hint || ` (known: ${known.join(', ')}; define others with definePlatform)`;
}

/** How many unknown names of one list get a "did you mean": the error message lists 20 issues. */
const HINTED = 20;

interface HintBudget {
  suggest(id: string, candidates: Iterable<string>): string;
}

/**
 * A "did you mean" compares a name with every candidate, so it is offered for the first
 * {@link HINTED} unknown names only: a registry of 20,000 units that all name a missing parent
 * stays linear (it took minutes when every one was compared with every unit).
 */
function hintBudget(): HintBudget {
  let left = HINTED;
  return {
    suggest(id, candidates) {
      if (left <= 0) return '';
      left--;
      return suggest(id, candidates);
    },
  };
}

function suggest(id: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  const lower = id.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean ${quoteInput(best)}?)`;
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
