import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth } from '../../src/aggregate/growth.js';
import { historyArbitrary, referenceGrowth, registryArbitrary } from './reference.js';

describe('growth (issue #12: typed-array sums, one pass)', () => {
  it('gives what the Map-per-unit computation gave, field for field and in the same order (property)', () => {
    const input = registryArbitrary.chain((registry) =>
      fc.record({
        registry: fc.constant(registry),
        before: historyArbitrary(registry),
        after: historyArbitrary(registry),
        platforms: fc.option(fc.subarray(['x', 'facebook', 'youtube']), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(input, ({ registry, before, after, platforms }) => {
        const options = platforms === undefined ? {} : { platforms };
        const got = growth(registry, before, after, options);
        const want = referenceGrowth(registry, before, after, options);
        expect(got).toStrictEqual(want);
        // Key order too: byPlatform lists platforms in the order the reference met them.
        for (let u = 0; u < got.length; u++) {
          expect(Object.keys(got[u]!.byPlatform)).toStrictEqual(Object.keys(want[u]!.byPlatform));
        }
      }),
      { numRuns: 300 },
    );
  });
});
