// Today's JS computations of growth() and series(), as they were before issue #12 made them
// allocation-light and moved series' last values into the stores (periodValues). Kept verbatim
// (but for names) as the reference the new code is compared with on random histories, here and
// in the store conformance suite. Plus the arbitraries those properties draw from.

import fc from 'fast-check';
import type { UnitGrowth } from '../../src/aggregate/growth.js';
import { latestByIdentity, platformFilter } from '../../src/aggregate/latest.js';
import { indexRegistry } from '../../src/aggregate/registry-index.js';
import type {
  Series,
  SeriesOptions,
  SeriesPeriod,
  SeriesPoint,
} from '../../src/aggregate/series.js';
import { totals } from '../../src/aggregate/totals.js';
import { addCounts, type Count, subtractCounts } from '../../src/model/count.js';
import type { PlatformId } from '../../src/model/platform.js';
import { defineRegistry, type Registry, type RegistryInput } from '../../src/model/registry.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import type { SnapshotStore } from '../../src/stores/types.js';
import {
  fiscalYearStartMonth,
  nextPeriodStartMs,
  type Period,
  periodStartMs,
} from '../../src/util/time-zone.js';

const PERIOD_MS: Record<Period, number> = {
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 31 * 86_400_000,
  quarter: 92 * 86_400_000,
  'fiscal-year': 366 * 86_400_000,
};

/** series() as it was: streams the whole history, then totals() twice per period. */
export async function referenceSeries(
  registry: Registry,
  store: SnapshotStore,
  options: SeriesOptions,
): Promise<Series> {
  const { interval = 'day', timeZone = 'Asia/Kolkata' } = options;
  const from = options.from.getTime();
  const to = options.to.getTime();
  const maxStaleness = options.maxStalenessMs ?? PERIOD_MS[interval];
  const bounds: [number, number][] = [];
  const startMonth = fiscalYearStartMonth(options);
  for (let start = periodStartMs(from, interval, timeZone, startMonth); start <= to; ) {
    const end = nextPeriodStartMs(start, interval, timeZone);
    bounds.push([start, end]);
    start = end;
  }
  const first = bounds[0]![0];
  const last = bounds[bounds.length - 1]![1];

  const known = new Set(registry.accounts.map((a) => a.id));
  const newest = new Map<string, Snapshot>();
  const periods: SeriesPeriod[] = [];
  const history = store
    .history({ from: new Date(first - maxStaleness), to: new Date(last - 1) })
    [Symbol.asyncIterator]();
  let next = await history.next();
  for (const [start, end] of bounds) {
    while (!next.done && next.value.takenAt.getTime() < end) {
      const s = next.value;
      if (known.has(s.accountId)) newest.set(s.accountId, s);
      next = await history.next();
    }
    const current: Snapshot[] = [];
    const fresh: Snapshot[] = [];
    for (const s of newest.values()) {
      const t = s.takenAt.getTime();
      if (t < start - maxStaleness) continue;
      current.push(s);
      if (t >= start) fresh.push(s);
    }
    const all = totals(registry, current, { platforms: options.platforms });
    const recent = totals(registry, fresh, { platforms: options.platforms });
    const units = new Map<string, SeriesPoint>();
    for (const [id, total] of all.units) {
      const freshCount = recent.units.get(id)!.observed;
      const { count, accounts, observed, missing } = total;
      units.set(id, {
        count,
        accounts,
        observed,
        missing,
        fresh: freshCount,
        carried: observed - freshCount,
      });
    }
    periods.push({ start: new Date(start), end: new Date(end), units });
  }
  await history.return?.();
  return { interval, timeZone, periods };
}

interface Pairs {
  before: Count[];
  after: Count[];
  onlyBefore: string[];
  onlyAfter: string[];
}

/** growth() as it was: a Map per unit and four flatMaps per unit. */
export function referenceGrowth(
  registry: Registry,
  before: Iterable<Snapshot>,
  after: Iterable<Snapshot>,
  options: { platforms?: readonly PlatformId[] } = {},
): UnitGrowth[] {
  const filter = platformFilter(options.platforms, registry);
  const first = latestByIdentity(registry, before, Number.POSITIVE_INFINITY, filter);
  const second = latestByIdentity(registry, after, Number.POSITIVE_INFINITY, filter);
  const { identities } = indexRegistry(registry);
  const perUnit = registry.units.map(() => new Map<PlatformId, Pairs>());
  identities.forEach((identity, n) => {
    const a = first[n];
    const b = second[n];
    if (a === undefined && b === undefined) return;
    for (const u of identity.units) {
      const platforms = perUnit[u]!;
      let pairs = platforms.get(identity.platform);
      if (!pairs) {
        pairs = { before: [], after: [], onlyBefore: [], onlyAfter: [] };
        platforms.set(identity.platform, pairs);
      }
      const id = identity.accounts[0]!.id;
      if (a && b) {
        pairs.before.push(a.followers);
        pairs.after.push(b.followers);
      } else if (a) pairs.onlyBefore.push(id);
      else pairs.onlyAfter.push(id);
    }
  });
  const compare = (pairs: Pairs) => {
    const b = addCounts(pairs.before);
    const a = addCounts(pairs.after);
    const change = subtractCounts(a, b);
    return {
      before: b,
      after: a,
      change,
      percent: b.value === 0 ? null : (change.value / b.value) * 100,
      compared: pairs.before.length,
      onlyBefore: pairs.onlyBefore,
      onlyAfter: pairs.onlyAfter,
    };
  };
  return registry.units.map((unit, u) => {
    const platforms = perUnit[u]!;
    const byPlatform: Partial<Record<PlatformId, Omit<UnitGrowth, 'unit' | 'byPlatform'>>> = {};
    for (const [platform, pairs] of platforms) byPlatform[platform] = compare(pairs);
    const all = [...platforms.values()];
    const merged: Pairs = {
      before: all.flatMap((p) => p.before),
      after: all.flatMap((p) => p.after),
      onlyBefore: all.flatMap((p) => p.onlyBefore),
      onlyAfter: all.flatMap((p) => p.onlyAfter),
    };
    return { unit, ...compare(merged), byPlatform };
  });
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: small registries with shared accounts, and histories of their accounts.

const HANDLES: Record<string, (i: number) => string> = {
  x: (i) => `user${i}`,
  facebook: (i) => `page.${i}`,
  youtube: (i) => `@chan${i}`,
};

/**
 * A registry of 1–6 units in a tree and 1–8 accounts on x, facebook and youtube, drawn from three
 * handles per platform so that some entries share a real account; a few planned or closed.
 */
export const registryArbitrary: fc.Arbitrary<Registry> = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    accounts: fc.uniqueArray(
      fc.record({
        unit: fc.nat(),
        platform: fc.constantFrom('x', 'facebook', 'youtube'),
        handle: fc.integer({ min: 0, max: 2 }),
        status: fc.constantFrom('active', 'active', 'active', 'active', 'planned', 'closed'),
      }),
      // A real account is listed once per unit (the registry refuses it twice).
      { minLength: 1, maxLength: 8, selector: (a) => `${a.unit} ${a.platform} ${a.handle}` },
    ),
  })
  .filter(({ parents, accounts }) => {
    const listed = accounts.map((a) => `${a.unit % parents.length} ${a.platform} ${a.handle}`);
    return new Set(listed).size === listed.length;
  })
  .map(({ parents, accounts }) => {
    const input: RegistryInput = {
      units: parents.map((p, i) => ({
        id: `u${i}`,
        kind: 'office',
        name: `Unit ${i}`,
        ...(i === 0 ? {} : { parent: `u${p % i}` }),
      })),
      accounts: accounts.map((a, i) => ({
        id: `a${i}`,
        unit: `u${a.unit % parents.length}`,
        platform: a.platform,
        handle: HANDLES[a.platform]!(a.handle),
        status: a.status as 'active',
      })),
    };
    return defineRegistry(input);
  });

/** A count with each kind of precision. */
export const countArbitrary: fc.Arbitrary<Count> = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([value, kind]) => {
    if (kind === 0) return { value, min: value, max: value };
    if (kind === 1) return { value, min: value, max: null };
    if (kind === 2) return { value, min: null, max: value + 999 };
    if (kind === 3) return { value, min: null, max: null };
    return { value, min: Math.floor(value / 2), max: value * 2 };
  });

/** The start of the histories' window: Monday 6 January 2025, 00:00 in India. */
export const HISTORY_START = Date.UTC(2025, 0, 5, 18, 30);
/** How long the histories last: 40 days. */
export const HISTORY_SPAN = 40 * 86_400_000;

/**
 * Snapshots of a registry's accounts (and of one it does not know) over 40 days from
 * {@link HISTORY_START}: times often shared across accounts, some on period boundaries.
 */
export function historyArbitrary(registry: Registry): fc.Arbitrary<Snapshot[]> {
  const ids = [...registry.accounts.map((a) => a.id), 'stranger'];
  const platformOf = new Map(registry.accounts.map((a) => [a.id, a.platform]));
  const time = fc.oneof(
    fc.integer({ min: -3 * 86_400_000, max: HISTORY_SPAN }),
    // on a day's boundary in India, or a millisecond either side of it
    fc
      .tuple(fc.integer({ min: -3, max: 40 }), fc.constantFrom(-1, 0, 1))
      .map(([day, ms]) => day * 86_400_000 + ms),
    fc.constantFrom(0, 3_600_000, 7 * 86_400_000),
  );
  return fc
    .uniqueArray(fc.record({ id: fc.constantFrom(...ids), time, followers: countArbitrary }), {
      maxLength: 30,
      selector: (r) => `${r.id} ${r.time}`,
    })
    .map((rows) =>
      rows.map(
        (r): Snapshot => ({
          accountId: r.id,
          platform: platformOf.get(r.id) ?? 'x',
          takenAt: new Date(HISTORY_START + r.time),
          followers: r.followers,
          source: { provider: 'test' },
        }),
      ),
    );
}

/** Series options over the histories' window: any interval, staleness and platform filter. */
export const seriesOptionsArbitrary: fc.Arbitrary<SeriesOptions> = fc
  .record({
    from: fc.integer({ min: -2 * 86_400_000, max: 20 * 86_400_000 }),
    length: fc.integer({ min: 0, max: 25 * 86_400_000 }),
    interval: fc.constantFrom<Period>('day', 'week', 'month', 'quarter', 'fiscal-year'),
    maxStalenessMs: fc.option(
      fc.oneof(
        fc.constantFrom(0, 1, 86_400_000, 2.5),
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
      ),
      { nil: undefined },
    ),
    timeZone: fc.constantFrom('Asia/Kolkata', 'UTC', 'America/New_York'),
    fiscalYearStartMonth: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    platforms: fc.option(fc.subarray(['x', 'facebook', 'youtube']), { nil: undefined }),
  })
  .map((o) => ({
    from: new Date(HISTORY_START + o.from),
    to: new Date(HISTORY_START + o.from + o.length),
    interval: o.interval,
    timeZone: o.timeZone,
    ...(o.maxStalenessMs === undefined ? {} : { maxStalenessMs: o.maxStalenessMs }),
    ...(o.platforms === undefined ? {} : { platforms: o.platforms }),
    ...(o.fiscalYearStartMonth === undefined
      ? {}
      : { fiscalYearStartMonth: o.fiscalYearStartMonth }),
  }));

/**
 * Whether two ids of one real account have values taken in the same millisecond. The reference
 * then counts the one its history met first; series() counts the first id in code-point order (a
 * rule, where the reference's choice depended on the order of the stream): such draws are left
 * out of the comparison, and a unit test pins the rule.
 */
export function sharesAMillisecond(registry: Registry, snapshots: readonly Snapshot[]): boolean {
  const seen = new Map<string, string>();
  for (const s of snapshots) {
    const identity = registry.identity(s.accountId);
    if (identity === undefined) continue;
    const key = `${identity} ${s.takenAt.getTime()}`;
    const other = seen.get(key);
    if (other !== undefined && other !== s.accountId) return true;
    seen.set(key, s.accountId);
  }
  return false;
}
