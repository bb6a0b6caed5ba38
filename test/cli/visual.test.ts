import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { BROWSERS } from '../../src/cli/visual.js';
import { DATED, figuresFolder } from './figures.js';
import { requireProgram, testIo } from './helpers.js';

/**
 * `--format html|xlsx` and `report --pdf`, run in-process through `main` against a PGlite folder
 * holding two dates of figures: the page and the workbook carry the same numbers as `totals()`,
 * and the PDF is printed by the system's Chromium.
 */

let dir: string;
let remove = () => {};
beforeAll(async () => {
  ({ dir, remove } = await figuresFolder('social-reach-visual-'));
}, 120_000);
afterAll(() => remove());

/** Runs `social-reach` in-process; `argv` may be one string of space-separated arguments. */
async function run(argv: string | string[], env: Record<string, string | undefined> = {}) {
  const io = testIo(dir, env);
  const code = await main(typeof argv === 'string' ? argv.split(' ') : argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** What each sheet of a workbook the command wrote holds, cell by cell, by sheet name. */
async function workbook(file: string): Promise<Map<string, unknown[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(join(dir, file)) as unknown as ArrayBuffer);
  return new Map(
    book.worksheets.map((sheet) => {
      const found: unknown[] = [];
      sheet.eachRow((row) => {
        found.push(...(row.values as unknown[]));
      });
      return [sheet.name, found];
    }),
  );
}

/** The figures of 30 November, the day's end in India. */
const NOV_30 = '--as-of 2026-11-30 --time-zone Asia/Kolkata';
/** From after the figures of 1 November (a bare date is its start) to the end of 30 November. */
const NOV_1_TO_30 = '--from 2026-11-01T18:00+05:30 --to 2026-11-30 --time-zone Asia/Kolkata';
/** The two last days, by district. */
const LAST_DAYS = '--from 2026-11-29 --to 2026-11-30 --kind district --time-zone Asia/Kolkata';

describe('--format html', () => {
  it('report: the page holds the totals, per unit, in Indian grouping', {
    timeout: 120_000,
  }, async () => {
    const { code, out, err } = await run(`report --format html ${NOV_30}`);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^<!DOCTYPE html>/i);
    expect(out).toContain('Followers of Madhya Pradesh');
    expect(out).toContain('2,08,500'); // 120,000 + 83,500 + 5,000
    expect(out).toContain('data-value="208500"');
    expect(out).toContain('data-value="203500"'); // Indore
    expect(out).toContain('<svg'); // charts drawn by vega
  });

  it('report --lang hi --no-charts: Hindi, tables only', { timeout: 120_000 }, async () => {
    const { code, out } = await run(`report --format html --lang hi --no-charts ${NOV_30}`);
    expect(code).toBe(0);
    expect(out).toContain('lang="hi');
    expect(out).toContain('मध्यप्रदेश');
    expect(out).toContain('2,08,500');
    expect(out).not.toContain('<svg');
  });

  it('growth: the totals at --to and the growth since --from', { timeout: 120_000 }, async () => {
    // --from after the figures of 1 November (a bare date is its start)
    const { code, out } = await run(`growth --format html ${NOV_1_TO_30}`);
    expect(code).toBe(0);
    expect(out).toContain('data-value="208500"');
    expect(out).toContain('data-value="184000"'); // the figures at --from
    expect(out).toContain('24,500'); // 2,08,500 − 1,84,000
  });

  it('rank: the districts in order, with the totals', { timeout: 120_000 }, async () => {
    const { code, out } = await run(`rank --format html --kind district ${NOV_30}`);
    expect(code).toBe(0);
    const indore = out.lastIndexOf('Indore');
    const dhar = out.lastIndexOf('Dhar');
    expect(indore).toBeGreaterThan(0);
    expect(dhar).toBeGreaterThan(indore);
    expect(out).toContain('data-value="203500"');
    expect(out).toContain('data-value="5000"');
  });

  it('series: a period per day, written to --out', { timeout: 120_000 }, async () => {
    const { code, err } = await run(`series --format html --out series.html ${LAST_DAYS}`);
    expect(code).toBe(0);
    expect(err).toBe('written to series.html\n');
    const html = readFileSync(join(dir, 'series.html'), 'utf8');
    expect(html).toContain('data-value="203500"');
    expect(html).toContain('30 Nov 2026');
  });
});

describe('series by quarter and financial year', () => {
  it('names the periods as government documents do', { timeout: 120_000 }, async () => {
    const quarters = await run(
      'series --interval quarter --from 2026-11-01 --to 2026-11-30 --kind district --time-zone Asia/Kolkata',
    );
    expect(quarters.code).toBe(0);
    expect(quarters.out).toContain('Followers by quarter');
    expect(quarters.out).toMatch(/Q3 FY 2026-27\s+2,03,500\s+5,000/);
    const years = await run(
      'series --interval fiscal-year --from 2026-11-01 --format csv --kind district --to 2026-11-30 --time-zone Asia/Kolkata',
    );
    expect(years.code).toBe(0);
    expect(years.out).toContain('FY 2026-27,indore,Indore,203500');
    const bad = await run(['series', '--interval', 'year', '--from', '2026-11-01', ...DATED]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('fiscal-year');
  });
});

describe('--format xlsx', () => {
  it('is refused without --out (a workbook is not text for a terminal)', async () => {
    const { code, out, err } = await run(['report', '--format', 'xlsx']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--format xlsx writes a binary workbook: give --out <file.xlsx>');
  });

  it('report: the workbook read back holds the totals as numbers', {
    timeout: 120_000,
  }, async () => {
    const { code, err } = await run(`report --format xlsx --out report.xlsx ${NOV_30}`);
    expect(err).toBe('written to report.xlsx\n');
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'report.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Totals')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (label: string) => header.indexOf(label);
    const totals = new Map<string, unknown>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = row.values as unknown[];
      if (values[col('Platform')] === 'Total')
        totals.set(String(values[col('Unit id')]), values[col('Followers')]);
    });
    expect(Object.fromEntries(totals)).toEqual({ mp: 208_500, indore: 203_500, dhar: 5_000 });
  });

  it('rank --lang hi: Hindi sheet names and the ranking', { timeout: 120_000 }, async () => {
    const { code } = await run(
      `rank --format xlsx --out rank.xlsx --lang hi --kind district ${NOV_30}`,
    );
    expect(code).toBe(0);
    const sheets = await workbook('rank.xlsx');
    expect(sheets.size).toBeGreaterThan(1);
    const cells = [...sheets.values()].flat();
    expect(cells).toContain('इंदौर');
    expect(cells).toContain(203_500);
  });
});

describe('--format xlsx of growth and series', () => {
  it('growth: a Growth sheet with the change since --from', { timeout: 120_000 }, async () => {
    const { code } = await run(`growth --format xlsx --out growth.xlsx ${NOV_1_TO_30}`);
    expect(code).toBe(0);
    const sheets = await workbook('growth.xlsx');
    expect(sheets.get('Totals')).toContain(208_500);
    expect(sheets.get('Growth')).toContain(24_500); // 2,08,500 − 1,84,000
  });

  it('series: a Series sheet with a row per day and unit', { timeout: 120_000 }, async () => {
    const { code } = await run(`series --format xlsx --out series.xlsx ${LAST_DAYS}`);
    expect(code).toBe(0);
    const series = (await workbook('series.xlsx')).get('Series')!;
    expect(series).toContain(203_500);
    expect(series).toContain(5_000);
  });
});

describe('report --pdf', () => {
  it('refuses a --browser that is not a program, before opening the store', async () => {
    const { code, err } = await run(['report', '--pdf', 'x.pdf', '--browser', './no-such-browser']);
    expect(code).toBe(2);
    expect(err).toContain(
      'Expected --browser <path> to be a Chromium-family browser (chromium, google-chrome) that can be run, got "./no-such-browser"',
    );
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('says so when no browser is on PATH (exit 1)', async () => {
    const { code, err } = await run(['report', '--pdf', 'x.pdf'], { PATH: join(dir, 'empty') });
    expect(code).toBe(1);
    expect(err).toContain('none was found on PATH (chromium, chromium-browser, google-chrome');
  });

  it('reports a browser that fails, with the end of what it said', {
    timeout: 60_000,
  }, async () => {
    const fake = join(dir, 'broken-chromium');
    writeFileSync(fake, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    const { code, err } = await run(['report', '--pdf', 'x.pdf', '--browser', fake, ...DATED], {
      PATH: process.env.PATH,
    });
    expect(code).toBe(1);
    expect(err).toContain(
      `--pdf <file>: ${fake} exited with 3 without writing a PDF:\ncannot open display`,
    );
  });

  it('refuses --pdf with another format', async () => {
    const { code, err } = await run(['report', '--pdf', 'x.pdf', '--format', 'csv']);
    expect(code).toBe(2);
    expect(err).toContain('--pdf <file> prints the HTML report');
  });

  const browser =
    process.env.CHROMIUM_PATH ??
    (process.env.PATH ?? '')
      .split(delimiter)
      .flatMap((d) => BROWSERS.map((b) => join(d, b)))
      .find((p) => existsSync(p));
  const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
  requireProgram(
    browser !== undefined && poppler,
    'chromium and poppler-utils',
    'chromium poppler-utils',
  );

  it.skipIf(browser === undefined || !poppler)(
    'prints an A4 PDF whose text holds the headline (Hindi)',
    { timeout: 180_000 },
    async () => {
      const { code, err } = await run(
        ['report', '--pdf', 'report.pdf', '--lang', 'hi', '--as-of', '2026-11-30', ...DATED],
        {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...(browser ? { CHROMIUM_PATH: browser } : {}),
        },
      );
      expect(err).toBe('written to report.pdf\n');
      expect(code).toBe(0);
      const pdf = join(dir, 'report.pdf');
      const info = execFileSync('pdfinfo', ['-l', '100', pdf], { encoding: 'utf8' });
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]!);
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) {
        // A4 is 210 × 297 mm: 595.28 × 841.89 pt
        const [w, h] = /^([\d.]+) x ([\d.]+) pts/.exec(size)!.slice(1).map(Number);
        expect(Math.abs(w! - 595.28), size).toBeLessThan(1);
        expect(Math.abs(h! - 841.89), size).toBeLessThan(1);
      }
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('मध्यप्रदेश के फ़ॉलोअर्स');
      expect(text).toContain('2,08,500');
    },
  );
});
