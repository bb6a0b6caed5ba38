/**
 * What a report is before it is written: a {@link Table} for people (the text, Markdown and HTML
 * emitters) and {@link Records} for programs (CSV). Both hold data, not
 * presentation: cells are typed values in the report's language, with no padding, escaping or
 * indentation, which each emitter adds in its own way. Internal.
 *
 * @module
 */

import type { Count, CountChange } from '../model/count.js';

/** A report as a table, before it is written. */
export interface Table {
  /** A title above the table, in the report's language. */
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Sentences under the table, in the report's language. */
  readonly notes: readonly string[];
}

/** A column: its label, and what its cells hold (`text` columns start, the others end aligned). */
export interface Column {
  /** In the report's language. */
  readonly label: string;
  readonly kind: 'text' | 'count' | 'change' | 'percent' | 'integer' | 'coverage';
  /**
   * What the column holds, for programs (the HTML emitter's `data-key`): a platform id, `total`,
   * `before`, … Not shown by the text, Markdown and CSV emitters.
   */
  readonly key?: string;
}

/** A row: a unit, or one of a unit's own accounts listed under it. */
export interface Row {
  readonly kind: 'unit' | 'account';
  /**
   * The unit's or account's id, for programs (the HTML emitter's `data-id`). Not shown by the
   * text, Markdown and CSV emitters.
   */
  readonly id?: string;
  /** Depth in the unit tree (an account is one deeper than its unit). */
  readonly depth: number;
  /** One per column. */
  readonly cells: readonly Cell[];
}

/**
 * A cell, by what it holds:
 * - `text`: a name or handle, shown as it is;
 * - `count`: a figure with its precision (`at least 79,500`);
 * - `no-figure`: accounts, none of which has a figure (never shown as zero);
 * - `change`: a signed difference, `about` when its bounds are unknown;
 * - `percent`: a signed percentage;
 * - `integer`: a place in a ranking, a number of accounts;
 * - `coverage`: accounts with a figure out of accounts counted (`2/3`);
 * - `none`: nothing to show (no account on this platform, nothing compared): `—`;
 * - `empty`: not this row's business (an account's cell under another platform).
 */
export type Cell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'count'; readonly count: Count }
  | { readonly kind: 'no-figure' }
  | { readonly kind: 'change'; readonly change: CountChange }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'coverage'; readonly observed: number; readonly of: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'empty' };

/** A report as records for CSV: column names for programs, then one record per line. */
export interface Records {
  /** The same in every language. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly Field[])[];
}

/** A field of a record: a number is a number, a string is text, `null` is empty. */
export type Field = string | number | null;
