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
 * `parseCount`'s vocabulary: English and Hindi keep their older tables in
 * src/numbers/count-words.ts; every other language holds its words in the `parse` section of its
 * file ({@link ParseWords}), each with its source, and count-words.ts builds one table from them
 * all. Unit names stay in the registry (English and Hindi), platform names of custom platforms in
 * the platform catalog (src/model/platform.ts); built-in platforms are named by each locale.
 *
 * @module
 */

/** Every word social-reach writes in one language. */
export interface Locale {
  /** The BCP 47 language subtag this file is for, its key in the registry: `en`, `hi`. */
  readonly language: string;
  /** The language's name in English, for messages: `Marathi`. */
  readonly englishName: string;
  /**
   * Which of the registry's names to show: units, account labels and platforms have an English
   * name and may have a Hindi one (`LocalizedName`, `Bilingual`). A language whose names the
   * registry does not hold yet shows the English ones.
   */
  readonly names: 'en' | 'hi';
  /**
   * The numbering system of the language's own digits in CLDR (`otherNumberingSystems/native`):
   * `deva`, `beng`, `tamldec`, `arabext`, … — what `digits: 'native'` asks `Intl` for. The default
   * digits stay CLDR's default for the tag (Latin for Gujarati, Bengali digits for Bengali).
   */
  readonly nativeDigits: string;
  /** The names of the built-in platforms (custom platforms keep their catalog name). */
  readonly platforms: PlatformWords;
  /** A count's figure with its precision (`describeCount`, report cells). */
  readonly count: CountWords;
  /**
   * `checkClaim`'s verdicts in words, for reports of claims (the command's `check`). The keys are
   * `ClaimCheck['verdict']`, written out: the words sit below the numbers that use them, so this
   * file imports nothing from `src/numbers` (a type test keeps the two lists equal).
   */
  readonly verdict: Readonly<Record<'consistent' | 'overstated' | 'understated', string>>;
  /** The words of the command's own tables (`social-reach series` and `check`). */
  readonly command: CommandWords;
  /** Titles, column labels and notes of `renderReport`'s text and Markdown tables. */
  readonly report: ReportWords;
  /**
   * What `parseCount` reads in this language besides digits; absent for English and Hindi, whose
   * words are in src/numbers/count-words.ts.
   */
  readonly parse?: ParseWords;
  /** Anomalies and milestones (`seriesEvents`, `renderReport({ registry, events })`). */
  readonly events: EventWords;
}

/**
 * The ids of the built-in platforms, written out (a type test keeps them equal to
 * `BuiltInPlatformId`): this folder imports nothing from the model.
 */
export type PlatformKey =
  | 'x'
  | 'facebook'
  | 'instagram'
  | 'youtube'
  | 'telegram'
  | 'mastodon'
  | 'bluesky'
  | 'threads'
  | 'linkedin'
  | 'whatsapp'
  | 'koo'
  | 'podcast';

/** The name of every built-in platform in one language. */
export type PlatformWords = Readonly<Record<PlatformKey, string>>;

/**
 * The vocabulary `parseCount` reads in one language. Every list is words separated by spaces; a
 * phrase of several words joins them with `_` (`से_अधिक`). Words are normalised as the input is
 * (NFD, nukta and joiners dropped, Malayalam chillus and Arabic vowel marks folded), so spelling
 * variants that differ only there need no second entry. A word may appear in several languages
 * only with one meaning (a test checks it).
 */
export interface ParseWords {
  /** Number words: `[value, 'spelling spelling…']`. */
  readonly numbers: readonly (readonly [number, string])[];
  /** Multipliers (thousand, lakh, crore, CLDR's compact words): `[value, 'spellings']`. */
  readonly multipliers: readonly (readonly [number, string])[];
  /** Words that are a whole fraction, like डेढ़: `[1.5, 'spellings']` (a multiple of ¼). */
  readonly fractions?: readonly (readonly [number, string])[];
  /** Words before a number: N + ¼ (सवा), N + ½ (साढ़े), N − ¼ (पौने). */
  readonly prefixes?: {
    readonly plusQuarter?: string;
    readonly plusHalf?: string;
    readonly minusQuarter?: string;
  };
  /** Phrases before a figure: `total`, `approx` (about), `lower` (at least), `upper` (at most). */
  readonly leading: Readonly<Partial<Record<'total' | 'approx' | 'lower' | 'upper', string>>>;
  /**
   * Phrases after a figure: `lower` (more than), `upper` (less than), `approx` (or so), `among`
   * (closing a range: "between"), `audience` (followers, people), ignored.
   */
  readonly trailing: Readonly<
    Partial<Record<'lower' | 'upper' | 'approx' | 'among' | 'audience', string>>
  >;
  /** Words joining the two figures of a range, like "to" (a dash always does). */
  readonly rangeWords?: string;
  /**
   * Written forms that fuse a multiplier with a case ending or a postposition, read as the words
   * they stand for: `{ 'लाखांहून': 'लाख हून' }`, so that `हून_अधिक` can be a trailing phrase.
   */
  readonly inflected?: Readonly<Record<string, string>>;
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

/**
 * The periods of a series, written out (a type test keeps them equal to `Period` of
 * src/util/time-zone.ts): this folder imports nothing from the rest of the library.
 */
export type PeriodKey = 'day' | 'week' | 'month' | 'quarter' | 'fiscal-year';

/** The words of the command's own tables: `social-reach series` and `social-reach check`. */
export interface CommandWords {
  /** Title of `series`' text and Markdown table by its interval (the command adds the time zone). */
  readonly seriesTitle: Readonly<Record<PeriodKey, string>>;
  /** Column: the period of a row of `series`. */
  readonly period: string;
  /** Label of `check`'s first line: the claim as given. */
  readonly claim: string;
  /** Label of `check`'s second line: the unit's total computed from the store. */
  readonly computed: string;
  /** Label of `check`'s last line: the verdict (in {@link Locale.verdict}'s words). */
  readonly verdict: string;
  /** After the claim: its unit's name and the time of the figures (written by `Intl`). */
  claimFor(unit: string, asOf: string): string;
  /**
   * After the computed total: how many accounts it counts, and when some have no figure, that it
   * is a lower bound. `figure` writes a number in the report's digits.
   */
  fromAccounts(observed: number, accounts: number, figure: (n: number) => string): string;
  /** After a verdict other than consistent: how far the claim is off (`7.1%`, written by `Intl`). */
  off(percent: string): string;
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
  /** Column: the best and worst places the figures' bounds allow, `1–3` (or `2` when certain). */
  readonly places: string;
  /** Note under a ranking with places that are not certain: what the places column means. */
  readonly placesNote: string;
  /** Note: units not ranked for too few accounts with figures, each written `<unit> (2/5)`. */
  apartNote(units: readonly string[]): string;
  /** Note: units not ranked for want of a figure to rank them by. */
  noFigureNote(units: readonly string[]): string;
  /** Column and measure of a growth ranking by percent. */
  readonly changePercent: string;
  /**
   * Note: the sources of one account's figure disagree; `account` is `<platform> <handle>` or the
   * account's label, each source `<source>: <figure>`.
   */
  sourcesDisagree(account: string, sources: readonly string[]): string;
}

/** The words of the report of anomalies and milestones (`seriesEvents`). */
export interface EventWords {
  /** Title of the report. */
  readonly title: string;
  /** Column: the date of the event. */
  readonly date: string;
  /** Column: what happened. */
  readonly event: string;
  /** A rise of `percent` (written with its sign) from `from` to `to`. */
  jump(percent: string, from: string, to: string): string;
  /** A fall of `percent` (written with its sign) from `from` to `to`. */
  drop(percent: string, from: string, to: string): string;
  /** A figure (`from`) that fell to zero. */
  zero(from: string): string;
  /** A figure unchanged for `days` days, until `until` (a date). */
  stale(figure: string, days: number, until: string): string;
  /** Crossed a round figure, written in words by `Intl` (`1 lakh`, `1 करोड़`). */
  milestone(figure: string): string;
  /** Note when there is nothing to report. */
  readonly none: string;
}
