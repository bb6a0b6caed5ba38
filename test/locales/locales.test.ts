import { describe, expect, it } from 'vitest';
import { totals } from '../../src/aggregate/totals.js';
import { OptionError } from '../../src/errors.js';
import { en } from '../../src/locales/en.js';
import { hi } from '../../src/locales/hi.js';
import { LOCALES, type Locale, localeFor } from '../../src/locales/index.js';
import { mr } from '../../src/locales/mr.js';
import { defineRegistry } from '../../src/model/registry.js';
import { describeCount, formatCount } from '../../src/numbers/format-count.js';
import { renderReport } from '../../src/report/render-report.js';

const registry = defineRegistry({
  units: [{ id: 'u', kind: 'district', name: 'U' }],
  accounts: [],
});
const emptyTotals = () => totals(registry, []);

/** Every string a locale can write, with sample figures and lists. */
function everyPhrase(locale: Locale): string[] {
  const { count, report, verdict, command } = locale;
  const figure = (n: number) => `<${n}>`;
  return [
    ...Object.values(command.seriesTitle),
    command.period,
    command.claim,
    command.computed,
    command.verdict,
    command.claimFor('U', '15 Nov 2026'),
    command.fromAccounts(3, 3, figure),
    command.fromAccounts(1, 3, figure),
    command.off('7.1%'),
    count.about('7'),
    count.atLeast('7'),
    count.atMost('7'),
    count.between('7', '9'),
    count.aboutWithin('8', count.between('7', '9')),
    count.noFigure,
    ...Object.values(verdict),
    report.unit,
    report.total,
    report.withFigures,
    report.rank,
    report.before,
    report.after,
    report.change,
    report.percent,
    report.compared,
    report.totalsTitle(undefined),
    report.totalsTitle('15 Nov 2026'),
    report.rankingTitle('X'),
    report.growthTitle,
    report.missingNote(['X a', 'Y b']),
    report.plannedNote(['X (u)', 'Y (v)']),
    report.precisionNote,
    report.rankingNote,
    report.growthNote,
  ];
}

describe('locales (issue #11, part 5)', () => {
  it('are keyed by their BCP 47 language subtag', () => {
    // biome-ignore format: one list
    expect(Object.keys(LOCALES)).toEqual(['en', 'hi', 'mr', 'gu', 'bn', 'pa', 'or', 'ta', 'te', 'kn', 'ml', 'ur', 'as']);
    for (const [key, locale] of Object.entries(LOCALES)) {
      expect(locale.language).toBe(key);
      expect(new Intl.Locale(key).language).toBe(key);
    }
  });

  it('are chosen by the language of a tag; a language without a file is an error (issue #17)', () => {
    expect(localeFor('hi-IN')).toBe(hi);
    expect(localeFor('hi-IN-u-nu-deva')).toBe(hi);
    expect(localeFor('HI')).toBe(hi);
    expect(localeFor('en-IN')).toBe(en);
    expect(localeFor('mr-IN')).toBe(mr);
    expect(() => localeFor('not a locale')).toThrow(RangeError);
    // No silent English: the message names the language and lists the supported ones.
    expect(() => localeFor('fr-FR')).toThrow(/"fr".*en \(English\), hi \(Hindi\), mr \(Marathi\)/);
  });

  it('write every figure and list item they are given, and nothing the escaping would strip', () => {
    for (const locale of Object.values(LOCALES)) {
      const phrases = everyPhrase(locale);
      for (const phrase of phrases) {
        expect(phrase.trim()).not.toBe('');
        // Reports remove controls and bidi embeddings, overrides and isolates from every string.
        expect(phrase).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
      }
      expect(locale.count.between('7', '9')).toMatch(/7.*9/);
      expect(locale.report.totalsTitle('15 Nov 2026')).toContain('15 Nov 2026');
      expect(locale.report.missingNote(['X a', 'Y b'])).toMatch(/X a.*Y b/);
      expect(locale.report.plannedNote(['X (u)', 'Y (v)'])).toMatch(/X \(u\).*Y \(v\)/);
      const { command } = locale;
      expect(command.claimFor('U', '15 Nov 2026')).toMatch(/U.*15 Nov 2026/);
      expect(command.fromAccounts(3, 3, (n) => `<${n}>`)).toContain('<3>');
      expect(command.fromAccounts(3, 3, (n) => `<${n}>`)).not.toContain('<1>');
      // some accounts without a figure: both numbers, and a longer phrase (the lower bound)
      const partial = command.fromAccounts(1, 3, (n) => `<${n}>`);
      expect(partial).toContain('<1>');
      expect(partial).toContain('<3>');
      expect(partial.length).toBeGreaterThan(command.fromAccounts(3, 3, (n) => `<${n}>`).length);
      expect(command.off('7.1%')).toContain('7.1%');
      expect(new Set(Object.values(command.seriesTitle)).size).toBe(5);
    }
  });

  it("give describeCount its words: the language's, the numbers in the whole tag's style", () => {
    const atLeast = { value: 203_500, min: 203_500, max: null };
    expect(describeCount(atLeast)).toBe(en.count.atLeast('2,03,500'));
    expect(describeCount(atLeast, { locale: 'hi-IN' })).toBe(hi.count.atLeast('2,03,500'));
    expect(describeCount(atLeast, { locale: 'hi-IN-u-nu-deva' })).toBe('२,०३,५०० से अधिक');
    // Marathi words, Marathi's own (Devanagari) digits, as CLDR gives them for mr-IN.
    expect(describeCount(atLeast, { locale: 'mr-IN' })).toBe('किमान २,०३,५००');
  });
});

describe('a locale without words (issue #17)', () => {
  const LIST =
    'en (English), hi (Hindi), mr (Marathi), gu (Gujarati), bn (Bengali), pa (Punjabi), or (Odia), ta (Tamil), te (Telugu), kn (Kannada), ml (Malayalam), ur (Urdu), as (Assamese)';

  it.each(['fr-FR', 'de', 'sa-IN', 'ks-IN'])(
    '%s is an OptionError listing the supported languages',
    (locale) => {
      for (const call of [
        () => formatCount(1, { locale }),
        () => describeCount(1, { locale }),
        () => renderReport({ registry, totals: emptyTotals() }, { locale }),
      ]) {
        expect(call).toThrow(OptionError);
        expect(call).toThrow(LIST);
        expect(call).toThrow(`got \`"${locale}"\``);
      }
    },
  );

  it('refuses an unknown digits choice, saying what was expected', () => {
    expect(() => formatCount(1, { digits: 'deva' as 'native' })).toThrow(
      'Expected `digits` to be "locale", "latin" or "native", got `"deva"` (string)',
    );
    expect(() =>
      renderReport({ registry, totals: emptyTotals() }, { digits: 'tamldec' as 'native' }),
    ).toThrow(OptionError);
  });
});
