/**
 * The languages social-reach writes and reads: the one list of their codes (BCP 47 language
 * subtags), which the words of the library (src/locales/index.ts), of the visual reports
 * (src/visual/words.ts) and the command's `--lang` all follow. It imports no words, so that each
 * table can be built from it without loading the others. Internal.
 *
 * @module
 */

/** The supported languages, in the order messages and help list them. */
export const LANGUAGES = [
  'en',
  'hi',
  'mr',
  'gu',
  'bn',
  'pa',
  'or',
  'ta',
  'te',
  'kn',
  'ml',
  'ur',
  'as',
] as const;

/** A supported language's code: `en`, `hi`, `ta`, … */
export type Language = (typeof LANGUAGES)[number];

/**
 * A table with one entry per language, in the order of {@link LANGUAGES}, frozen. The compiler
 * refuses a table that misses a language or holds one more, so that no table drifts from the list.
 */
export function byLanguage<T>(
  entries: { readonly [L in Language]: T },
): Readonly<Record<Language, T>> {
  return Object.freeze(
    Object.fromEntries(LANGUAGES.map((language) => [language, entries[language]])) as Record<
      Language,
      T
    >,
  );
}

/** Whether `code` is a supported language's code. */
export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}
