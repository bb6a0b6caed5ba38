import { describe, expect, it } from 'vitest';
import { indexRegistry } from '../../src/aggregate/registry-index.js';
import { formatPath, LISTED_ISSUES, RegistryError } from '../../src/errors.js';
import { definePlatform, PLATFORMS } from '../../src/model/platform.js';
import { defineRegistry } from '../../src/model/registry.js';
import type { Unit } from '../../src/model/unit.js';
import { smallRegistry, smallRegistryInput } from '../fixtures.js';

function registryError(input: unknown): RegistryError {
  try {
    defineRegistry(input as Parameters<typeof defineRegistry>[0]);
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

describe('defineRegistry', () => {
  it('normalises handles and precomputes the tree', () => {
    const registry = smallRegistry();
    expect(registry.account('collector-fb')?.handle).toBe('CollectorIndore');
    expect(registry.account('collector-x')?.status).toBe('active');
    expect(registry.roots.map((u) => u.id)).toEqual(['mp']);
    expect(registry.children('indore').map((u) => u.id)).toEqual(['collector', 'pr-office']);
    expect(registry.ancestors('collector').map((u) => u.id)).toEqual([
      'indore',
      'indore-div',
      'mp',
    ]);
    expect(registry.accountsUnder('indore').map((a) => a.id)).toEqual([
      'collector-x',
      'collector-fb',
      'pr-x',
      'pr-collector-x',
      'pr-ig',
    ]);
    expect(registry.accountsUnder('nowhere')).toEqual([]);
    expect(registry.platform('x')?.name.en).toBe('X (Twitter)');
  });

  it('treats the same (platform, handle) under two units as one account', () => {
    const registry = smallRegistry();
    expect(registry.identity('collector-x')).toBe('x:indorecollector');
    expect(registry.identity('pr-collector-x')).toBe(registry.identity('collector-x'));
    expect(registry.identity('pr-x')).not.toBe(registry.identity('collector-x'));
    expect(registry.identity('unknown')).toBeUndefined();
  });

  it('reports five different mistakes at once, each with its path', () => {
    const error = registryError({
      units: [
        { id: 'mp', kind: 'state', name: 'Madhya Pradesh' },
        { id: 'indore', kind: 'district', name: 'Indore', parent: 'mpp' }, // 1. unknown parent
        { id: 'indore', kind: 'district', name: 'Indore again', parent: 'mp' }, // 2. duplicate id
      ],
      accounts: [
        { id: 'a1', unit: 'indore', platform: 'x', handle: 'https://facebook.com/Collector' }, // 3. bad handle
        { id: 'a2', unit: 'indor', platform: 'x', handle: 'IndoreCollector' }, // 4. unknown owner
        { id: 'a3', unit: 'indore', platform: 'twitter', handle: 'IndoreCollector' }, // 5. unknown platform
      ],
    });
    expect(error.issues.map((i) => i.path)).toEqual([
      ['units', 2, 'id'],
      ['units', 1, 'parent'],
      ['accounts', 0, 'handle'],
      ['accounts', 1, 'unit'],
      ['accounts', 2, 'platform'],
    ]);
    expect(error.message).toMatchInlineSnapshot(`
      "[social-reach] The registry has 5 problems:
        - units[2].id: duplicate unit id "indore" (first used at units[1])
        - units[1].parent: unknown unit "mpp" (did you mean "mp"?)
        - accounts[0].handle: "https://facebook.com/Collector" is not a valid X (Twitter) handle: a profile URL must be on x.com, twitter.com, not facebook.com
        - accounts[1].unit: unknown unit "indor" (did you mean "indore"?)
        - accounts[2].platform: unknown platform "twitter" (use "x")"
    `);
    expect(error.code).toBe('INVALID_REGISTRY');
  });

  it('reports a cycle once, with its path through the units', () => {
    const error = registryError({
      units: [
        { id: 'a', kind: 'state', name: 'A', parent: 'c' },
        { id: 'b', kind: 'division', name: 'B', parent: 'a' },
        { id: 'c', kind: 'district', name: 'C', parent: 'b' },
        { id: 'd', kind: 'office', name: 'D', parent: 'c' },
        { id: 'self', kind: 'office', name: 'Self', parent: 'self' },
      ],
    });
    expect(error.issues).toEqual([
      { path: ['units', 0, 'parent'], message: 'the parents form a cycle: a → c → b → a' },
      { path: ['units', 4, 'parent'], message: 'the parents form a cycle: self → self' },
    ]);
  });

  it('reports shape problems with zod paths, typos in keys included', () => {
    const error = registryError({
      units: [
        { id: 'mp', kind: 'state', name: 'MP', parnet: 'x' },
        { id: 'bad id', kind: '', name: '' },
      ],
      accounts: [{ id: 'a', unit: 'mp', platform: 'x' }],
    });
    const paths = error.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('units.0');
    expect(error.issues.find((i) => i.path.join('.') === 'units.0')?.message).toMatch(/parnet/);
    expect(paths).toContain('units.1.id');
    expect(paths).toContain('units.1.kind');
    expect(paths).toContain('units.1.name');
    expect(paths).toContain('accounts.0.handle');
  });

  it('flags the same account listed twice under one unit, and duplicate account ids', () => {
    const error = registryError({
      units: [{ id: 'mp', kind: 'state', name: 'MP' }],
      accounts: [
        { id: 'a', unit: 'mp', platform: 'x', handle: 'JansamparkMP' },
        { id: 'b', unit: 'mp', platform: 'x', handle: '@jansamparkmp' },
        { id: 'a', unit: 'mp', platform: 'facebook', handle: 'JansamparkMP' },
      ],
    });
    expect(error.issues).toEqual([
      {
        path: ['accounts', 1],
        message:
          'the same X (Twitter) account "jansamparkmp" is already listed for unit "mp" at accounts[0]',
      },
      {
        path: ['accounts', 2, 'id'],
        message: 'duplicate account id "a" (first used at accounts[0])',
      },
    ]);
  });

  it('rejects input that is not a registry object', () => {
    expect(registryError(null).issues).toEqual([
      { path: [], message: expect.stringContaining('expected an object') },
    ]);
    expect(registryError({ units: 'x' }).issues[0]?.path).toEqual(['units']);
  });

  it('accepts custom platforms and rejects clashes', () => {
    const sharechat = definePlatform({
      id: 'sharechat',
      name: { en: 'ShareChat', hi: 'शेयरचैट' },
      pattern: /^[a-z0-9_]{3,30}$/,
      rule: '3–30 lower-case letters, digits or _',
    });
    const registry = defineRegistry({
      platforms: [sharechat],
      units: [{ id: 'mp', kind: 'state', name: 'MP' }],
      accounts: [{ id: 'sc', unit: 'mp', platform: 'sharechat', handle: '@mp_news' }],
    });
    expect(registry.account('sc')?.handle).toBe('mp_news');
    expect(registry.platform('sharechat')).toBe(sharechat);
    const error = registryError({ platforms: [sharechat, sharechat], units: [] });
    expect(error.issues[0]?.message).toBe('platform "sharechat" is defined twice');
  });

  it('keeps the input it was given untouched and freezes its own lists', () => {
    const before = JSON.stringify(smallRegistryInput);
    const registry = smallRegistry();
    expect(JSON.stringify(smallRegistryInput)).toBe(before);
    expect(Object.isFrozen(registry.accounts)).toBe(true);
  });
});

/** A chain u0 ← u1 ← … ← u(n-1): each unit the parent of the next. */
function chain(n: number): Unit[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    kind: 'office',
    name: `Unit ${i}`,
    ...(i > 0 ? { parent: `u${i - 1}` } : {}),
  }));
}

describe('issue #10: registries of any depth are read in linear time', () => {
  // These ran the old code out of time (a 4,000-deep chain took about 40 s to validate) or out of
  // stack (ancestors were found recursively); vitest's own timeout is the generous bound.
  it('defect 6: a 100,000-deep chain is valid, and its lookups need no recursion', () => {
    const n = 100_000;
    const registry = defineRegistry({
      units: chain(n),
      accounts: [
        { id: 'deep', unit: `u${n - 1}`, platform: 'x', handle: 'DeepOffice' },
        { id: 'mid', unit: `u${n / 2}`, platform: 'x', handle: 'MidOffice' },
      ],
    });
    const ancestors = registry.ancestors(`u${n - 1}`);
    expect(ancestors).toHaveLength(n - 1);
    expect(ancestors[0]?.id).toBe(`u${n - 2}`);
    expect(ancestors.at(-1)?.id).toBe('u0');
    expect(registry.accountsUnder('u0').map((a) => a.id)).toEqual(['deep', 'mid']);
    expect(registry.accountsUnder(`u${n / 2 + 1}`).map((a) => a.id)).toEqual(['deep']);
    expect(registry.roots.map((u) => u.id)).toEqual(['u0']);
    // the aggregation index walks the same chain once per real account
    const index = indexRegistry(registry);
    expect(index.identities.map((identity) => identity.units.length)).toEqual([n, n / 2 + 1]);
  }, 30_000);

  it('defect 6: a 100,000-long cycle is reported once, in short, at its first unit', () => {
    const n = 100_000;
    const units = chain(n);
    units[0] = { ...units[0]!, parent: `u${n - 1}` };
    const error = registryError({ units: [{ id: 'root', kind: 'state', name: 'Root' }, ...units] });
    expect(error.issues).toEqual([
      {
        path: ['units', 1, 'parent'],
        message: `the parents form a cycle of ${n} units: u0 → u${n - 1} → u${n - 2} → u${n - 3} → u${n - 4} → u${n - 5} → u${n - 6} → u${n - 7} → … ${n - 9} more … → u1 → u0`,
      },
    ]);
    expect(error.message.length).toBeLessThan(300);
  }, 30_000);

  it('the one-pass cycle check finds cycles of every shape once, leaving units that lead into them alone', () => {
    const error = registryError({
      units: [
        { id: 'tail', kind: 'office', name: 'Tail', parent: 'b' }, // leads into the cycle, not in it
        { id: 'b', kind: 'office', name: 'B', parent: 'c' },
        { id: 'c', kind: 'office', name: 'C', parent: 'a' },
        { id: 'a', kind: 'office', name: 'A', parent: 'b' },
        { id: 'x', kind: 'office', name: 'X', parent: 'x' },
        { id: 'ok', kind: 'office', name: 'OK', parent: 'root' },
        { id: 'root', kind: 'state', name: 'Root' },
      ],
    });
    expect(error.issues).toEqual([
      { path: ['units', 1, 'parent'], message: 'the parents form a cycle: b → c → a → b' },
      { path: ['units', 4, 'parent'], message: 'the parents form a cycle: x → x' },
    ]);
  });
});

describe('issue #10: registry errors stay short and say what they mean', () => {
  it('defect 11: a registry with 20,000 mistakes lists the first 20 and counts the rest, quickly', () => {
    // Every unit names a missing parent: each "did you mean" compared the name with every unit,
    // 2,000 of them took 3.4 s and 20,000 minutes.
    const units = Array.from({ length: 20_000 }, (_, i) => ({
      id: `unit${i}`,
      kind: 'office',
      name: 'Office',
      parent: `unxt${i}`,
    }));
    const start = performance.now();
    const error = registryError({ units });
    expect(performance.now() - start).toBeLessThan(5_000); // about 0.3 s; the old code, minutes
    expect(error.issues).toHaveLength(20_000);
    expect(error.issues[0]?.message).toBe('unknown unit "unxt0" (did you mean "unit0"?)');
    expect(error.issues[19_999]?.message).toBe('unknown unit "unxt19999"');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(1 + LISTED_ISSUES + 1);
    expect(lines[0]).toBe('[social-reach] The registry has 20000 problems:');
    expect(lines.at(-1)).toBe("  … and 19980 more (the error's `issues` lists all 20000)");
  });

  it('defect 11: the unknown-platform message lists the known platforms and never suggests Object', () => {
    const unknown = (platform: string) =>
      registryError({
        units: [{ id: 'mp', kind: 'state', name: 'MP' }],
        accounts: [{ id: 'a', unit: 'mp', platform, handle: 'someone' }],
      }).issues[0]?.message;
    expect(unknown('orkutorkut')).toBe(
      'unknown platform "orkutorkut" (known: x, facebook, instagram, youtube, telegram, mastodon, bluesky, threads, linkedin, whatsapp, koo, podcast; define others with definePlatform)',
    );
    expect(unknown('constructor')).toMatch(/^unknown platform "constructor" \(known: x, facebook/);
    expect(unknown('__proto__')).toMatch(/^unknown platform "__proto__" \(known: x, facebook/);
    expect(unknown('toString')).toMatch(/^unknown platform "toString" \(known: x/);
    expect(unknown('Twitter')).toBe('unknown platform "Twitter" (use "x")');
  });

  it('defect 11: user text in registry messages is short and escaped', () => {
    const error = registryError({
      units: [
        { id: 'mp', kind: 'state', name: 'MP', [`k${'e'.repeat(100_000)}`]: 1 },
        { id: `bad\u202Eid`, kind: 'state', name: 'MP' },
      ],
      accounts: [
        { id: 'a', unit: 'mp', platform: `p\u202E${'q'.repeat(100_000)}`, handle: 'x' },
        { id: 'b', unit: 'mp', platform: 'x', handle: `\u202E${'h'.repeat(1_000_000)}` },
      ],
    });
    expect(error.message.length).toBeLessThan(1_000);
    expect(error.message).not.toContain('\u202E');
    expect(error.message).toContain(`"bad\\u{202E}id"`);
    expect(error.message).toContain('(100001 characters)');
    expect(error.message).toContain(`"\\u{202E}${'h'.repeat(59)}"… (1000001 characters)`);
  });

  it('defect 11: a __proto__ key in meta is refused with its path, not dropped', () => {
    const error = registryError(
      JSON.parse(
        '{"units":[{"id":"mp","kind":"state","name":"MP","meta":{"__proto__":{"polluted":true}}}],' +
          '"accounts":[{"id":"a","unit":"mp","platform":"x","handle":"x","meta":{"__proto__":1}}]}',
      ),
    );
    expect(error.issues.map((issue) => formatPath(issue.path))).toEqual([
      'units[0].meta.__proto__',
      'accounts[0].meta.__proto__',
    ]);
    expect(error.issues[0]?.message).toMatch(/expected a key other than "__proto__"/);
    // constructor and prototype are ordinary keys of one's own data
    const registry = defineRegistry({
      units: [{ id: 'mp', kind: 'state', name: 'MP', meta: { constructor: 1, prototype: 2 } }],
    });
    expect(registry.unit('mp')?.meta).toEqual({ constructor: 1, prototype: 2 });
  });

  it('defect 11: holes in a sparse list of units or accounts are reported, not skipped', () => {
    const units = [{ id: 'mp', kind: 'state', name: 'MP' }];
    units.length = 2;
    const accounts = [{ id: 'a', unit: 'mp', platform: 'x', handle: 'x' }];
    accounts.length = 2;
    const error = registryError({ units, accounts });
    expect(error.issues.map((issue) => formatPath(issue.path))).toEqual([
      'units[1]',
      'accounts[1]',
    ]);
  });

  it('defect 11: a custom platform with an id that could key an object badly is refused', () => {
    const fake = { ...PLATFORMS.x, id: '__proto__' };
    expect(registryError({ platforms: [fake], units: [] }).issues).toEqual([
      {
        path: ['platforms', 0, 'id'],
        message: 'expected a lower-case id like "sharechat", got `"__proto__"` (string)',
      },
    ]);
  });

  it('defect 11: a hand-made platform without a name is refused, not a TypeError later', () => {
    const { name: _name, ...nameless } = PLATFORMS.x;
    const error = registryError({
      platforms: [{ ...nameless, id: 'nameless' }],
      units: [{ id: 'mp', kind: 'state', name: 'MP' }],
      accounts: [{ id: 'a', unit: 'mp', platform: 'nameless', handle: 'not valid!' }],
    });
    expect(error.issues[0]).toEqual({
      path: ['platforms', 0],
      message: 'expected a definePlatform(...) result',
    });
  });

  it('defect 11: a custom platform whose normalize throws something odd gives a rule, not a crash', () => {
    const odd = definePlatform({
      id: 'odd',
      name: { en: 'Odd', hi: 'Odd' },
      pattern: /^a$/,
      rule: 'a',
    });
    const throwing = {
      ...odd,
      normalize: () => {
        throw Object.create(null);
      },
    };
    const error = registryError({
      platforms: [throwing],
      units: [{ id: 'mp', kind: 'state', name: 'MP' }],
      accounts: [{ id: 'a', unit: 'mp', platform: 'odd', handle: 'x' }],
    });
    expect(error.issues[0]?.message).toBe('"x" is not a valid Odd handle: its normalize threw');
  });
});
