import { csvField, markdownCell, textCell } from './escape.js';

/**
 * A report as a table, before it is rendered: the renderers for text, Markdown and CSV share it.
 * Internal.
 */
export interface Table {
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Lines printed under the table (text, Markdown); left out of CSV. */
  readonly notes: readonly string[];
}

export interface Column {
  /** Shown in text and Markdown, in the report's language. */
  readonly label: string;
  /** Right-aligned in text, `---:` in Markdown. */
  readonly numeric: boolean;
}

export interface Row {
  /** Depth in the unit tree, for indentation in text and Markdown. */
  readonly depth: number;
  readonly cells: readonly string[];
}

/**
 * Display width in a terminal, as wcwidth counts it: one column per code point, except combining
 * marks and format characters (Devanagari matras above or below, the virama, the nukta), which
 * take none.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) if (!ZERO_WIDTH.test(char)) width++;
  return width;
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** An aligned text table; every string is passed through {@link textCell} first. */
export function renderText(table: Table): string {
  const header = table.columns.map((c) => textCell(c.label));
  const body = table.rows.map((row) =>
    row.cells.map((cell, i) => (i === 0 ? '  '.repeat(row.depth) : '') + textCell(cell)),
  );
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...body.map((cells) => displayWidth(cells[i] ?? ''))),
  );
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - displayWidth(text));
    return table.columns[i]!.numeric ? gap + text : text + gap;
  };
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  const out = [
    textCell(table.title),
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ];
  if (table.notes.length) out.push('', ...table.notes.map(textCell));
  return `${out.join('\n')}\n`;
}

/** A GitHub Flavored Markdown table; every string is passed through {@link markdownCell} first. */
export function renderMarkdown(table: Table): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    `### ${markdownCell(table.title)}`,
    '',
    line(table.columns.map((c) => markdownCell(c.label))),
    line(table.columns.map((c) => (c.numeric ? '---:' : '---'))),
    ...table.rows.map((row) =>
      line(
        row.cells.map((cell, i) =>
          // Indented after escaping, which trims: no-break spaces, as GFM trims plain ones.
          i === 0 ? '\u00a0\u00a0'.repeat(row.depth) + markdownCell(cell) : markdownCell(cell),
        ),
      ),
    ),
  ];
  if (table.notes.length) out.push('', ...table.notes.map((n) => `- ${markdownCell(n)}`));
  return `${out.join('\n')}\n`;
}

/**
 * RFC 4180: CRLF line ends; fields with a comma, quote, CR or LF are quoted, quotes doubled. A
 * number is a number and a string is text, which is neutralised if it starts like a formula (see
 * {@link csvField}): the types of the cells, not their look, decide.
 */
export function renderCsv(
  header: readonly string[],
  records: readonly (readonly (string | number | null)[])[],
): string {
  return `${[header, ...records].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
