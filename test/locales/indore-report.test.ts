/**
 * Issue #17: the Indore report (examples/indore-district.ts) in each language — its title,
 * column labels, platform names, notes and precision words are the language's, its figures are
 * describeCount's in that locale, and no English label is left.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { indoreDistrict } from '../../examples/indore-district.js';
import { rank } from '../../src/aggregate/rank.js';
import type { Totals } from '../../src/aggregate/totals.js';
import { LOCALES } from '../../src/locales/index.js';
import type { Registry } from '../../src/model/registry.js';
import { describeCount } from '../../src/numbers/format-count.js';
import { parseCount } from '../../src/numbers/parse-count.js';
import { renderReport } from '../../src/report/render-report.js';

const NEW_LANGUAGES = ['mr', 'gu', 'bn', 'pa', 'or', 'ta', 'te', 'kn', 'ml', 'ur', 'as'] as const;

/**
 * Labels only English writes: none may be left in another language's report. (Unit and account
 * names are the registry's, in English for these languages, and "Commissioner (Facebook)" is one.)
 */
const ENGLISH_WORDS = [
  'Unit',
  'Total',
  'With figures',
  'Followers by',
  'no figure',
  'No figure',
  'Planned accounts',
  'at least',
  'about',
  'Ranking',
  'X (Twitter)',
];

let registry: Registry;
let all: Totals;

beforeAll(async () => {
  ({ registry, all } = await indoreDistrict());
});

describe.each(NEW_LANGUAGES)('the Indore report in %s (issue #17)', (language) => {
  const locale = `${language}-IN`;
  const words = LOCALES[language]!;

  it.each(['text', 'markdown'] as const)(
    '%s: the labels, names and figures are the language’s',
    (format) => {
      const view = { registry, totals: all, units: ['indore-admin'], accounts: true };
      const report = renderReport(view, { locale, format });
      expect(report).toContain(words.report.totalsTitle(undefined));
      for (const label of [words.report.unit, words.report.total, words.report.withFigures]) {
        expect(report).toContain(label);
      }
      for (const platform of ['x', 'facebook', 'instagram'] as const) {
        expect(report).toContain(words.platforms[platform]);
      }
      expect(report).toContain(words.count.noFigure);
      expect(report).toContain(words.report.precisionNote);
      // Instagram has no figure anywhere: the note names the accounts with the language's words.
      expect(report).toContain(
        words.report.missingNote([`${words.platforms.instagram} commissionerindore`]).split(':')[0],
      );
      expect(report).toContain(words.report.plannedNote([]).split(':')[0]);
      for (const english of ENGLISH_WORDS) expect(report).not.toContain(english);

      // The district's total is written as describeCount writes it in this locale, and reads back.
      const district = all.units.get('indore-admin')!.count;
      const shown = describeCount(district, { locale });
      expect(report).toContain(shown);
      expect(parseCount(shown)).toEqual(district);
      expect(shown).toBe(words.count.about(describeCount(district.value, { locale })));
    },
  );

  it('compact figures with Latin digits, as many offices print them', () => {
    const view = { registry, totals: all, units: ['indore-admin'] };
    const report = renderReport(view, { locale, notation: 'compact', digits: 'latin' });
    const district = all.units.get('indore-admin')!.count;
    const shown = describeCount(district, { locale, notation: 'compact', digits: 'latin' });
    expect(report).toContain(shown);
    expect(shown).toMatch(/[0-9]/);
    expect(Math.abs(parseCount(shown).value - district.value)).toBeLessThanOrEqual(1_000);
  });

  it('the ranking on X carries the language’s title and platform name', () => {
    const ranking = rank(registry, all, { kind: 'official', platform: 'x' });
    const report = renderReport({ registry, ranking, platform: 'x' }, { locale });
    expect(report).toContain(words.report.rankingTitle(words.platforms.x));
    expect(report).toContain(words.report.rank);
    expect(report).not.toContain('Ranking');
  });

  it('CSV keeps the column names for programs and the raw numbers', () => {
    const view = { registry, totals: all, units: ['indore-admin'] };
    const csv = renderReport(view, { locale, format: 'csv' });
    expect(csv.split('\r\n')[0]).toMatch(/^[a-z_,]+$/);
    expect(csv).toContain(String(all.units.get('indore-admin')!.count.value));
  });
});
