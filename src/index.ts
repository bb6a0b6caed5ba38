// The public surface of social-reach: the registry, counts, collection, the built-in providers,
// aggregation, reports, stores and errors. Only named re-exports live here; anything not exported
// on purpose is internal. What a third-party provider is written with (the provider specification,
// limit parsers, redaction, result helpers) is in `social-reach/provider` (src/provider-kit.ts).
// test/package/exports.test.ts pins this list.

// Aggregation
export {
  INDIAN_MILESTONES,
  type SeriesEvent,
  type SeriesEventOptions,
  seriesEvents,
} from './aggregate/events.js';
export { type GrowthOptions, growth, type UnitGrowth } from './aggregate/growth.js';
export { type LatestOptions, latest } from './aggregate/latest.js';
export {
  type GrowthRankEntry,
  type RankEntry,
  type Ranking,
  type RankOptions,
  type RankPlace,
  rank,
  type UnrankedEntry,
} from './aggregate/rank.js';
export {
  type Series,
  type SeriesOptions,
  type SeriesPeriod,
  type SeriesPoint,
  series,
} from './aggregate/series.js';
export {
  type CombinedSources,
  combineSources,
  type SourcedFigure,
} from './aggregate/sources.js';
export {
  type CountSummary,
  type Totals,
  type TotalsOptions,
  totals,
  type UnitTotal,
} from './aggregate/totals.js';
// Collection
export {
  type CollectFailure,
  type CollectResult,
  type CollectStats,
  collect,
} from './engine/collect.js';
export type {
  BatchProgress,
  CollectOptions,
  CollectProgress,
  HttpDispatcher,
  HttpOptions,
  Logger,
  NoticeProgress,
  WaitingProgress,
} from './engine/collect-options.js';
// Errors
export {
  CountError,
  type FailureReason,
  FetchError,
  HandleError,
  OptionError,
  ProviderError,
  RateLimitError,
  RegistryError,
  SocialReachError,
  StoreError,
  type StoreErrorFields,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
// Model
export { Account } from './model/account.js';
export {
  addCounts,
  approximateCount,
  atLeastCount,
  atMostCount,
  Count,
  type CountChange,
  type CountPrecision,
  countPrecision,
  exactCount,
  roundedDownCount,
  subtractCounts,
} from './model/count.js';
export {
  type CustomPlatformOptions,
  definePlatform,
  normalizeHandle,
  PLATFORMS,
  type PlatformDefinition,
  type PlatformId,
} from './model/platform.js';
export { defineRegistry, type Registry, type RegistryInput } from './model/registry.js';
export { parseSnapshots, Snapshot, type SnapshotInput } from './model/snapshot.js';
export { Unit, type UnitKind, unitName } from './model/unit.js';
// Numbers and languages
export {
  type CheckClaimOptions,
  type ClaimCheck,
  checkClaim,
  type RankClaim,
  type RankClaimCheck,
} from './numbers/check-claim.js';
export { describeCount, type FormatCountOptions, formatCount } from './numbers/format-count.js';
export { parseCount } from './numbers/parse-count.js';
// Providers: the built-in ones, and the contract they satisfy (the rest of the specification is
// in social-reach/provider)
export { type BlueskyProviderOptions, blueskyProvider } from './providers/bluesky.js';
export { type FacebookProviderOptions, facebookProvider } from './providers/facebook.js';
export { type InstagramProviderOptions, instagramProvider } from './providers/instagram.js';
export { type MastodonProviderOptions, mastodonProvider } from './providers/mastodon.js';
export {
  type StaticEntry,
  type StaticProviderOptions,
  type StaticValue,
  staticProvider,
} from './providers/static.js';
export { type TelegramProviderOptions, telegramProvider } from './providers/telegram.js';
export { type XProviderOptions, xProvider } from './providers/x.js';
export { type YoutubeProviderOptions, youtubeProvider } from './providers/youtube.js';
// Reports
export {
  type EventsReport,
  type GrowthReport,
  type RankingReport,
  type RenderReportOptions,
  renderReport,
  type TotalsReport,
} from './report/render-report.js';
export type { ProviderV1 } from './spec/v1/index.js';
// Stores
export { type MemoryStore, type MemoryStoreOptions, memoryStore } from './stores/memory.js';
export type { LockAttempt, StateStore, StoreLock } from './stores/state.js';
export type {
  HistoryOptions,
  PeriodValue,
  PeriodValuesOptions,
  PruneOptions,
  SnapshotStore,
  StoreLatestOptions,
  StoreOptions,
} from './stores/types.js';
// Calendar helpers (time zones, on Intl)
export {
  fiscalYearLabel,
  nextMidnight,
  nextPeriodStart,
  type Period,
  type PeriodOptions,
  periodStart,
  quarterLabel,
} from './util/time-zone.js';
