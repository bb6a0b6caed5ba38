import { beforeAll, describe, expect, it } from 'vitest';
import { totals } from '../../src/aggregate/totals.js';
import { defineRegistry } from '../../src/model/registry.js';
import { renderHtmlReport } from '../../src/visual/html-report.js';
import { snap } from '../fixtures.js';
import { type IndoreFixture, indoreFixture } from './fixture.js';

let f: IndoreFixture;
const pages: Record<string, string> = {};
beforeAll(async () => {
  f = await indoreFixture();
  for (const locale of ['en-IN', 'hi-IN'])
    pages[locale] = await renderHtmlReport(f.report, { locale });
}, 60_000);

/** The part of the page between `<section id="id"` and its end. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}
function svg(html: string, id: string): string {
  const start = html.indexOf(`<svg id="${id}"`);
  expect(start, `svg ${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</svg>', start));
}
const count = (text: string, what: string) => text.split(what).length - 1;

describe('renderHtmlReport (issue #14)', () => {
  it('is one self-contained page: no script, no URL to load, a CSP that forbids both', () => {
    for (const html of Object.values(pages)) {
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(http/i);
      expect(html).not.toMatch(/\s(src|href|on[a-z]+)=/i);
      // The only URLs are the SVG namespaces.
      const urls = new Set(html.match(/https?:\/\/[^"'\s)]+/g));
      expect([...urls].sort()).toEqual([
        'http://www.w3.org/1999/xlink',
        'http://www.w3.org/2000/svg',
      ]);
    }
  });

  it('the headline, the table per unit and platform and growth show what totals() and growth() computed', () => {
    const html = pages['en-IN']!;
    const admin = f.totals.units.get('indore-admin')!;
    expect(section(html, 'headline')).toContain(
      `data-id="indore-admin" data-value="${admin.count.value}" data-min="${admin.count.min}" data-max="${admin.count.max}" data-precision="range"`,
    );
    const rows = section(html, 'totals')
      .split('\n')
      .filter((l) => l.startsWith('<tr '));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const id = /data-id="([^"]+)"/.exec(row)![1]!;
      const unit = f.totals.units.get(id);
      for (const [, key, value] of row.matchAll(/data-key="([^"]+)" data-value="(\d+)"/g)) {
        if (unit) {
          const expected = key === 'total' ? unit.count : unit.byPlatform[key as 'x']!.count;
          expect(Number(value), `${id} ${key}`).toBe(expected.value);
        } else {
          // an account's row: its own snapshot
          expect(Number(value), `${id} ${key}`).toBe(f.totals.snapshots.get(id)!.followers.value);
        }
      }
    }
    const growthRows = section(html, 'growth')
      .split('\n')
      .filter((l) => l.startsWith('<tr '));
    for (const g of f.report.growth!.units.filter((u) =>
      growthRows.some((r) => r.includes(`data-id="${u.unit.id}"`)),
    )) {
      const row = growthRows.find((r) => r.includes(`data-id="${g.unit.id}"`))!;
      expect(row).toContain(`data-key="after" data-value="${g.after.value}"`);
      expect(row).toContain(`data-key="change" data-value="${g.change.value}"`);
    }
  });

  it('charts have one mark per data point, and their figures table equals series()', () => {
    const html = pages['en-IN']!;
    const units = ['indore-admin', 'commissioner', 'collector', 'pr-office'];
    const points = f.weekly.periods.flatMap((p) =>
      units.filter((u) => p.units.get(u)!.observed > 0),
    );
    expect(points.length).toBe(units.length * f.weekly.periods.length);
    expect(count(svg(html, 'chart-series'), 'aria-roledescription="point"')).toBe(points.length);
    expect(count(svg(html, 'chart-ranking'), 'aria-roledescription="bar"')).toBe(
      f.report.ranking!.entries.length,
    );
    // 4 units × 3 platforms
    expect(count(svg(html, 'chart-shares'), 'aria-roledescription="bar"')).toBe(12);
    const figures = section(html, 'series')
      .split('\n')
      .filter((l) => l.startsWith('<tr '));
    expect(figures).toHaveLength(f.weekly.periods.length);
    f.weekly.periods.forEach((p, i) => {
      for (const u of units) {
        expect(figures[i]).toContain(`data-key="${u}" data-value="${p.units.get(u)!.count.value}"`);
      }
    });
  });

  it('coverage says why an account has no fresh figure; claims are checked', () => {
    for (const [locale, reason] of [
      ['en-IN', 'rate-limited'],
      ['hi-IN', 'दर सीमा पार'],
    ] as const) {
      const coverage = section(pages[locale]!, 'coverage');
      expect(coverage).toContain('data-id="commissioner-ig"');
      expect(coverage).toContain(reason);
      expect(coverage).toContain('data-missing="0" data-accounts="11"');
      expect(count(section(pages[locale]!, 'claims'), '<tr class="unit"')).toBe(3);
    }
  });

  it('Hindi: lang="hi", Hindi headings and names, Indian grouping', () => {
    const html = pages['hi-IN']!;
    expect(html).toContain('<html lang="hi">');
    expect(section(html, 'headline')).toContain('इंदौर जिला प्रशासन के फ़ॉलोअर्स');
    expect(section(html, 'headline')).toMatch(/\d,\d\d,\d\d\d/);
  });

  it('Devanagari digits with hi-IN-u-nu-deva, in the words and in the charts; raw numbers stay Latin', async () => {
    const html = await renderHtmlReport(f.report, { locale: 'hi-IN-u-nu-deva' });
    const headline = section(html, 'headline');
    const value = f.totals.units.get('indore-admin')!.count.value;
    expect(headline).toContain(`data-value="${value}"`);
    expect(headline).toMatch(/[०-९],[०-९]{2},[०-९]{3}/);
    expect(svg(html, 'chart-series')).toMatch(/>[०-९],[०-९]{2},[०-९]{3}</);
  });

  it('the headline is "at least" when accounts have no figure, and says so', async () => {
    const registry = defineRegistry({
      units: [{ id: 'd', kind: 'district', name: 'D' }],
      accounts: [
        { id: 'a', unit: 'd', platform: 'x', handle: 'a' },
        { id: 'b', unit: 'd', platform: 'facebook', handle: 'bbbbb' },
      ],
    });
    const t = totals(registry, [snap('a', 'x', 203_500, '2026-11-01T00:00:00Z')]);
    const html = await renderHtmlReport(
      { registry, totals: t },
      { locale: 'hi-IN', charts: false },
    );
    const headline = section(html, 'headline');
    expect(headline).toContain('data-value="203500" data-min="203500" data-precision="at-least"');
    expect(headline).toContain('2,03,500 से अधिक');
    expect(headline).toContain('शून्य नहीं');
    expect(section(html, 'coverage')).toContain('data-missing="1" data-accounts="2"');
    expect(html).not.toContain('<svg');
  });

  it('hostile names, handles, titles and failure messages stay text, in tables and in charts', async () => {
    const evil = '</svg></title><script>alert(1)</script><img src=x onerror=alert(1)>"\'&';
    const registry = defineRegistry({
      units: [
        { id: 'mp', kind: 'state', name: evil },
        { id: 'd1', kind: 'district', name: `${evil}\u202E1`, parent: 'mp' },
        { id: 'd2', kind: 'district', name: { en: evil, hi: evil }, parent: 'mp' },
      ],
      accounts: [
        { id: 'a', unit: 'd1', platform: 'x', handle: 'a', label: evil },
        { id: 'b', unit: 'd2', platform: 'facebook', handle: 'bbbbb' },
      ],
    });
    const t = totals(registry, [
      snap('a', 'x', 10, '2026-11-01T00:00:00Z'),
      snap('b', 'facebook', 5, '2026-11-01T00:00:00Z'),
    ]);
    const { rank } = await import('../../src/aggregate/rank.js');
    const html = await renderHtmlReport(
      {
        registry,
        totals: t,
        ranking: { entries: rank(registry, t, { kind: 'district' }) },
        failures: [
          {
            accountId: 'b',
            platform: 'facebook',
            reason: 'invalid-response',
            message: evil,
            error: undefined as never,
          },
        ],
      },
      { title: evil },
    );
    expect(html).not.toMatch(/<(script|img)\b/);
    // No event attribute: with every (double-quoted) attribute value emptied, no tag has one.
    const tags = html.replace(/"[^"]*"/g, '""').match(/<[a-z][^>]*>/gi)!;
    expect(tags.filter((tag) => /\son[a-z]+=/i.test(tag))).toEqual([]);
    expect(tags.length).toBeGreaterThan(50);
    expect(html).not.toContain('\u202E');
    expect(count(html, '</svg>')).toBe(2);
    expect(count(html, '<title')).toBe(3); // the page's and one per chart
    expect(html).toContain('&lt;/svg&gt;&lt;/title&gt;&lt;script&gt;');
  });

  it('options are checked, with what was expected', async () => {
    await expect(renderHtmlReport(f.report, { charts: 'yes' as never })).rejects.toThrow(
      /charts.*true or false/s,
    );
    await expect(renderHtmlReport(f.report, { fromat: 'x' } as never)).rejects.toThrow(/fromat/);
    await expect(renderHtmlReport(f.report, { timeZone: 'Mars/Base' })).rejects.toThrow(/IANA/);
    await expect(renderHtmlReport({ ...f.report, units: ['nowhere'] })).rejects.toThrow(
      /ids of units/,
    );
  });
});
