// The public surface of social-reach. Only named re-exports live here; anything not exported on
// purpose is internal.

// Aggregation
export { type GrowthOptions, growth, type UnitGrowth } from './aggregate/growth.js';
export { type LatestOptions, latest } from './aggregate/latest.js';
export { type RankEntry, type RankOptions, rank } from './aggregate/rank.js';
export {
  type Series,
  type SeriesOptions,
  type SeriesPeriod,
  type SeriesPoint,
  series,
} from './aggregate/series.js';
export {
  type CountSummary,
  type Totals,
  type TotalsOptions,
  totals,
  type UnitTotal,
} from './aggregate/totals.js';
// Collection
export {
  type BatchProgress,
  type CollectFailure,
  type CollectOptions,
  type CollectProgress,
  type CollectResult,
  type CollectStats,
  collect,
  type HttpOptions,
  type NoticeProgress,
  type WaitingProgress,
} from './engine/collect.js';
export {
  type BucketGate,
  type CoordinatedGateOptions,
  type Coordinator,
  CoordinatorError,
} from './engine/coordinator.js';
export type {
  HttpClient,
  HttpPostOptions,
  HttpRequestOptions,
  HttpResponse,
} from './engine/http-client.js';
export {
  blueskyLimits,
  genericLimits,
  ietfLimits,
  type LimitObservation,
  type LimitParser,
  type LimitResponse,
  mastodonLimits,
  parseRetryAfter,
  xLimits,
} from './engine/limits.js';
export {
  type AdaptiveRate,
  GateDeadlineError,
  GateRefusedError,
  type GateSnapshot,
  type Outcome,
  type Permit,
  type RateGateOptions,
  type WaitReason,
} from './engine/rate-gate.js';
export { redactText, redactUrl } from './engine/redact.js';
// Errors
export {
  CountError,
  type FailureReason,
  FetchError,
  type FetchErrorFields,
  HandleError,
  OptionError,
  ProviderError,
  type ProviderErrorFields,
  RateLimitError,
  RegistryError,
  SocialReachError,
  type SocialReachErrorCode,
  StoreError,
  type StoreErrorFields,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
// Model
export { Account, type AccountInput, AccountStatus } from './model/account.js';
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
  type Bilingual,
  BUILT_IN_PLATFORM_IDS,
  type BuiltInPlatformId,
  type CustomPlatformOptions,
  definePlatform,
  identityKey,
  isBuiltInPlatform,
  normalizeHandle,
  PLATFORMS,
  type PlatformDefinition,
  type PlatformId,
  type PlatformStatus,
} from './model/platform.js';
export { defineRegistry, type Registry, type RegistryInput } from './model/registry.js';
export {
  parseSnapshots,
  Snapshot,
  type SnapshotInput,
  SnapshotSource,
  Timestamp,
} from './model/snapshot.js';
export {
  LocalizedName,
  localizedName,
  UNIT_KINDS,
  Unit,
  type UnitKind,
  unitName,
} from './model/unit.js';
// Numbers and languages
export { type CheckClaimOptions, type ClaimCheck, checkClaim } from './numbers/check-claim.js';
export { describeCount, type FormatCountOptions, formatCount } from './numbers/format-count.js';
export { parseCount } from './numbers/parse-count.js';
// Providers
export {
  type StaticEntry,
  type StaticProviderOptions,
  type StaticValue,
  staticProvider,
} from './provider/static-provider.js';
export type {
  FetchContext,
  NoticeCode,
  ProviderResult,
  ProviderV1,
  RateLimitPolicy,
} from './provider/types.js';
export {
  type BlueskyProviderOptions,
  blueskyProvider,
} from './providers/bluesky.js';
export {
  type FacebookProviderOptions,
  type FacebookRequests,
  facebookProvider,
} from './providers/facebook.js';
export {
  type InstagramProviderOptions,
  type InstagramRequests,
  instagramProvider,
} from './providers/instagram.js';
export { type MastodonProviderOptions, mastodonProvider } from './providers/mastodon.js';
export { metaLimits } from './providers/meta.js';
export {
  type TelegramProviderOptions,
  telegramLimits,
  telegramProvider,
} from './providers/telegram.js';
export { type XProviderOptions, xProvider } from './providers/x.js';
export {
  type YoutubeProviderOptions,
  type YoutubeQuotaOptions,
  youtubeLimits,
  youtubeProvider,
} from './providers/youtube.js';
// Reports
export {
  type GrowthReport,
  type RankingReport,
  type RenderReportOptions,
  type ReportFormat,
  renderReport,
  type TotalsReport,
} from './report/render-report.js';
// Stores
export { type MemoryStoreOptions, memoryStore } from './stores/memory.js';
export type {
  HistoryOptions,
  PruneOptions,
  RunOutcome,
  SnapshotStore,
  StoreLatestOptions,
  StoreOptions,
} from './stores/types.js';
// Calendar helpers (time zones, on Intl)
export { nextMidnight, nextPeriodStart, type Period, periodStart } from './util/time-zone.js';
