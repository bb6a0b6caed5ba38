/**
 * Issue #17: the compact words the locale files mark [CLDR] are the ones Node's ICU prints, and
 * parseCount reads every compact figure `Intl` writes for each language back to its value, at
 * every power of ten from 10³ to 10¹⁵ — except CLDR's own inconsistent short forms, listed here
 * so that a CLDR fix shows up as a failure to update.
 */
import { describe, expect, it } from 'vitest';
import { parseCount } from '../../src/numbers/parse-count.js';

const LANGUAGES = ['hi', 'mr', 'gu', 'bn', 'pa', 'or', 'ta', 'te', 'kn', 'ml', 'ur', 'as'] as const;

/** Figures CLDR 48 writes wrongly (what they read as), by language, display and power of ten. */
const CLDR_DEFECTS: Readonly<Record<string, number>> = {
  // "১ শত কো", "১.২৩শত কো": hundred crore, for ten times that.
  'bn short 10': 1e9,
  // "১কো", "১.২৩কো": crore, for 10^11.
  'bn short 11': 1e7,
  // "১ নিঃ": a million, for 10^8.
  'as short 8': 1e6,
};

describe.each(LANGUAGES)('CLDR compact figures in %s (issue #17)', (language) => {
  it.each(['long', 'short'] as const)('%s: each power of ten reads back', (compactDisplay) => {
    const format = new Intl.NumberFormat(`${language}-IN`, {
      notation: 'compact',
      compactDisplay,
      maximumSignificantDigits: 3,
    });
    for (let k = 3; k <= 15; k++) {
      for (const mantissa of [1, 1.23]) {
        const value = Math.round(mantissa * 10 ** k);
        const shown = format.format(value);
        const defect = CLDR_DEFECTS[`${language} ${compactDisplay} ${k}`];
        const expected = defect === undefined ? value : Math.round(mantissa * defect);
        expect(parseCount(shown).value, `${shown} (10^${k})`).toBe(expected);
      }
    }
  });
});

describe('what Node 20 ICU says (issue #17)', () => {
  it('is the ICU and CLDR the locale files cite', () => {
    // The locale files name CLDR 48 / ICU 78.2; another runtime may print other words, which
    // the round-trip tests would catch.
    expect(process.versions.cldr).toBeDefined();
    expect(Number.parseInt(process.versions.cldr!, 10)).toBeGreaterThanOrEqual(44);
  });

  it('gives each language its default digits', () => {
    const digitsOf = (language: string) =>
      new Intl.NumberFormat(`${language}-IN`).resolvedOptions().numberingSystem;
    expect(LANGUAGES.map((l) => [l, digitsOf(l)])).toEqual([
      ['hi', 'latn'],
      ['mr', 'deva'],
      ['gu', 'latn'],
      ['bn', 'beng'],
      ['pa', 'latn'],
      ['or', 'latn'],
      ['ta', 'latn'],
      ['te', 'latn'],
      ['kn', 'latn'],
      ['ml', 'latn'],
      ['ur', 'arabext'],
      ['as', 'beng'],
    ]);
  });
});
