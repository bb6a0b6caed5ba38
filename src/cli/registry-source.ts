/**
 * Where the command's registry comes from: a JSON file, a pair of CSV files (units first, then
 * accounts), or a folder holding `registry.json` or `units.csv` and `accounts.csv` (the current
 * folder when none is named). Problems are reported with where they are: the JSON path, or the
 * CSV file, row and column.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { defineRegistry, type Registry, RegistryError } from '../index.js';
import { CliError, EXIT, UsageError } from './errors.js';
import { type CsvIssue, formatCsvPosition, mergeIssues, readRegistryCsv } from './registry-csv.js';

/** A registry named on the command line. */
export type RegistrySource =
  | { kind: 'json'; path: string }
  | { kind: 'csv'; units: string; accounts: string };

/** The file names a folder may hold. */
export const REGISTRY_FILES = {
  json: 'registry.json',
  units: 'units.csv',
  accounts: 'accounts.csv',
} as const;

/**
 * Reads the registry operands: none (the current folder), a folder, a `.json` file, or two `.csv`
 * files (units, then accounts).
 */
export function resolveRegistrySource(
  operands: readonly string[],
  cwd: string,
  command?: string,
): RegistrySource {
  const paths = operands.length === 0 ? ['.'] : operands;
  const show = (path: string) => relative(cwd, path) || '.';
  if (paths.length === 2) {
    const [units, accounts] = paths.map((p) => resolve(cwd, p)) as [string, string];
    for (const path of [units, accounts]) {
      if (!existsSync(path)) throw new UsageError(`No such file: ${show(path)}`, command);
      if (extname(path).toLowerCase() !== '.csv') {
        throw new UsageError(
          `Expected two CSV files (units.csv, then accounts.csv), got ${show(path)}`,
          command,
        );
      }
    }
    return { kind: 'csv', units, accounts };
  }
  const path = resolve(cwd, paths[0]!);
  if (!existsSync(path)) {
    throw new UsageError(
      `No such file or folder: ${show(path)} (expected a registry: a .json file, a folder, or units.csv and accounts.csv)`,
      command,
    );
  }
  if (statSync(path).isDirectory()) {
    const json = join(path, REGISTRY_FILES.json);
    const units = join(path, REGISTRY_FILES.units);
    const accounts = join(path, REGISTRY_FILES.accounts);
    const hasJson = existsSync(json);
    const hasCsv = existsSync(units) && existsSync(accounts);
    if (hasJson && hasCsv) {
      throw new UsageError(
        `${show(path)} holds both registry.json and units.csv + accounts.csv: name the one to use`,
        command,
      );
    }
    if (hasJson) return { kind: 'json', path: json };
    if (hasCsv) return { kind: 'csv', units, accounts };
    const one = existsSync(units) ? 'accounts.csv' : existsSync(accounts) ? 'units.csv' : undefined;
    throw new UsageError(
      one
        ? `${show(path)} has ${one === 'units.csv' ? 'accounts.csv' : 'units.csv'} but no ${one}`
        : `No registry in ${show(path) === '.' ? 'this folder' : show(path)}: expected registry.json, or units.csv and accounts.csv (\`social-reach init\` writes a starting one)`,
      command,
    );
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') {
    throw new UsageError(
      `A CSV registry is two files: name units.csv and accounts.csv (in that order), or their folder; got only ${show(path)}`,
      command,
    );
  }
  return { kind: 'json', path };
}

/** A problem in a registry, with where it is. */
export interface RegistryProblem {
  /** `registry.json: accounts[3].handle`, `accounts.csv, row 5, column D (handle)`. */
  readonly where: string;
  readonly message: string;
}

/** The registry has problems (exit 2): each is listed with where it is. */
export class RegistryProblems extends CliError {
  readonly problems: readonly RegistryProblem[];

  constructor(label: string, problems: readonly RegistryProblem[]) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super(
      `${label}: ${problems.length} ${noun}\n${problems.map((p) => `  ${p.where}: ${p.message}`).join('\n')}`,
      EXIT.usage,
    );
    this.name = 'RegistryProblems';
    this.problems = problems;
  }
}

/** Names a source for messages: `registry.json`, `units.csv + accounts.csv`. */
export function describeSource(source: RegistrySource, cwd: string): string {
  const show = (path: string) => relative(cwd, path) || basename(path);
  return source.kind === 'json'
    ? show(source.path)
    : `${show(source.units)} + ${show(source.accounts)}`;
}

/**
 * Reads and validates a registry.
 *
 * @throws {RegistryProblems} listing every problem with where it is (exit 2).
 * @throws {UsageError} when a file cannot be read.
 */
export function loadRegistry(source: RegistrySource, cwd: string): Registry {
  const label = describeSource(source, cwd);
  if (source.kind === 'json') {
    const text = readText(source.path, cwd);
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RegistryProblems(label, [{ where: label, message: `not valid JSON: ${reason}` }]);
    }
    try {
      return defineRegistry(data as Parameters<typeof defineRegistry>[0]);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      throw new RegistryProblems(
        label,
        error.issues.map((issue) => ({
          where: `${label}: ${jsonPath(issue.path)}`,
          message: issue.message,
        })),
      );
    }
  }
  const show = (path: string) => relative(cwd, path) || basename(path);
  const read = readRegistryCsv(
    { units: readText(source.units, cwd), accounts: readText(source.accounts, cwd) },
    { files: { units: show(source.units), accounts: show(source.accounts) } },
  );
  const fail = (issues: readonly CsvIssue[]) =>
    new RegistryProblems(
      label,
      issues.map((issue) => ({ where: formatCsvPosition(issue), message: issue.message })),
    );
  // With a column missing or unknown, the rows would only repeat it: fix the headers first.
  if (read.issues.some((issue) => issue.row === 1 || issue.row === undefined)) {
    throw fail(read.issues);
  }
  try {
    const registry = defineRegistry(read.input);
    if (read.issues.length > 0) throw fail(read.issues);
    return registry;
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    throw fail(mergeIssues(read, error));
  }
}

/** `accounts[3].handle`, `units[0].name.hi`: where a problem is in a JSON registry. */
function jsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part.slice(0, 60))}]`;
  }
  return out || '(the whole file)';
}

function readText(path: string, cwd: string): string {
  const shown = relative(cwd, path) || path;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`Cannot read ${shown}${code ? ` (${code})` : ''}`);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    // Excel's "CSV (Comma delimited)" writes the Windows code page: é, or Hindi, would be lost
    const line = bytes.subarray(0, firstBadByte(bytes)).toString('latin1').split('\n').length;
    throw new UsageError(
      `${shown} is not UTF-8 text (line ${line} holds a byte that is not): save it again as "CSV UTF-8 (Comma delimited)" in Excel, or with the character set "Unicode (UTF-8)" in LibreOffice`,
    );
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where the first byte that breaks UTF-8 is (the start of the bad sequence, near enough). */
function firstBadByte(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // the longest prefix that decodes (cut at most 3 bytes into a character, hence the slack)
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

/** "12 units, 20 accounts: X 5, Facebook 5, YouTube 4; 1 planned, 1 closed (not collected)" */
export function summarizeRegistry(registry: Registry): string {
  const active = new Map<string, number>();
  let planned = 0;
  let closed = 0;
  for (const account of registry.accounts) {
    if (account.status === 'planned') planned++;
    else if (account.status === 'closed') closed++;
    else active.set(account.platform, (active.get(account.platform) ?? 0) + 1);
  }
  const platforms = [...active]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${registry.platform(id)?.name.en ?? id} ${n}`);
  const units = `${registry.units.length} unit${registry.units.length === 1 ? '' : 's'}`;
  const count = registry.accounts.length;
  let text = `${units}, ${count} account${count === 1 ? '' : 's'}`;
  if (platforms.length > 0) text += `: ${platforms.join(', ')}`;
  const idle = [planned && `${planned} planned`, closed && `${closed} closed`].filter(Boolean);
  if (idle.length > 0) text += `; ${idle.join(', ')} (not collected)`;
  return text;
}
