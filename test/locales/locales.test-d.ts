import { describe, expectTypeOf, it } from 'vitest';
import type { DigitsOption, PlatformKey } from '../../src/locales/index.js';
import type { Locale } from '../../src/locales/locale.js';
import type { BuiltInPlatformId } from '../../src/model/platform.js';
import type { FormatCountOptions } from '../../src/numbers/format-count.js';
import type { RenderReportOptions } from '../../src/report/render-report.js';

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
});
