import { describe, expectTypeOf, it } from 'vitest';
import type { Locale } from '../../src/locales/index.js';
import type { Count } from '../../src/model/count.js';
import {
  type CheckClaimOptions,
  type ClaimCheck,
  checkClaim,
  type RankClaim,
  type RankClaimCheck,
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
      digits?: 'locale' | 'latin' | 'native';
      notation?: 'standard' | 'compact';
      compactDisplay?: 'long' | 'short';
    }>();
    expectTypeOf({}).toExtend<FormatCountOptions>();
    // @ts-expect-error digits are one of three choices, not a numbering system
    formatCount(1, { digits: 'deva' });
    // @ts-expect-error scientific notation is not offered
    formatCount(1, { notation: 'scientific' });
    // @ts-expect-error a locale is one tag, not a list
    describeCount(1, { locale: ['en-IN'] });
  });

  it('checkClaim takes two counts and options and returns a ClaimCheck', () => {
    const c: Count = { value: 1, min: 1, max: 1 };
    expectTypeOf(checkClaim).toBeCallableWith(c, c, { tolerance: 0.1 });
    expectTypeOf(checkClaim(c, c)).toEqualTypeOf<ClaimCheck>();
    // the last signature is the one ReturnType and Parameters read: the counts', as in 0.1.0
    expectTypeOf<ReturnType<typeof checkClaim>>().toEqualTypeOf<ClaimCheck>();
    expectTypeOf<Parameters<typeof checkClaim>>().toEqualTypeOf<
      [claimed: Count, computed: Count, options?: CheckClaimOptions]
    >();
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

  it('checkClaim takes a claimed place and a ranking and returns a RankClaimCheck', () => {
    const unit = { id: 'indore', kind: 'district', name: 'Indore' };
    const ranking = [{ unit, rank: 1, best: 1, worst: 2 }];
    expectTypeOf(checkClaim({ unit: 'indore', top: 1 }, ranking)).toEqualTypeOf<RankClaimCheck>();
    expectTypeOf<RankClaimCheck['verdict']>().toEqualTypeOf<
      'certain' | 'possible' | 'impossible'
    >();
    expectTypeOf<RankClaim>().toEqualTypeOf<{ readonly unit: string; readonly top: number }>();
    // @ts-expect-error a place is claimed against a ranking, not a count
    checkClaim({ unit: 'indore', top: 1 }, { value: 1, min: 1, max: 1 });
    // @ts-expect-error options belong to figure claims
    checkClaim({ unit: 'indore', top: 1 }, ranking, { tolerance: 0.1 });
  });
});
