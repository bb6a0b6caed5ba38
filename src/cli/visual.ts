/**
 * `--format html|xlsx` and `report --pdf`: the visual reports of `social-reach/reports`, made from
 * what a report command computed. The visual module (and its optional peers vega, vega-lite and
 * exceljs) is imported only when one of these is asked for, so the text formats load none of it.
 * The PDF is printed by a Chromium-family browser already on the machine: no browser is bundled
 * or downloaded.
 */
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SocialReachError } from '../index.js';
import type { VisualReport } from '../visual/report-input.js';
import { type ParsedArgs, stringFlag } from './args.js';
import { CliError, EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';

/** The formats drawn by `social-reach/reports`, not by the text reports. */
export const VISUAL_FORMATS = ['html', 'xlsx'] as const;
export type VisualFormat = (typeof VISUAL_FORMATS)[number];

export function isVisualFormat(format: string): format is VisualFormat {
  return (VISUAL_FORMATS as readonly string[]).includes(format);
}

/** The browsers looked for on PATH, in this order, when neither --browser nor CHROMIUM_PATH is given. */
export const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** How long the browser may take to print, in milliseconds. */
export const PRINT_TIMEOUT_MS = 120_000;

/** What the visual renderers need besides the report. */
export interface VisualOptions {
  locale: string;
  notation: 'standard' | 'compact';
  timeZone: string;
  charts: boolean;
}

/** Renders the HTML page, translating a missing optional peer into a message for the terminal. */
export async function htmlReport(
  report: VisualReport,
  options: VisualOptions,
  flag: string,
): Promise<string> {
  const { renderHtmlReport } = await import('../visual/html-report.js');
  return peerNamed(flag, () =>
    renderHtmlReport(report, {
      locale: options.locale,
      notation: options.notation,
      timeZone: options.timeZone,
      charts: options.charts,
    }),
  );
}

/** Renders the workbook's bytes. */
export async function xlsxReport(
  report: VisualReport,
  options: VisualOptions,
  flag: string,
): Promise<Uint8Array> {
  const { renderXlsxReport } = await import('../visual/xlsx-report.js');
  return peerNamed(flag, () =>
    // figures stay numbers in a workbook (a number format writes them): no notation
    renderXlsxReport(report, { locale: options.locale, timeZone: options.timeZone }),
  );
}

/**
 * A missing optional peer dependency is a missing package (exit 1), not bad input: the library's
 * message names what to install; the command adds the flag that needed it.
 */
async function peerNamed<T>(flag: string, render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (
      SocialReachError.isInstance(error) &&
      error.code === 'INVALID_INPUT' &&
      /optional peer dependency/.test(error.message)
    ) {
      const message = error.message.replace(/^(\[social-reach\]\s*)?(\[reports\]\s*)?/, '');
      throw new CliError(`${flag}: ${message} (where social-reach is installed)`, EXIT.failed, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Writes bytes to `--out <file>` (a workbook cannot go to a terminal). */
export function writeBytes(io: Io, args: ParsedArgs, bytes: Uint8Array, command: string): void {
  const out = stringFlag(args, 'out');
  if (out === undefined) {
    throw new UsageError('--format xlsx writes a binary workbook: give --out <file.xlsx>', command);
  }
  const path = resolve(io.cwd, out);
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`--out <file>: cannot write ${relative(io.cwd, path) || path} (${code})`);
  }
  io.stderr.write(`written to ${relative(io.cwd, path) || path}\n`);
}

/**
 * The browser to print with: `--browser <path>`, else `CHROMIUM_PATH`, else the first of
 * {@link BROWSERS} on PATH.
 */
export function findBrowser(io: Io, args: ParsedArgs, command: string): string {
  const given = stringFlag(args, 'browser');
  const fromEnv = io.env.CHROMIUM_PATH;
  const named = given ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined);
  if (named !== undefined) {
    const where = given !== undefined ? '--browser <path>' : 'CHROMIUM_PATH';
    const path = named.includes('/') ? resolve(io.cwd, named) : onPath(io, named);
    if (path === undefined || !isExecutableFile(path)) {
      throw new UsageError(
        `Expected ${where} to be a Chromium-family browser (chromium, google-chrome) that can be run, got "${named.slice(0, 200)}": no executable file there`,
        command,
      );
    }
    return path;
  }
  for (const name of BROWSERS) {
    const path = onPath(io, name);
    if (path !== undefined) return path;
  }
  throw new CliError(
    `--pdf <file> prints with a Chromium-family browser, and none was found on PATH (${BROWSERS.join(', ')}): install one (apt-get install chromium) or give --browser <path> or CHROMIUM_PATH`,
    EXIT.failed,
  );
}

function onPath(io: Io, name: string): string | undefined {
  for (const dir of (io.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    const path = join(dir, name);
    if (isExecutableFile(path)) return path;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Prints an HTML page to a PDF with a headless Chromium: the page's print CSS sets A4 and its
 * margins; `--no-pdf-header-footer` leaves out the browser's date, title and file URL.
 */
export async function printPdf(
  io: Io,
  browser: string,
  html: string,
  pdfPath: string,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'social-reach-pdf-'));
  try {
    const page = join(work, 'report.html');
    writeFileSync(page, html);
    const target = resolve(io.cwd, pdfPath);
    rmSync(target, { force: true });
    const args = [
      '--headless',
      '--no-pdf-header-footer',
      `--print-to-pdf=${target}`,
      // a profile of its own: a browser the user has open (or another print) does not hold it
      `--user-data-dir=${join(work, 'profile')}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-gpu',
      '--disable-extensions',
      '--disable-background-networking',
    ];
    // Chromium refuses to start as root with its sandbox on (containers, CI jobs run as root):
    // only then is it turned off. The page it opens is our own file, with no script and a
    // Content-Security-Policy that loads nothing.
    if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
    args.push(pathToFileURL(page).href);
    const { code, signal, stderr, timedOut } = await run(browser, args, timeoutMs, io);
    let pdf: Buffer | undefined;
    try {
      pdf = readFileSync(target);
    } catch {
      pdf = undefined;
    }
    if (timedOut) {
      throw new CliError(
        `--pdf <file>: ${browser} did not finish printing within ${timeoutMs / 1000} s`,
        EXIT.failed,
      );
    }
    if (pdf === undefined || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const why = signal ? `ended by ${signal}` : `exited with ${code}`;
      const tail = lastLines(stderr);
      throw new CliError(
        `--pdf <file>: ${browser} ${why} without writing a PDF${tail ? `:\n${tail}` : ''}`,
        EXIT.failed,
      );
    }
    io.stderr.write(`written to ${relative(io.cwd, target) || target}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The last few lines of what the browser said, bounded and stripped of control characters. */
function lastLines(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      [...line]
        .filter((c) => c >= ' ' && c !== '\u007f')
        .join('')
        .slice(0, 300),
    )
    .filter((line) => line.trim() !== '')
    .slice(-5)
    .join('\n');
}

function run(
  program: string,
  args: readonly string[],
  timeoutMs: number,
  io: Io,
): Promise<{ code: number | null; signal: string | null; stderr: string; timedOut: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(program, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...io.env } as NodeJS.ProcessEnv,
      cwd: io.cwd,
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      // keep the end of it only: a browser can be talkative
      stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      const code = (error as { code?: string }).code;
      fail(
        new CliError(`--pdf <file>: cannot run ${program} (${code ?? error.message})`, EXIT.failed),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stderr, timedOut });
    });
  });
}
