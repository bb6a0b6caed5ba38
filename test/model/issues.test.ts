import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FetchError,
  formatIssues,
  formatPath,
  LISTED_ISSUES,
  ValidationError,
  zodIssues,
} from '../../src/errors.js';
import { describeCount } from '../../src/numbers/format-count.js';
import { parseBody } from '../../src/providers/shared.js';

// Issue #11, part 6: one formatter for validation issues, used by the registry, snapshots,
// stores, the static provider, count checks, the engine's snapshot check and providers' bodies.

describe('formatPath', () => {
  it('writes paths as JavaScript addresses them; input keys quoted short and escaped', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['accounts', 3, 'handle'])).toBe('accounts[3].handle');
    expect(formatPath([0, 'followers', 'min'])).toBe('[0].followers.min');
    expect(formatPath(['extra', 'a b'])).toBe('extra["a b"]');
    expect(formatPath(['extra', '\u202Ex'])).toBe('extra["\\u{202E}x"]');
    expect(formatPath(['meta', 'k'.repeat(1_000)])).toBe(
      `meta["${'k'.repeat(60)}"… (1000 characters)]`,
    );
  });
});

describe('formatIssues', () => {
  const issues = Array.from({ length: 25 }, (_, i) => ({ path: ['units', i], message: 'bad' }));

  it('lines: one "  - path: message" per issue, at most LISTED_ISSUES, then how many more', () => {
    const lines = formatIssues(issues).split('\n');
    expect(lines).toHaveLength(LISTED_ISSUES + 1);
    expect(lines[0]).toBe('  - units[0]: bad');
    expect(lines.at(-1)).toBe("  … and 5 more (the error's `issues` lists all 25)");
  });

  it('inline: "path: message; …" for a clause of a one-line message, with its own limit', () => {
    expect(formatIssues(issues.slice(0, 2), { layout: 'inline' })).toBe(
      'units[0]: bad; units[1]: bad',
    );
    expect(formatIssues(issues, { layout: 'inline', limit: 2 })).toBe(
      'units[0]: bad; units[1]: bad; … and 23 more',
    );
  });

  it('cuts each issue at 500 characters, never inside a surrogate pair', () => {
    const long = [{ path: ['x'], message: `${'a'.repeat(492)}😀😀😀` }];
    expect(formatIssues(long)).toBe(`  - x: ${'a'.repeat(492)}…`);
    expect(formatIssues(long, { layout: 'inline' })).toBe(`x: ${'a'.repeat(492)}😀😀…`);
    expect(formatIssues([{ path: ['x'], message: 'b'.repeat(600) }])).toBe(
      `  - x: ${'b'.repeat(493)}…`,
    );
  });
});

describe('zodIssues', () => {
  it('puts the prefix before each path and quotes at most five unknown keys', () => {
    const schema = z.strictObject({ a: z.number() });
    const parsed = schema.safeParse({ a: 'x', k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, '\u202E': 1 });
    expect(parsed.success).toBe(false);
    const issues = zodIssues(parsed.error!, ['units', 2]);
    expect(issues.map((i) => formatPath(i.path))).toEqual(['units[2].a', 'units[2]']);
    expect(issues[1]?.message).toBe(
      'Unrecognized keys: "k1", "k2", "k3", "k4", "k5", … and 1 more',
    );
  });

  it('makes the messages of ValidationError', () => {
    const parsed = z.object({ value: z.number() }).safeParse({ value: 'x' });
    const error = new ValidationError('Invalid thing', zodIssues(parsed.error!, [4]));
    expect(error.message).toBe(
      '[social-reach] Invalid thing: 1 problem:\n  - [4].value: Invalid input: expected number, received string',
    );
  });
});

describe('the users of the formatter', () => {
  it('count checks name the argument in the path', () => {
    expect(() => describeCount({ value: 5, min: 6, max: null })).toThrow(
      'got an object: count.min: min (6) must not exceed value (5)',
    );
  });

  it("providers' body checks write paths under `body`, input keys quoted, at most 3 issues", () => {
    const schema = z.object({
      data: z.array(z.object({ id: z.string() })),
      meta: z.record(z.string(), z.number()),
    });
    const response = {
      status: 200,
      headers: new Headers(),
      method: 'GET' as const,
      url: 'https://api.example/2/users',
      body: {
        data: [{ id: 1 }, { id: 2 }, {}],
        meta: { 'evil\u202Ekey': 'x' },
      },
    };
    let error: unknown;
    try {
      parseBody({ platform: 'x', name: 'test' }, 'users', schema, response);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toBe(
      '[social-reach] [x] [test] users answered 200 with a body that is not the documented shape (' +
        'body.data[0].id: Invalid input: expected string, received number; ' +
        'body.data[1].id: Invalid input: expected string, received number; ' +
        'body.data[2].id: Invalid input: expected string, received undefined; … and 1 more)',
    );
    expect(() =>
      parseBody({ platform: 'x', name: 'test' }, 'users', schema, { ...response, body: [] }),
    ).toThrow('(body: Invalid input: expected object, received array)');
    const hostile = { ...response, body: { data: [], meta: { 'evil\u202Ekey': 'x' } } };
    expect(() => parseBody({ platform: 'x', name: 'test' }, 'users', schema, hostile)).toThrow(
      'body.meta["evil\\u{202E}key"]: Invalid input',
    );
  });
});
