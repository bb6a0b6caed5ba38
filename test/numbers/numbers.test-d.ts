import { describe, expectTypeOf, it } from 'vitest';
import type { Locale } from '../../src/locales/index.js';
import type { Count } from '../../src/model/count.js';
import {
  type CheckClaimOptions,
  type ClaimCheck,
  checkClaim,
} from '../../src/numbers/check-claim.js';
import {
  describeCount,
  type FormatCountOptions,
  formatCount,
} from '../../src/numbers/format-count.js';
import { parseCount } from '../../src/numbers/parse-count.js';

describe('numbers: public signatures', () => {
  it('parseCount takes a string and returns a Count', () => {
    expectTypeOf(parseCount).parameters.toEqualTypeOf<[text: string]>();
    expectTypeOf(parseCount).returns.toEqualTypeOf<Count>();
    expectTypeOf(parseCount('5K').min).toEqualTypeOf<number | null>();
    // @ts-expect-error a number is not a phrase
    parseCount(5);
  });

  it('formatCount and describeCount take a Count or a number and options', () => {
    expectTypeOf(formatCount).parameters.toEqualTypeOf<
      [count: Count | number, options?: FormatCountOptions]
    >();
    expectTypeOf(describeCount).parameters.toEqualTypeOf<
      [count: Count | number, options?: FormatCountOptions]
    >();
    expectTypeOf(formatCount).returns.toEqualTypeOf<string>();
    expectTypeOf(describeCount).returns.toEqualTypeOf<string>();
  });

  it('FormatCountOptions lists its fields, all optional, as literal unions', () => {
    expectTypeOf<FormatCountOptions>().toEqualTypeOf<{
      locale?: string;
      notation?: 'standard' | 'compact';
      compactDisplay?: 'long' | 'short';
    }>();
    expectTypeOf({}).toExtend<FormatCountOptions>();
    // @ts-expect-error scientific notation is not offered
    formatCount(1, { notation: 'scientific' });
    // @ts-expect-error a locale is one tag, not a list
    describeCount(1, { locale: ['en-IN'] });
  });

  it('checkClaim takes two counts and options and returns a ClaimCheck', () => {
    expectTypeOf(checkClaim).parameters.toEqualTypeOf<
      [claimed: Count, computed: Count, options?: CheckClaimOptions]
    >();
    expectTypeOf(checkClaim).returns.toEqualTypeOf<ClaimCheck>();
    expectTypeOf<ClaimCheck['verdict']>().toEqualTypeOf<
      'consistent' | 'overstated' | 'understated'
    >();
    // every locale words every verdict, and no other (locale.ts writes the list out)
    expectTypeOf<keyof Locale['verdict']>().toEqualTypeOf<ClaimCheck['verdict']>();
    expectTypeOf<ClaimCheck['difference']>().toEqualTypeOf<number>();
    expectTypeOf<ClaimCheck['ratio']>().toEqualTypeOf<number | null>();
    expectTypeOf<CheckClaimOptions>().toEqualTypeOf<{ tolerance?: number }>();
    // @ts-expect-error a claim is a Count, not a phrase
    checkClaim('60 हजार', { value: 1, min: 1, max: 1 });
  });
});
