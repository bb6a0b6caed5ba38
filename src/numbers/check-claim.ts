import type { RankPlace } from '../aggregate/rank.js';
import { OptionError } from '../errors.js';
import { type Count, countPrecision } from '../model/count.js';
import { toCount } from './format-count.js';

/**
 * Options of {@link checkClaim}.
 *
 * @example
 * ```ts
 * // "about 1.1 lakh" for a computed 1,00,000 is 10% off: accepted only with a 10% tolerance.
 * checkClaim(parseCount('about 1.1 lakh'), exactCount(100_000), { tolerance: 0.1 }).verdict; // 'consistent'
 * ```
 */
export interface CheckClaimOptions {
  /**
   * How far an approximate claim ("about 77 thousand") may be from the computed value, relative
   * to the computed value: 0.05 accepts 73,150 to 80,850 for a computed 77,000.
   *
   * @default 0.05
   */
  tolerance?: number;
}

/**
 * The verdict of {@link checkClaim} on a claimed figure.
 *
 * @example
 * ```ts
 * const check: ClaimCheck = { verdict: 'overstated', difference: 4_000, ratio: 60_000 / 56_000 };
 * ```
 */
export interface ClaimCheck {
  /**
   * `consistent` when the claim's words hold for the computed value; `overstated` when the claim
   * is higher than they allow; `understated` when it is lower.
   */
  readonly verdict: 'consistent' | 'overstated' | 'understated';
  /** `claimed.value - computed.value`: positive when the claim is higher. */
  readonly difference: number;
  /** `claimed.value / computed.value`, or `null` when the computed value is 0. */
  readonly ratio: number | null;
}

/**
 * Checks a claimed place ("first among the collectors of the state": `{ unit, top: 1 }`) against
 * a ranking from `rank`, whose entries carry the best and worst place their bounds allow:
 *
 * - `certain`: the unit is in the top `top` whatever the true figures within the bounds
 *   (`worst <= top`);
 * - `impossible`: no figures within the bounds put it there (`best > top`);
 * - `possible`: some do and some do not.
 *
 * Ties share a place, as in the ranking: two units tied at the top are both first.
 *
 * @throws {OptionError} When the claim is malformed or its unit is not in the ranking (a unit
 *   listed apart by `minCoverage` is not ranked, so no place can be claimed for it).
 * @example
 * ```ts
 * const districts = rank(registry, totals(registry, snapshots), { kind: 'district', within: 'mp' });
 * checkClaim({ unit: 'indore', top: 1 }, districts).verdict; // 'certain' | 'possible' | 'impossible'
 * ```
 */
export function checkClaim(
  claimed: RankClaim,
  ranking: readonly Pick<RankPlace, 'unit' | 'rank' | 'best' | 'worst'>[],
): RankClaimCheck;
/**
 * Checks a claimed figure (typically read with `parseCount` from a press note) against the one
 * computed from the accounts' counts. The claim's precision sets the rule; the computed value is
 * compared as it stands:
 *
 * - at least (`32 हजार से अधिक`): consistent when computed ≥ claimed.min, else overstated;
 * - at most (`5 हजार से कम`): consistent when computed ≤ claimed.max, else understated;
 * - range: consistent within [min, max], overstated below it, understated above it;
 * - exact (`कुल 60 हजार`): consistent only when equal;
 * - approximate (`लगभग डेढ़ लाख`): consistent when |claimed − computed| ≤ tolerance × computed.
 *
 * @param claimed The figure as claimed.
 * @param computed The figure as computed, e.g. `addCounts` of the accounts' latest counts.
 * @param options See {@link CheckClaimOptions}.
 * @throws {CountError} When either count is invalid.
 * @throws {OptionError} When `tolerance` is not a finite number >= 0.
 * @example
 * ```ts
 * // The Indore PR office's "कुल 60 हजार": its four accounts add up to 56,000.
 * checkClaim(parseCount('कुल 60 हजार'), exactCount(56_000));
 * // { verdict: 'overstated', difference: 4000, ratio: 1.0714285714285714 } — 7% high
 * ```
 */
export function checkClaim(
  claimed: Count,
  computed: Count,
  options?: CheckClaimOptions,
): ClaimCheck;
export function checkClaim(
  claimed: Count | RankClaim,
  computed: Count | readonly Pick<RankPlace, 'unit' | 'rank' | 'best' | 'worst'>[],
  options?: CheckClaimOptions,
): ClaimCheck | RankClaimCheck {
  if (Array.isArray(computed)) return checkRankClaim(claimed as RankClaim, computed);
  const tolerance = resolveTolerance(options);
  const claim = toCount(claimed as Count, 'claimed');
  const actual = toCount(computed as Count, 'computed').value;
  const difference = claim.value - actual;
  const ratio = actual === 0 ? null : claim.value / actual;
  return { verdict: verdictOf(claim, actual, difference, tolerance), difference, ratio };
}

function verdictOf(
  claim: Count,
  actual: number,
  difference: number,
  tolerance: number,
): ClaimCheck['verdict'] {
  const { min, max } = claim;
  switch (countPrecision(claim)) {
    case 'at-least':
      return actual >= min! ? 'consistent' : 'overstated';
    case 'at-most':
      return actual <= max! ? 'consistent' : 'understated';
    case 'range':
    case 'exact':
      if (actual < min!) return 'overstated';
      if (actual > max!) return 'understated';
      return 'consistent';
    case 'approximate':
      if (Math.abs(difference) <= tolerance * actual) return 'consistent';
      return difference > 0 ? 'overstated' : 'understated';
  }
}

function resolveTolerance(options: CheckClaimOptions | undefined): number {
  if (options === undefined) return 0.05;
  if (typeof options !== 'object' || options === null) {
    throw new OptionError('options', 'an object or undefined', options);
  }
  const { tolerance = 0.05 } = options;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new OptionError('tolerance', 'a finite number >= 0, such as 0.05 for 5%', tolerance);
  }
  return tolerance;
}

/**
 * A claimed place: the unit `unit` is among the first `top` of a ranking (`top: 1` is "first").
 *
 * @example
 * ```ts
 * const claim: RankClaim = { unit: 'indore-collector', top: 1 }; // "the most followers of all the collectors"
 * ```
 */
export interface RankClaim {
  /** The id of the unit the claim is about. */
  readonly unit: string;
  /** The place claimed, or better: 1 for "first", 3 for "among the top three". */
  readonly top: number;
}

/**
 * The verdict of {@link checkClaim} on a claimed place.
 *
 * @example
 * ```ts
 * const check: RankClaimCheck = { verdict: 'possible', rank: 1, best: 1, worst: 2 };
 * ```
 */
export interface RankClaimCheck {
  /** `certain`, `possible` or `impossible` given the figures' bounds. */
  readonly verdict: 'certain' | 'possible' | 'impossible';
  /** The unit's place by the figures' values. */
  readonly rank: number;
  /** The best and worst places the bounds allow. */
  readonly best: number;
  readonly worst: number;
}

function checkRankClaim(
  claim: RankClaim,
  ranking: readonly Pick<RankPlace, 'unit' | 'rank' | 'best' | 'worst'>[],
): RankClaimCheck {
  if (typeof claim !== 'object' || claim === null || typeof claim.unit !== 'string') {
    throw new OptionError('claimed', "a place claimed as { unit: 'id', top: 1 }", claim);
  }
  if (!Number.isSafeInteger(claim.top) || claim.top < 1) {
    throw new OptionError('top', 'a whole number >= 1 (1 for "first")', claim.top);
  }
  const entry = ranking.find((r) => r.unit?.id === claim.unit);
  if (entry === undefined) {
    throw new OptionError(
      'unit',
      'the id of a unit ranked (units listed apart by `minCoverage` have no place)',
      claim.unit,
    );
  }
  const { rank, best, worst } = entry;
  const verdict = worst <= claim.top ? 'certain' : best > claim.top ? 'impossible' : 'possible';
  return { verdict, rank, best, worst };
}
