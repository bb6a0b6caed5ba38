import { describe, expectTypeOf, it } from 'vitest';
import {
  type Account,
  addCounts,
  blueskyProvider,
  type CollectFailure,
  type CollectProgress,
  type CollectResult,
  type CombinedSources,
  type Count,
  type CountPrecision,
  checkClaim,
  collect,
  combineSources,
  countPrecision,
  defineRegistry,
  describeCount,
  type EventsReport,
  type FacebookProviderOptions,
  type FailureReason,
  type FetchError,
  facebookProvider,
  fiscalYearLabel,
  formatCount,
  type GrowthRankEntry,
  growth,
  INDIAN_MILESTONES,
  instagramProvider,
  latest,
  mastodonProvider,
  memoryStore,
  type NoticeProgress,
  nextMidnight,
  nextPeriodStart,
  normalizeHandle,
  type Period,
  type PeriodOptions,
  type PeriodValue,
  type PeriodValuesOptions,
  type PlatformId,
  type ProviderError,
  type ProviderV1,
  parseCount,
  periodStart,
  quarterLabel,
  type RankClaim,
  type RankClaimCheck,
  type RankEntry,
  type Ranking,
  type RankOptions,
  type RankPlace,
  type RateLimitError,
  type Registry,
  type RegistryError,
  rank,
  renderReport,
  type Series,
  type SeriesEvent,
  type SeriesEventOptions,
  type Snapshot,
  type SnapshotStore,
  SocialReachError,
  type SourcedFigure,
  seriesEvents,
  staticProvider,
  type TelegramProviderOptions,
  type Totals,
  telegramProvider,
  totals,
  type Unit,
  type UnitGrowth,
  type UnrankedEntry,
  xProvider,
  type YoutubeProviderOptions,
  youtubeProvider,
} from '../../src/index.js';
import {
  type FetchContext,
  failureResult,
  genericLimits,
  type HttpPostOptions,
  type HttpResponse,
  ietfLimits,
  type LimitObservation,
  type LimitParser,
  type NoticeCode,
  type ProviderResult,
  snapshotResult,
} from '../../src/provider-kit.js';
import {
  DOCUMENTED_LIMITS,
  FAKE_PLATFORMS,
  type FakeLimit,
  type FakePlatform,
  type FakeServerOptions,
  type MockProvider,
  mockProvider,
} from '../../src/testing/index.js';

declare const registry: Registry;
declare const snapshots: Snapshot[];

describe('the public types', () => {
  it('model: registry, counts, snapshots', () => {
    expectTypeOf(defineRegistry).parameter(0).toHaveProperty('units');
    expectTypeOf(defineRegistry).returns.toEqualTypeOf<Registry>();
    expectTypeOf(registry.account).returns.toEqualTypeOf<Account | undefined>();
    expectTypeOf<Count>().toEqualTypeOf<{
      value: number;
      min: number | null;
      max: number | null;
    }>();
    expectTypeOf(addCounts).parameter(0).toEqualTypeOf<Iterable<Count>>();
    expectTypeOf(countPrecision).returns.toEqualTypeOf<CountPrecision>();
    expectTypeOf(normalizeHandle).returns.toBeString();
    expectTypeOf<Snapshot['takenAt']>().toEqualTypeOf<Date>();
    expectTypeOf<Snapshot['followers']>().toEqualTypeOf<Count>();
    expectTypeOf<PlatformId>().toMatchTypeOf<string>();
    expectTypeOf<'x'>().toMatchTypeOf<PlatformId>();
    expectTypeOf<'sharechat'>().toMatchTypeOf<PlatformId>();
  });

  it('numbers', () => {
    expectTypeOf(parseCount).toEqualTypeOf<(text: string) => Count>();
    expectTypeOf(formatCount).parameter(0).toEqualTypeOf<Count | number>();
    expectTypeOf(describeCount).returns.toBeString();
  });

  it('providers and collection', () => {
    expectTypeOf<ProviderV1['specificationVersion']>().toEqualTypeOf<'v1'>();
    expectTypeOf<ProviderV1['fetchBatch']>().returns.toEqualTypeOf<Promise<ProviderResult[]>>();
    expectTypeOf(staticProvider).returns.toEqualTypeOf<ProviderV1>();
    expectTypeOf(staticProvider).toBeCallableWith('x', {
      a: 1,
      b: '32 हजार से अधिक',
      c: { value: 1, min: null, max: null },
      d: { count: 5, note: 'press note', takenAt: '2026-01-01T00:00:00Z' },
    });
    expectTypeOf(collect).returns.toEqualTypeOf<Promise<CollectResult>>();
    expectTypeOf<CollectFailure['reason']>().toEqualTypeOf<FailureReason>();
    expectTypeOf<CollectFailure['error']>().toEqualTypeOf<ProviderError>();
    expectTypeOf(mockProvider).returns.toEqualTypeOf<MockProvider>();
    expectTypeOf<MockProvider>().toMatchTypeOf<ProviderV1>();
    // a provider written by a user satisfies the contract with a plain object
    expectTypeOf({
      specificationVersion: 'v1' as const,
      platform: 'sharechat',
      name: 'sharechat',
      maxBatchSize: 1,
      fetchBatch: async (): Promise<ProviderResult[]> => [],
    }).toMatchTypeOf<ProviderV1>();
  });

  it('the built-in providers: typed options, a ProviderV1 back', () => {
    for (const factory of [
      xProvider,
      mastodonProvider,
      blueskyProvider,
      facebookProvider,
      instagramProvider,
      youtubeProvider,
      telegramProvider,
    ]) {
      expectTypeOf(factory).returns.toEqualTypeOf<ProviderV1>();
    }
    expectTypeOf(xProvider).toBeCallableWith({ bearerToken: 't' });
    expectTypeOf(facebookProvider).toBeCallableWith({ accessToken: 't', apiVersion: 'v26.0' });
    expectTypeOf(facebookProvider).parameter(0).toEqualTypeOf<FacebookProviderOptions>();
    expectTypeOf<FacebookProviderOptions['requests']>().toEqualTypeOf<
      'batch' | 'ids' | 'single' | undefined
    >();
    expectTypeOf(instagramProvider).toBeCallableWith({
      accessToken: 't',
      igUserId: '1784',
      requests: 'single',
    });
    // @ts-expect-error Instagram has no multi-ID requests
    instagramProvider({ accessToken: 't', igUserId: '1784', requests: 'ids' });
    expectTypeOf(instagramProvider).toBeCallableWith({ accessToken: 't', igUserId: '1784' });
    expectTypeOf(youtubeProvider).toBeCallableWith({
      apiKey: 'k',
      quota: { unitsPerDay: 10_000, unitsPerCall: 1 },
    });
    expectTypeOf(youtubeProvider).parameter(0).toEqualTypeOf<YoutubeProviderOptions>();
    expectTypeOf(telegramProvider).toBeCallableWith({ botToken: '1:abc' });
    expectTypeOf(telegramProvider).parameter(0).toEqualTypeOf<TelegramProviderOptions>();
    // @ts-expect-error the credential is required
    instagramProvider({ accessToken: 't' });
    // @ts-expect-error a token is a string
    facebookProvider({ accessToken: 42 });
  });

  it('social-reach/provider: the specification and what a provider is written with', () => {
    for (const parser of [genericLimits, ietfLimits]) {
      expectTypeOf(parser).toEqualTypeOf<LimitParser>();
    }
    expectTypeOf(snapshotResult).returns.toEqualTypeOf<ProviderResult>();
    expectTypeOf(failureResult).returns.toExtend<ProviderResult>();
    expectTypeOf(failureResult).toBeCallableWith(
      { platform: 'sharechat', name: 'sharechat-api' },
      registry.accounts[0]!,
      'not-found',
      'profiles answered 404',
      404,
    );
  });

  it('progress events, notices and batch requests', () => {
    expectTypeOf<CollectProgress['type']>().toEqualTypeOf<'batch' | 'waiting' | 'notice'>();
    expectTypeOf<Extract<CollectProgress, { type: 'notice' }>>().toEqualTypeOf<NoticeProgress>();
    expectTypeOf<NoticeProgress['code']>().toEqualTypeOf<NoticeCode>();
    expectTypeOf<NoticeCode>().toEqualTypeOf<'fallback'>();
    expectTypeOf<NoticeProgress['message']>().toBeString();
    expectTypeOf<FetchContext['notice']>().toEqualTypeOf<
      (code: NoticeCode, message: string) => void
    >();
    expectTypeOf<FetchContext['http']['post']>().parameter(1).toEqualTypeOf<HttpPostOptions>();
    expectTypeOf<HttpPostOptions['form']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<HttpResponse['method']>().toEqualTypeOf<'GET' | 'POST'>();
    expectTypeOf<LimitObservation['partial']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<LimitObservation['throttledParts']>().toEqualTypeOf<number | undefined>();
  });

  it('aggregation and reports', () => {
    expectTypeOf(latest).returns.toEqualTypeOf<Snapshot[]>();
    expectTypeOf(totals).returns.toEqualTypeOf<Totals>();
    const ranking = rank(registry, totals(registry, snapshots), { kind: 'district' });
    expectTypeOf(ranking).toEqualTypeOf<Ranking>();
    expectTypeOf(ranking).toMatchTypeOf<RankEntry[]>();
    expectTypeOf(ranking.apart).toEqualTypeOf<readonly UnrankedEntry[]>();
    expectTypeOf<RankEntry['best']>().toEqualTypeOf<number>();
    expectTypeOf<RankEntry['certain']>().toEqualTypeOf<boolean>();
    const byGrowth = rank(registry, growth(registry, snapshots, snapshots), {
      tag: 'collector',
      by: 'percent',
    });
    expectTypeOf(byGrowth).toEqualTypeOf<Ranking<GrowthRankEntry>>();
    expectTypeOf<GrowthRankEntry['percent']>().toEqualTypeOf<number | null>();
    expectTypeOf<RankOptions['by']>().toEqualTypeOf<'change' | 'percent' | undefined>();
    expectTypeOf(checkClaim({ unit: 'indore', top: 1 }, ranking)).toEqualTypeOf<RankClaimCheck>();
    expectTypeOf(growth).returns.toEqualTypeOf<UnitGrowth[]>();
    expectTypeOf(renderReport).returns.toBeString();
    expectTypeOf(renderReport).toBeCallableWith(
      { registry, totals: totals(registry, snapshots) },
      { format: 'csv' },
    );
    // @ts-expect-error an unknown format is a type error
    renderReport({ registry, totals: totals(registry, snapshots) }, { format: 'pdf' });
  });

  it('anomalies and milestones, several sources for one figure, claimed places', () => {
    expectTypeOf(seriesEvents).parameter(0).toEqualTypeOf<Series>();
    expectTypeOf(seriesEvents).parameter(1).toEqualTypeOf<SeriesEventOptions | undefined>();
    expectTypeOf(seriesEvents).returns.toEqualTypeOf<SeriesEvent[]>();
    expectTypeOf<SeriesEvent['kind']>().toEqualTypeOf<
      'jump' | 'drop' | 'zero' | 'stale' | 'milestone'
    >();
    expectTypeOf<Extract<SeriesEvent, { kind: 'milestone' }>['milestone']>().toBeNumber();
    expectTypeOf(INDIAN_MILESTONES).toEqualTypeOf<readonly number[]>();
    expectTypeOf(combineSources).parameter(0).toEqualTypeOf<Iterable<Snapshot>>();
    expectTypeOf(combineSources).returns.toEqualTypeOf<CombinedSources>();
    expectTypeOf<CombinedSources['figures']>().toEqualTypeOf<SourcedFigure[]>();
    expectTypeOf<SourcedFigure['sources']>().toEqualTypeOf<readonly Snapshot[]>();
    expectTypeOf<SourcedFigure['count']>().toEqualTypeOf<Count>();
    expectTypeOf(renderReport).toBeCallableWith({ registry, events: [] }, { locale: 'hi-IN' });
    expectTypeOf<EventsReport['timeZone']>().toEqualTypeOf<string | undefined>();
    const sources = combineSources(snapshots);
    expectTypeOf(renderReport).toBeCallableWith({
      registry,
      totals: totals(registry, sources.snapshots),
      sources: sources.figures,
    });
    expectTypeOf<RankClaim>().toEqualTypeOf<{ readonly unit: string; readonly top: number }>();
    expectTypeOf<GrowthRankEntry>().toMatchTypeOf<RankPlace>();
    expectTypeOf<Unit['tags']>().toEqualTypeOf<string[] | undefined>();
  });

  it('stores: periodValues, optional in the contract, one row per account and period', () => {
    expectTypeOf<SnapshotStore['periodValues']>().toEqualTypeOf<
      ((options: PeriodValuesOptions) => AsyncIterable<PeriodValue>) | undefined
    >();
    expectTypeOf<PeriodValue>().toEqualTypeOf<{
      readonly accountId: string;
      readonly period: number;
      readonly takenAt: Date;
      readonly followers: Count;
    }>();
    expectTypeOf<PeriodValuesOptions>().toHaveProperty('bounds').toEqualTypeOf<readonly Date[]>();
    const store = memoryStore();
    expectTypeOf(store.periodValues).toBeCallableWith({
      bounds: [new Date(0), new Date(1)],
      maxStalenessMs: 7 * 86_400_000,
      accountIds: ['a'],
    });
    // @ts-expect-error bounds are Dates, not numbers
    store.periodValues?.({ bounds: [0, 1] });
  });

  it('calendar helpers take and return Dates, like the rest of the API', () => {
    expectTypeOf(periodStart).toEqualTypeOf<
      (time: Date, period: Period, timeZone: string, options?: PeriodOptions) => Date
    >();
    expectTypeOf(fiscalYearLabel).toEqualTypeOf<
      (time: Date, timeZone: string, options?: PeriodOptions) => string
    >();
    expectTypeOf(quarterLabel).toEqualTypeOf<
      (time: Date, timeZone: string, options?: PeriodOptions) => string
    >();
    expectTypeOf<Period>().toEqualTypeOf<'day' | 'week' | 'month' | 'quarter' | 'fiscal-year'>();
    expectTypeOf(nextPeriodStart).toEqualTypeOf<
      (start: Date, period: Period, timeZone: string) => Date
    >();
    expectTypeOf(nextMidnight).toEqualTypeOf<(time: Date, timeZone: string) => Date>();
    // @ts-expect-error epoch milliseconds were 0.1.0's convention: wrap them in a Date
    periodStart(Date.now(), 'day', 'Asia/Kolkata');
  });

  it('errors form one hierarchy', () => {
    expectTypeOf<RegistryError>().toMatchTypeOf<SocialReachError>();
    expectTypeOf<FetchError>().toMatchTypeOf<ProviderError>();
    expectTypeOf<RateLimitError['resumeAt']>().toEqualTypeOf<Date>();
    expectTypeOf(SocialReachError.isInstance).guards.toEqualTypeOf<SocialReachError>();
  });

  it('testing: the fake platforms, derived from their modules, keep their public types', () => {
    expectTypeOf<FakePlatform>().toEqualTypeOf<
      'x' | 'mastodon' | 'bluesky' | 'facebook' | 'instagram' | 'youtube' | 'telegram'
    >();
    expectTypeOf(FAKE_PLATFORMS).toEqualTypeOf<readonly FakePlatform[]>();
    expectTypeOf(DOCUMENTED_LIMITS).toEqualTypeOf<{
      readonly x: FakeLimit;
      readonly mastodon: FakeLimit;
      readonly bluesky: FakeLimit;
    }>();
    expectTypeOf<keyof FakeServerOptions>().toEqualTypeOf<
      | 'accounts'
      | 'credentials'
      | 'limits'
      | 'clock'
      | 'dateSkewMs'
      | 'latencyMs'
      | 'x'
      | 'facebook'
      | 'youtube'
    >();
    expectTypeOf<NonNullable<FakeServerOptions['limits']>>().toEqualTypeOf<
      Partial<Record<FakePlatform, FakeLimit>>
    >();
  });
});
