import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { ValidationError } from '../../src/errors.js';
import { definePlatform } from '../../src/model/platform.js';
import { defineRegistry } from '../../src/model/registry.js';
import { staticProvider } from '../../src/providers/static.js';

const registry = defineRegistry({
  units: [{ id: 'mp', kind: 'state', name: 'MP' }],
  accounts: [
    { id: 'a', unit: 'mp', platform: 'x', handle: 'IndoreCollector' },
    { id: 'b', unit: 'mp', platform: 'x', handle: 'DivComIndore' },
    { id: 'c', unit: 'mp', platform: 'x', handle: 'NoFigure' },
  ],
});

describe('staticProvider', () => {
  it('takes numbers, phrases and Counts keyed by handle as written, and keeps provenance', async () => {
    const x = staticProvider(
      'x',
      {
        'https://twitter.com/indorecollector': {
          count: 'लगभग 77 हजार',
          note: 'as reported',
          takenAt: '2021-06-01T12:00:00+05:30',
        },
        '@DivComIndore': '32 हजार से अधिक',
      },
      {
        note: 'Indore News report',
        evidenceUrl: 'https://example.org/report',
        takenAt: new Date('2021-06-02T00:00:00Z'),
      },
    );
    const now = new Date('2026-11-28T00:00:00Z');
    const { snapshots, failures } = await collect(registry, { providers: [x], now: () => now });
    expect(snapshots).toEqual([
      {
        accountId: 'a',
        platform: 'x',
        takenAt: new Date('2021-06-01T06:30:00Z'),
        followers: { value: 77_000, min: null, max: null },
        source: {
          provider: 'static',
          note: 'as reported',
          evidenceUrl: 'https://example.org/report',
        },
      },
      {
        accountId: 'b',
        platform: 'x',
        takenAt: new Date('2021-06-02T00:00:00Z'),
        followers: { value: 32_000, min: 32_000, max: null },
        source: {
          provider: 'static',
          note: 'Indore News report',
          evidenceUrl: 'https://example.org/report',
        },
      },
    ]);
    expect(failures.map((f) => [f.accountId, f.reason, f.message])).toEqual([
      ['c', 'not-found', '[social-reach] [x] [static] no figure was entered for "NoFigure"'],
    ]);
  });

  it('uses the collection clock when no time is given, and accepts custom platforms', async () => {
    const sharechat = definePlatform({
      id: 'sharechat',
      name: { en: 'ShareChat', hi: 'शेयरचैट' },
      pattern: /^[a-z_]+$/,
      rule: 'letters',
    });
    const r = defineRegistry({
      platforms: [sharechat],
      units: [{ id: 'mp', kind: 'state', name: 'MP' }],
      accounts: [{ id: 's', unit: 'mp', platform: 'sharechat', handle: 'mp_news' }],
    });
    const now = new Date('2026-11-28T00:00:00Z');
    const { snapshots } = await collect(r, {
      providers: [staticProvider(sharechat, { '@mp_news': 1_234 })],
      now: () => now,
    });
    expect(snapshots[0]).toMatchObject({
      takenAt: now,
      followers: { value: 1_234, min: 1_234, max: 1_234 },
    });
  });

  it('reports every bad entry at construction, with its path', () => {
    let error: unknown;
    try {
      staticProvider('x', {
        'not a handle!': 5,
        Good: 'many',
        Negative: -3,
        Bounds: { value: 10, min: 20, max: null },
        Late: { count: 1, takenAt: 'yesterday', evidenceUrl: 'not a url' },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual([
      'entries.not a handle!',
      'entries.Good.count',
      'entries.Negative.count',
      'entries.Bounds.count.min',
      'entries.Late.takenAt',
      'entries.Late.evidenceUrl',
    ]);
    expect((error as ValidationError).message).toContain('Cannot read "many"');
  });

  it('rejects an unknown platform', () => {
    expect(() => staticProvider('orkut', {})).toThrow(/unknown platform "orkut"/);
  });
});
