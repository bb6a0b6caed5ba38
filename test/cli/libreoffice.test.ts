import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { requireProgram, testIo } from './helpers.js';

/**
 * Registries as LibreOffice saves them: two spreadsheets made here (flat ODF, .fods), converted to
 * .xlsx and then to CSV by LibreOffice itself (`soffice --headless --convert-to`), then checked
 * with `social-reach validate`. Needs Debian's libreoffice-calc-nogui; without `soffice` the test
 * says that it skips (test/cli/registry-csv.test.ts covers Excel's bytes with a fixture).
 */
const soffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'social-reach-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-sheet flat ODF spreadsheet of text cells. */
function fods(rows: readonly (readonly string[])[]): string {
  const xml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cell = (text: string) =>
    text === ''
      ? '<table:table-cell/>'
      : `<table:table-cell office:value-type="string">${text
          .split('\n')
          .map((line) => `<text:p>${xml(line)}</text:p>`)
          .join('')}</table:table-cell>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Sheet1">
${rows.map((row) => `<table:table-row>${row.map(cell).join('')}</table:table-row>`).join('\n')}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

/** LibreOffice converts `files` in `dir` to `format`, with a profile of its own (runs may overlap). */
function convert(files: readonly string[], format: string): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      dir,
      ...files.map((f) => join(dir, f)),
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
}

requireProgram(soffice, 'soffice', 'libreoffice-calc-nogui');

describe.skipIf(!soffice)('a registry saved by LibreOffice Calc (soffice)', () => {
  const units = [
    ['id', 'kind', 'name_en', 'name_hi', 'parent'],
    ['mp', 'state', 'Madhya Pradesh', 'मध्यप्रदेश', ''],
    ['indore', 'district', 'Indore, the district', 'इंदौर', 'mp'],
    ['indore-collector', 'official', 'Collector "DM"', 'कलेक्टर,\nइंदौर', 'indore'],
  ];
  const accounts = [
    ['id', 'unit', 'platform', 'handle', 'note'],
    ['collector-x', 'indore-collector', 'x', 'https://x.com/IndoreCollector', ''],
    [
      'collector-fb',
      'indore-collector',
      'facebook',
      'facebook.com/CollectorIndore',
      'Page, verified',
    ],
    ['collector-yt', 'indore-collector', 'youtube', '@IndoreCollector', ''],
  ];

  it('.fods → .xlsx → CSV (UTF-8): validate reads it, and places a bad handle at its row and column', {
    timeout: 300_000,
  }, async () => {
    writeFileSync(join(dir, 'units.fods'), fods(units));
    writeFileSync(join(dir, 'accounts.fods'), fods(accounts));
    convert(['units.fods', 'accounts.fods'], 'xlsx');
    // the filter options LibreOffice's "Save as CSV" dialog sets for comma, ", UTF-8 (76), row 1
    convert(['units.xlsx', 'accounts.xlsx'], 'csv:Text - txt - csv (StarCalc):44,34,76,1');
    const csv = readFileSync(join(dir, 'units.csv'), 'utf8');
    expect(csv).toContain('मध्यप्रदेश');

    const io = testIo(dir);
    expect(await main(['validate', 'units.csv', 'accounts.csv'], io)).toBe(0);
    expect(io.out()).toBe(
      'units.csv + accounts.csv: valid: 3 units, 3 accounts: X (Twitter) 1, Facebook 1, YouTube 1\n',
    );

    // the same, with a Facebook URL pasted in the X row (row 2) and the sheet saved again
    writeFileSync(
      join(dir, 'accounts.fods'),
      fods(
        accounts.map((row, i) =>
          i === 1 ? [...row.slice(0, 3), 'https://facebook.com/Collector', ''] : row,
        ),
      ),
    );
    convert(['accounts.fods'], 'xlsx');
    convert(['accounts.xlsx'], 'csv:Text - txt - csv (StarCalc):44,34,76,1');
    const bad = testIo(dir);
    expect(await main(['validate', '.'], bad)).toBe(2);
    expect(bad.out()).toContain(
      'accounts.csv, row 2, column D (handle): "https://facebook.com/Collector" is not a valid X (Twitter) handle',
    );
  });
});
