import { describe, expect, it } from 'vitest';
import { growth } from '../../src/aggregate/growth.js';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import { definePlatform } from '../../src/model/platform.js';
import { defineRegistry } from '../../src/model/registry.js';
import { type ReportFormat, renderReport } from '../../src/report/render-report.js';
import { snap } from '../fixtures.js';

const FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'csv', 'json'];

describe('report escaping (issue #10, defect 9)', () => {
  it('defect 9: a custom platform named "constructor" renders in every format', () => {
    // `constructor` passes definePlatform's id rule; a plain-object lookup of it on a unit without
    // such an account found Object.prototype.constructor and crashed the text, Markdown and CSV.
    const ctor = definePlatform({
      id: 'constructor',
      name: { en: 'Ctor', hi: 'Ctor' },
      pattern: /^[a-z]+$/,
      rule: 'letters',
    });
    const registry = defineRegistry({
      platforms: [ctor],
      units: [
        { id: 'mp', kind: 'state', name: 'Madhya Pradesh' },
        { id: 'indore', kind: 'district', name: 'Indore', parent: 'mp' },
        { id: 'bhopal', kind: 'district', name: 'Bhopal', parent: 'mp' },
      ],
      accounts: [
        { id: 'indore-c', unit: 'indore', platform: 'constructor', handle: 'indore' },
        { id: 'bhopal-x', unit: 'bhopal', platform: 'x', handle: 'BhopalCollector' },
      ],
    });
    const before = [snap('indore-c', 'constructor', 10, '2026-10-01T00:00:00Z')];
    const after = [
      snap('indore-c', 'constructor', 12, '2026-11-01T00:00:00Z'),
      snap('bhopal-x', 'x', 5, '2026-11-01T00:00:00Z'),
    ];
    const t = totals(registry, after);
    for (const format of FORMATS) {
      const text = renderReport({ registry, totals: t, accounts: true }, { format });
      expect(text).toContain(format === 'json' || format === 'csv' ? 'constructor' : 'Ctor');
      renderReport({ registry, ranking: rank(registry, t, { kind: 'district' }) }, { format });
      renderReport({ registry, growth: growth(registry, before, after) }, { format });
    }
    const csv = renderReport({ registry, totals: t }, { format: 'csv' }).split('\r\n');
    expect(csv).toContain('bhopal,Bhopal,district,mp,x,,5,5,5,exact,1,1,');
    expect(csv.filter((line) => line.startsWith('bhopal,'))).toHaveLength(2); // all, x
  });
});
