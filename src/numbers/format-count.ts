import { CountError, describeValue, formatIssues, OptionError, zodIssues } from '../errors.js';
import { type CountWords, localeFor, SUPPORTED_LANGUAGES, withDigits } from '../locales/index.js';
import { Count, countPrecision, exactCount } from '../model/count.js';

/**
 * How {@link formatCount} and {@link describeCount} write a count. Every field is optional.
 *
 * @example
 * ```ts
 * const options: FormatCountOptions = { locale: 'hi-IN', notation: 'compact' };
 * describeCount({ value: 77_000, min: null, max: null }, options); // 'लगभग 77 हज़ार'
 * ```
 */
export interface FormatCountOptions {
  /**
   * A BCP 47 language tag of a supported language: English, Hindi, Marathi, Gujarati, Bengali,
   * Punjabi, Odia, Tamil, Telugu, Kannada, Malayalam, Urdu or Assamese (`en`, `hi`, `mr`, `gu`,
   * `bn`, `pa`, `or`, `ta`, `te`, `kn`, `ml`, `ur`, `as`, with any region). Its language chooses
   * {@link describeCount}'s words, the whole tag the numbers (CLDR's grouping, compact words and
   * default digits); `-u-nu-deva` asks for Devanagari digits. Any other language is an
   * `OptionError` listing the supported ones.
   *
   * @default 'en-IN'
   * @example 'hi-IN-u-nu-deva' // २,०३,५०० and "२,०३,५०० से अधिक"
   */
  locale?: string;
  /**
   * Which digits: `locale` the tag's own (CLDR's default for the language, or its `-u-nu-`),
   * `latin` 0–9 (as many offices write regional-language text), `native` the language's own
   * script (`mr` १, `gu` ૧, `ta` ௧, `ur` ۱; Latin for English).
   *
   * @default 'locale'
   * @example { locale: 'mr-IN', digits: 'latin' } // 2,03,500 with Marathi words
   */
  digits?: 'locale' | 'latin' | 'native';
  /**
   * `standard` writes every digit with the locale's grouping (`2,03,500`); `compact` rounds to 3
   * significant digits with a multiplier (`2.04 lakh`, `2.04 लाख`).
   *
   * @default 'standard'
   */
  notation?: 'standard' | 'compact';
  /**
   * For compact notation: `long` spells the multiplier out (`2.04 lakh`, `3.62 करोड़`), `short`
   * abbreviates it (`2.04L`, `3.62 क॰`).
   *
   * @default 'long'
   */
  compactDisplay?: 'long' | 'short';
}

/**
 * Writes the value of a count (or a whole number) with `Intl.NumberFormat`, in Indian grouping by
 * default. Its precision is not shown: use {@link describeCount} for that.
 *
 * @param count A {@link Count} or a whole number >= 0.
 * @param options Locale and notation; see {@link FormatCountOptions}.
 * @throws {CountError} When `count` is not a valid count or whole number.
 * @throws {OptionError} When an option is invalid (an unknown notation, a malformed locale).
 * @example
 * ```ts
 * formatCount(203_500);                                          // '2,03,500'
 * formatCount(203_500, { notation: 'compact' });                 // '2.04 lakh'
 * formatCount(203_500, { locale: 'hi-IN', notation: 'compact' }); // '2.04 लाख'
 * formatCount(203_500, { locale: 'hi-IN-u-nu-deva' });           // '२,०३,५००'
 * ```
 */
export function formatCount(count: Count | number, options?: FormatCountOptions): string {
  const { value } = toCount(count);
  return resolve(options).nearest.format(value);
}

/**
 * Writes a count with honest words around it, in the language of the locale (src/locales):
 *
 * | precision   | en-IN                                | hi-IN                                  |
 * | ----------- | ------------------------------------ | -------------------------------------- |
 * | exact       | `2,03,500`                           | `2,03,500`                             |
 * | at-least    | `at least 2,03,500`                  | `2,03,500 से अधिक`                     |
 * | at-most     | `at most 5,000`                      | `अधिकतम 5,000`                         |
 * | approximate | `about 77,000`                       | `लगभग 77,000`                          |
 * | range       | `between 3,62,00,000 and 3,62,99,999` | `3,62,00,000 से 3,62,99,999 के बीच` |
 *
 * A count whose value is not one of its bounds is written `about 50 (at least 10)`,
 * `लगभग 50 (10 से 100 के बीच)`. {@link parseCount} reads every description back: exactly in
 * standard notation; in compact notation as rounded, with lower bounds rounded down and upper
 * bounds rounded up so that the words stay true, and with the same precision.
 *
 * @param count A {@link Count} or a whole number >= 0 (exact).
 * @param options Locale and notation; see {@link FormatCountOptions}.
 * @throws {CountError} When `count` is not a valid count or whole number.
 * @throws {OptionError} When an option is invalid.
 * @example
 * ```ts
 * describeCount({ value: 32_000, min: 32_000, max: null });                      // 'at least 32,000'
 * describeCount({ value: 77_000, min: null, max: null }, { locale: 'hi-IN' });  // 'लगभग 77,000'
 * describeCount({ value: 203_500, min: 203_500, max: null }, { notation: 'compact' });
 * // 'at least 2.03 lakh'
 * ```
 */
export function describeCount(count: Count | number, options?: FormatCountOptions): string {
  const { value, min, max } = toCount(count);
  const formatter = resolve(options);
  const { words } = formatter;
  let { nearest, down, up } = formatter;
  if (formatter.compact && min !== null && max !== null) {
    // `between 5 and 5K` would read as 5K–5K (a bare first figure takes the second's multiplier,
    // as in `2-3 lakh`), so when only one bound has a multiplier, write every figure in full.
    if (BARE.test(down.format(min)) !== BARE.test(up.format(max))) {
      nearest = formatter.standard;
      down = formatter.standard;
      up = formatter.standard;
    }
  }
  const shown = nearest.format(value);
  switch (countPrecision({ value, min, max })) {
    case 'exact':
      return shown;
    case 'approximate':
      return words.about(shown);
    case 'at-least': {
      const bound = down.format(min!);
      // A value that is its bound, or shows as its bound after rounding, needs no "about".
      if (value === min || shown === bound) return words.atLeast(bound);
      return words.aboutWithin(shown, words.atLeast(bound));
    }
    case 'at-most': {
      const bound = up.format(max!);
      if (value === max || shown === bound) return words.atMost(bound);
      return words.aboutWithin(shown, words.atMost(bound));
    }
    case 'range': {
      const low = down.format(min!);
      const range = words.between(low, up.format(max!));
      return value === min || shown === low ? range : words.aboutWithin(shown, range);
    }
  }
}

/**
 * Checks a count argument: a whole number becomes an exact count; anything else must be a valid
 * {@link Count}. Shared with `checkClaim`; not part of the public API.
 *
 * @internal
 */
export function toCount(input: unknown, what = 'count'): Count {
  if (typeof input === 'number') return exactCount(input);
  const result = Count.safeParse(input);
  if (result.success) return result.data;
  const issues = formatIssues(zodIssues(result.error, [what]), { layout: 'inline' });
  const received = describeValue(input);
  throw new CountError(
    received,
    `Expected \`${what}\` to be a Count { value, min, max } or a whole number >= 0, got ${received}: ${issues}`,
  );
}

// ---------------------------------------------------------------------------------------------

/** A formatted figure without a multiplier: digits, separators and spaces only. */
const BARE = /^[\p{Nd}\p{Zs}.,]+$/u;

const LOCALE_EXPECTED = `a BCP 47 language tag such as "en-IN", "hi-IN" or "mr-IN-u-nu-latn", of a supported language: ${SUPPORTED_LANGUAGES}`;

interface Formatter {
  /** The words of the locale's language (src/locales). */
  readonly words: CountWords;
  readonly compact: boolean;
  /** Rounds to the nearest (half away from zero): the value. */
  readonly nearest: Intl.NumberFormat;
  /** Rounds down: lower bounds, so that "at least" stays true. */
  readonly down: Intl.NumberFormat;
  /** Rounds up: upper bounds, so that "at most" stays true. */
  readonly up: Intl.NumberFormat;
  readonly standard: Intl.NumberFormat;
}

// Building an Intl.NumberFormat costs far more than using one, so they are kept per option set.
// The cache is bounded in case callers pass many distinct locales.
const CACHE_LIMIT = 64;
const cache = new Map<string, Formatter>();

function resolve(options: FormatCountOptions | undefined): Formatter {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new OptionError('options', 'an object or undefined', options);
  }
  const locale = options?.locale ?? 'en-IN';
  const notation = options?.notation ?? 'standard';
  const compactDisplay = options?.compactDisplay ?? 'long';
  const digits = options?.digits ?? 'locale';
  if (typeof locale !== 'string' || locale === '') {
    throw new OptionError('locale', LOCALE_EXPECTED, locale);
  }
  if (notation !== 'standard' && notation !== 'compact') {
    throw new OptionError('notation', '"standard" or "compact"', notation);
  }
  if (compactDisplay !== 'long' && compactDisplay !== 'short') {
    throw new OptionError('compactDisplay', '"long" or "short"', compactDisplay);
  }
  if (digits !== 'locale' && digits !== 'latin' && digits !== 'native') {
    throw new OptionError('digits', '"locale", "latin" or "native"', digits);
  }
  // notation, compactDisplay and digits come from fixed sets, so this key is unambiguous.
  const key = `${notation === 'compact' ? compactDisplay : 'standard'} ${digits} ${locale}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let formatter: Formatter;
  try {
    formatter = createFormatter(
      withDigits(locale, digits),
      notation === 'compact' ? compactDisplay : null,
    );
  } catch {
    // Intl throws RangeError for a malformed tag, localeFor for a language without words; the
    // library throws only its own errors.
    throw new OptionError('locale', LOCALE_EXPECTED, locale);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, formatter);
  return formatter;
}

function createFormatter(locale: string, compactDisplay: 'long' | 'short' | null): Formatter {
  const words = localeFor(locale).count;
  const standard = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (compactDisplay === null) {
    return { words, compact: false, nearest: standard, down: standard, up: standard, standard };
  }
  const compact = (roundingMode: 'halfExpand' | 'floor' | 'ceil') =>
    new Intl.NumberFormat(locale, {
      notation: 'compact',
      compactDisplay,
      maximumSignificantDigits: 3,
      roundingMode,
    });
  return {
    words,
    compact: true,
    nearest: compact('halfExpand'),
    down: compact('floor'),
    up: compact('ceil'),
    standard,
  };
}
