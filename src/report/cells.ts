import type { Locale } from '../locales/index.js';
import { describeCount, formatCount } from '../numbers/format-count.js';
import type { Cell, Row } from './table.js';

/**
 * How the cells of a {@link Table} read: the language's words, and the locale and notation of
 * the figures. Internal.
 */
export interface CellStyle {
  readonly words: Locale;
  /** A BCP 47 tag for `Intl`: `en-IN`, `hi-IN`, `hi-IN-u-nu-deva`. */
  readonly locale: string;
  readonly notation: 'standard' | 'compact';
}

/**
 * A row's cells as words and figures, for people (text, Markdown, HTML): an account's row starts
 * with `· `. Not escaped: each emitter escapes for its format.
 */
export function rowTexts(row: Row, style: CellStyle): string[] {
  return row.cells.map((cell, i) => {
    const text = cellText(cell, style);
    return i === 0 && row.kind === 'account' ? `· ${text}` : text;
  });
}

/** One cell as words and figures (see {@link Cell}). */
export function cellText(cell: Cell, style: CellStyle): string {
  const numbers = { locale: style.locale, notation: style.notation };
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'count':
      return describeCount(cell.count, numbers);
    case 'no-figure':
      return style.words.count.noFigure;
    case 'change': {
      const { value, min, max } = cell.change;
      // U+2212 MINUS SIGN: a change is read by people here, never by spreadsheets (CSV has the
      // number).
      const sign = value > 0 ? '+' : value < 0 ? '−' : '';
      const figure = `${sign}${formatCount(Math.abs(value), numbers)}`;
      return min === null && max === null && value !== 0 ? style.words.count.about(figure) : figure;
    }
    case 'percent':
      return `${percentFormat(style.locale).format(cell.value)}%`;
    case 'integer':
      return String(cell.value);
    case 'coverage':
      return `${cell.observed}/${cell.of}`;
    case 'none':
      return '—';
    case 'empty':
      return '';
  }
}

// One formatter per locale: building an Intl.NumberFormat costs far more than using one.
const percentFormats = new Map<string, Intl.NumberFormat>();

function percentFormat(locale: string): Intl.NumberFormat {
  let format = percentFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    if (percentFormats.size >= 64) percentFormats.clear();
    percentFormats.set(locale, format);
  }
  return format;
}
