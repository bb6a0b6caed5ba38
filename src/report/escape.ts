/**
 * Escaping of report cells, one function per output format. Everything a report shows may be
 * hostile: unit names come from registries, handles and labels from users, notes from people and
 * servers. The table renderers pass every string (title, labels, cells, notes) through these.
 * Internal.
 *
 * @module
 */

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * A text cell a spreadsheet would run as a formula: OWASP's CSV-injection list (`=`, `+`, `-`,
 * `@`, tab, carriage return) plus line feed, their fullwidth forms (Excel reads `＝` as `=` in
 * East Asian locales), and any of them after leading spaces, which some importers skip.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[\t\n\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * One RFC 4180 field. A number is written as a bare decimal (`-1200`, `0.5`), never quoted or
 * prefixed, so a spreadsheet reads it as a number and a column of them sums; a signed decimal is a
 * constant, not a formula. A string is text: if it starts like a formula it gets a leading `'`
 * (shown in the cell, and the signal for spreadsheets to treat it as text) and is quoted; a field
 * with a comma, quote, CR or LF is quoted, quotes doubled. Text is otherwise written as it came,
 * so the CSV keeps the data. `null` is an empty field.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  // Counts and percentages are finite; a non-finite number would be the text "NaN" or
  // "-Infinity", so it goes the way of text.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Line and paragraph breaks of every kind, and the tab, which terminals expand unpredictably. */
const BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * Control characters (C0, DEL, C1: terminal escape sequences start with ESC) and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can reorder the rest
 * of a line and make a row read differently from what it holds ("Trojan Source",
 * CVE-2021-42574). The marks LRM, RLM and ALM stay: they have no scope, like any letter of their
 * direction. ZWJ and ZWNJ stay: Hindi needs them to choose conjunct forms.
 */
const INVISIBLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * A string made safe for one line of a text table: breaks and tabs become a space; control
 * characters and bidi embeddings, overrides and isolates are removed.
 */
export function textCell(text: string): string {
  return text.replace(BREAKS, ' ').replace(INVISIBLE, '');
}
