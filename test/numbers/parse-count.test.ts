import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountError, SocialReachError } from '../../src/errors.js';
import { Count, countPrecision } from '../../src/model/count.js';
import { parseCount } from '../../src/numbers/parse-count.js';

const exact = (value: number): Count => ({ value, min: value, max: value });
const atLeast = (value: number): Count => ({ value, min: value, max: null });
const atMost = (value: number): Count => ({ value, min: null, max: value });
const about = (value: number): Count => ({ value, min: null, max: null });
const range = (min: number, max: number): Count => ({ value: min, min, max });

/** Calls parseCount and returns the error it throws (failing when it throws none). */
function errorOf(input: unknown): unknown {
  try {
    parseCount(input as string);
  } catch (error) {
    return error;
  }
  throw new Error(`parseCount(${JSON.stringify(input)}) did not throw`);
}

describe('parseCount: the Indore report (seed/indore-admin-social-media.hi.txt)', () => {
  it.each<[string, Count]>([
    ['32 हजार से अधिक', atLeast(32_000)],
    ['साढे 5 हजार', exact(5_500)],
    ['लगभग 77 हजार', about(77_000)],
    ['लगभग 33 हजार', about(33_000)],
    ['21 हजार', exact(21_000)],
    ['साढे 6 हजार', exact(6_500)],
    ['साढे 15 हजार', exact(15_500)],
    ['13 हजार', exact(13_000)],
    ['लगभग डेढ़ लाख', about(150_000)],
    ['लगभग डेढ़ लाख फॉलोवर्स', about(150_000)],
    ['कुल 60 हजार', exact(60_000)],
    ['कुल 60 हजार फॉलोअर्स', exact(60_000)],
    ['2 लाख से अधिक', atLeast(200_000)],
    ['दो लाख से अधिक', atLeast(200_000)],
    ['लगभग दो लाख से अधिक', about(200_000)],
    ['लगभग दो लाख से अधिक फॉलोअर्स', about(200_000)],
    ['साढे 5 हजार फॉलोअर्स', exact(5_500)],
  ])('%s', (input, expected) => {
    expect(parseCount(input)).toEqual(expected);
  });
});

describe('parseCount: digits and grouping', () => {
  it.each<[string, Count]>([
    ['0', exact(0)],
    ['7', exact(7)],
    ['1,47,500', exact(147_500)],
    ['2,03,500', exact(203_500)],
    ['10,00,000', exact(1_000_000)],
    ['9,00,71,99,25,47,40,991', exact(Number.MAX_SAFE_INTEGER)],
    ['9007199254740991', exact(Number.MAX_SAFE_INTEGER)],
    ['203,500', exact(203_500)],
    ['1,234,567', exact(1_234_567)],
    ['203500', exact(203_500)],
    ['1,000', exact(1_000)],
    ['१,४७,५००', exact(147_500)],
    ['२,०३,५००', exact(203_500)],
    ['३२ हजार', exact(32_000)],
    ['  2,03,500\n', exact(203_500)],
  ])('%s', (input, expected) => {
    expect(parseCount(input)).toEqual(expected);
  });
});

describe('parseCount: multipliers and decimals', () => {
  it.each<[string, Count]>([
    ['32K', exact(32_000)],
    ['32k', exact(32_000)],
    ['32 thousand', exact(32_000)],
    ['32 हजार', exact(32_000)],
    ['32 हज़ार', exact(32_000)],
    ['1.5M', exact(1_500_000)],
    ['1.5 million', exact(1_500_000)],
    ['1.5 मिलियन', exact(1_500_000)],
    ['2 lakh', exact(200_000)],
    ['2 lakhs', exact(200_000)],
    ['2 lac', exact(200_000)],
    ['2 lacs', exact(200_000)],
    ['2L', exact(200_000)],
    ['2 लाख', exact(200_000)],
    ['2.04 lakh', exact(204_000)],
    ['2.04L', exact(204_000)],
    ['1.48 lakh', exact(148_000)],
    ['3 crore', exact(30_000_000)],
    ['3 crores', exact(30_000_000)],
    ['3 cr', exact(30_000_000)],
    ['3.62Cr', exact(36_200_000)],
    ['3.62 Cr.', exact(36_200_000)],
    ['3 करोड़', exact(30_000_000)],
    ['3 करोड', exact(30_000_000)],
    ['3.62 क॰', exact(36_200_000)],
    ['5 सौ', exact(500)],
    ['5 hundred', exact(500)],
    ['1.5 अरब', exact(1_500_000_000)],
    ['1.5 अ॰', exact(1_500_000_000)],
    ['1.5B', exact(1_500_000_000)],
    ['1.5 billion', exact(1_500_000_000)],
    ['1.23 trillion', exact(1_230_000_000_000)],
    ['1.23KCr', exact(12_300_000_000)],
    ['1.23LCr', exact(1_230_000_000_000)],
    ['1.23 lakh crore', exact(1_230_000_000_000)],
    ['12,300 crore', exact(123_000_000_000)],
    ['1.23 खरब', exact(123_000_000_000)],
    ['1.23 ख॰', exact(123_000_000_000)],
    ['1.23 नील', exact(12_300_000_000_000)],
    ['77 हज़ार', exact(77_000)],
    ['१.२३ हज़ार', exact(1_230)],
    ['0.5K', exact(500)],
    ['1.50K', exact(1_500)],
    // Intl prints these with U+202F and U+00A0 between figure and multiplier.
    ['3.62\u202fcrore', exact(36_200_000)],
    ['3.62\u00a0क॰', exact(36_200_000)],
  ])('%s', (input, expected) => {
    expect(parseCount(input)).toEqual(expected);
  });

  it('has no float artefacts', () => {
    // 2.04 * 100000 is 204000.00000000003 in floating point; 1.1 * 3 crore similarly.
    expect(parseCount('2.04 lakh').value).toBe(204_000);
    expect(parseCount('1.1 crore').value).toBe(11_000_000);
    expect(parseCount('0.07 lakh').value).toBe(7_000);
    expect(parseCount('4.35 million').value).toBe(4_350_000);
  });
});

describe('parseCount: Hindi number words and fractions', () => {
  it.each<[string, Count]>([
    ['दो लाख', exact(200_000)],
    ['पांच हजार', exact(5_000)],
    ['पाँच हज़ार', exact(5_000)],
    ['बीस हजार', exact(20_000)],
    ['उन्नीस हजार', exact(19_000)],
    ['नब्बे हजार', exact(90_000)],
    ['पचहत्तर हजार', exact(75_000)],
    ['एक सौ', exact(100)],
    ['डेढ़ लाख', exact(150_000)],
    ['डेढ लाख', exact(150_000)],
    ['डेढ़ सौ', exact(150)],
    ['ढाई लाख', exact(250_000)],
    ['ढाई हजार', exact(2_500)],
    ['सवा लाख', exact(125_000)],
    ['सवा 5 हजार', exact(5_250)],
    ['सवा दो लाख', exact(225_000)],
    ['साढ़े 5 हजार', exact(5_500)],
    ['साढे 5 हजार', exact(5_500)],
    ['साढ़े तीन लाख', exact(350_000)],
    ['पौने दो लाख', exact(175_000)],
    ['पौने 3 हजार', exact(2_750)],
    ['दो लाख तीन हजार पांच सौ', exact(203_500)],
    ['2 lakh 3 thousand 500', exact(203_500)],
    ['two lakh', exact(200_000)],
    ['twenty five thousand', exact(25_000)],
    ['twenty-five thousand', exact(25_000)],
  ])('%s', (input, expected) => {
    expect(parseCount(input)).toEqual(expected);
  });
});

describe('parseCount: qualifiers', () => {
  it.each<[string, Count]>([
    // lower bounds
    ['32 हजार से अधिक', atLeast(32_000)],
    ['32 हजार से ज्यादा', atLeast(32_000)],
    ['32 हजार से ज़्यादा', atLeast(32_000)],
    ['32 हजार से भी अधिक', atLeast(32_000)],
    ['32 हजार फॉलोअर्स से अधिक', atLeast(32_000)],
    ['कम से कम 32 हजार', atLeast(32_000)],
    ['more than 32K', atLeast(32_000)],
    ['More than 32,000 followers', atLeast(32_000)],
    ['over 2 lakh', atLeast(200_000)],
    ['at least 2,03,500', atLeast(203_500)],
    ['above 5K', atLeast(5_000)],
    ['32K+', atLeast(32_000)],
    ['32K+ followers', atLeast(32_000)],
    ['32,000+ subscribers', atLeast(32_000)],
    // approximate
    ['लगभग 77 हजार', about(77_000)],
    ['करीब 77 हजार', about(77_000)],
    ['क़रीब 77 हज़ार', about(77_000)],
    ['तकरीबन 77 हजार', about(77_000)],
    ['about 77K', about(77_000)],
    ['around 77K', about(77_000)],
    ['approx. 77K', about(77_000)],
    ['approx 77K', about(77_000)],
    ['approximately 77,000', about(77_000)],
    ['nearly 77 thousand', about(77_000)],
    ['~77K', about(77_000)],
    ['≈ 77K', about(77_000)],
    ['about 32K+', about(32_000)],
    // upper bounds
    ['5 हजार से कम', atMost(5_000)],
    ['less than 5,000', atMost(5_000)],
    ['under 5K', atMost(5_000)],
    ['at most 5,000', atMost(5_000)],
    ['अधिकतम 5,000', atMost(5_000)],
    ['5 हजार तक', atMost(5_000)],
    ['up to 5K members', atMost(5_000)],
    // ranges
    ['between 10 and 20', range(10, 20)],
    ['between 10K and 12K', range(10_000, 12_000)],
    ['between 10 and 12 lakh', range(1_000_000, 1_200_000)],
    ['10 से 12 लाख के बीच', range(1_000_000, 1_200_000)],
    ['10 हजार से 12 हजार के बीच', range(10_000, 12_000)],
    ['डेढ़ से दो लाख के बीच', range(150_000, 200_000)],
    ['5 से 8 हजार तक', range(5_000, 8_000)],
    ['10–12K', range(10_000, 12_000)],
    ['10-12K', range(10_000, 12_000)],
    ['10K-12K', range(10_000, 12_000)],
    ['2-3 lakh', range(200_000, 300_000)],
    ['10 to 20', range(10, 20)],
    // a bare first figure keeps its own size when the second's multiplier cannot apply
    ['999-1K', range(999, 1_000)],
    ['500-2K', range(500, 2_000)],
    ['between 3,62,00,000 and 3,62,99,999', range(36_200_000, 36_299_999)],
    ['3,62,00,000 से 3,62,99,999 के बीच', range(36_200_000, 36_299_999)],
    // approximate figures with bounds, as describeCount writes them
    ['about 50 (at least 10)', { value: 50, min: 10, max: null }],
    ['about 50 (at most 100)', { value: 50, min: null, max: 100 }],
    ['about 50 (between 10 and 100)', { value: 50, min: 10, max: 100 }],
    ['लगभग 50 (10 से अधिक)', { value: 50, min: 10, max: null }],
    ['लगभग 50 (अधिकतम 100)', { value: 50, min: null, max: 100 }],
    ['लगभग 50 (10 से 100 के बीच)', { value: 50, min: 10, max: 100 }],
    // optional total and audience words
    ['total 60K', exact(60_000)],
    ['Total 60K followers', exact(60_000)],
    ['60 हजार सदस्य', exact(60_000)],
    ['60 हजार सब्सक्राइबर', exact(60_000)],
    ['60 हज़ार फ़ॉलोअर्स', exact(60_000)],
  ])('%s', (input, expected) => {
    expect(parseCount(input)).toEqual(expected);
  });
});

describe('parseCount: errors', () => {
  it.each<[string, string]>([
    ['abc', 'expected a number like 1,47,500, 32K, 2 lakh or साढ़े 5 हजार'],
    ['', 'expected a number like'],
    ['   ', 'expected a number like'],
    ['1.5', 'not a whole number'],
    ['डेढ़', 'not a whole number'],
    ['1.2345K', 'not a whole number'],
    ['-5', 'cannot be negative'],
    ['−5', 'is not a number'],
    ['1,2,3', 'is not grouped like 1,47,500'],
    ['2,5 lakh', 'is not grouped like'],
    ['1,00,000,00', 'is not grouped like'],
    ['99999999999999999', 'Number.MAX_SAFE_INTEGER'],
    ['9010LCr', 'Number.MAX_SAFE_INTEGER'],
    ['lakh', 'is not a number'],
    ['हजार', 'is not a number'],
    ['साढ़े हजार', 'needs a whole number after it'],
    ['साढ़े 5.5 हजार', 'needs a whole number after it'],
    ['सवा', 'needs a multiplier'],
    ['5 500', 'parts of a figure must shrink'],
    ['5 lakh 3 crore', 'parts of a figure must shrink'],
    ['2 lakh 150 thousand', 'parts of a figure must shrink'],
    ['5 crore lakh', 'multipliers must grow'],
    ['more than about', 'expected a number like'],
    ['more than 5 से कम', 'repeats or contradicts'],
    ['लगभग लगभग 5', 'repeats or contradicts'],
    ['between 10 and 5', 'the range starts at 10, above its end at 5'],
    ['between 10', 'a range needs two figures'],
    ['10 से 20', 'a range needs two figures'],
    ['about 10-20', 'a range cannot also be approximate'],
    ['10-', 'expected a number like'],
    ['5 (at least 2)', 'may follow only an approximate figure'],
    ['about 5 (about 2)', 'the brackets must hold a bound'],
    ['about 5 (at least 9)', 'outside its own bounds'],
    ['5)', 'closing bracket has no opening one'],
    ['(5', 'is not a number'],
    ['32K++', 'repeats or contradicts'],
    ['5.', 'is not a number'],
    ['लाखों', 'is not a number'],
    ['5 Apples', '"Apples" is not a number'],
  ])('%s', (input, reason) => {
    const error = errorOf(input);
    expect(error).toBeInstanceOf(CountError);
    const { message, input: rejected } = error as CountError;
    expect(message).toContain(`Cannot read ${JSON.stringify(input)} as a count`);
    expect(message).toContain(reason);
    expect(rejected).toBe(input);
  });

  it('rejects a non-string with a CountError naming what came', () => {
    for (const input of [42, null, undefined, {}, ['5'], Symbol('x'), 5n]) {
      const error = errorOf(input);
      expect(error).toBeInstanceOf(CountError);
      expect((error as CountError).message).toMatch(/Expected a string to read as a count, got /);
    }
  });

  it('cuts a long text short in the message but keeps it whole on the error', () => {
    const input = `${'x'.repeat(500)}`;
    const error = errorOf(input) as CountError;
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain('…');
    expect(error.input).toBe(input);
  });

  it('issue #10: a text longer than 200 characters is refused before it is read, in bounded work', () => {
    const input = `\u202E${'5 '.repeat(500_000)}`;
    const error = errorOf(input) as CountError;
    expect(error).toBeInstanceOf(CountError);
    expect(error.message).toMatch(/at most 200 characters/);
    expect(error.message.length).toBeLessThan(250);
    expect(error.message).not.toContain('\u202E');
    expect(error.input).toBe(input); // the field keeps it whole; toJSON quotes it
    expect(JSON.stringify(error).length).toBeLessThan(1_000);
  });

  it('survives lone surrogates and control characters', () => {
    for (const input of ['\ud800', '5\udfff', '\u0000', '5 \u0301', '\u093c', '5\u093c']) {
      expect(errorOf(input)).toBeInstanceOf(CountError);
    }
  });
});

// -----------------------------------------------------------------------------------------------
// Properties

/** Asserts what parseCount promises for any input: a valid Count, or a CountError. */
function parsesOrRejects(input: string): void {
  let result: Count;
  try {
    result = parseCount(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CountError);
    expect(SocialReachError.isInstance(error)).toBe(true);
    expect((error as CountError).message).toContain('Cannot read');
    return;
  }
  expect(Count.safeParse(result).success).toBe(true);
  expect(Number.isSafeInteger(result.value)).toBe(true);
}

// The grammar's own vocabulary, to be shuffled with junk: far more likely to reach deep paths
// than random characters.
const VOCABULARY = [
  ...'0 1 5 32 77 147500 1,47,500 203,500 2.04 1.5 0.5 ३२ २,०३,५०० १.२३ 9007199254740991'.split(
    ' ',
  ),
  ...'K k L M B T Cr KCr LCr lakh lakhs crore thousand million hundred सौ'.split(' '),
  ...'हजार हज़ार लाख करोड़ करोड क॰ अ॰ ख॰ अरब खरब नील मिलियन'.split(' '),
  ...'एक दो पांच बीस नब्बे पचहत्तर डेढ़ ढाई सवा साढ़े साढे पौने twenty five'.split(' '),
  ...'से अधिक ज्यादा ज़्यादा भी कम के बीच तक और लगभग करीब तकरीबन अधिकतम कुल'.split(' '),
  ...'more than over at least above less under most about around approx. nearly'.split(' '),
  ...'between and to total followers फॉलोअर्स सदस्य + ~ ≈ - – ( ) , .'.split(' '),
];

const vocabularyPhrase = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) }, fc.string()), {
    maxLength: 8,
  })
  .chain((parts) => fc.constantFrom(' ', '', '\u00a0').map((separator) => parts.join(separator)));

describe('parseCount: properties', () => {
  it('returns a valid Count or throws a CountError for any string', () => {
    fc.assert(fc.property(fc.string(), parsesOrRejects), { numRuns: 2_000 });
  });

  it('returns a valid Count or throws a CountError for any Unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), parsesOrRejects), { numRuns: 2_000 });
  });

  it('returns a valid Count or throws a CountError for the grammar’s words mixed with junk', () => {
    fc.assert(fc.property(vocabularyPhrase, parsesOrRejects), { numRuns: 10_000 });
  });

  it('reads back every whole number Intl writes, in Latin and Devanagari digits', () => {
    const locales = ['en-IN', 'hi-IN', 'en-US', 'hi-IN-u-nu-deva', 'en-IN-u-nu-deva'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...locales),
        (value, locale) => {
          const text = new Intl.NumberFormat(locale).format(value);
          expect(parseCount(text)).toEqual(exact(value));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('reads figure, multiplier and qualifier the way they were built', () => {
    const multipliers: [string, number][] = [
      ['', 1],
      ['K', 1e3],
      [' हजार', 1e3],
      [' हज़ार', 1e3],
      [' lakh', 1e5],
      ['L', 1e5],
      [' लाख', 1e5],
      [' crore', 1e7],
      [' करोड़', 1e7],
      ['M', 1e6],
    ];
    const qualifiers: [string, string, (value: number) => Count][] = [
      ['', '', exact],
      ['लगभग ', '', about],
      ['about ', '', about],
      ['', ' से अधिक', atLeast],
      ['more than ', '', atLeast],
      ['', '+', atLeast],
      ['', ' से कम', atMost],
      ['under ', '', atMost],
      ['लगभग ', ' से अधिक', about],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom(...multipliers),
        fc.constantFrom(...qualifiers),
        fc.boolean(),
        fc.constantFrom('', ' followers', ' फॉलोअर्स'),
        (figure, [multiplierText, multiplier], [before, after, make], devanagari, audience) => {
          const digits = devanagari
            ? String(figure).replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d)))
            : String(figure);
          const text = `${before}${digits}${multiplierText}${after}${audience}`;
          expect(parseCount(text)).toEqual(make(figure * multiplier));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('reads decimals with a multiplier exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (hundredths) => {
        // "12.34 lakh" is 12,34,000: hundredths × 1,000 exactly, whatever floats would say.
        const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')} lakh`;
        const count = parseCount(text);
        expect(count).toEqual(exact(hundredths * 1_000));
        expect(countPrecision(count)).toBe('exact');
      }),
    );
  });

  it('rejects a very long run of digits as too large, not as a crash', () => {
    const error = errorOf('1'.repeat(150)) as CountError;
    expect(error).toBeInstanceOf(CountError);
    expect(error.message).toContain('Number.MAX_SAFE_INTEGER');
    // longer runs are refused by the length cap before they are read
    expect((errorOf('1'.repeat(10_000)) as CountError).message).toMatch(/at most 200 characters/);
  });
});
