/**
 * The shape of a language: every word social-reach writes that is not data. One file per
 * language (`en.ts`, `hi.ts`) holds a {@link Locale}, and `index.ts` keys them by BCP 47 language
 * subtag, as zod keeps `v4/locales/*.ts`: adding a language is adding its file and one line in
 * the registry. Internal (not exported from the package).
 *
 * Written with the eleven languages to come in mind (Marathi, Gujarati, Bengali, Punjabi, Odia,
 * Tamil, Telugu, Kannada, Malayalam, Urdu, Assamese):
 * - every phrase that holds a figure or a list is a function, because word order differs
 *   (`at least 5,000` / `5,000 से अधिक`) and so do list separators (Urdu writes `،`);
 * - figures arrive already written by `Intl.NumberFormat` in the caller's locale (Indian
 *   grouping, `लाख`, native digits with `-u-nu-…`): a locale never formats numbers itself;
 * - right-to-left text (Urdu) gets no embeddings or isolates: the reports' escaping removes them
 *   from every string they write, these words included; the marks LRM, RLM and ALM stay.
 *
 * Not here yet: `parseCount`'s vocabulary (number words 0–99, multipliers such as लाख and करोड़,
 * fraction words such as डेढ़ and साढ़े, qualifier phrases such as `से अधिक`, audience words),
 * which src/numbers/count-words.ts keeps as English and Hindi tables, and the digits
 * src/numbers/count-tokens.ts reads (Latin and Devanagari). With the next languages each locale
 * gets a `parse` section holding them (`parse: { numbers, multipliers, fractions, leading,
 * trailing, audience }`), and count-words.ts builds its tables from every registered locale.
 * Platform names stay in the platform catalog (src/model/platform.ts), unit names in the
 * registry.
 *
 * @module
 */

/** Every word social-reach writes in one language. */
export interface Locale {
  /** The BCP 47 language subtag this file is for, its key in the registry: `en`, `hi`. */
  readonly language: string;
  /**
   * Which of the registry's names to show: units, account labels and platforms have an English
   * name and may have a Hindi one (`LocalizedName`, `Bilingual`). A language whose names the
   * registry does not hold yet shows the English ones.
   */
  readonly names: 'en' | 'hi';
  /** A count's figure with its precision (`describeCount`, report cells). */
  readonly count: CountWords;
  /**
   * `checkClaim`'s verdicts in words, for reports of claims (the command's `check`). The keys are
   * `ClaimCheck['verdict']`, written out: the words sit below the numbers that use them, so this
   * file imports nothing from `src/numbers` (a type test keeps the two lists equal).
   */
  readonly verdict: Readonly<Record<'consistent' | 'overstated' | 'understated', string>>;
  /** Titles, column labels and notes of `renderReport`'s text and Markdown tables. */
  readonly report: ReportWords;
}

/**
 * The words around a figure. Every argument is a figure already written by `Intl.NumberFormat`,
 * or (for `aboutWithin`) bounds already described by `atLeast`, `atMost` or `between`.
 */
export interface CountWords {
  /** No bounds known: `about 77,000`. */
  about(figure: string): string;
  /** A lower bound: `at least 2,03,500`. */
  atLeast(figure: string): string;
  /** An upper bound: `at most 5,000`. */
  atMost(figure: string): string;
  /** Both bounds: `between 3,62,00,000 and 3,62,99,999`. */
  between(low: string, high: string): string;
  /** A value that is not one of its bounds: `about 50 (at least 10)`. */
  aboutWithin(figure: string, bounds: string): string;
  /** Accounts, none of them with a figure (never written as zero): `no figure`. */
  readonly noFigure: string;
}

/** The words of a report's tables. */
export interface ReportWords {
  /** Column: the unit (or account) a row is about. */
  readonly unit: string;
  /** Column: the sum over platforms; also the ranking's measure when no platform is given. */
  readonly total: string;
  /** Column: accounts with a figure out of the accounts counted, `2/3`. */
  readonly withFigures: string;
  /** Column: a place in the ranking. */
  readonly rank: string;
  /** Column: the earlier figure of a growth report. */
  readonly before: string;
  /** Column: the later figure of a growth report. */
  readonly after: string;
  /** Column: `after - before`. */
  readonly change: string;
  /** Column: the change in per cent of `before`. */
  readonly percent: string;
  /** Column: accounts observed at both dates. */
  readonly compared: string;
  /** Title of totals; `asOf` is the date written by `Intl.DateTimeFormat`, when there is one. */
  totalsTitle(asOf: string | undefined): string;
  /** Title of a ranking by `measure` (a platform's name, or {@link ReportWords.total}). */
  rankingTitle(measure: string): string;
  /** Title of growth. */
  readonly growthTitle: string;
  /** Note: accounts without a figure, each written `<platform> <handle>`. */
  missingNote(accounts: readonly string[]): string;
  /** Note: planned accounts, each written `<platform> (<unit>)`. */
  plannedNote(accounts: readonly string[]): string;
  /** Note: what the precision words mean. */
  readonly precisionNote: string;
  /** Note under a ranking with accounts missing. */
  readonly rankingNote: string;
  /** Note under growth with accounts observed at one date only. */
  readonly growthNote: string;
}
