import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountError, OptionError, SocialReachError } from '../../src/errors.js';
import { type Count, countPrecision } from '../../src/model/count.js';
import {
  describeCount,
  type FormatCountOptions,
  formatCount,
} from '../../src/numbers/format-count.js';
import { parseCount } from '../../src/numbers/parse-count.js';

const exact = (value: number): Count => ({ value, min: value, max: value });
const atLeast = (value: number): Count => ({ value, min: value, max: null });
const atMost = (value: number): Count => ({ value, min: null, max: value });
const about = (value: number): Count => ({ value, min: null, max: null });
const range = (min: number, max: number): Count => ({ value: min, min, max });

const compact = { notation: 'compact' } as const;
const short = { notation: 'compact', compactDisplay: 'short' } as const;
const hi = { locale: 'hi-IN' } as const;
const deva = { locale: 'hi-IN-u-nu-deva' } as const;

describe('formatCount', () => {
  it.each<[Count | number, FormatCountOptions | undefined, string]>([
    [203_500, undefined, '2,03,500'],
    [exact(203_500), undefined, '2,03,500'],
    [atLeast(203_500), undefined, '2,03,500'],
    [0, undefined, '0'],
    [36_200_000, undefined, '3,62,00,000'],
    [Number.MAX_SAFE_INTEGER, undefined, '9,00,71,99,25,47,40,991'],
    [203_500, { locale: 'en-US' }, '203,500'],
    [203_500, hi, '2,03,500'],
    [203_500, deva, '२,०३,५००'],
    [203_500, compact, '2.04\u202flakh'],
    [203_500, short, '2.04L'],
    [77_000, short, '77K'],
    [36_200_000, short, '3.62Cr'],
    [12_345_678_901, short, '1.23KCr'],
    [203_500, { ...hi, ...compact }, '2.04 लाख'],
    [77_000, { ...hi, ...compact }, '77 हज़ार'],
    [36_200_000, { ...hi, ...compact }, '3.62 करोड़'],
    [36_200_000, { ...hi, ...short }, '3.62\u00a0क॰'],
    [1_500_000_000, { ...hi, ...short }, '1.5\u00a0अ॰'],
    [203_500, { ...deva, ...compact }, '२.०४ लाख'],
    [999, compact, '999'],
  ])('formatCount(%j, %j) is %j', (count, options, expected) => {
    expect(formatCount(count, options)).toBe(expected);
  });

  it('shows the value only, whatever the precision', () => {
    for (const count of [exact(5_500), atLeast(5_500), atMost(5_500), about(5_500)]) {
      expect(formatCount(count)).toBe('5,500');
    }
    expect(formatCount(range(36_200_000, 36_299_999))).toBe('3,62,00,000');
  });

  it('gives the same output from a cached formatter as from a fresh one', () => {
    const options = { locale: 'hi-IN', notation: 'compact' } as const;
    const first = formatCount(147_500, options);
    expect(formatCount(147_500, { ...options })).toBe(first);
    expect(first).toBe('1.48 लाख');
    // A different option set must not be served from the same cache entry.
    expect(formatCount(147_500, { ...options, compactDisplay: 'short' })).toBe('1.48\u00a0लाख');
    expect(formatCount(147_500, { locale: 'hi-IN' })).toBe('1,47,500');
    expect(formatCount(36_200_000, options)).toBe('3.62 करोड़');
    expect(formatCount(36_200_000, { ...options, compactDisplay: 'short' })).toBe('3.62\u00a0क॰');
  });
});

describe('describeCount', () => {
  it.each<[Count, FormatCountOptions | undefined, string]>([
    [exact(203_500), undefined, '2,03,500'],
    [atLeast(203_500), undefined, 'at least 2,03,500'],
    [about(77_000), undefined, 'about 77,000'],
    [atMost(5_000), undefined, 'at most 5,000'],
    [range(36_200_000, 36_299_999), undefined, 'between 3,62,00,000 and 3,62,99,999'],
    [{ value: 50, min: 10, max: 100 }, undefined, 'about 50 (between 10 and 100)'],
    [{ value: 50, min: 10, max: null }, undefined, 'about 50 (at least 10)'],
    [{ value: 50, min: null, max: 100 }, undefined, 'about 50 (at most 100)'],
    [exact(203_500), hi, '2,03,500'],
    [atLeast(203_500), hi, '2,03,500 से अधिक'],
    [about(77_000), hi, 'लगभग 77,000'],
    [atMost(5_000), hi, 'अधिकतम 5,000'],
    [range(36_200_000, 36_299_999), hi, '3,62,00,000 से 3,62,99,999 के बीच'],
    [{ value: 50, min: 10, max: 100 }, hi, 'लगभग 50 (10 से 100 के बीच)'],
    [{ value: 50, min: 10, max: null }, hi, 'लगभग 50 (10 से अधिक)'],
    [{ value: 50, min: null, max: 100 }, hi, 'लगभग 50 (अधिकतम 100)'],
    [atLeast(203_500), deva, '२,०३,५०० से अधिक'],
    [atLeast(200_000), { locale: 'hi' }, '2,00,000 से अधिक'],
    [atLeast(203_500), { locale: 'en-US' }, 'at least 203,500'],
    // compact: values round to nearest, lower bounds down, upper bounds up, so words stay true
    [exact(203_500), compact, '2.04\u202flakh'],
    [atLeast(203_500), compact, 'at least 2.03\u202flakh'],
    [atMost(203_500), compact, 'at most 2.04\u202flakh'],
    [atMost(203_001), compact, 'at most 2.04\u202flakh'],
    [about(147_500), compact, 'about 1.48\u202flakh'],
    [range(36_200_000, 36_299_999), compact, 'between 3.62\u202fcrore and 3.63\u202fcrore'],
    [range(36_200_000, 36_299_999), { ...hi, ...short }, '3.62\u00a0क॰ से 3.63\u00a0क॰ के बीच'],
    [atLeast(32_000), { ...hi, ...compact }, '32 हज़ार से अधिक'],
    [about(77_000), { ...deva, ...compact }, 'लगभग ७७ हज़ार'],
    // a value that rounds onto its bound needs no "about"
    [{ value: 10_001, min: 10_000, max: null }, short, 'at least 10K'],
    [{ value: 10_001, min: 10_000, max: 20_000 }, short, 'between 10K and 20K'],
    // one bound bare and one with a multiplier would read as 5K–5K: all figures in full instead
    [range(5, 5_000), short, 'between 5 and 5,000'],
    [{ value: 1_999, min: 1, max: 1_999 }, short, 'about 1,999 (between 1 and 1,999)'],
  ])('describeCount(%j, %j) is %j', (count, options, expected) => {
    expect(describeCount(count, options)).toBe(expected);
  });

  it('describes a plain number as exact', () => {
    expect(describeCount(5_500)).toBe('5,500');
  });
});

describe('formatCount and describeCount: errors', () => {
  const calls = [formatCount, describeCount];

  it.each<[unknown, string, string]>([
    [{ locale: 'not a locale!' }, 'locale', 'a BCP 47 language tag'],
    [{ locale: 'en_IN' }, 'locale', 'a BCP 47 language tag'],
    [{ locale: '' }, 'locale', 'a BCP 47 language tag'],
    [{ locale: 42 }, 'locale', 'a BCP 47 language tag'],
    [{ notation: 'scientific' }, 'notation', '"standard" or "compact"'],
    [{ notation: 'compact', compactDisplay: 'tiny' }, 'compactDisplay', '"long" or "short"'],
    [{ compactDisplay: 'tiny' }, 'compactDisplay', '"long" or "short"'],
    [null, 'options', 'an object'],
    ['en-IN', 'options', 'an object'],
  ])('rejects options %j with an OptionError for `%s`', (options, option, expected) => {
    for (const call of calls) {
      let caught: unknown;
      try {
        call(1, options as FormatCountOptions);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(OptionError);
      expect(caught).not.toBeInstanceOf(RangeError);
      expect((caught as OptionError).option).toBe(option);
      expect((caught as OptionError).message).toContain(`Expected \`${option}\` to be ${expected}`);
    }
  });

  it.each<[unknown, string]>([
    [1.5, 'whole number >= 0, got 1.5'],
    [-1, 'whole number >= 0, got -1'],
    [Number.NaN, 'got NaN'],
    [{ value: 5, min: 6, max: null }, 'count.min: min (6) must not exceed value (5)'],
    [{ value: 5, min: null, max: 4 }, 'count.max: max (4) must not be below value (5)'],
    [{ value: 5 }, 'count.min'],
    [null, 'got `null`'],
    ['5', 'got `"5"` (string)'],
  ])('rejects the count %j with a CountError', (count, expected) => {
    for (const call of calls) {
      expect(() => call(count as Count)).toThrow(CountError);
      expect(() => call(count as Count)).toThrow(expected);
    }
  });
});

// -----------------------------------------------------------------------------------------------
// Round trips

/** Any valid count, of every precision, up to `max`. */
function countArbitrary(max: number): fc.Arbitrary<Count> {
  const n = fc.integer({ min: 0, max });
  const sorted = (k: number) =>
    fc.uniqueArray(n, { minLength: k, maxLength: k }).map((values) => values.sort((a, b) => a - b));
  return fc.oneof(
    n.map(exact),
    n.map(atLeast),
    n.map(atMost),
    n.map(about),
    sorted(2).map(([a, b]) => range(a!, b!)),
    sorted(2).map(([a, b]): Count => ({ value: b!, min: a!, max: null })),
    sorted(2).map(([a, b]): Count => ({ value: a!, min: null, max: b! })),
    sorted(2).map(([a, b]): Count => ({ value: b!, min: a!, max: b! })),
    sorted(3).map(([a, b, c]): Count => ({ value: b!, min: a!, max: c! })),
  );
}

const locales = fc.constantFrom('en-IN', 'hi-IN', 'hi-IN-u-nu-deva', 'en-US', 'hi', 'en');
const standardOptions = locales.map((locale): FormatCountOptions => ({ locale }));
const compactOptions = fc.tuple(locales, fc.constantFrom('long' as const, 'short' as const)).map(
  ([locale, compactDisplay]): FormatCountOptions => ({
    locale,
    notation: 'compact',
    compactDisplay,
  }),
);

// Compact figures keep 3 significant digits and upper bounds round up: beyond 9×10¹⁵ the
// rounded figure could pass Number.MAX_SAFE_INTEGER and no longer be a count.
const COMPACT_MAX = 9e15;

describe('round trips', () => {
  it('parseCount(describeCount(c)) is c, exactly, in standard notation', () => {
    fc.assert(
      fc.property(countArbitrary(Number.MAX_SAFE_INTEGER), standardOptions, (count, options) => {
        expect(parseCount(describeCount(count, options))).toEqual(count);
      }),
      { numRuns: 3_000 },
    );
  });

  it('parseCount(formatCount(n)) is n, exactly, in standard notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), standardOptions, (n, o) => {
        expect(parseCount(formatCount(n, o))).toEqual(exact(n));
      }),
    );
  });

  it('compact: the value comes back as rounded, and formatting it again changes nothing', () => {
    fc.assert(
      fc.property(countArbitrary(COMPACT_MAX), compactOptions, (count, options) => {
        const shown = formatCount(count, options);
        const read = parseCount(shown);
        expect(countPrecision(read)).toBe('exact');
        expect(formatCount(read, options)).toBe(shown);
        // 3 significant digits: within half a unit of the third digit.
        expect(Math.abs(read.value - count.value)).toBeLessThanOrEqual(count.value * 0.005);
      }),
      { numRuns: 3_000 },
    );
  });

  it('compact: describeCount keeps the precision, stays true, and is idempotent', () => {
    fc.assert(
      fc.property(countArbitrary(COMPACT_MAX), compactOptions, (count, options) => {
        const text = describeCount(count, options);
        const read = parseCount(text);
        expect(countPrecision(read)).toBe(countPrecision(count));
        // Honest rounding: a lower bound never rises, an upper bound never falls. (An exact count
        // is shown rounded, like formatCount, and read back as the exact rounded figure.)
        if (countPrecision(count) !== 'exact') {
          if (count.min !== null) expect(read.min).toBeLessThanOrEqual(count.min);
          if (count.max !== null) expect(read.max).toBeGreaterThanOrEqual(count.max);
        }
        expect(Math.abs(read.value - count.value)).toBeLessThanOrEqual(count.value * 0.01);
        expect(describeCount(read, options)).toBe(text);
      }),
      { numRuns: 5_000 },
    );
  });

  it('never throws anything but the library’s errors for arbitrary options', () => {
    const anyOptions = fc.record(
      {
        locale: fc.oneof(fc.string(), locales),
        notation: fc.oneof(fc.string(), fc.constantFrom('standard', 'compact')),
        compactDisplay: fc.oneof(fc.string(), fc.constantFrom('long', 'short')),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(countArbitrary(Number.MAX_SAFE_INTEGER), anyOptions, (count, options) => {
        try {
          describeCount(count, options as FormatCountOptions);
          formatCount(count, options as FormatCountOptions);
        } catch (error) {
          expect(SocialReachError.isInstance(error)).toBe(true);
          expect(error).toBeInstanceOf(OptionError);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
