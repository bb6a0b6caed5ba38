import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCount } from '../../src/numbers/format-count.js';
import { renderHtmlReport } from '../../src/visual/html-report.js';
import {
  CHROMIUM,
  hasChromium,
  launchChromium,
  openReportPage,
  overflowOf,
} from './browser-page.js';
import { type IndoreFixture, indoreFixture } from './fixture.js';

/**
 * The HTML report in a real browser: Debian's `chromium` (installed by .ci/run with
 * fonts-noto-core and poppler-utils), driven by playwright-core, which downloads no browser.
 * Skipped, saying why, only when the binary is absent; set CHROMIUM_PATH to use another.
 * Screenshots of both languages at both widths are written under reports/screenshots/.
 */
if (!hasChromium) {
  console.warn(
    `[test/visual/browser] SKIPPED: no Chromium at ${CHROMIUM}. Install Debian's chromium, fonts-noto-core and poppler-utils (as .ci/run does), or set CHROMIUM_PATH.`,
  );
}
const hasPoppler =
  hasChromium && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'reports/screenshots');
const LOCALES = { en: 'en-IN', hi: 'hi-IN' } as const;
type Language = keyof typeof LOCALES;

let f: IndoreFixture;
let browser: Browser;
let dir: string;
const files = {} as Record<Language, string>;

beforeAll(async () => {
  if (!hasChromium) return;
  f = await indoreFixture();
  dir = mkdtempSync(join(tmpdir(), 'social-reach-browser-'));
  for (const [language, locale] of Object.entries(LOCALES) as [Language, string][]) {
    files[language] = join(dir, `indore-report.${language}.html`);
    writeFileSync(files[language], await renderHtmlReport(f.report, { locale }));
  }
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function open(language: Language, width: number, bypassCSP = false) {
  return openReportPage(browser, files[language], width, bypassCSP);
}

describe.skipIf(!hasChromium)('the HTML report in Chromium (issue #14)', () => {
  for (const language of ['en', 'hi'] as const) {
    for (const width of [375, 1280]) {
      it(`${language} at ${width} px: no console error, no request, nothing overflows; screenshot`, async () => {
        const { page, requests, errors, close } = await open(language, width);
        try {
          expect(errors).toEqual([]);
          expect(requests).toEqual([]);
          const overflow = await overflowOf(page);
          expect(overflow.wide).toEqual([]);
          expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
          await page.screenshot({
            path: join(shots, `report-${language}-${width}.png`),
            fullPage: true,
          });
        } finally {
          await close();
        }
      }, 120_000);
    }
  }

  it('every figure shown equals totals() and series(); one chart mark per data point', async () => {
    const { page, close } = await open('en', 1280);
    try {
      const shown = await page.$$eval(
        '#totals tr[data-id] [data-key="total"][data-value]',
        (cells) =>
          cells.map((c) => [
            c.closest('tr')!.getAttribute('data-id'),
            Number(c.getAttribute('data-value')),
            c.textContent,
          ]),
      );
      expect(shown.length).toBeGreaterThan(10);
      for (const [id, value, text] of shown as [string, number, string][]) {
        const unit = f.totals.units.get(id);
        const expected = unit ? unit.count.value : f.totals.snapshots.get(id)!.followers.value;
        expect(value, id).toBe(expected);
        // the words show the same number, Indian grouping
        const grouped = new Intl.NumberFormat('en-IN').format(expected);
        expect(text, id).toContain(grouped);
      }
      const headline = await page.$eval('#headline .figure', (el) =>
        Number(el.getAttribute('data-value')),
      );
      expect(headline).toBe(f.totals.units.get('indore-admin')!.count.value);
      const units = ['indore-admin', 'commissioner', 'collector', 'pr-office'];
      const points = await page.$$eval(
        '#chart-series [aria-roledescription="point"]',
        (e) => e.length,
      );
      expect(points).toBe(f.weekly.periods.length * units.length);
      const bars = await page.$$eval(
        '#chart-ranking [aria-roledescription="bar"]',
        (e) => e.length,
      );
      expect(bars).toBe(f.report.ranking!.entries.filter((e) => e.observed > 0).length);
      const series = await page.$$eval('#series tbody tr', (rows) =>
        rows.map((r) =>
          Array.from(r.querySelectorAll('[data-value]')).map((c) =>
            Number(c.getAttribute('data-value')),
          ),
        ),
      );
      expect(series).toEqual(
        f.weekly.periods.map((p) => units.map((u) => p.units.get(u)!.count.value)),
      );
    } finally {
      await close();
    }
  }, 120_000);

  it('Hindi renders in a Devanagari font, not as boxes', async () => {
    const { page, close } = await open('hi', 1280);
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
      const check = await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('16px "Noto Sans Devanagari"', 'इंदौर जिला प्रशासन');
      });
      expect(check).toBe(true);
      // The fonts Chromium really used for the headline's glyphs (document.fonts.check is true
      // for any font it has no face for, so ask the renderer).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', {
        nodeId: root.nodeId,
        selector: '#headline-h',
      });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const devanagari = fonts.filter((font) => /Devanagari/i.test(font.familyName));
      expect(devanagari.length, JSON.stringify(fonts)).toBeGreaterThan(0);
      const glyphs = fonts.reduce((n, font) => n + font.glyphCount, 0);
      // Every glyph of the Hindi words came from a Devanagari font: none fell back to a box.
      const latin = fonts.filter((font) => !/Devanagari/i.test(font.familyName));
      expect(devanagari.reduce((n, font) => n + font.glyphCount, 0)).toBeGreaterThan(glyphs / 2);
      expect(latin.every((font) => /Noto Sans|DejaVu|Liberation/i.test(font.familyName))).toBe(
        true,
      );
    } finally {
      await close();
    }
  }, 120_000);

  for (const language of ['en', 'hi'] as const) {
    it(`${language}: axe-core finds no serious or critical accessibility violation`, async () => {
      // axe is injected as a script, which the page's own CSP forbids: this context bypasses it.
      const { page, close } = await open(language, 1280, true);
      try {
        const axe = readFileSync(
          createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
          'utf8',
        );
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as {
              axe: {
                run: (
                  context: Document,
                  options: object,
                ) => Promise<{
                  violations: { id: string; impact: string; nodes: unknown[]; help: string }[];
                }>;
              };
            }
          ).axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.length,
          }));
        });
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious).toEqual([]);
      } finally {
        await close();
      }
    }, 120_000);
  }

  it.skipIf(!hasPoppler)(
    'printed to PDF: A4 pages, and pdftotext finds the Hindi headline',
    async () => {
      const { page, close } = await open('hi', 1280);
      try {
        const pdf = join(dir, 'report.hi.pdf');
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        const info = execFileSync('pdfinfo', ['-l', '100', pdf], { encoding: 'utf8' });
        const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]);
        expect(sizes.length).toBeGreaterThan(1);
        for (const size of sizes) {
          // A4 is 210 × 297 mm: 595.28 × 841.89 pt (Chromium rounds to its own units)
          const [w, h] = /^([\d.]+) x ([\d.]+) pts/.exec(size!)!.slice(1).map(Number);
          expect(Math.abs(w! - 595.28), size).toBeLessThan(1);
          expect(Math.abs(h! - 841.89), size).toBeLessThan(1);
        }
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        const admin = f.totals.units.get('indore-admin')!.count;
        // The headline and its figure in words, as the page writes them.
        expect(text).toContain('इंदौर जिला प्रशासन के फ़ॉलोअर्स');
        expect(text).toContain(describeCount(admin, { locale: 'hi-IN' }));
        writeFileSync(join(shots, 'report-hi.pdf.txt'), text);
      } finally {
        await close();
      }
    },
    120_000,
  );
});
