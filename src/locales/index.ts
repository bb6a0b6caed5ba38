/**
 * The languages social-reach writes and reads, keyed by BCP 47 language subtag. To add one, write
 * `<language>.ts` holding a {@link Locale} and list it here. Internal.
 *
 * @module
 */

import { as } from './as.js';
import { bn } from './bn.js';
import { en } from './en.js';
import { gu } from './gu.js';
import { hi } from './hi.js';
import { kn } from './kn.js';
import { byLanguage } from './languages.js';
import type { Locale } from './locale.js';
import { ml } from './ml.js';
import { mr } from './mr.js';
import { or } from './or.js';
import { pa } from './pa.js';
import { ta } from './ta.js';
import { te } from './te.js';
import { ur } from './ur.js';

export { isLanguage, LANGUAGES, type Language } from './languages.js';
export type {
  CommandWords,
  CountWords,
  Locale,
  ParseWords,
  PeriodKey,
  PlatformKey,
  PlatformWords,
  ReportWords,
} from './locale.js';

/** Every locale, by its language subtag, in the order of `LANGUAGES` (languages.ts). */
export const LOCALES: Readonly<Record<string, Locale>> = byLanguage<Locale>({
  en,
  hi,
  mr,
  gu,
  bn,
  pa,
  or,
  ta,
  te,
  kn,
  ml,
  ur,
  as,
});

/** The supported languages in words, for error messages: `en (English), hi (Hindi), …`. */
export const SUPPORTED_LANGUAGES = Object.values(LOCALES)
  .map((locale) => `${locale.language} (${locale.englishName})`)
  .join(', ');

/**
 * The words for a BCP 47 tag: the locale of its language (`hi-IN-u-nu-deva` → `hi`). The region
 * and extensions are for `Intl` (grouping, digits), not for words.
 *
 * @throws {RangeError} When `tag` is not a well-formed language tag, or its language has no file
 *   here: the message lists the supported languages (callers turn it into their own
 *   `OptionError`). No language falls back to English silently.
 */
export function localeFor(tag: string): Locale {
  const { language } = new Intl.Locale(tag);
  if (Object.hasOwn(LOCALES, language)) return LOCALES[language]!;
  throw new RangeError(
    `No words for the language "${language}"; supported: ${SUPPORTED_LANGUAGES}`,
  );
}

/** How figures are written: the tag's own digits, Latin digits, or the language's native ones. */
export type DigitsOption = 'locale' | 'latin' | 'native';

/**
 * The tag `Intl` is given for `digits`: unchanged for `locale`, with `-u-nu-latn` for `latin`,
 * with the language's CLDR native numbering system (`-u-nu-tamldec`) for `native`.
 *
 * @throws {RangeError} As {@link localeFor}.
 */
export function withDigits(tag: string, digits: DigitsOption): string {
  const words = localeFor(tag);
  if (digits === 'locale') return tag;
  const numberingSystem = digits === 'latin' ? 'latn' : words.nativeDigits;
  return new Intl.Locale(tag, { numberingSystem }).toString();
}
