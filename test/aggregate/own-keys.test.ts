import { describe, expect, it } from 'vitest';
import { rank } from '../../src/aggregate/rank.js';
import { series } from '../../src/aggregate/series.js';
import { totals } from '../../src/aggregate/totals.js';
import { OptionError } from '../../src/errors.js';
import { definePlatform } from '../../src/model/platform.js';
import { defineRegistry } from '../../src/model/registry.js';
import { memoryStore } from '../../src/stores/memory.js';
import { smallRegistry, snap } from '../fixtures.js';

// Issue #10, defect 11: a caller's string must never index a plain object and find
// Object.prototype's members (`{}['constructor']` is `Object`).
describe('issue #10: look-ups by a caller-given name use own keys only', () => {
  it('defect 11: rank by a platform named constructor gives zero to units without it, not Object', () => {
    const constructorPlatform = definePlatform({
      id: 'constructor',
      name: { en: 'Constructor', hi: 'Constructor' },
      pattern: /^[a-z]+$/,
      rule: 'letters',
    });
    const registry = defineRegistry({
      platforms: [constructorPlatform],
      units: [
        { id: 'mp', kind: 'state', name: 'MP' },
        { id: 'a', kind: 'district', name: 'A', parent: 'mp' },
        { id: 'b', kind: 'district', name: 'B', parent: 'mp' },
      ],
      accounts: [
        { id: 'a-c', unit: 'a', platform: 'constructor', handle: 'abc' },
        { id: 'b-x', unit: 'b', platform: 'x', handle: 'Bee' },
      ],
    });
    const t = totals(registry, [
      snap('a-c', 'constructor', 5, '2026-10-01T00:00:00Z'),
      snap('b-x', 'x', 7, '2026-10-01T00:00:00Z'),
    ]);
    const ranking = rank(registry, t, { kind: 'district', within: 'mp', platform: 'constructor' });
    expect(ranking.map((entry) => [entry.unit.id, entry.count.value])).toEqual([
      ['a', 5],
      ['b', 0],
    ]);
  });

  it('defect 11: series with interval constructor is an OptionError about the interval', async () => {
    const error = await series(smallRegistry(), memoryStore(), {
      from: new Date('2026-10-01T00:00:00Z'),
      to: new Date('2026-10-02T00:00:00Z'),
      interval: 'constructor' as 'day',
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe('interval');
  });
});
