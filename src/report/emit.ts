/**
 * The report's formats, one function each: {@link emitText} and {@link emitMarkdown} write a
 * {@link Table} for people, {@link emitCsv} writes {@link Records} for spreadsheets,
 * {@link emitJson} a document for programs. Every string goes through its format's escaping
 * (escape.ts) here, and only here. Internal.
 *
 * @module
 */

import { type CellStyle, rowTexts } from './cells.js';
import { csvField, jsonDocument, markdownCell, textCell } from './escape.js';
import type { Column, Records, Table } from './table.js';

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
