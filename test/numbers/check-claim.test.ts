import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountError, OptionError } from '../../src/errors.js';
import { addCounts, type Count } from '../../src/model/count.js';
import { type ClaimCheck, checkClaim } from '../../src/numbers/check-claim.js';
import { parseCount } from '../../src/numbers/parse-count.js';

const exact = (value: number): Count => ({ value, min: value, max: value });
const atLeast = (value: number): Count => ({ value, min: value, max: null });
const atMost = (value: number): Count => ({ value, min: null, max: value });
const about = (value: number): Count => ({ value, min: null, max: null });
const range = (min: number, max: number): Count => ({ value: min, min, max });

describe('checkClaim: the Indore report', () => {
  it('finds the PR office’s “कुल 60 हजार” 7% above the 56,000 its four accounts add up to', () => {
    // JD: 21 हजार + साढे 6 हजार; PRO: साढे 15 हजार + 13 हजार.
    const accounts = ['21 हजार', 'साढे 6 हजार', 'साढे 15 हजार', '13 हजार'].map(parseCount);
    const computed = addCounts(accounts);
    expect(computed).toEqual(exact(56_000));
    const check = checkClaim(parseCount('कुल 60 हजार'), computed);
    expect(check.verdict).toBe('overstated');
    expect(check.difference).toBe(4_000);
    expect(check.ratio).toBeCloseTo(1.0714, 4);
    expect(Math.round((check.ratio! - 1) * 100)).toBe(7);
  });

  it('accepts “लगभग डेढ़ लाख” for about 1,47,500 (the two officers’ four accounts)', () => {
    const accounts = ['32 हजार से अधिक', 'साढे 5 हजार', 'लगभग 77 हजार', 'लगभग 33 हजार'];
    const computed = addCounts(accounts.map(parseCount));
    expect(computed).toEqual(about(147_500));
    expect(checkClaim(parseCount('लगभग डेढ़ लाख'), computed)).toEqual({
      verdict: 'consistent',
      difference: 2_500,
      ratio: 150_000 / 147_500,
    });
  });

  it('accepts “दो लाख से अधिक” for about 2,03,500 (all eight accounts)', () => {
    const computed = addCounts([about(147_500), exact(56_000)]);
    expect(computed.value).toBe(203_500);
    const check = checkClaim(parseCount('दो लाख से अधिक'), computed);
    expect(check).toEqual({ verdict: 'consistent', difference: -3_500, ratio: 200_000 / 203_500 });
  });
});

describe('checkClaim: rules by the claim’s precision', () => {
  it.each<[string, Count, Count, ClaimCheck['verdict']]>([
    ['at least, met', atLeast(100), exact(100), 'consistent'],
    ['at least, exceeded', atLeast(100), exact(150), 'consistent'],
    ['at least, missed', atLeast(100), exact(99), 'overstated'],
    [
      'at least with a higher value, judged by min',
      { value: 120, min: 100, max: null },
      exact(110),
      'consistent',
    ],
    ['at most, met', atMost(100), exact(100), 'consistent'],
    ['at most, under', atMost(100), exact(10), 'consistent'],
    ['at most, exceeded', atMost(100), exact(101), 'understated'],
    ['range, low end', range(100, 200), exact(100), 'consistent'],
    ['range, high end', range(100, 200), exact(200), 'consistent'],
    ['range, below', range(100, 200), exact(99), 'overstated'],
    ['range, above', range(100, 200), exact(201), 'understated'],
    ['exact, equal', exact(100), exact(100), 'consistent'],
    ['exact, computed lower', exact(100), exact(99), 'overstated'],
    ['exact, computed higher', exact(100), exact(101), 'understated'],
    ['exact, computed only approximate but equal', exact(100), about(100), 'consistent'],
    ['approximate, within 5%', about(105), exact(100), 'consistent'],
    ['approximate, exactly 5% low', about(95), exact(100), 'consistent'],
    ['approximate, over 5% high', about(106), exact(100), 'overstated'],
    ['approximate, over 5% low', about(94), exact(100), 'understated'],
    ['approximate zero for zero', about(0), exact(0), 'consistent'],
    ['approximate claim for a computed zero', about(1), exact(0), 'overstated'],
  ])('%s', (_, claimed, computed, verdict) => {
    const check = checkClaim(claimed, computed);
    expect(check.verdict).toBe(verdict);
    expect(check.difference).toBe(claimed.value - computed.value);
  });

  it('gives a null ratio when the computed value is 0', () => {
    expect(checkClaim(exact(5), exact(0))).toEqual({
      verdict: 'overstated',
      difference: 5,
      ratio: null,
    });
  });

  it('takes the tolerance for approximate claims from the options', () => {
    expect(checkClaim(about(110), exact(100)).verdict).toBe('overstated');
    expect(checkClaim(about(110), exact(100), { tolerance: 0.1 }).verdict).toBe('consistent');
    expect(checkClaim(about(101), exact(100), { tolerance: 0 }).verdict).toBe('overstated');
    expect(checkClaim(about(100), exact(100), { tolerance: 0 }).verdict).toBe('consistent');
    expect(checkClaim(about(106), exact(100), {}).verdict).toBe('overstated');
    // The tolerance applies to approximate claims only.
    expect(checkClaim(exact(101), exact(100), { tolerance: 0.5 }).verdict).toBe('overstated');
  });

  it('is consistent exactly when the claim’s range of truth contains the computed value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom(exact, atLeast, atMost),
        (claimedValue, computedValue, make) => {
          const claimed = make(claimedValue);
          const check = checkClaim(claimed, exact(computedValue));
          const holds =
            (claimed.min === null || computedValue >= claimed.min) &&
            (claimed.max === null || computedValue <= claimed.max);
          expect(check.verdict === 'consistent').toBe(holds);
          if (!holds) {
            expect(check.verdict).toBe(claimedValue > computedValue ? 'overstated' : 'understated');
          }
        },
      ),
    );
  });
});

describe('checkClaim: errors', () => {
  it.each<[unknown, string]>([
    [{ tolerance: -0.1 }, 'got `-0.1` (number)'],
    [{ tolerance: Number.NaN }, 'got `NaN` (number)'],
    [{ tolerance: Number.POSITIVE_INFINITY }, 'got `Infinity` (number)'],
    [{ tolerance: '5%' }, 'got `"5%"` (string)'],
  ])('rejects options %j', (options, received) => {
    expect(() => checkClaim(exact(1), exact(1), options as { tolerance: number })).toThrow(
      OptionError,
    );
    expect(() => checkClaim(exact(1), exact(1), options as { tolerance: number })).toThrow(
      `Expected \`tolerance\` to be a finite number >= 0, such as 0.05 for 5%, ${received}`,
    );
  });

  it('rejects options that are not an object', () => {
    expect(() => checkClaim(exact(1), exact(1), 0.1 as never)).toThrow(
      'Expected `options` to be an object or undefined, got `0.1` (number)',
    );
  });

  it('rejects invalid counts, naming which one', () => {
    expect(() => checkClaim({ value: -1, min: null, max: null }, exact(1))).toThrow(CountError);
    expect(() => checkClaim({ value: -1, min: null, max: null }, exact(1))).toThrow(
      'claimed.value',
    );
    expect(() => checkClaim(exact(1), { value: 1, min: 2, max: null })).toThrow('computed.min');
  });
});

describe('checkClaim: claimed places', () => {
  const place = (id: string, rank: number, best: number, worst: number) => ({
    unit: { id, kind: 'district', name: id },
    rank,
    best,
    worst,
  });
  const ranking = [place('indore', 1, 1, 1), place('bhopal', 2, 1, 3), place('ujjain', 3, 3, 3)];

  it('is certain when the worst place is inside the claim, impossible when the best is outside', () => {
    expect(checkClaim({ unit: 'indore', top: 1 }, ranking)).toEqual({
      verdict: 'certain',
      rank: 1,
      best: 1,
      worst: 1,
    });
    expect(checkClaim({ unit: 'bhopal', top: 1 }, ranking).verdict).toBe('possible');
    expect(checkClaim({ unit: 'bhopal', top: 3 }, ranking).verdict).toBe('certain');
    expect(checkClaim({ unit: 'ujjain', top: 2 }, ranking).verdict).toBe('impossible');
  });

  it('refuses a unit that is not ranked and a place that is not a whole number >= 1', () => {
    expect(() => checkClaim({ unit: 'dhar', top: 1 }, ranking)).toThrow(/`unit`/);
    expect(() => checkClaim({ unit: 'indore', top: 0 }, ranking)).toThrow(/`top`/);
    expect(() => checkClaim({ unit: 'indore', top: 1.5 }, ranking)).toThrow(/`top`/);
  });
});
