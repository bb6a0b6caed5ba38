import { OptionError } from '../errors.js';
import { type Locale, localeFor, withDigits } from '../locales/index.js';
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
   * A BCP 47 tag of a supported language (`en`, `hi`, `mr`, `gu`, `bn`, `pa`, `or`, `ta`, `te`,
   * `kn`, `ml`, `ur`, `as`): its language chooses the words (labels, notes, platform names; unit
   * names in Hindi for `hi`, in English for the others, as registries hold them), the whole tag
   * the numbers and dates (`hi-IN-u-nu-deva` for Devanagari digits).
   * @default 'en-IN'
   */
  locale?: string;
  /**
   * `locale` (the tag's digits), `latin` (0–9) or `native` (the language's script); see
   * `FormatCountOptions.digits`.
   * @default 'locale'
   */
  digits?: 'locale' | 'latin' | 'native';
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

const KNOWN = ['format', 'locale', 'digits', 'notation', 'title', 'bom'];

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
  const {
    format = 'text',
    locale = 'en-IN',
    digits = 'locale',
    notation = 'standard',
    title,
    bom = false,
  } = options;
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
  // Checks the locale (a non-empty tag of a supported language), the digits and the notation,
  // with their own messages.
  describeCount({ value: 0, min: 0, max: 0 }, { locale, notation, digits });
  const tag = withDigits(locale, digits);
  return { format, locale: tag, words: localeFor(tag), notation, title, bom };
}
