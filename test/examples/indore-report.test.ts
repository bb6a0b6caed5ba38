import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { indoreRegistry } from '../../examples/indore-data.js';
import { SIMULATION_END, simulateIndore } from '../../examples/indore-simulation.js';
import { growth } from '../../src/aggregate/growth.js';
import { defineRegistry } from '../../src/model/registry.js';
import { memoryStore } from '../../src/stores/memory.js';
import { nextPeriodStart, periodStart } from '../../src/util/time-zone.js';

describe('examples/indore-report.ts (npm run example:report)', () => {
  it('writes the English and Hindi pages and the workbook, growth in this financial year against last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-reach-report-'));
    try {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', resolve(import.meta.dirname, '../../examples/indore-report.ts'), dir],
        { encoding: 'utf8' },
      );
      expect(out).toContain(
        'Indore district administration: growth in FY 2026-27 to date against FY 2025-26',
      );
      expect(out).toMatch(
        /^FY 2026-27 to date: between \+[\d,]+ and \+[\d,]+ \(.*\) in 242 days$/m,
      );
      expect(out).toMatch(/^FY 2025-26: between \+[\d,]+ and \+[\d,]+ \(.*\) in 365 days$/m);
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

      // growth is this financial year's to date: from the last figures of FY 2025-26
      const registry = defineRegistry(indoreRegistry);
      const store = memoryStore();
      await store.put(simulateIndore(registry));
      const fyStart = periodStart(SIMULATION_END, 'fiscal-year', 'Asia/Kolkata');
      expect(en).toContain('From 31 Mar 2026 to 28 Nov 2026, accounts observed on both dates');
      const before =
        /<tr class="unit" data-id="indore-admin"><th[^>]*>[^<]*<\/th><td class="num" data-key="before" data-value="(\d+)"/.exec(
          en.slice(en.indexOf('<section id="growth"')),
        );
      const adminGrowth = growth(
        registry,
        await store.latest({ asOf: new Date(fyStart.getTime() - 1) }),
        await store.latest({ asOf: SIMULATION_END }),
      ).find((g) => g.unit.id === 'indore-admin')!;
      expect(Number(before![1])).toBe(adminGrowth.before.value);
      const growthSheet = book.getWorksheet('Growth')!;
      expect(growthSheet.getRow(2).getCell(1).value).toBe('indore-admin');
      expect(growthSheet.getRow(2).getCell(6).value).toBe(adminGrowth.change.value);

      // the series is monthly, from March 2025 (the end of FY 2024-25) to November 2026
      let months = 0;
      for (
        let m = periodStart(new Date('2025-03-31T10:00:00+05:30'), 'month', 'Asia/Kolkata');
        m <= SIMULATION_END;
        m = nextPeriodStart(m, 'month', 'Asia/Kolkata')
      ) {
        months++;
      }
      expect(months).toBe(21);
      const series = book.getWorksheet('Series')!;
      expect(new Set(series.getColumn(2).values.slice(2)).size).toBe(months);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
