import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

describe('examples/indore-report.ts (npm run example:report)', () => {
  it('writes the English and Hindi pages and the workbook, growth in this quarter of the financial year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-reach-report-'));
    try {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', resolve(import.meta.dirname, '../../examples/indore-report.ts'), dir],
        { encoding: 'utf8' },
      );
      expect(out).toContain('growth in Q3 FY 2026-27 so far, against the end of Q2 FY 2026-27');
      const en = readFileSync(join(dir, 'indore-report.html'), 'utf8');
      const hi = readFileSync(join(dir, 'indore-report.hi.html'), 'utf8');
      expect(en).toContain('<html lang="en">');
      expect(hi).toContain('<html lang="hi">');
      for (const html of [en, hi]) {
        for (const id of [
          'headline',
          'totals',
          'ranking',
          'growth',
          'series',
          'shares',
          'coverage',
          'claims',
        ]) {
          expect(html).toContain(`<section id="${id}"`);
        }
        expect(html.split('<svg ').length - 1).toBe(3);
      }
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(join(dir, 'indore-report.xlsx')) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual([
        'Totals',
        'Ranking',
        'Growth',
        'Series',
        'Coverage',
        'Claims',
      ]);
      // the headline figure is the first row of totals, in both
      const value = Number(
        /<p class="figure" data-id="indore-admin" data-value="(\d+)"/.exec(en)![1],
      );
      expect(book.getWorksheet('Totals')!.getRow(2).getCell(7).value).toBe(value);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
