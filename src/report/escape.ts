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

// ---------------------------------------------------------------------------------------------
// Markdown

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Letters (with their marks, as in Devanagari) and digits: an `_` or `@` among them is inert. */
const WORD = /[\p{L}\p{M}\p{N}]/u;

/**
 * A string made safe for a Markdown table cell, heading or list item (CommonMark and GitHub
 * Flavored Markdown), readable as source:
 * - what {@link textCell} does (one line, no controls or bidi overrides), then trimmed, so the
 *   text can neither end a table row nor start a block of its own;
 * - `\` and `|` backslash-escaped, so the row keeps its cells;
 * - `<`, `>` and `&` as entities, so no raw HTML, autolink or entity passes through;
 * - `` ` ``, `*`, `~`, `[` and `]` backslash-escaped (no code spans, emphasis, strikethrough,
 *   links or images); `_` and `@` only where they could start emphasis or a mention, not inside
 *   a word (`Collector_Indore`, `dm@example.in` stay as they are);
 * - a leading `#`, a trailing `#`, and a leading `-`/`+` list marker or `1.` number escaped, so
 *   a note cannot become a heading or a nested list.
 *
 * Bare URLs may still be linked by GitHub's autolinks; the link text is then the URL itself.
 */
export function markdownCell(text: string): string {
  const line = textCell(text).trim();
  const escaped = line.replace(/[\\|`*~[\]<>&]|[_@]/g, (char, offset: number) => {
    const entity = ENTITIES[char];
    if (entity !== undefined) return entity;
    if (char === '_' || char === '@') {
      const before = line[offset - 1];
      const after = line[offset + 1];
      const inWord =
        before !== undefined && WORD.test(before) && (char === '@' || WORD.test(after ?? ''));
      return inWord ? char : `\\${char}`;
    }
    return `\\${char}`;
  });
  return escaped
    .replace(/^#|#$/g, '\\#')
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A string made safe as HTML text or as a quoted attribute value (the reports' HTML emitter and
 * `social-reach/reports`): what {@link textCell} does (one line; no control characters, bidi
 * embeddings, overrides or isolates, which could reorder a row, as in a text table), then `&`,
 * `<`, `>`, `"` and `'` written as character references, so no text can open an element, end an
 * attribute or start an entity. The result reads exactly as the text did, less those invisible
 * characters.
 */
export function htmlText(text: string): string {
  return textCell(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * `JSON.stringify` with two-space indents and a final newline, and `<`, `>`, `&`, U+2028 and
 * U+2029 written as `\u` escapes (as Go's encoding/json does), so the document can sit inside an
 * HTML `<script>` element without closing it; it parses back to exactly the same data. JSON needs
 * nothing else: strings are quoted and escaped by construction, and the report's keys are its own
 * field names and platform ids (lower-case letters, digits and `-`).
 */
export function jsonDocument(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
