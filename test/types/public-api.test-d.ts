import { describe, expectTypeOf, it } from 'vitest';
import {
  type Account,
  addCounts,
  blueskyProvider,
  type CollectFailure,
  type CollectProgress,
  type CollectResult,
  type Count,
  type CountPrecision,
  collect,
  countPrecision,
  defineRegistry,
  describeCount,
  type FacebookProviderOptions,
  type FailureReason,
  type FetchError,
  facebookProvider,
  fiscalYearLabel,
  formatCount,
  growth,
  instagramProvider,
  latest,
  mastodonProvider,
  type NoticeProgress,
  nextMidnight,
  nextPeriodStart,
  normalizeHandle,
  type Period,
  type PeriodOptions,
  type PlatformId,
  type ProviderError,
  type ProviderV1,
  parseCount,
  periodStart,
  quarterLabel,
  type RankEntry,
  type RateLimitError,
  type Registry,
  type RegistryError,
  rank,
  renderReport,
  type Snapshot,
  SocialReachError,
  staticProvider,
  type TelegramProviderOptions,
  type Totals,
  telegramProvider,
  totals,
  type UnitGrowth,
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
import { type MockProvider, mockProvider } from '../../src/testing/index.js';

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
    expectTypeOf(rank).returns.toEqualTypeOf<RankEntry[]>();
    expectTypeOf(growth).returns.toEqualTypeOf<UnitGrowth[]>();
    expectTypeOf(renderReport).returns.toBeString();
    expectTypeOf(renderReport).toBeCallableWith(
      { registry, totals: totals(registry, snapshots) },
      { format: 'csv' },
    );
    // @ts-expect-error an unknown format is a type error
    renderReport({ registry, totals: totals(registry, snapshots) }, { format: 'pdf' });
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
});
