import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALES } from '../../src/locales/index.js';
import { DATED, figuresFolder } from './figures.js';
import { cleanEnv, ensureBuilt } from './installed.js';

/**
 * `--lang` with every language of the library (issue #17's leftover): the built bin, run as a
 * child process in a folder holding a registry and two dates of figures (test/cli/figures.ts),
 * writes each command's words, names and figures in the language asked for.
 */

let bin: string;
let folder: { dir: string; remove(): void };

beforeAll(async () => {
  bin = ensureBuilt();
  folder = await figuresFolder('social-reach-languages-');
}, 300_000);
afterAll(() => folder?.remove());

const run = promisify(execFile);

/**
 * `social-reach <line> <more…>` with the figures dated in India (`line` is split at spaces;
 * `more` are arguments that hold spaces); its exit code and what it wrote.
 */
async function reach(
  line: string,
  ...more: string[]
): Promise<{ code: number; out: string; err: string }> {
  const args = [...line.split(' '), ...more, ...DATED];
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: folder.dir,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
  }
}

const AS_OF = '--as-of 2026-11-30';
const DAYS = '--from 2026-11-29 --to 2026-11-30 --kind district';
const SUPPORTED =
  'en (English), hi (Hindi), mr (Marathi), gu (Gujarati), bn (Bengali), pa (Punjabi), or (Odia), ta (Tamil), te (Telugu), kn (Kannada), ml (Malayalam), ur (Urdu), as (Assamese)';

describe('--lang takes every language of the library', () => {
  it('--help lists the thirteen codes with their names', { timeout: 60_000 }, async () => {
    for (const command of ['report', 'growth', 'rank', 'series', 'check']) {
      const { code, out } = await reach(`${command} --help`);
      expect(code).toBe(0);
      const help = out.replace(/\s+/g, ' ');
      for (const language of LANGUAGES) {
        expect(help).toContain(`${language} (${LOCALES[language]!.englishName})`);
      }
    }
  });

  it('an unknown language is bad input (exit 2) listing the supported codes, in every command', {
    timeout: 60_000,
  }, async () => {
    for (const [line, given] of [
      ['report --lang fr', 'fr'],
      ['series --from 2026-11-01 --lang sa', 'sa'],
      ['check 2L --unit mp --lang hi-IN', 'hi-IN'],
    ] as const) {
      const { code, out, err } = await reach(line);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(`got "${given}"; supported: ${SUPPORTED}`);
    }
  });

  it('report in Urdu: its words, its own digits (۲۰۸٬۵۰۰) and Urdu list punctuation', {
    timeout: 60_000,
  }, async () => {
    const { code, out } = await reach(`report --lang ur ${AS_OF}`);
    expect(code).toBe(0);
    const [title, header] = out.split('\n');
    expect(title).toBe('اکائی اور پلیٹ فارم کے لحاظ سے فالوورز (۳۰ نومبر، ۲۰۲۶ تک)');
    expect(header).toMatch(/^اکائی\s+ایکس \(ٹوئٹر\)\s+فیس بک\s+کل/);
    expect(out).toMatch(/Indore\s+۱۲۰٬۰۰۰\s+۸۳٬۵۰۰\s+۲۰۳٬۵۰۰/);
    // --digits latin: the same words with 0-9, as offices often print them
    const latin = await reach(`report --lang ur --digits latin ${AS_OF}`);
    expect(latin.out).toMatch(/Indore\s+120,000\s+83,500\s+203,500/);
    expect(latin.out).toContain('اکائی');
  });

  it('report in Tamil, compact: CLDR gives Tamil thousands (ஆயிரம்), not lakhs', {
    timeout: 60_000,
  }, async () => {
    const { code, out } = await reach(`report --lang ta --notation compact ${AS_OF}`);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('அலகு, தளம் வாரியாகப் பின்தொடர்பவர்கள் (30 நவ., 2026 நிலவரப்படி)');
    expect(out).toMatch(/Indore\s+120 ஆயிரம்\s+83\.5 ஆயிரம்\s+204 ஆயிரம்/);
    // in English, compact figures are lakhs
    const english = await reach(`report --notation compact ${AS_OF}`);
    expect(english.out).toMatch(/Indore\s+1\.2\slakh\s+83\.5\sthousand\s+2\.04\slakh/);
  });

  it('growth in Kannada (Western grouping, as CLDR has it) and rank in Malayalam Markdown', {
    timeout: 60_000,
  }, async () => {
    const growth = await reach('growth --from 2026-11-01T18:00+05:30 --to 2026-11-30 --lang kn');
    expect(growth.code).toBe(0);
    expect(growth.out.split('\n')[0]).toBe('ಘಟಕವಾರು ಬೆಳವಣಿಗೆ');
    expect(growth.out).toMatch(/Madhya Pradesh\s+184,000\s+208,500\s+\+24,500/);
    const rank = await reach(`rank --kind district --lang ml --format markdown ${AS_OF}`);
    expect(rank.code).toBe(0);
    expect(rank.out).toContain('### റാങ്കിങ്: ആകെ');
    expect(rank.out).toContain('| 1 | Indore | 1 | 2,03,500 | 2/2 |');
  });

  it('series: the title and the period column in the language (Urdu, Tamil, Hindi as before)', {
    timeout: 60_000,
  }, async () => {
    const urdu = await reach(`series ${DAYS} --lang ur`);
    expect(urdu.code).toBe(0);
    expect(urdu.out.split('\n').slice(0, 2)).toEqual([
      'روزانہ فالوورز (Asia/Kolkata)',
      expect.stringMatching(/^مدت\s+Indore\s+Dhar$/),
    ]);
    expect(urdu.out).toMatch(/2026-11-30\s+۲۰۳٬۵۰۰\s+۵٬۰۰۰/);
    const tamil = await reach(
      'series --interval quarter --from 2026-11-01 --to 2026-11-30 --kind district --lang ta --format markdown',
    );
    expect(tamil.out).toContain('### காலாண்டுவாரியாகப் பின்தொடர்பவர்கள் (Asia/Kolkata)');
    expect(tamil.out).toContain('| காலம் | Indore | Dhar |');
    expect(tamil.out).toContain('| Q3 FY 2026-27 | 2,03,500 | 5,000 |');
    const hindi = await reach(`series ${DAYS} --lang hi --interval month`);
    expect(hindi.out).toContain('मासिक फ़ॉलोअर्स (Asia/Kolkata)');
    expect(hindi.out).toMatch(/^अवधि\s+इंदौर\s+धार$/m);
  });

  it('check: the verdict in Bengali, Urdu and Marathi, with their digits', {
    timeout: 60_000,
  }, async () => {
    const bengali = await reach(`check --unit indore --lang bn ${AS_OF}`, '2 लाख से अधिक');
    expect(bengali.code).toBe(0);
    expect(bengali.out.split('\n')).toEqual([
      'দাবি: "2 लाख से अधिक" (অন্তত ২,০০,০০০) Indore, ৩০ নভেঃ, ২৩:৫৯ IST অনুযায়ী',
      'গণনা: ২,০৩,৫০০ ২টি অ্যাকাউন্ট থেকে',
      'সিদ্ধান্ত: সঙ্গত',
      '',
    ]);
    const urdu = await reach(`check --unit mp --lang ur ${AS_OF}`, 'about 2.5 lakh');
    expect(urdu.out).toContain('حساب: ۲۰۸٬۵۰۰ ۳ اکاؤنٹس سے');
    expect(urdu.out).toContain('نتیجہ: بڑھا چڑھا کر (۱۹٫۹% فرق)');
    const marathi = await reach(
      `check --unit mp --lang mr --digits latin ${AS_OF}`,
      '2 லட்சத்துக்கும் மேல்',
    );
    expect(marathi.out).toContain('दावा: "2 லட்சத்துக்கும் மேல்" (किमान 2,00,000) Madhya Pradesh');
    expect(marathi.out).toContain('गणना: 2,08,500 3 खात्यांवरून');
    expect(marathi.out).toContain('निष्कर्ष: सुसंगत');
    // English as it always was
    const english = await reach(`check --unit mp ${AS_OF}`, 'about 2.5 lakh');
    expect(english.out).toContain('Computed: 2,08,500 from 3 accounts');
    expect(english.out).toContain('Verdict: overstated (19.9% off)');
  });

  it('html in Urdu reads right to left; the workbook in Tamil has Tamil sheets and numbers', {
    timeout: 120_000,
  }, async () => {
    const html = await reach(`report --format html --no-charts --lang ur ${AS_OF}`);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/<html[^>]* lang="ur"/);
    expect(html.out).toMatch(/<html[^>]* dir="rtl"/);
    expect(html.out).toContain('Madhya Pradesh کے فالوورز');
    expect(html.out).toContain('۲۰۸٬۵۰۰');
    const xlsx = await reach(`rank --kind district --format xlsx --out ta.xlsx --lang ta ${AS_OF}`);
    expect(xlsx.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(folder.dir, 'ta.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('தரவரிசை');
    const cells = book.worksheets.flatMap((s) => {
      const found: unknown[] = [];
      s.eachRow((row) => {
        found.push(...(row.values as unknown[]));
      });
      return found;
    });
    expect(cells).toContain(203_500);
    expect(cells).toContain('எக்ஸ் (ட்விட்டர்)');
  });
});
