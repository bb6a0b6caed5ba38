import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/errors.js';
import { definePlatform } from '../../src/model/platform.js';
import { defineRegistry } from '../../src/model/registry.js';
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
