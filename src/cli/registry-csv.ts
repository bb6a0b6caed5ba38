/**
 * Registries from spreadsheets: a pair of CSV files, `units.csv` and `accounts.csv`, as Excel and
 * LibreOffice save them (UTF-8 with or without a byte-order mark, CRLF or LF, quoted cells, empty
 * trailing rows), read with csv-parse. Every problem is placed by file, row and column, the way a
 * spreadsheet shows them (row 1 is the header; column A is the first), and so are the problems
 * `defineRegistry` finds, mapped back from their paths (`accounts[3].handle` → accounts.csv, row 5,
 * column D).
 *
 * @module
 */
import { parse } from 'csv-parse/sync';
import {
  defineRegistry,
  type Registry,
  RegistryError,
  type RegistryInput,
  SocialReachError,
  type Unit,
} from '../index.js';
import type { AccountInput } from '../model/account.js';
import { closest } from './args.js';

/** The two texts of a CSV registry, as read from their files. */
export interface RegistryCsvTexts {
  /** The units file: `id, kind, name_en, name_hi, parent`. */
  units: string;
  /** The accounts file: `id, unit, platform, handle, note` (and `status`, optional). */
  accounts: string;
}

/** Options of {@link readRegistryCsv} and {@link registryFromCsv}. */
export interface RegistryCsvOptions {
  /**
   * The files' names as positions should show them.
   * @default { units: 'units.csv', accounts: 'accounts.csv' }
   */
  files?: { units?: string; accounts?: string };
}

/** Where something is in a CSV registry: a file, and a row and column as a spreadsheet numbers them. */
export interface CsvPosition {
  /** The file's name (`units.csv`, or the name given in `files`). */
  readonly file: string;
  /** 1 is the header row; the first data row is 2. Absent for the file as a whole. */
  readonly row?: number;
  /** The column's letter as a spreadsheet shows it (`A`, `B`, … `AA`), when the problem is one cell. */
  readonly column?: string;
  /** The column's header (`handle`). */
  readonly header?: string;
}

/** A problem in a CSV registry, with where it is. */
export interface CsvIssue extends CsvPosition {
  /** What was expected and what came. */
  readonly message: string;
}

/** What {@link readRegistryCsv} returns. */
export interface RegistryCsv {
  /** The registry as `defineRegistry` takes it (rows with problems are in it too, as written). */
  readonly input: RegistryInput;
  /**
   * Problems of the files themselves: unreadable CSV, a missing, unknown or repeated column, an
   * empty required cell, a cell beyond the last column. Header problems are at row 1.
   */
  readonly issues: readonly CsvIssue[];
  /**
   * Where a `defineRegistry` issue path points in the files: `['accounts', 3, 'handle']` →
   * `{ file: 'accounts.csv', row: 5, column: 'D', header: 'handle' }`. `undefined` for a path
   * that is not in them.
   */
  locate(path: readonly (string | number)[]): CsvPosition | undefined;
}

/** The columns of each file: the required ones must be there, the others may be. */
export const CSV_COLUMNS = {
  units: { required: ['id', 'kind', 'name_en'], optional: ['name_hi', 'parent'] },
  accounts: {
    required: ['id', 'unit', 'platform', 'handle'],
    optional: ['note', 'status'],
  },
} as const;

type FileKind = keyof typeof CSV_COLUMNS;

/** A parsed file: its header columns and its data rows, each with its spreadsheet row number. */
interface Sheet {
  file: string;
  /** Column name → index in the row. */
  columns: Map<string, number>;
  rows: { row: number; cells: string[] }[];
}

/**
 * Reads a CSV registry (the texts of `units.csv` and `accounts.csv`) into the input
 * `defineRegistry` takes, with every problem of the files placed by file, row and column, and a
 * way to place `defineRegistry`'s own problems. It does not validate the registry: call
 * `defineRegistry(read.input)` (or use {@link registryFromCsv}, which does both).
 *
 * - Headers are matched without regard to case, spaces or dashes (`Name EN` is `name_en`); a
 *   missing required column, an unknown one or one given twice is a problem at row 1.
 * - Cells are trimmed; rows whose cells are all empty are skipped (spreadsheets save them).
 * - `name_hi` gives the unit's Hindi name; an empty `parent` makes a root; `note` is kept as the
 *   account's `meta.note`; `status` is `active` (when empty), `planned` or `closed`.
 * - The delimiter is read from the header line: `,` (the default), `;` or a tab.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { defineRegistry } from 'social-reach';
 * import { readRegistryCsv } from 'social-reach/cli';
 *
 * const read = readRegistryCsv({
 *   units: 'id,kind,name_en,name_hi,parent\r\nindore,district,Indore,इंदौर,\r\n',
 *   accounts: 'id,unit,platform,handle,note\r\nindore-x,indore,x,@IndoreCollector,\r\n',
 * });
 * if (read.issues.length === 0) defineRegistry(read.input);
 * ```
 */
export function readRegistryCsv(
  texts: RegistryCsvTexts,
  options: RegistryCsvOptions = {},
): RegistryCsv {
  const files = {
    units: options.files?.units ?? 'units.csv',
    accounts: options.files?.accounts ?? 'accounts.csv',
  };
  const issues: CsvIssue[] = [];
  const unitsSheet = readSheet('units', texts.units, files.units, issues);
  const accountsSheet = readSheet('accounts', texts.accounts, files.accounts, issues);

  const units: Unit[] = [];
  const unitRows: number[] = [];
  for (const { row, cells } of unitsSheet.rows) {
    const cell = cellReader(unitsSheet, row, cells, 'units', issues);
    const id = cell('id');
    const kind = cell('kind');
    const en = cell('name_en');
    const hi = cell('name_hi');
    const parent = cell('parent');
    const unit: Record<string, unknown> = { id, kind, name: hi ? { en, hi } : { en } };
    if (parent) unit.parent = parent;
    units.push(unit as Unit);
    unitRows.push(row);
  }

  const accounts: AccountInput[] = [];
  const accountRows: number[] = [];
  for (const { row, cells } of accountsSheet.rows) {
    const cell = cellReader(accountsSheet, row, cells, 'accounts', issues);
    const account: Record<string, unknown> = {
      id: cell('id'),
      unit: cell('unit'),
      platform: cell('platform'),
      handle: cell('handle'),
    };
    const note = cell('note');
    if (note) account.meta = { note };
    const status = cell('status');
    if (status) account.status = status.toLowerCase();
    accounts.push(account as AccountInput);
    accountRows.push(row);
  }

  const locate = (path: readonly (string | number)[]): CsvPosition | undefined => {
    const [list, index, field, sub] = path;
    const sheet = list === 'units' ? unitsSheet : list === 'accounts' ? accountsSheet : undefined;
    if (!sheet) return undefined;
    if (typeof index !== 'number') return { file: sheet.file };
    const row = (list === 'units' ? unitRows : accountRows)[index];
    if (row === undefined) return { file: sheet.file };
    const header = typeof field === 'string' ? columnOf(list as FileKind, field, sub) : undefined;
    const at = header === undefined ? undefined : sheet.columns.get(header);
    return at === undefined
      ? { file: sheet.file, row }
      : { file: sheet.file, row, column: columnLetter(at), header };
  };

  return { input: { units, accounts }, issues, locate };
}

/**
 * Reads and validates a CSV registry: {@link readRegistryCsv}, then `defineRegistry`, with every
 * problem of both placed by file, row and column.
 *
 * @throws {RegistryCsvError} listing every problem (the files' own first: with a header problem,
 *   the rows are not checked).
 * @example
 * ```ts
 * import { registryFromCsv } from 'social-reach/cli';
 *
 * const registry = registryFromCsv({
 *   units: 'id,kind,name_en\nmp,state,Madhya Pradesh\n',
 *   accounts: 'id,unit,platform,handle\nmp-x,mp,x,@JansamparkMP\n',
 * });
 * registry.account('mp-x')?.handle; // 'JansamparkMP'
 * ```
 */
export function registryFromCsv(
  texts: RegistryCsvTexts,
  options: RegistryCsvOptions = {},
): Registry {
  const read = readRegistryCsv(texts, options);
  if (read.issues.some((issue) => issue.row === 1 || issue.row === undefined)) {
    throw new RegistryCsvError(read.issues);
  }
  try {
    const registry = defineRegistry(read.input);
    if (read.issues.length > 0) throw new RegistryCsvError(read.issues);
    return registry;
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    throw new RegistryCsvError(mergeIssues(read, error));
  }
}

/** The files' own issues, then `defineRegistry`'s placed in the files, each cell reported once. */
export function mergeIssues(read: RegistryCsv, error: RegistryError): CsvIssue[] {
  const seen = new Set(read.issues.map((i) => `${i.file}\n${i.row}\n${i.column}`));
  const rowOf = (list: string, index: number) => read.locate([list, index])?.row;
  const merged = [...read.issues];
  for (const issue of error.issues) {
    const at = read.locate(issue.path) ?? { file: '(registry)' };
    const key = `${at.file}\n${at.row}\n${at.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // "first used at units[1]" → "first used at units.csv row 2"
    const message = issue.message.replace(
      /\b(units|accounts)\[(\d+)\]/g,
      (text, list: string, index: string) => {
        const row = rowOf(list, Number(index));
        const file = read.locate([list])?.file;
        return row === undefined || file === undefined ? text : `${file} row ${row}`;
      },
    );
    merged.push({ ...at, message });
  }
  const unitsFile = read.locate(['units'])?.file;
  const rank = (file: string) => (file === unitsFile ? 0 : 1);
  return merged.sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').length - (b.column ?? '').length ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}

/** A CSV registry has problems; `issues` lists every one with its file, row and column. */
export class RegistryCsvError extends SocialReachError {
  /** Every problem, in file, row and column order. */
  readonly issues: readonly CsvIssue[];

  constructor(issues: readonly CsvIssue[]) {
    const noun = issues.length === 1 ? 'problem' : 'problems';
    const listed = issues.slice(0, 20).map((issue) => `  - ${formatCsvIssue(issue)}`);
    if (issues.length > 20) listed.push(`  … and ${issues.length - 20} more`);
    super('INVALID_REGISTRY', `The registry has ${issues.length} ${noun}:\n${listed.join('\n')}`);
    this.name = 'RegistryCsvError';
    this.issues = issues;
  }
}

/** `accounts.csv, row 5, column D (handle): …` */
export function formatCsvIssue(issue: CsvIssue): string {
  return `${formatCsvPosition(issue)}: ${issue.message}`;
}

/** `accounts.csv, row 5, column D (handle)` */
export function formatCsvPosition(at: CsvPosition): string {
  let text = at.file;
  if (at.row !== undefined) text += `, row ${at.row}`;
  if (at.column !== undefined) text += `, column ${at.column} (${at.header})`;
  return text;
}

/** `A` for 0, `Z` for 25, `AA` for 26. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

// ---------------------------------------------------------------------------------------------

/** Which column holds a registry field (`name` → `name_en`, or `name_hi` for its `hi`). */
function columnOf(list: FileKind, field: string, sub: string | number | undefined) {
  if (list === 'units') {
    if (field === 'name') return sub === 'hi' ? 'name_hi' : 'name_en';
    if (field === 'id' || field === 'kind' || field === 'parent') return field;
    return undefined;
  }
  if (field === 'meta') return 'note';
  if (['id', 'unit', 'platform', 'handle', 'status'].includes(field)) return field;
  return undefined;
}

function normalizeHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function readSheet(kind: FileKind, text: string, file: string, issues: CsvIssue[]): Sheet {
  const sheet: Sheet = { file, columns: new Map(), rows: [] };
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const reason = error instanceof Error ? error.message.replace(/^[A-Za-z ]*:\s*/, '') : '';
    issues.push({
      file,
      message: `not readable as CSV${typeof line === 'number' ? ` (near line ${line})` : ''}: ${reason}`,
    });
    return sheet;
  }
  const [header, ...data] = records;
  const { required, optional } = CSV_COLUMNS[kind];
  const known: readonly string[] = [...required, ...optional];
  const expected = `the columns of ${file} are ${required.join(', ')} (required) and ${optional.join(', ')}`;
  if (!header || header.every((cell) => cell.trim() === '')) {
    issues.push({ file, row: 1, message: `the header row is empty: ${expected}` });
    return sheet;
  }
  header.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    if (name === '') {
      // an empty header cell is harmless while its column is empty (checked per row below)
      return;
    }
    const at = { file, row: 1, column: columnLetter(index), header: cell.trim() };
    if (!known.includes(name)) {
      const near = closest(name, known) ?? known.find((k) => k.replace(/_/g, '') === name);
      issues.push({
        ...at,
        message: `unknown column "${cell.trim()}"${near ? ` (did you mean "${near}"?)` : ''}: ${expected}`,
      });
    } else if (sheet.columns.has(name)) {
      issues.push({
        ...at,
        message: `column "${name}" is given twice (first in column ${columnLetter(sheet.columns.get(name)!)})`,
      });
    } else {
      sheet.columns.set(name, index);
    }
  });
  for (const name of required) {
    if (!sheet.columns.has(name)) {
      issues.push({ file, row: 1, message: `missing column "${name}": ${expected}` });
    }
  }
  data.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const row = i + 2;
    cells.forEach((cell, index) => {
      const named = [...sheet.columns.values()].includes(index);
      if (!named && cell.trim() !== '' && !header[index]?.trim()) {
        issues.push({
          file,
          row,
          column: columnLetter(index),
          header: '',
          message: `a value in a column without a header (${quote(cell)})`,
        });
      }
    });
    sheet.rows.push({ row, cells });
  });
  return sheet;
}

/** Reads the cells of one row by column name, noting empty required ones. */
function cellReader(
  sheet: Sheet,
  row: number,
  cells: string[],
  kind: FileKind,
  issues: CsvIssue[],
) {
  const required: readonly string[] = CSV_COLUMNS[kind].required;
  return (name: string): string => {
    const index = sheet.columns.get(name);
    if (index === undefined) return '';
    const value = (cells[index] ?? '').trim();
    if (value === '' && required.includes(name)) {
      issues.push({
        file: sheet.file,
        row,
        column: columnLetter(index),
        header: name,
        message: `empty ${name}: every row needs one`,
      });
    }
    return value;
  };
}

/** The delimiter of the header line: the most frequent of `,`, `;` and tab (`,` on a tie). */
function detectDelimiter(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const count = (char: string) => first.split(char).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const);
  const [best] = [...candidates].sort((a, b) => b[1] - a[1]);
  return best && best[1] > count(',') ? best[0] : ',';
}

function quote(text: string): string {
  const trimmed = text.trim();
  const short = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
  return JSON.stringify(short);
}
