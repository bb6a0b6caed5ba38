import { describe, expect, it } from 'vitest';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import { defineRegistry } from '../../src/model/registry.js';
import { emitHtml } from '../../src/report/emit.js';
import { htmlText } from '../../src/report/escape.js';
import { rankingReport } from '../../src/report/ranking-report.js';
import { resolveReportOptions } from '../../src/report/report-options.js';
import { totalsReport } from '../../src/report/totals-report.js';
import { snap } from '../fixtures.js';

/** Names written by an attacker: markup, attribute breaks, entities, controls and bidi. */
const registry = defineRegistry({
  units: [
    { id: 'mp', kind: 'state', name: '<script>alert(1)</script>' },
    {
      id: 'indore',
      kind: 'district',
      name: { en: '" onmouseover="alert(1)', hi: "इंदौर' &amp; <b>" },
      parent: 'mp',
    },
    { id: 'bhopal', kind: 'district', name: 'Bho\u202Epal\nnext<img src=x>', parent: 'mp' },
  ],
  accounts: [
    { id: 'indore-x', unit: 'indore', platform: 'x', handle: 'IndoreCollector' },
    { id: 'bhopal-x', unit: 'bhopal', platform: 'x', handle: 'BhopalCollector' },
    { id: 'bhopal-yt', unit: 'bhopal', platform: 'youtube', handle: '@BhopalCollector' },
  ],
});
const snapshots = [
  snap('indore-x', 'x', 203_500, '2026-11-01T00:00:00Z'),
  snap('bhopal-x', 'x', { value: 120_000, min: 120_000, max: null }, '2026-11-01T00:00:00Z'),
];

describe('emitHtml (issue #14)', () => {
  it('htmlText writes & < > " \' as references, on one line, without bidi or control characters', () => {
    expect(htmlText('<a href="x">&\'</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;',
    );
    expect(htmlText('a\u202Eb\nc\u0007d')).toBe('ab cd');
    expect(htmlText('इंदौर')).toBe('इंदौर');
  });

  for (const locale of ['en-IN', 'hi-IN']) {
    it(`${locale}: no hostile name opens an element or attribute; figures keep raw numbers in data attributes`, () => {
      const t = totals(registry, snapshots);
      const style = resolveReportOptions({ locale });
      const html = emitHtml(
        totalsReport.table({ registry, totals: t, accounts: true }, style),
        style,
      );
      // Only the emitter's own elements and attributes appear.
      const tags = new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
      expect([...tags].sort()).toEqual([
        'caption',
        'li',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'tr',
        'ul',
      ]);
      const attributes = new Set([...html.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]));
      for (const a of attributes) expect(a).toMatch(/^(class|scope|style|data-[a-z]+)$/);
      expect(html).not.toContain('\u202E');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      // Indore's row: its id, and its total as raw numbers.
      const indore = html.split('\n').find((l) => l.includes('data-id="indore"'))!;
      expect(indore).toContain(
        'data-key="total" data-value="203500" data-min="203500" data-max="203500" data-precision="exact"',
      );
      // Bhopal's lower bound has no data-max, and its YouTube account has no figure.
      const bhopal = html.split('\n').find((l) => l.includes('data-id="bhopal"'))!;
      expect(bhopal).toContain(
        'data-key="total" data-value="120000" data-min="120000" data-precision="at-least"',
      );
      expect(bhopal).toContain('data-key="coverage" data-observed="1" data-of="2"');
      const youtube = html.split('\n').find((l) => l.includes('data-id="bhopal-yt"'))!;
      expect(youtube).toContain('data-key="youtube" data-precision="none"');
    });
  }

  it('a ranking names its rows by unit, places as integers', () => {
    const t = totals(registry, snapshots);
    const style = resolveReportOptions({ locale: 'en-IN' });
    const entries = rank(registry, t, { kind: 'district' });
    const html = emitHtml(rankingReport.table({ registry, ranking: entries }, style), style);
    const rows = html.split('\n').filter((l) => l.startsWith('<tr class="unit"'));
    expect(rows.map((r) => /data-id="([^"]+)"/.exec(r)?.[1])).toEqual(['indore', 'bhopal']);
    expect(rows[0]).toContain('<td class="num" data-key="rank" data-value="1">1</td>');
    expect(rows[0]).toContain(
      '<th scope="row" class="name" style="--depth:0" data-key="unit">&quot; onmouseover=&quot;alert(1)</th>',
    );
  });
});
