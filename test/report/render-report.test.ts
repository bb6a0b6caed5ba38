import { describe, expect, it } from 'vitest';
import { growth } from '../../src/aggregate/growth.js';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import { OptionError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import { displayWidth } from '../../src/report/emit.js';
import { type RenderReportOptions, renderReport } from '../../src/report/render-report.js';
import { snap } from '../fixtures.js';

const registry = defineRegistry({
  units: [
    { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
    {
      id: 'indore',
      kind: 'district',
      name: { en: 'Indore, "the clean city"', hi: 'इंदौर' },
      parent: 'mp',
    },
    { id: 'bhopal', kind: 'district', name: { en: 'Bhopal | capital', hi: 'भोपाल' }, parent: 'mp' },
  ],
  accounts: [
    {
      id: 'indore-x',
      unit: 'indore',
      platform: 'x',
      handle: 'IndoreCollector',
      label: { en: 'Collector (X)', hi: 'कलेक्टर (ट्विटर)' },
    },
    { id: 'indore-ig', unit: 'indore', platform: 'instagram', handle: 'collectorindore' },
    { id: 'bhopal-x', unit: 'bhopal', platform: 'x', handle: 'BhopalCollector' },
  ],
});
const snapshots = [
  snap('indore-x', 'x', { value: 77_000, min: null, max: null }, '2026-10-01T00:00:00Z'),
  snap('indore-x', 'x', 79_500, '2026-11-01T00:00:00Z'),
  snap('bhopal-x', 'x', 44_000, '2026-11-01T00:00:00Z'),
];
const t = totals(registry, snapshots);

describe('renderReport', () => {
  it('renders totals as an aligned text table, with missing accounts and precision noted', () => {
    expect(renderReport({ registry, totals: t, accounts: true })).toMatchInlineSnapshot(`
      "Followers by unit and platform
      Unit                        X (Twitter)  Instagram              Total  With figures
      --------------------------  -----------  ---------  -----------------  ------------
      Madhya Pradesh                 1,23,500  no figure  at least 1,23,500           2/3
        Indore, "the clean city"       79,500  no figure    at least 79,500           1/2
          · Collector (X)              79,500                        79,500           1/1
          · collectorindore                    no figure          no figure           0/1
        Bhopal | capital               44,000          —             44,000           1/1
          · BhopalCollector            44,000                        44,000           1/1

      No figure (not counted as zero): Instagram collectorindore
      "at least" and "about" carry the precision of the sources; a total with accounts missing is a lower bound.
      "
    `);
  });

  it('renders totals in Hindi for hi-IN: labels, unit and platform names, precision words, notes', () => {
    expect(
      renderReport({ registry, totals: t, accounts: true }, { locale: 'hi-IN' }),
    ).toMatchInlineSnapshot(`
        "इकाई और प्लेटफ़ॉर्म के अनुसार फ़ॉलोअर्स
        इकाई                   एक्स (ट्विटर)  इंस्टाग्राम               कुल  आँकड़े वाले खाते
        ---------------------  -----------  --------  ---------------  -----------
        मध्यप्रदेश                   1,23,500  आँकड़ा नहीं  1,23,500 से अधिक          2/3
          इंदौर                      79,500  आँकड़ा नहीं    79,500 से अधिक          1/2
            · कलेक्टर (ट्विटर)         79,500                     79,500          1/1
            · collectorindore               आँकड़ा नहीं         आँकड़ा नहीं          0/1
          भोपाल                     44,000         —           44,000          1/1
            · BhopalCollector       44,000                     44,000          1/1

        आँकड़ा उपलब्ध नहीं (शून्य नहीं माना गया): इंस्टाग्राम collectorindore
        "से अधिक" और "लगभग" स्रोतों की सटीकता दर्शाते हैं; जिन कुल में खाते छूटे हैं, वे न्यूनतम संख्या हैं।
        "
      `);
  });

  it('writes Hindi labels, names and words for hi-IN', () => {
    const text = renderReport(
      { registry, totals: t, accounts: true },
      { locale: 'hi-IN', notation: 'compact' },
    );
    expect(text).toContain('इकाई');
    expect(text).toContain('कलेक्टर (ट्विटर)');
    expect(text).toContain('1.23 लाख से अधिक'); // a lower bound is rounded down, never up
    expect(text).toContain('आँकड़ा नहीं');
  });

  it('writes RFC 4180 CSV: CRLF, quoted fields with commas and doubled quotes, raw numbers and bounds', () => {
    const csv = renderReport({ registry, totals: t }, { format: 'csv' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'unit_id,unit,kind,parent,platform,account_id,value,min,max,precision,accounts,observed,missing',
    );
    expect(lines).toContain(
      'indore,"Indore, ""the clean city""",district,mp,all,,79500,79500,,at-least,2,1,indore-ig',
    );
    expect(lines).toContain('bhopal,Bhopal | capital,district,mp,x,,44000,44000,44000,exact,1,1,');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes JSON that parses back, with counts, precision and missing accounts', () => {
    const json = JSON.parse(
      renderReport({ registry, totals: t, accounts: true }, { format: 'json' }),
    );
    expect(json.report).toBe('totals');
    const indore = json.units.find((u: { id: string }) => u.id === 'indore');
    expect(indore).toMatchObject({
      count: { value: 79_500, min: 79_500, max: null },
      precision: 'at-least',
      missing: ['indore-ig'],
    });
    expect(indore.byPlatform.x.precision).toBe('exact');
    expect(indore.accounts[0]).toMatchObject({
      id: 'indore-x',
      count: { value: 79_500 },
      takenAt: '2026-11-01T00:00:00.000Z',
    });
    expect(indore.accounts[1]).toMatchObject({ id: 'indore-ig', count: null });
  });

  it('escapes pipes in Markdown and right-aligns numbers', () => {
    const md = renderReport(
      { registry, ranking: rank(registry, t, { kind: 'district' }) },
      { format: 'markdown' },
    );
    expect(md).toContain('| ---: | --- | --- | ---: | ---: |');
    expect(md).toContain('| 2 | Bhopal \\| capital | 2 | 44,000 | 1/1 |');
  });

  it('renders growth, leaving out accounts seen on one side only', () => {
    const g = growth(registry, snapshots.slice(0, 1), snapshots.slice(1));
    const text = renderReport({ registry, growth: g });
    expect(text).toContain('about +2,500');
    expect(text).toMatch(/Bhopal \| capital\s+—\s+—\s+—\s+—\s+0/);
    expect(text).toContain('left out of the comparison');
  });

  it('rejects bad options and inputs with what was expected', () => {
    expect(() => renderReport({ registry, totals: t }, { format: 'pdf' as never })).toThrow(
      OptionError,
    );
    expect(() => renderReport({ registry, totals: t }, { locale: 'not a locale' })).toThrow(
      /locale/,
    );
    expect(() => renderReport({ registry, totals: t, units: ['nowhere'] })).toThrow(/`units`/);
    expect(() => renderReport({} as never)).toThrow(/`report`/);
  });
});

describe('renderReport CSV options (issue #10, defect 9)', () => {
  it('defect 9 (hi-IN CSV): CSV in hi-IN writes the Hindi unit names, as the text table does', () => {
    const totalsCsv = renderReport(
      { registry, totals: t, accounts: true },
      { format: 'csv', locale: 'hi-IN' },
    );
    expect(totalsCsv).toContain('\r\nindore,इंदौर,district,mp,all,');
    expect(totalsCsv).toContain('\r\nindore,इंदौर,district,mp,x,indore-x,');
    expect(totalsCsv).not.toContain('Indore');
    const rankingCsv = renderReport(
      { registry, ranking: rank(registry, t, { kind: 'district' }) },
      { format: 'csv', locale: 'hi-IN' },
    );
    expect(rankingCsv).toContain('\r\n1,1,1,indore,इंदौर,district,');
    expect(rankingCsv).toContain('\r\n2,2,2,bhopal,भोपाल,district,');
    // The column names stay English: they are for programs, the same in every language.
    expect(totalsCsv.split('\r\n')[0]).toBe(
      'unit_id,unit,kind,parent,platform,account_id,value,min,max,precision,accounts,observed,missing',
    );
  });
});

describe('renderReport options (issue #10, defect 9)', () => {
  it('defect 9 (Excel): bom: true starts a CSV with a UTF-8 byte-order mark; none by default', () => {
    const plain = renderReport({ registry, totals: t }, { format: 'csv', locale: 'hi-IN' });
    const marked = renderReport(
      { registry, totals: t },
      { format: 'csv', locale: 'hi-IN', bom: true },
    );
    expect(plain.startsWith('unit_id,')).toBe(true);
    expect(marked).toBe(`\uFEFF${plain}`);
    expect([...Buffer.from(marked, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(renderReport({ registry, totals: t }, { format: 'csv', bom: false })).toBe(
      renderReport({ registry, totals: t }, { format: 'csv' }),
    );
  });

  it('defect 9 (options): bad options are an OptionError saying what was expected', () => {
    const report = { registry, totals: t };
    const fails = (options: unknown, message: RegExp) => {
      const call = () => renderReport(report, options as RenderReportOptions);
      expect(call).toThrow(OptionError);
      expect(call).toThrow(message);
    };
    fails(
      { format: 'pdf' },
      /Expected `format` to be "text", "markdown", "csv" or "json", got `"pdf"` \(string\)/,
    );
    fails({ format: 'CSV' }, /`format`/);
    fails(null, /Expected `options` to be an object or undefined, got `null`/);
    fails('csv', /`options`/);
    fails(
      { fromat: 'csv' },
      /Expected `fromat` to be absent: renderReport's options are `format`, `locale`/,
    );
    fails({ locale: 42 }, /Expected `locale` to be .*, got `42` \(number\)/);
    fails({ locale: 'not a locale' }, /`locale`/);
    fails({ notation: 'scientific' }, /Expected `notation` to be "standard" or "compact"/);
    fails({ title: ['x'] }, /Expected `title` to be a string or undefined, got an array of 1/);
    fails(
      { format: 'csv', bom: 'yes' },
      /Expected `bom` to be true or false, got `"yes"` \(string\)/,
    );
    fails({ format: 'json', bom: true }, /Expected `bom` to be false or absent with format "json"/);
    fails({ bom: true }, /format "text"/);
    expect(() => renderReport(report, undefined)).not.toThrow();
    expect(() => renderReport(report, { format: undefined, title: undefined })).not.toThrow();
  });
});

describe('displayWidth', () => {
  it('counts Devanagari matras below and above, the virama and the nukta as zero width', () => {
    expect(displayWidth('Indore')).toBe(6);
    expect(displayWidth('इंदौर')).toBe(4); // इ ं(Mn, 0) द ौ(Mc, 1) र
    expect(displayWidth('ज़्यादा')).toBe(5); // ज ़(Mn) ्(Mn) य ा(Mc) द ा(Mc)
  });
});

describe('issue #10: a deep registry', () => {
  it('renders a 100,000-deep registry without overflowing the stack', () => {
    const depth = 100_000;
    const units = Array.from({ length: depth }, (_, i) => ({
      id: `u${i}`,
      kind: 'office',
      name: `Unit ${i}`,
      ...(i > 0 ? { parent: `u${i - 1}` } : {}),
    }));
    const registry = defineRegistry({
      units,
      accounts: [{ id: 'a', unit: `u${depth - 1}`, platform: 'x', handle: 'deep_one' }],
    });
    const t = totals(registry, [snap('a', 'x', 1_000, '2026-12-01T00:00:00Z')]);
    const csv = renderReport({ registry, totals: t }, { format: 'csv' });
    expect(csv.split('\n').filter(Boolean).length).toBeGreaterThan(depth);
  });
});
