/**
 * The shape of the visual reports' words (`social-reach/reports`), in its own file so that each
 * language's file (src/visual/words/<lang>.ts) and the registry (words.ts) can import it without
 * a cycle. Internal.
 *
 * @module
 */

/** The words of the visual reports (`social-reach/reports`): page, sections, charts, workbook. */
export interface VisualWords {
  /** The page's title when none is given: the report is about `unit`. */
  pageTitle(unit: string): string;
  /** Under the title: the date the figures are as of, written by `Intl.DateTimeFormat`. */
  asOf(date: string): string;
  /** Heading of the headline figure. */
  headline(unit: string): string;
  /** Under the headline: accounts with a figure out of the accounts counted, and platforms. */
  headlineCoverage(observed: number, accounts: number, platforms: number): string;
  /** Under the headline when accounts have no figure: the total is a lower bound. */
  readonly headlineMissing: string;
  /** Section headings. */
  readonly sections: {
    readonly totals: string;
    readonly ranking: string;
    readonly growth: string;
    readonly series: string;
    readonly shares: string;
    readonly coverage: string;
    readonly claims: string;
  };
  /** Growth's caption: from and to, dates written by `Intl.DateTimeFormat`. */
  growthPeriod(from: string, to: string): string;
  /** A count's precision in one or two words (the workbook's precision column, chart legends). */
  readonly precision: {
    readonly exact: string;
    readonly 'at-least': string;
    readonly 'at-most': string;
    readonly range: string;
    readonly approximate: string;
  };
  /** Why an account has no figure, by `CollectFailure.reason`; `none` when no failure was given. */
  readonly reasons: {
    readonly 'no-provider': string;
    readonly 'not-found': string;
    readonly suspended: string;
    readonly hidden: string;
    readonly unauthorized: string;
    readonly 'rate-limited': string;
    readonly 'invalid-response': string;
    readonly network: string;
    readonly 'provider-error': string;
    readonly aborted: string;
    readonly none: string;
  };
  /** Column labels of the coverage, claims, series and ranking tables and the workbook. */
  readonly columns: {
    readonly account: string;
    readonly platform: string;
    readonly handle: string;
    readonly reason: string;
    readonly details: string;
    readonly claim: string;
    readonly asWritten: string;
    readonly readAs: string;
    readonly computed: string;
    readonly verdict: string;
    readonly ratio: string;
    readonly period: string;
    readonly periodStart: string;
    readonly places: string;
    readonly bestPlace: string;
    readonly worstPlace: string;
    readonly unitId: string;
    readonly kind: string;
    readonly parent: string;
    readonly accountId: string;
    readonly value: string;
    readonly min: string;
    readonly max: string;
    readonly precision: string;
    readonly accounts: string;
    readonly observed: string;
    readonly missing: string;
    readonly fresh: string;
    readonly carried: string;
    readonly changeMin: string;
    readonly changeMax: string;
    readonly followers: string;
    readonly share: string;
    readonly onlyBefore: string;
    readonly onlyAfter: string;
  };
  /** Coverage: every active account shown had a figure. */
  allCovered(accounts: number): string;
  /** Coverage: some accounts had none. */
  someMissing(missing: number, accounts: number): string;
  /** Coverage: a collection failed for an account, and an older figure was counted. */
  readonly olderFigure: string;
  /** Claims: what the ratio column means. */
  readonly claimsNote: string;
  /** Series: the summary of the table of a chart's figures (folded under the chart). */
  readonly chartFigures: string;
  /** Charts: titles and descriptions (read by screen readers, shown as captions). */
  readonly charts: {
    readonly seriesTitle: string;
    seriesDescription(units: readonly string[], from: string, to: string, points: number): string;
    rankingTitle(measure: string): string;
    rankingDescription(bars: number): string;
    readonly sharesTitle: string;
    sharesDescription(units: number): string;
    readonly date: string;
    readonly share: string;
  };
  /** Names of the workbook's sheets (at most 31 characters, none of `[]:*?/\\`). */
  readonly sheets: {
    readonly totals: string;
    readonly ranking: string;
    readonly growth: string;
    readonly series: string;
    readonly coverage: string;
    readonly claims: string;
  };
  /** The page's footer. */
  readonly madeWith: string;
}
