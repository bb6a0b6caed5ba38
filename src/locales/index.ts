/**
 * The languages social-reach writes, keyed by BCP 47 language subtag. To add one, write
 * `<language>.ts` holding a {@link Locale} and list it here. Internal.
 *
 * @module
 */

import { en } from './en.js';
import { hi } from './hi.js';
import type { Locale } from './locale.js';

export type { CountWords, Locale, ReportWords } from './locale.js';

/** Every locale, by its language subtag. */
export const LOCALES: Readonly<Record<string, Locale>> = Object.freeze({ en, hi });

/**
 * The words for a BCP 47 tag: the locale of its language (`hi-IN-u-nu-deva` → `hi`), or English
 * when social-reach has none. The region and extensions are for `Intl` (grouping, digits), not
 * for words.
 *
 * @throws {RangeError} When `tag` is not a well-formed language tag (callers turn it into their
 *   own `OptionError`).
 */
export function localeFor(tag: string): Locale {
  const { language } = new Intl.Locale(tag);
  return Object.hasOwn(LOCALES, language) ? LOCALES[language]! : en;
}
