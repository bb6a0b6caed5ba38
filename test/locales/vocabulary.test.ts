/**
 * Issue #17: every word a locale file gives parseCount is read with its meaning, phrases work on
 * either side of a figure, and the new scripts keep parseCount linear and bounded on hostile
 * input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountError } from '../../src/errors.js';
import { LOCALES } from '../../src/locales/index.js';
import { parseCount } from '../../src/numbers/parse-count.js';

const withParse = Object.values(LOCALES).filter((l) => l.parse !== undefined);
const list = (words: string | undefined) =>
  (words ?? '')
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => w.replaceAll('_', ' '));

describe.each(withParse.map((l) => [l.language, l] as const))(
  'the %s vocabulary (issue #17)',
  (_language, locale) => {
    const parse = locale.parse!;

    it('reads every number word, alone and before each multiplier', () => {
      for (const [value, spellings] of parse.numbers) {
        for (const word of list(spellings)) {
          expect(parseCount(word).value, word).toBe(value);
          for (const [multiplier, names] of parse.multipliers) {
            const name = list(names)[0]!;
            if (value * multiplier <= Number.MAX_SAFE_INTEGER) {
              expect(parseCount(`${word} ${name}`).value, `${word} ${name}`).toBe(
                value * multiplier,
              );
            }
          }
        }
      }
    });

    it('reads every multiplier after a figure', () => {
      for (const [value, spellings] of parse.multipliers) {
        for (const word of list(spellings)) {
          expect(parseCount(`7 ${word}`).value, word).toBe(7 * value);
        }
      }
    });

    it('reads every fraction and prefix with a multiplier', () => {
      const lakh = list(parse.multipliers.find(([v]) => v === 100_000)?.[1] ?? 'lakh')[0]!;
      for (const [value, spellings] of parse.fractions ?? []) {
        for (const word of list(spellings)) {
          expect(parseCount(`${word} ${lakh}`).value, word).toBe(value * 100_000);
        }
      }
      const { plusQuarter, plusHalf, minusQuarter } = parse.prefixes ?? {};
      if (plusQuarter) expect(parseCount(`${plusQuarter} 2 ${lakh}`).value).toBe(225_000);
      if (plusHalf) expect(parseCount(`${plusHalf} 3 ${lakh}`).value).toBe(350_000);
      if (minusQuarter) expect(parseCount(`${minusQuarter} 2 ${lakh}`).value).toBe(175_000);
    });

    it('reads every leading and trailing phrase with its meaning', () => {
      const precision = (text: string) => {
        const { value, min, max } = parseCount(text);
        return { value, min, max };
      };
      for (const phrase of list(parse.leading.approx)) {
        expect(precision(`${phrase} 500`), phrase).toEqual({ value: 500, min: null, max: null });
      }
      for (const phrase of list(parse.leading.lower)) {
        expect(precision(`${phrase} 500`), phrase).toEqual({ value: 500, min: 500, max: null });
      }
      for (const phrase of list(parse.leading.upper)) {
        expect(precision(`${phrase} 500`), phrase).toEqual({ value: 500, min: null, max: 500 });
      }
      for (const phrase of list(parse.leading.total)) {
        expect(precision(`${phrase} 500`), phrase).toEqual({ value: 500, min: 500, max: 500 });
      }
      for (const phrase of list(parse.trailing.lower)) {
        expect(precision(`500 ${phrase}`), phrase).toEqual({ value: 500, min: 500, max: null });
      }
      for (const phrase of list(parse.trailing.upper)) {
        expect(precision(`500 ${phrase}`), phrase).toEqual({ value: 500, min: null, max: 500 });
      }
      for (const phrase of list(parse.trailing.approx)) {
        expect(precision(`500 ${phrase}`), phrase).toEqual({ value: 500, min: null, max: null });
      }
      for (const phrase of list(parse.trailing.audience)) {
        expect(precision(`500 ${phrase}`), phrase).toEqual({ value: 500, min: 500, max: 500 });
      }
      for (const word of list(parse.rangeWords)) {
        expect(precision(`2 ${word} 3 ${list(parse.multipliers[2]![1])[0]}`), word).toMatchObject({
          min: 2 * parse.multipliers[2]![0],
          max: 3 * parse.multipliers[2]![0],
        });
      }
    });

    it('reads every fused form as the words it stands for', () => {
      for (const [written, meant] of Object.entries(parse.inflected ?? {})) {
        // Either form reads the same after a figure, with whatever the form needs after it.
        const tail = list(parse.trailing.lower).find((p) => meant.endsWith(p.split(' ')[0]!)) ?? '';
        const rest = tail === '' ? '' : tail.split(' ').slice(1).join(' ');
        const fused = `3 ${written} ${rest}`.trim();
        const spelled = `3 ${meant} ${rest}`.trim();
        let expected: unknown;
        try {
          expected = parseCount(spelled);
        } catch (error) {
          expected = error instanceof CountError ? 'refused' : error;
        }
        let got: unknown;
        try {
          got = parseCount(fused);
        } catch (error) {
          got = error instanceof CountError ? 'refused' : error;
        }
        expect(got, written).toEqual(expected);
      }
    });

    it('says where an unknown word is, quoting it as written', () => {
      expect(() => parseCount(`5 ${list(parse.multipliers[1]![1])[0]} xyzzy`)).toThrow(/"xyzzy"/);
    });
  },
);

describe('parseCount on hostile text in the new scripts (issue #17)', () => {
  const pieces = [
    '৪০,৩৭৯.৭১',
    '۲٬۰۳٬۵۰۰',
    'কোটি',
    'ലക്ഷത്തിലധികം',
    'லட்சத்துக்கும்',
    'ফ’ল’ৱাৰ',
    '\u0d7d',
    '\u064b',
    '\u200c',
    '\u200f',
    '-',
    ' ',
    '(',
    'ਘੱਟੋ-ਘੱਟ',
  ];

  it('throws only CountError on any mix of the new scripts’ pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        try {
          parseCount(parts.join(''));
        } catch (error) {
          expect(error).toBeInstanceOf(CountError);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('takes time in proportion to the text: 200 characters cost about ten times 20', () => {
    // Medians of many calls, compared with each other, so that a loaded machine slows both.
    const median = (text: string) => {
      const times: number[] = [];
      for (let i = 0; i < 201; i++) {
        const start = performance.now();
        try {
          parseCount(text);
        } catch {}
        times.push(performance.now() - start);
      }
      return times.sort((x, y) => x - y)[100]!;
    };
    const unit = '৪০ লাখ ലക്ഷത്തിലധികം ফ’ল’ৱাৰ ';
    const short = unit.repeat(1).slice(0, 20);
    const long = unit.repeat(10).slice(0, 200);
    median(long); // warm up
    // Linear: about 10×; a quadratic parser would be about 100×.
    expect(median(long)).toBeLessThan(40 * median(short) + 0.05);
  });

  it('refuses a number mixing two scripts’ digits', () => {
    expect(() => parseCount('২০৩,500')).toThrow(/mixes the digits of two scripts/);
    expect(() => parseCount('2০3')).toThrow(/mixes the digits of two scripts/);
  });

  it('stays bounded on 200 characters of fused forms (each stands for at most four words)', () => {
    const text = 'ലക്ഷത്തിലധികം '.repeat(14).slice(0, 200);
    expect(() => parseCount(text)).toThrow(CountError);
    const times: number[] = [];
    for (let i = 0; i < 101; i++) {
      const start = performance.now();
      expect(() => parseCount(text)).toThrow(CountError);
      times.push(performance.now() - start);
    }
    // The median call: about 0.1 ms.
    expect(times.sort((a, b) => a - b)[50]).toBeLessThan(5);
  });
});

describe('digits of one script (issue #17)', () => {
  it('reads each script’s digits with Indian or Western grouping, and Urdu’s separators', () => {
    expect(parseCount('௨,௦௩,௫௦௦').value).toBe(203_500);
    expect(parseCount('೨೦೩,೫೦೦').value).toBe(203_500);
    expect(parseCount('۲٬۰۳٬۵۰۰').value).toBe(203_500);
    expect(parseCount('۲٫۰۴ لاکھ').value).toBe(204_000);
    expect(parseCount('੨.੦੪ ਲੱਖ').value).toBe(204_000);
    // A second point after a figure is not a mix of scripts.
    expect(() => parseCount('1.5.3')).toThrow(CountError);
    expect(() => parseCount('1.5.3')).not.toThrow(/two scripts/);
  });
});
