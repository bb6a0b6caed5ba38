import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderXlsxReport } from '../../src/visual/xlsx-report.js';
import { inCI } from '../ci.js';
import { indoreFixture } from './fixture.js';

/**
 * The workbook printed: LibreOffice (Debian's libreoffice-calc-nogui, `soffice --headless`)
 * converts it to PDF as it prints it, and poppler-utils read the PDF back. Every sheet's columns
 * fit one A4 landscape page's width, and every page starts with its sheet's header row. The first
 * page of the English and the Hindi workbook is written under reports/screenshots/ (docs/images
 * holds copies). Skipped, saying why, without soffice or poppler-utils; in CI both are required.
 */
function has(program: string, args: string[]): boolean {
  try {
    execFileSync(program, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const hasSoffice = has('soffice', ['--version']);
const hasPoppler = has('pdftotext', ['-v']) && has('pdftoppm', ['-v']) && has('pdfinfo', ['-v']);
const ready = hasSoffice && hasPoppler;
if (!ready) {
  const why = `the printed workbook needs soffice (libreoffice-calc-nogui) and poppler-utils; found ${hasSoffice ? '' : 'no '}soffice, ${hasPoppler ? '' : 'no '}poppler-utils`;
  if (inCI) throw new Error(`CI is set but ${why} (.ci/packages.sh installs both)`);
  console.warn(`[test/visual/xlsx-print] SKIPPED: ${why}`);
}

const LOCALES = { en: 'en-IN', hi: 'hi-IN' } as const;
type Language = keyof typeof LOCALES;
const shots = join(resolve(import.meta.dirname, '../..'), 'reports/screenshots');

let dir: string;
const pdf = {} as Record<Language, string>;
const headers = {} as Record<Language, { sheet: string; labels: string[] }[]>;

beforeAll(async () => {
  if (!ready) return;
  const f = await indoreFixture();
  dir = mkdtempSync(join(tmpdir(), 'social-reach-xlsx-print-'));
  const files: string[] = [];
  for (const [language, locale] of Object.entries(LOCALES) as [Language, string][]) {
    const bytes = await renderXlsxReport(f.report, { locale });
    const file = join(dir, `workbook-${language}.xlsx`);
    writeFileSync(file, bytes);
    files.push(file);
    pdf[language] = join(dir, `workbook-${language}.pdf`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    headers[language] = book.worksheets.map((ws) => ({
      sheet: ws.name,
      labels: (ws.getRow(1).values as unknown[]).slice(1).map(String),
    }));
  }
  // A profile of its own: another LibreOffice running on the machine does not get in the way.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...files,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The PDF's pages as pdftotext lays them out, without blank lines. */
function pages(file: string): string[][] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
}

/** Whether a line holds the labels in order, the first one first and the last one last. */
function isHeader(line: string, labels: readonly string[]): boolean {
  // NFC both sides: the PDF's text may spell a nukta letter (फ़) as two code points
  const trimmed = line.trim().normalize('NFC');
  labels = labels.map((label) => label.normalize('NFC'));
  if (!trimmed.startsWith(labels[0]!) || !trimmed.endsWith(labels[labels.length - 1]!)) {
    return false;
  }
  let at = 0;
  for (const label of labels) {
    at = trimmed.indexOf(label, at);
    if (at < 0) return false;
    at += label.length;
  }
  return true;
}

describe.skipIf(!ready)('the workbook printed by LibreOffice (issue #14)', () => {
  for (const language of ['en', 'hi'] as const) {
    it(`${language}: A4 landscape pages; each sheet starts on a page with its whole header row, which every page repeats`, () => {
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', pdf[language]], {
        encoding: 'utf8',
      });
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
      expect(sizes.length).toBeGreaterThanOrEqual(headers[language].length);
      for (const [, width, height] of sizes) {
        // A4 is 595 × 842 points; landscape is wider than high
        expect(Math.round(Number(width))).toBe(842);
        expect(Math.round(Number(height))).toBe(595);
      }
      const printed = pages(pdf[language]);
      expect(printed).toHaveLength(sizes.length);
      // every page's first line is the header row of a sheet, all its columns on that line
      const sheetOf = printed.map((lines) =>
        headers[language].findIndex(({ labels }) => isHeader(lines[0]!, labels)),
      );
      expect(sheetOf.filter((s) => s < 0)).toEqual([]);
      // the sheets in order, each on one page or more
      expect([...new Set(sheetOf)]).toEqual(headers[language].map((_, i) => i));
      expect(sheetOf).toEqual([...sheetOf].sort((a, b) => a - b));
    });
  }

  it('writes the first page of each workbook, cut below its table, as a PNG under reports/screenshots/', () => {
    mkdirSync(shots, { recursive: true });
    const dpi = 150;
    for (const language of ['en', 'hi'] as const) {
      // the table's lowest word on the first page (points), above the footer's page number
      const words = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf[language], '-'], {
        encoding: 'utf8',
      });
      const bottoms = [...words.matchAll(/<word [^>]*yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .filter(([, , text]) => !/^\d+$|^\/$/.test(text!))
        .map(([, y]) => Number(y));
      const bottom = Math.max(...bottoms);
      expect(bottom).toBeLessThan(595);
      const width = Math.ceil((841.89 * dpi) / 72);
      const height = Math.ceil(((bottom + 24) * dpi) / 72);
      const out = join(shots, `workbook-${language}`);
      execFileSync(
        'pdftoppm',
        ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile'].concat(
          ['-x', '0', '-y', '0', '-W', String(width), '-H', String(height)],
          [pdf[language], out],
        ),
        { timeout: 60_000 },
      );
      const png = readFileSync(`${out}.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // the IHDR chunk's width and height: the A4 landscape page's width, down to the table's end
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
    }
  });
});
