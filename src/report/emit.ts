/**
 * The report's formats, one function each: {@link emitText}, {@link emitMarkdown} and
 * {@link emitHtml} write a {@link Table} for people, {@link emitCsv} writes {@link Records} for
 * spreadsheets, {@link emitJson} a document for programs. Every string goes through its format's
 * escaping (escape.ts) here, and only here. Internal.
 *
 * @module
 */

import { countPrecision as countPrecisionOf } from '../model/count.js';
import { type CellStyle, rowTexts } from './cells.js';
import { csvField, htmlText, jsonDocument, markdownCell, textCell } from './escape.js';
import type { Cell, Column, Records, Table } from './table.js';

/** An aligned text table; every string is passed through {@link textCell} first. */
export function emitText(table: Table, style: CellStyle): string {
  const header = table.columns.map((c) => textCell(c.label));
  const body = table.rows.map((row) =>
    rowTexts(row, style).map((text, i) => (i === 0 ? '  '.repeat(row.depth) : '') + textCell(text)),
  );
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...body.map((cells) => displayWidth(cells[i] ?? ''))),
  );
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - displayWidth(text));
    return alignsEnd(table.columns[i]!) ? gap + text : text + gap;
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
export function emitMarkdown(table: Table, style: CellStyle): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    `### ${markdownCell(table.title)}`,
    '',
    line(table.columns.map((c) => markdownCell(c.label))),
    line(table.columns.map((c) => (alignsEnd(c) ? '---:' : '---'))),
    ...table.rows.map((row) =>
      line(
        rowTexts(row, style).map((text, i) =>
          // Indented after escaping, which trims: no-break spaces, as GFM trims plain ones.
          i === 0 ? '\u00a0\u00a0'.repeat(row.depth) + markdownCell(text) : markdownCell(text),
        ),
      ),
    ),
  ];
  if (table.notes.length) out.push('', ...table.notes.map((n) => `- ${markdownCell(n)}`));
  return `${out.join('\n')}\n`;
}

/**
 * An HTML `<table>` (the title as its caption, column labels in `<thead>`, the row's name as its
 * `<th scope="row">`), then the notes as a list. Every string is passed through {@link htmlText}
 * first; no inline script, event attribute or URL is ever written. Figures keep their raw numbers
 * in data attributes, so a program (or a test) can read what a cell shows without parsing words:
 * `data-value`, `data-min` and `data-max` (absent when unknown) and `data-precision` on counts,
 * `data-value` (and bounds) on changes, percentages and integers, `data-observed`/`data-of` on
 * coverage; a row has `data-id` (the unit's or account's id) and a cell `data-key` (its column's
 * key, e.g. a platform id) when the table model gives them. Indentation is the row's depth as a
 * CSS variable, `--depth`, for the page's stylesheet to use.
 */
export function emitHtml(table: Table, style: CellStyle): string {
  // The row's name: the first text column (a ranking starts with the place).
  const nameColumn = Math.max(
    0,
    table.columns.findIndex((c) => c.kind === 'text'),
  );
  const keyAttribute = (column: Column | undefined) =>
    column?.key === undefined ? '' : ` data-key="${htmlText(column.key)}"`;
  const header = table.columns
    .map(
      (c) =>
        `<th scope="col" class="${alignsEnd(c) ? 'num' : 'text'}"${keyAttribute(c)}>${htmlText(c.label)}</th>`,
    )
    .join('');
  const body = table.rows.map((row) => {
    const texts = rowTexts(row, style);
    const cells = row.cells.map((cell, i) => {
      const column = table.columns[i];
      const text = htmlText(texts[i] ?? '');
      const data = keyAttribute(column) + cellData(cell);
      if (i === nameColumn) {
        return `<th scope="row" class="name" style="--depth:${row.depth}"${data}>${text}</th>`;
      }
      return `<td class="${column && alignsEnd(column) ? 'num' : 'text'}"${data}>${text}</td>`;
    });
    const id = row.id === undefined ? '' : ` data-id="${htmlText(row.id)}"`;
    return `<tr class="${row.kind}"${id}>${cells.join('')}</tr>`;
  });
  const out = [
    `<table><caption>${htmlText(table.title)}</caption>`,
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody></table>`,
  ];
  if (table.notes.length) {
    out.push(
      `<ul class="notes">${table.notes.map((n) => `<li>${htmlText(n)}</li>`).join('')}</ul>`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** A cell's raw figures as data attributes (see {@link emitHtml}); numbers only, never text. */
function cellData(cell: Cell): string {
  const attributes: [string, number | string | null][] = [];
  switch (cell.kind) {
    case 'count':
      attributes.push(
        ['value', cell.count.value],
        ['min', cell.count.min],
        ['max', cell.count.max],
        ['precision', countPrecisionOf(cell.count)],
      );
      break;
    case 'change':
      attributes.push(
        ['value', cell.change.value],
        ['min', cell.change.min],
        ['max', cell.change.max],
      );
      break;
    case 'percent':
    case 'integer':
      attributes.push(['value', cell.value]);
      break;
    case 'coverage':
      attributes.push(['observed', cell.observed], ['of', cell.of]);
      break;
    case 'no-figure':
      attributes.push(['precision', 'none']);
      break;
    default:
      break;
  }
  return attributes
    .filter(([, v]) => v !== null)
    .map(([k, v]) => ` data-${k}="${typeof v === 'number' ? String(v) : htmlText(v!)}"`)
    .join('');
}

/**
 * RFC 4180: CRLF line ends; fields with a comma, quote, CR or LF are quoted, quotes doubled. A
 * number is a number and a string is text, which is neutralised if it starts like a formula (see
 * {@link csvField}): the types of the fields, not their look, decide.
 */
export function emitCsv(records: Records): string {
  const lines = [records.header, ...records.rows].map((r) => r.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON, safe inside an HTML `<script>` element (see {@link jsonDocument}). */
export function emitJson(document: unknown): string {
  return jsonDocument(document);
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

/** Figures align at the end (right in text, `---:` in Markdown); names at the start. */
function alignsEnd(column: Column): boolean {
  return column.kind !== 'text';
}
