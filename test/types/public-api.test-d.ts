import { describe, expectTypeOf, it } from 'vitest';
import {
  type Account,
  addCounts,
  type CollectFailure,
  type CollectResult,
  type Count,
  type CountPrecision,
  collect,
  countPrecision,
  defineRegistry,
  describeCount,
  type FailureReason,
  type FetchError,
  formatCount,
  growth,
  latest,
  normalizeHandle,
  type PlatformId,
  type ProviderError,
  type ProviderResult,
  type ProviderV1,
  parseCount,
  type RankEntry,
  type RateLimitError,
  type Registry,
  type RegistryError,
  rank,
  renderReport,
  type Snapshot,
  SocialReachError,
  staticProvider,
  type Totals,
  totals,
  type UnitGrowth,
} from '../../src/index.js';
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

  it('errors form one hierarchy', () => {
    expectTypeOf<RegistryError>().toMatchTypeOf<SocialReachError>();
    expectTypeOf<FetchError>().toMatchTypeOf<ProviderError>();
    expectTypeOf<RateLimitError['resumeAt']>().toEqualTypeOf<Date>();
    expectTypeOf(SocialReachError.isInstance).guards.toEqualTypeOf<SocialReachError>();
  });
});
