import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/account.js';
import { type AnswerIdentity, matchAnswers, quoteIdentity } from '../../src/providers/shared.js';

const provider = { platform: 'x', name: 'test' } as const;
const account = (i: number, handle: string): Account => ({
  id: `acc${i}`,
  unit: 'unit',
  platform: 'x',
  handle,
  status: 'active',
});
interface Entry {
  name: unknown;
  id: unknown;
  count: number;
}
const identity: AnswerIdentity<Entry> = {
  noun: 'user',
  keyOf: (a) => a.handle.toLowerCase(),
  keysOf: (e) => (typeof e.name === 'string' ? [e.name.toLowerCase()] : []),
  nameOf: (e) => e.name,
  idOf: (e) => e.id,
  idPattern: /^\d{1,20}$/,
  idRule: 'digits',
  figuresOf: (e) => [e.id, e.count],
};

describe('quoteIdentity', () => {
  it('quotes any server text as printable ASCII of bounded length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.anything()), (v) => {
        const quoted = quoteIdentity(v);
        expect(quoted).toMatch(/^[\x20-\x7e…]*$/);
        // 64 characters, each escaped to at most 6, the quotes and a length note
        expect(quoted.length).toBeLessThanOrEqual(64 * 6 + 2 + 24);
      }),
      { numRuns: 2_000 },
    );
    expect(quoteIdentity('mallory')).toBe('"mallory"');
    expect(quoteIdentity('a\u202eb')).toBe('"a\\u202eb"');
    expect(quoteIdentity(undefined)).toBe('no name');
    expect(quoteIdentity({})).toBe('an object');
    // a value after Bearer is removed when it looks like a credential (a digit, or 20 characters)
    expect(quoteIdentity('Bearer abcdef123456')).toBe('"Bearer ***"');
    expect(quoteIdentity('Bearer token refused')).toBe('"Bearer token refused"');
  });
});

describe('matchAnswers', () => {
  it('gives every account one outcome, found only for an entry carrying its key with a valid id', () => {
    const name = fc.constantFrom('a', 'A', 'b', 'c', 'mallory', 7, undefined);
    const entry = fc.record({
      name,
      id: fc.constantFrom('1', '2', 'x', undefined, 3),
      count: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }),
        fc.array(entry, { maxLength: 6 }),
        (handles, entries) => {
          const accounts = handles.map((h, i) => account(i, h));
          const matched = matchAnswers(provider, 'op', accounts, entries, identity);
          expect(matched).toHaveLength(accounts.length);
          matched.forEach((m, i) => {
            const mine = entries.filter(
              (e) => typeof e.name === 'string' && e.name.toLowerCase() === handles[i],
            );
            const figures = new Set(mine.map((e) => JSON.stringify([e.id, e.count])));
            if (m.kind === 'found') {
              expect(mine).toContain(m.entry);
              expect(figures.size).toBe(1);
              expect(m.id === undefined || /^\d+$/.test(m.id)).toBe(true);
            } else if (m.kind === 'absent') {
              expect(mine).toEqual([]);
            } else {
              expect(m.failure.error.reason).toBe('invalid-response');
            }
          });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
