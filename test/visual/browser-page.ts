import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inCI } from '../ci.js';

/**
 * What the browser tests share: Debian's `chromium` (installed by .ci/run; CHROMIUM_PATH for
 * another binary), and a report page opened with every request but the file itself refused and
 * recorded, as are console errors and warnings.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (inCI && !hasChromium) {
  throw new Error(
    `CI is set but there is no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium and fonts-noto-core (.ci/packages.sh); the browser tests must not skip in CI`,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Chromium's sandbox needs user namespaces, which a root CI container does not give.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** Opens a report file at a width; every request but the file itself is refused and recorded. */
export async function openReportPage(
  browser: Browser,
  file: string,
  width: number,
  bypassCSP = false,
) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors, close: () => context.close() };
}

/**
 * What reaches past either side of the viewport (a right-to-left page overflows on the left),
 * outside the tables that scroll in their own box and the charts, with the page's scroll and
 * client widths: a page that fits has no such element and no wider scroll.
 */
export function overflowOf(
  page: Page,
): Promise<{ scroll: number; client: number; wide: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((el) => !el.closest('.table-wrap') && !el.closest('svg'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.right > doc.clientWidth + 0.5 || box.left < -0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: doc.scrollWidth, client: doc.clientWidth, wide };
  });
}
