import { describe, expectTypeOf, it } from 'vitest';
import type { DigitsOption, Language, PeriodKey, PlatformKey } from '../../src/locales/index.js';
import type { Locale } from '../../src/locales/locale.js';
import type { BuiltInPlatformId } from '../../src/model/platform.js';
import type { FormatCountOptions } from '../../src/numbers/format-count.js';
import type { RenderReportOptions } from '../../src/report/render-report.js';
import type { Period } from '../../src/util/time-zone.js';

describe('locale types (issue #17)', () => {
  it('name every built-in platform, written out in src/locales', () => {
    expectTypeOf<PlatformKey>().toEqualTypeOf<BuiltInPlatformId>();
    expectTypeOf<Locale['platforms']>().toEqualTypeOf<
      Readonly<Record<BuiltInPlatformId, string>>
    >();
  });

  it('offer the same digits choice to formatCount and renderReport', () => {
    expectTypeOf<DigitsOption>().toEqualTypeOf<'locale' | 'latin' | 'native'>();
    expectTypeOf<FormatCountOptions['digits']>().toEqualTypeOf<DigitsOption | undefined>();
    expectTypeOf<RenderReportOptions['digits']>().toEqualTypeOf<DigitsOption | undefined>();
  });

  it("name every period of a series, written out in src/locales (the command's series titles)", () => {
    expectTypeOf<PeriodKey>().toEqualTypeOf<Period>();
    expectTypeOf<keyof Locale['command']['seriesTitle']>().toEqualTypeOf<Period>();
  });

  it('list the languages once: the codes of LANGUAGES', () => {
    expectTypeOf<Language>().toEqualTypeOf<
      'en' | 'hi' | 'mr' | 'gu' | 'bn' | 'pa' | 'or' | 'ta' | 'te' | 'kn' | 'ml' | 'ur' | 'as'
    >();
  });
});
