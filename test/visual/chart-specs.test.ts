import { describe, expect, it } from 'vitest';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import { defineRegistry } from '../../src/model/registry.js';
import {
  platformSharesChartSpec,
  rankingChartSpec,
  seriesChartSpec,
} from '../../src/visual/chart-specs.js';
import { chartSvg } from '../../src/visual/chart-svg.js';
import type { SeriesData } from '../../src/visual/report-input.js';
import { snap } from '../fixtures.js';

const registry = defineRegistry({
  units: [
    { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
    { id: 'indore', kind: 'district', name: { en: 'Indore', hi: 'इंदौर' }, parent: 'mp' },
    { id: 'bhopal', kind: 'district', name: '<b>Bhopal</b>" onload="x', parent: 'mp' },
    { id: 'sagar', kind: 'district', name: 'Sagar', parent: 'mp' },
  ],
  accounts: [
    { id: 'i-x', unit: 'indore', platform: 'x', handle: 'indorex' },
    { id: 'i-fb', unit: 'indore', platform: 'facebook', handle: 'indore.fb' },
    { id: 'b-x', unit: 'bhopal', platform: 'x', handle: 'bhopalx' },
    { id: 's-x', unit: 'sagar', platform: 'x', handle: 'sagarx' },
  ],
});
const t = totals(registry, [
  snap('i-x', 'x', 150_000, '2026-11-01T00:00:00Z'),
  snap('i-fb', 'facebook', 53_500, '2026-11-01T00:00:00Z'),
  snap('b-x', 'x', { value: 90_000, min: 90_000, max: null }, '2026-11-01T00:00:00Z'),
]);
const day = (d: number) => new Date(Date.UTC(2026, 10, d, -5, -30)); // midnight in India
const summary = (value: number | null) => ({
  count: { value: value ?? 0, min: value ?? 0, max: value ?? 0 },
  accounts: 1,
  observed: value === null ? 0 : 1,
  missing: value === null ? ['x'] : [],
});
const series: SeriesData = {
  interval: 'day',
  timeZone: 'Asia/Kolkata',
  periods: [1, 2, 3].map((d) => ({
    start: day(d),
    end: day(d + 1),
    units: new Map([
      ['mp', summary(1000 + d)],
      ['indore', summary(d === 2 ? null : 500 + d)],
    ]),
  })),
};

describe('chart specs (issue #14)', () => {
  it('are plain JSON (a dashboard embeds them as they are) with the data inline', () => {
    for (const spec of [
      seriesChartSpec(registry, series, { units: ['mp', 'indore'] }),
      rankingChartSpec(registry, { entries: rank(registry, t, { kind: 'district' }) }),
      platformSharesChartSpec(registry, t),
    ]) {
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect(typeof spec.description).toBe('string');
    }
  });

  it('series: one row per unit and period; a period without a figure is a gap (null), never 0', () => {
    const spec = seriesChartSpec(registry, series, { units: ['mp', 'indore'] });
    const rows = (
      spec.datasets as { followers: { unit: string; date: string; value: number | null }[] }
    ).followers;
    expect(rows.map((r) => [r.unit, r.date, r.value])).toEqual([
      ['mp', '2026-11-01', 1001],
      ['indore', '2026-11-01', 501],
      ['mp', '2026-11-02', 1002],
      ['indore', '2026-11-02', null],
      ['mp', '2026-11-03', 1003],
      ['indore', '2026-11-03', 503],
    ]);
  });

  it('ranking: units without a figure are left out; whiskers for ranges, a marker for "at least"', () => {
    const spec = rankingChartSpec(registry, { entries: rank(registry, t, { kind: 'district' }) });
    const rows = (
      spec.datasets as {
        ranking: { unit: string; value: number; open: boolean; whisker: boolean }[];
      }
    ).ranking;
    expect(rows.map((r) => [r.unit, r.value, r.open, r.whisker])).toEqual([
      ['indore', 203_500, false, false],
      ['bhopal', 90_000, true, false],
    ]);
  });

  it('axes group digits the Indian way and can use Devanagari digits', () => {
    const en = seriesChartSpec(registry, series, { locale: 'en-IN' });
    const deva = seriesChartSpec(registry, series, { locale: 'hi-IN-u-nu-deva' });
    const number = (s: typeof en) =>
      (s.config as { locale: { number: { grouping: number[]; numerals?: string[] } } }).locale
        .number;
    expect(number(en).grouping).toEqual([3, 2]);
    expect(number(en).numerals).toBeUndefined();
    expect(number(deva).numerals).toEqual(['०', '१', '२', '३', '४', '५', '६', '७', '८', '९']);
  });

  it('chartSvg: an accessible SVG, ids prefixed, hostile names as text', async () => {
    const spec = rankingChartSpec(
      registry,
      { entries: rank(registry, t, { kind: 'district' }) },
      { title: '</title><script>x</script>' },
    );
    const svg = await chartSvg(spec, { id: 'r1' });
    expect(
      svg.startsWith('<svg id="r1" aria-labelledby="r1-title" aria-describedby="r1-desc"'),
    ).toBe(true);
    expect(svg).not.toMatch(/<(script|b)\b/);
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;');
    expect(svg.replace(/"[^"]*"/g, '""')).not.toMatch(/\sonload=/);
    // every id is prefixed
    for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) expect(id).toMatch(/^r1/);
    expect(svg.split('aria-roledescription="bar"').length - 1).toBe(2);
    await expect(chartSvg(spec, { id: '1 bad' })).rejects.toThrow(/letters, digits/);
    await expect(chartSvg({} as never)).rejects.toThrow(/Vega-Lite specification/);
  });

  it('quarters and financial years are named as the library names them', () => {
    const at = (iso: string) => new Date(`${iso}T00:00:00+05:30`);
    const periods = (interval: string, starts: string[]): SeriesData => ({
      interval,
      timeZone: 'Asia/Kolkata',
      periods: starts.slice(0, -1).map((d, i) => ({
        start: at(d),
        end: at(starts[i + 1]!),
        units: new Map([['mp', summary(1000 + i)]]),
      })),
    });
    const labels = (data: SeriesData, options = {}) =>
      (
        seriesChartSpec(registry, data, { units: ['mp'], ...options }).datasets as {
          followers: { period: string }[];
        }
      ).followers.map((r) => r.period);
    const quarters = periods('quarter', ['2026-07-01', '2026-10-01', '2027-01-01']);
    expect(labels(quarters)).toEqual(['Q2 FY 2026-27', 'Q3 FY 2026-27']);
    expect(labels(quarters, { fiscalYearStartMonth: 1 })).toEqual(['Q3 FY 2026', 'Q4 FY 2026']);
    const years = periods('fiscal-year', ['2025-04-01', '2026-04-01', '2027-04-01']);
    expect(labels(years)).toEqual(['FY 2025-26', 'FY 2026-27']);
    expect(() => labels(years, { fiscalYearStartMonth: 13 })).toThrow(/month from 1 to 12/);
  });

  it('options are checked', () => {
    expect(() => seriesChartSpec(registry, series, { width: 5 })).toThrow(/100 to 4000/);
    expect(() => seriesChartSpec(registry, series, { units: ['nowhere'] })).toThrow(/ids of units/);
    expect(() => rankingChartSpec(registry, {} as never)).toThrow(/rank\(\)/);
    expect(() => platformSharesChartSpec(registry, {} as never)).toThrow(/totals\(\)/);
  });
});
