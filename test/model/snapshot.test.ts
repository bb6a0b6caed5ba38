import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainSnapshot, parseSnapshots, Snapshot } from '../../src/model/snapshot.js';

const valid = {
  accountId: 'a1',
  platform: 'x',
  takenAt: new Date('2026-11-28T00:00:00Z'),
  followers: { value: 10, min: 10, max: null },
  source: { provider: 'x-api-v2' },
};

describe('Snapshot', () => {
  it('reads ISO times into Dates and reports every bad row with its path', () => {
    expect(
      parseSnapshots([{ ...valid, takenAt: '2026-11-28T05:30:00+05:30' }])[0]?.takenAt,
    ).toEqual(valid.takenAt);
    expect(() =>
      parseSnapshots([
        valid,
        { ...valid, followers: { value: -1, min: null, max: null } },
        { ...valid, takenAt: 'yesterday' },
      ]),
    ).toThrow(/\[1\]\.followers\.value[\s\S]*\[2\]\.takenAt/);
  });
});

describe('isPlainSnapshot, the fast path of collect()', () => {
  it('accepts an ordinary snapshot, as is', () => {
    expect(isPlainSnapshot(valid)).toBe(true);
    expect(
      isPlainSnapshot({ ...valid, following: 3, extra: { listed: 2 }, platformUserId: '1' }),
    ).toBe(true);
  });

  it('never accepts what the schema rejects, and what it accepts the schema returns unchanged', () => {
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
    const small = fc.integer({ min: 0, max: 100 });
    const count = fc.record({
      value: often(
        small,
        fc.oneof(
          fc.integer({ min: -2, max: -1 }),
          fc.double(),
          fc.constant(Number.MAX_SAFE_INTEGER + 2),
        ),
      ),
      min: fc.option(often(small, fc.integer({ min: -2, max: 200 })), { nil: null }),
      max: fc.option(often(small, fc.integer({ min: -2, max: 200 })), { nil: null }),
    });
    const nearlyValid = fc.record(
      {
        accountId: often(fc.constant('a1'), fc.string()),
        platform: often(fc.constant('x'), fc.string()),
        takenAt: often(
          fc.date({ noInvalidDate: true }),
          fc.oneof(fc.constant(new Date(Number.NaN)), fc.string()),
        ),
        followers: often(count, fc.anything()),
        platformUserId: often(
          fc.string({ minLength: 1 }),
          fc.oneof(fc.constant(''), fc.constant(undefined), fc.integer()),
        ),
        following: often(
          small,
          fc.oneof(fc.integer({ min: -3, max: -1 }), fc.double(), fc.constant(undefined)),
        ),
        extra: often(
          fc.dictionary(fc.string(), fc.integer()),
          fc.oneof(fc.dictionary(fc.string(), fc.double()), fc.anything()),
        ),
        source: often(
          fc.record(
            { provider: often(fc.constant('p'), fc.string()), note: fc.string({ minLength: 1 }) },
            { requiredKeys: ['provider'] },
          ),
          fc.anything(),
        ),
        stray: fc.anything(),
      },
      { requiredKeys: ['accountId', 'platform', 'takenAt', 'followers', 'source'] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.anything()), (value) => {
        if (!isPlainSnapshot(value)) return;
        accepted++;
        const parsed = Snapshot.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(value);
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(5); // the property was exercised, not vacuous (about 20 in 5,000 runs)
  });
});
