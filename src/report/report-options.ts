import { OptionError } from '../errors.js';
import { type Locale, localeFor } from '../locales/index.js';
import { describeCount } from '../numbers/format-count.js';
import type { CellStyle } from './cells.js';

/** Output formats of `renderReport`. */
export type ReportFormat = 'text' | 'markdown' | 'csv' | 'json';

const FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'csv', 'json'];

/** Options of `renderReport`. */
export interface RenderReportOptions {
  /**
   * `text` (an aligned table), `markdown` (a GitHub Flavored Markdown table), `csv` (RFC 4180) or
   * `json`.
   * @default 'text'
   */
  format?: ReportFormat;
  /**
   * A BCP 47 tag: its language chooses the words (labels, notes, unit names: English and Hindi
   * today, English for others), the whole tag the numbers and dates (`hi-IN-u-nu-deva` for
   * Devanagari digits).
   * @default 'en-IN'
   */
  locale?: string;
  /** `standard` (`2,03,500`) or `compact` (`2.04 lakh`) figures in text and Markdown. @default 'standard' */
  notation?: 'standard' | 'compact';
  /** A title above the table (text and Markdown). @default a title naming the report and its date */
  title?: string;
  /**
   * Start the CSV with a UTF-8 byte-order mark (U+FEFF), so that Excel on Windows reads the file
   * as UTF-8 and shows Hindi names instead of mojibake. Only for `format: 'csv'`: JSON must not
   * start with one (RFC 8259), and it would hide a Markdown heading.
   * @default false
   * @example
   * ```ts
   * writeFileSync('totals.csv', renderReport(report, { format: 'csv', locale: 'hi-IN', bom: true }));
   * ```
   */
  bom?: boolean;
}

/** {@link RenderReportOptions} checked, with every default filled in. Internal. */
export interface ResolvedReportOptions extends CellStyle {
  readonly format: ReportFormat;
  readonly locale: string;
  /** The words of the locale's language (src/locales): labels, titles, notes, precision. */
  readonly words: Locale;
  readonly notation: 'standard' | 'compact';
  readonly title: string | undefined;
  readonly bom: boolean;
}

const KNOWN = ['format', 'locale', 'notation', 'title', 'bom'];

/** Checks the options of `renderReport` once, saying what was expected, and fills in the defaults. */
export function resolveReportOptions(
  options: RenderReportOptions | undefined,
): ResolvedReportOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError('options', 'an object or undefined', options);
  }
  for (const key of Object.keys(options)) {
    // A misspelt key (`fromat: 'csv'`) would otherwise give a text table without a word.
    if (!KNOWN.includes(key)) {
      throw new OptionError(
        key,
        `absent: renderReport's options are ${KNOWN.map((k) => `\`${k}\``).join(', ')}`,
        (options as Record<string, unknown>)[key],
      );
    }
  }
  const { format = 'text', locale = 'en-IN', notation = 'standard', title, bom = false } = options;
  if (!FORMATS.includes(format)) {
    throw new OptionError('format', '"text", "markdown", "csv" or "json"', format);
  }
  if (title !== undefined && typeof title !== 'string') {
    throw new OptionError('title', 'a string or undefined', title);
  }
  if (typeof bom !== 'boolean') throw new OptionError('bom', 'true or false', bom);
  if (bom && format !== 'csv') {
    throw new OptionError(
      'bom',
      `false or absent with format "${format}" (a byte-order mark is written only in CSV)`,
      bom,
    );
  }
  // Checks the locale (a non-empty tag Intl knows) and the notation, with their own messages.
  describeCount({ value: 0, min: 0, max: 0 }, { locale, notation });
  return { format, locale, words: localeFor(locale), notation, title, bom };
}
