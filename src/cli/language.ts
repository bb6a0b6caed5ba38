/**
 * `--lang`: the language a command writes its words, names and figures in — every language of the
 * library (src/locales), each written with the figures of its Indian locale (`ta` → `ta-IN`).
 */
import { isLanguage, LANGUAGES, LOCALES, type Locale, withDigits } from '../locales/index.js';
import { type FlagSpec, type ParsedArgs, stringFlag } from './args.js';
import { UsageError } from './errors.js';

/** The supported codes with their names: `en (English), hi (Hindi), …`, as the library lists them. */
const SUPPORTED = LANGUAGES.map((code) => `${code} (${LOCALES[code]!.englishName})`);

/** `--lang <language>`; its help lists every supported code, a few to a line. */
export const LANG_FLAG: FlagSpec = {
  type: 'string',
  value: 'language',
  help: `Words, names and figures in this language (default: en):\n${SUPPORTED.reduce<string[]>(
    (lines, entry, i) => {
      if (i % 4 === 0) lines.push(entry);
      else lines[lines.length - 1] += `, ${entry}`;
      return lines;
    },
    [],
  ).join(',\n')}.`,
};

/** `--digits`: the digits of figures, whatever the language's default. */
export const DIGITS_FLAG: FlagSpec = {
  type: 'string',
  value: 'digits',
  choices: ['locale', 'latin', 'native'],
  help: "locale (default: the language's usual digits, as CLDR gives them),\nlatin (0-9, as many offices write in regional-language text)\nor native (the script's own digits: ०१२, ௦௧௨, ۰۱۲).",
};

/** The language `--lang` asks for. */
export interface CommandLanguage {
  /** The words of the language (src/locales). */
  readonly words: Locale;
  /** The tag figures and dates are written with: `hi-IN`, `ur-IN`, `mr-IN-u-nu-latn`. */
  readonly locale: string;
}

/**
 * `--lang` (with `--digits`, if the command has it), checked: an unknown code is a usage error listing the supported ones (with their
 * names, as the library's `OptionError` for an unknown locale does).
 */
export function languageOf(args: ParsedArgs, command: string): CommandLanguage {
  const given = stringFlag(args, 'lang') ?? 'en';
  if (!isLanguage(given)) {
    throw new UsageError(
      `Expected --lang <language> to be a supported language's code, got "${given.slice(0, 40)}"; supported: ${SUPPORTED.join(', ')}`,
      command,
    );
  }
  const digits = (stringFlag(args, 'digits') ?? 'locale') as 'locale' | 'latin' | 'native';
  return { words: LOCALES[given]!, locale: withDigits(`${given}-IN`, digits) };
}
