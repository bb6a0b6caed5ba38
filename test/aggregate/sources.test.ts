import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineSources } from '../../src/aggregate/sources.js';
import { totals } from '../../src/aggregate/totals.js';
import type { Count } from '../../src/model/count.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { parseCount } from '../../src/numbers/parse-count.js';
import { renderReport } from '../../src/report/render-report.js';
import { smallRegistry } from '../fixtures.js';

const at = new Date('2021-09-19T12:00:00+05:30');

function from(note: string, accountId: string, followers: Count, takenAt = at): Snapshot {
  return {
    accountId,
    platform: 'x',
    takenAt,
    followers,
    source: { provider: 'static', note },
  };
}

describe('combineSources', () => {
  it('combines one account at one time into one count covering every source, keeping each', () => {
    const hindi = from('Indore News (Hindi)', 'pr-x', parseCount('साढ़े 15 हजार'));
    const english = from('Free Press Journal', 'pr-x', parseCount('15,000'));
    const other = from('Indore News (Hindi)', 'collector-x', parseCount('लगभग 77 हजार'));
    const { snapshots, figures } = combineSources([hindi, other, english]);
    expect(snapshots).toHaveLength(2);
    expect(snapshots[0]).toMatchObject({
      accountId: 'pr-x',
      followers: { value: 15_250, min: 15_000, max: 15_500 },
      source: { provider: 'static', note: 'Indore News (Hindi); Free Press Journal' },
    });
    expect(snapshots[1]).toBe(other);
    expect(figures).toEqual([
      {
        accountId: 'pr-x',
        platform: 'x',
        takenAt: at,
        count: { value: 15_250, min: 15_000, max: 15_500 },
        sources: [hindi, english],
        agree: false,
      },
    ]);
  });

  it('agrees when one figure fits every source, and keeps other times apart', () => {
    const a = from('A', 'pr-x', parseCount('32 हजार से अधिक'));
    const b = from('B', 'pr-x', parseCount('33,000'));
    const later = from('B', 'pr-x', parseCount('40,000'), new Date('2021-10-01T00:00:00Z'));
    const { snapshots, figures } = combineSources([a, b, later]);
    expect(figures.map((f) => [f.count, f.agree])).toEqual([
      [{ value: 32_500, min: 32_000, max: null }, true],
    ]);
    expect(snapshots).toHaveLength(2);
  });

  it('the combined bounds cover every source (property)', () => {
    const count = fc
      .tuple(
        fc.integer({ min: 0, max: 1e6 }),
        fc.option(fc.integer({ min: 0, max: 1e4 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 1e4 }), { nil: null }),
      )
      .map(
        ([value, below, above]): Count => ({
          value,
          min: below === null ? null : Math.max(0, value - below),
          max: above === null ? null : value + above,
        }),
      );
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 6 }), (counts) => {
        const { snapshots } = combineSources(counts.map((c, i) => from(`s${i}`, 'pr-x', c)));
        const combined = snapshots[0]!.followers;
        for (const c of counts) {
          if (combined.min !== null) expect(c.min ?? -1).toBeGreaterThanOrEqual(combined.min);
          if (combined.max !== null) expect(c.max ?? Infinity).toBeLessThanOrEqual(combined.max);
        }
        expect(combined.min === null || combined.min <= combined.value).toBe(true);
        expect(combined.max === null || combined.value <= combined.max).toBe(true);
      }),
    );
  });

  it('lets a totals report say where sources disagree, and list them all in JSON', () => {
    const registry = smallRegistry();
    const { snapshots, figures } = combineSources([
      from('Indore News (Hindi)', 'pr-x', parseCount('साढ़े 15 हजार')),
      from('Free Press Journal', 'pr-x', parseCount('15,000')),
    ]);
    const report = { registry, totals: totals(registry, snapshots), sources: figures };
    expect(renderReport(report)).toContain(
      'Sources disagree on X (Twitter) JSIndore: Indore News (Hindi): 15,500; Free Press Journal: 15,000.',
    );
    expect(renderReport(report, { locale: 'hi-IN' })).toContain('पर स्रोतों के आँकड़े अलग हैं');
    const json = JSON.parse(renderReport(report, { format: 'json' }));
    expect(json.sources[0].sources.map((s: { source: { note: string } }) => s.source.note)).toEqual(
      ['Indore News (Hindi)', 'Free Press Journal'],
    );
  });
});
