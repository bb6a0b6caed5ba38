import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LISTED_ISSUES, SocialReachError, ValidationError } from '../../src/errors.js';
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

describe('issue #10: parseSnapshots errors', () => {
  it("defect 11: parseSnapshots('junk') throws a ValidationError, not a TypeError", () => {
    for (const junk of ['junk', null, undefined, 42, { 0: valid, length: 1 }]) {
      const error = catchError(() => parseSnapshots(junk as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect(SocialReachError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues).toEqual([
        { path: [], message: expect.stringMatching(/^expected an array of snapshots, got /) },
      ]);
    }
    expect(catchError(() => parseSnapshots('junk' as never))).toHaveProperty(
      'message',
      '[social-reach] Invalid snapshots: 1 problem:\n  - (root): expected an array of snapshots, got `"junk"` (string)',
    );
  });

  it('defect 11: 20,000 junk items make a message listing 20 issues, with every issue kept', () => {
    const error = catchError(() =>
      parseSnapshots(Array.from({ length: 20_000 }, () => ({ junk: 1 }))),
    ) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.length).toBeGreaterThan(20_000); // several per item, all kept
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(1 + LISTED_ISSUES + 1);
    expect(lines.at(-1)).toBe(
      `  … and ${error.issues.length - LISTED_ISSUES} more (the error's \`issues\` lists all ${error.issues.length})`,
    );
    expect(error.message.length).toBeLessThan(3_000); // it was 6.5 MB
  });

  it('defect 11: an extra key __proto__ is refused with its path, not dropped', () => {
    const row = JSON.parse(
      '{"accountId":"a1","platform":"x","takenAt":"2026-11-28T00:00:00Z",' +
        '"followers":{"value":1,"min":1,"max":1},"source":{"provider":"p"},' +
        '"extra":{"__proto__":5,"listed":2}}',
    );
    const error = catchError(() => parseSnapshots([valid, row])) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([
      {
        path: [1, 'extra', '__proto__'],
        message: expect.stringContaining('expected a key other than "__proto__"'),
      },
    ]);
    expect(isPlainSnapshot({ ...row, takenAt: valid.takenAt })).toBe(false);
    // constructor and prototype are ordinary metric names, kept as own keys
    const [kept] = parseSnapshots([{ ...valid, extra: { constructor: 1, prototype: 2 } }]);
    expect(Object.entries(kept?.extra ?? {})).toEqual([
      ['constructor', 1],
      ['prototype', 2],
    ]);
  });

  it('defect 11: a hole in a sparse array is reported, not skipped', () => {
    const rows = [valid];
    rows.length = 2;
    expect(() => parseSnapshots(rows)).toThrow(/\[1\]: Invalid input: expected object/);
  });

  it('defect 11: 20,000 unknown keys, or one of 100,000 characters, make a short issue', () => {
    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    const long = { [`\u202E${'k'.repeat(100_000)}`]: 1 };
    for (const keys of [many, long]) {
      const error = catchError(() => parseSnapshots([{ ...valid, ...keys }])) as ValidationError;
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]?.message.length).toBeLessThan(500);
      expect(error.message).not.toContain('\u202E');
    }
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
