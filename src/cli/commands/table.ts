/**
 * A small table writer for the reports `renderReport` does not make yet (`series`, `check`): text
 * aligned by display width, GitHub Markdown, or RFC 4180 CSV. Every cell is treated as hostile, by
 * the rules of the library's report escaping (docs/aggregation.md, "Hostile text"): one line, no
 * controls or bidi overrides; Markdown syntax escaped; a CSV cell that starts like a formula made
 * text.
 */

/** Breaks of every kind and tabs become a space; controls and bidi embeddings go. */
function textCell(text: string): string {
  return text
    .replace(/\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '');
}

function markdownCell(text: string): string {
  return textCell(text)
    .trim()
    .replace(/[\\|`*_~[\]]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)
    .replace(/^([#+-])/, '\\$1');
}

const FORMULA_START = /^[\t\n\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

function csvCell(text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Columns a terminal gives a string: combining marks (Devanagari matras) and format characters take none. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) if (!/[\p{Mn}\p{Me}\p{Cf}]/u.test(char)) width++;
  return width;
}

/**
 * Writes a table: the first column aligned at the start, the others (figures) at the end.
 * `title` heads text and Markdown; `bom` starts a CSV with U+FEFF (for Excel).
 */
export function renderTable(
  format: 'text' | 'markdown' | 'csv',
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { title?: string; bom?: boolean } = {},
): string {
  if (format === 'csv') {
    const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
    return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
  }
  if (format === 'markdown') {
    const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
    return `${[
      ...(options.title ? [`### ${markdownCell(options.title)}`, ''] : []),
      line(header),
      `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
      ...rows.map(line),
    ].join('\n')}\n`;
  }
  const cells = [header, ...rows].map((row) => row.map(textCell));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const gap = ' '.repeat(widths[i]! - displayWidth(cell));
        return i === 0 ? cell + gap : gap + cell;
      })
      .join('  ')
      .trimEnd();
  const [head = [], ...body] = cells;
  return `${[
    ...(options.title ? [textCell(options.title)] : []),
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n')}\n`;
}
