import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every name each entry point exports, pinned: a name added to or dropped from the public API is a
 * decision, made here and written in the CHANGELOG, never a side effect of an edit elsewhere.
 * `values` exist at run time (functions, classes, constants, zod schemas, which are types too);
 * `types` exist only for the compiler. The main entry stays narrow (issue #11, part 2): what a
 * third-party provider is written with lives in `social-reach/provider`.
 */
const ENTRIES: Record<string, { source: string; values: string[]; types: string[] }> = {
  'social-reach': {
    source: 'src/index.ts',
    values: [
      'Account',
      'Count',
      'CountError',
      'FetchError',
      'HandleError',
      'INDIAN_MILESTONES',
      'OptionError',
      'PLATFORMS',
      'ProviderError',
      'RateLimitError',
      'RegistryError',
      'Snapshot',
      'SocialReachError',
      'StoreError',
      'Unit',
      'ValidationError',
      'addCounts',
      'approximateCount',
      'atLeastCount',
      'atMostCount',
      'blueskyProvider',
      'checkClaim',
      'collect',
      'combineSources',
      'countPrecision',
      'definePlatform',
      'defineRegistry',
      'describeCount',
      'exactCount',
      'facebookProvider',
      'fiscalYearLabel',
      'formatCount',
      'growth',
      'instagramProvider',
      'latest',
      'mastodonProvider',
      'memoryStore',
      'nextMidnight',
      'nextPeriodStart',
      'normalizeHandle',
      'parseCount',
      'parseSnapshots',
      'periodStart',
      'quarterLabel',
      'rank',
      'renderReport',
      'roundedDownCount',
      'series',
      'seriesEvents',
      'staticProvider',
      'subtractCounts',
      'telegramProvider',
      'totals',
      'unitName',
      'xProvider',
      'youtubeProvider',
    ],
    types: [
      'BatchProgress',
      'BlueskyProviderOptions',
      'CheckClaimOptions',
      'ClaimCheck',
      'CollectFailure',
      'CollectOptions',
      'CollectProgress',
      'CollectResult',
      'CollectStats',
      'CombinedSources',
      'CountChange',
      'CountPrecision',
      'CountSummary',
      'CustomPlatformOptions',
      'EventsReport',
      'FacebookProviderOptions',
      'FailureReason',
      'FormatCountOptions',
      'GrowthOptions',
      'GrowthRankEntry',
      'GrowthReport',
      'HistoryOptions',
      'HttpDispatcher',
      'HttpOptions',
      'InstagramProviderOptions',
      'LatestOptions',
      'LockAttempt',
      'Logger',
      'MastodonProviderOptions',
      'MemoryStore',
      'MemoryStoreOptions',
      'NoticeProgress',
      'Period',
      'PeriodOptions',
      'PeriodValue',
      'PeriodValuesOptions',
      'PlatformDefinition',
      'PlatformId',
      'ProviderV1',
      'PruneOptions',
      'RankClaim',
      'RankClaimCheck',
      'RankEntry',
      'RankOptions',
      'RankPlace',
      'Ranking',
      'RankingReport',
      'Registry',
      'RegistryInput',
      'RenderReportOptions',
      'Series',
      'SeriesEvent',
      'SeriesEventOptions',
      'SeriesOptions',
      'SeriesPeriod',
      'SeriesPoint',
      'SnapshotInput',
      'SnapshotStore',
      'SourcedFigure',
      'StateStore',
      'StaticEntry',
      'StaticProviderOptions',
      'StaticValue',
      'StoreErrorFields',
      'StoreLatestOptions',
      'StoreLock',
      'StoreOptions',
      'TelegramProviderOptions',
      'Totals',
      'TotalsOptions',
      'TotalsReport',
      'UnitGrowth',
      'UnitKind',
      'UnitTotal',
      'UnrankedEntry',
      'ValidationIssue',
      'WaitingProgress',
      'XProviderOptions',
      'YoutubeProviderOptions',
    ],
  },
  'social-reach/provider': {
    source: 'src/provider-kit.ts',
    values: [
      'failureResult',
      'genericLimits',
      'ietfLimits',
      'parseRetryAfter',
      'redactText',
      'redactUrl',
      'snapshotResult',
    ],
    types: [
      'AdaptiveRate',
      'FetchContext',
      'FetchErrorFields',
      'HttpClient',
      'HttpPostOptions',
      'HttpRequestOptions',
      'HttpResponse',
      'LimitObservation',
      'LimitParser',
      'LimitResponse',
      'NoticeCode',
      'ProviderErrorFields',
      'ProviderResult',
      'ProviderV1',
      'RateLimitPolicy',
    ],
  },
  'social-reach/testing': {
    source: 'src/testing/index.ts',
    values: [
      'DOCUMENTED_LIMITS',
      'FAKE_PLATFORMS',
      'createFakePlatformServer',
      'fakeAccounts',
      'mockProvider',
    ],
    types: [
      'FakeAccount',
      'FakeAccountState',
      'FakeAccountsOptions',
      'FakeFault',
      'FakeInjectOptions',
      'FakeLimit',
      'FakePlatform',
      'FakePlatformServer',
      'FakePlatformStats',
      'FakeRequest',
      'FakeServerOptions',
      'MockCall',
      'MockFailure',
      'MockProvider',
      'MockProviderOptions',
      'MockValue',
    ],
  },
  'social-reach/cli': {
    source: 'src/cli/index.ts',
    values: [
      'CREDENTIAL_VARIABLES',
      'CSV_COLUMNS',
      'EXIT',
      'RegistryCsvError',
      'formatCsvIssue',
      'main',
      'providersFromEnv',
      'readRegistryCsv',
      'registryFromCsv',
    ],
    types: [
      'ApiPlatform',
      'BaseUrl',
      'CsvIssue',
      'CsvPosition',
      'ExitCode',
      'Io',
      'Output',
      'ProvidersFromEnv',
      'ProvidersFromEnvOptions',
      'RegistryCsv',
      'RegistryCsvOptions',
      'RegistryCsvTexts',
    ],
  },
  'social-reach/postgres': {
    source: 'src/stores/postgres/index.ts',
    values: ['openPGlite', 'openPGliteWorker', 'postgresStore'],
    types: [
      'OpenPGliteOptions',
      'PGliteClass',
      'PGliteLike',
      'PGliteWorker',
      'PgPoolClientLike',
      'PgPoolLike',
      'PostgresClient',
      'PostgresQueryable',
      'PostgresStore',
      'PostgresStoreOptions',
    ],
  },
  'social-reach/reports': {
    source: 'src/visual/index.ts',
    values: [
      'CHART_FONT',
      'INDIAN_NEGATIVE_FORMAT',
      'INDIAN_NUMBER_FORMAT',
      'chartSvg',
      'platformSharesChartSpec',
      'rankingChartSpec',
      'renderHtmlReport',
      'renderXlsxReport',
      'seriesChartSpec',
      'withPossiblePlaces',
    ],
    types: [
      'ChartOptions',
      'ChartSpec',
      'ChartSvgOptions',
      'CheckedClaim',
      'GrowthInput',
      'HtmlReportOptions',
      'PeriodToName',
      'RankedUnit',
      'RankingInput',
      'SeriesData',
      'SeriesInput',
      'VisualReport',
      'VisualReportOptions',
      'XlsxReportOptions',
    ],
  },
  'social-reach/redis': {
    source: 'src/redis/index.ts',
    values: [
      'CoordinatorError',
      'collectionStatus',
      'collectionWorker',
      'enqueueCollection',
      'redisCoordinator',
    ],
    types: [
      'BucketGate',
      'CollectionJobEvent',
      'CollectionQueueOptions',
      'CollectionStatus',
      'CollectionWorker',
      'CollectionWorkerOptions',
      'CoordinatedGateOptions',
      'Coordinator',
      'EnqueueCollectionOptions',
      'EnqueueResult',
      'GateSnapshot',
      'Outcome',
      'Permit',
      'PlatformStatus',
      'RateGateOptions',
      'RedisCoordinator',
      'RedisCoordinatorOptions',
      'RunOutcome',
      'WaitReason',
    ],
  },
};

/**
 * The main entry's ceiling: registry, counts, collect, providers, aggregation, reports, stores,
 * errors. Issue #11 narrowed it to 110 names; issue #14 then added the financial-year helpers
 * (fiscalYearLabel, quarterLabel, PeriodOptions), issue #12 the types of the store contract's
 * optional `periodValues` (PeriodValue, PeriodValuesOptions), which a store implementing it needs,
 * issue #13 what a store keeps beside its snapshots (MemoryStore, StateStore, StoreLock,
 * LockAttempt) and collect's new options' types (Logger, HttpDispatcher), and issue #15 ranks with
 * their uncertainty, rank claims, anomalies and milestones, and several sources for one figure
 * (seriesEvents, INDIAN_MILESTONES, combineSources and the types they take and return: 14 names).
 */
const MAIN_ENTRY_MAX = 135;

const root = resolve(import.meta.dirname, '../..');

/** The names an entry exports, as the compiler sees them, split into values and types only. */
function exportsOf(): Map<string, { values: string[]; types: string[] }> {
  const sources = Object.values(ENTRIES).map((entry) => resolve(root, entry.source));
  const program = ts.createProgram(sources, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const out = new Map<string, { values: string[]; types: string[] }>();
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const module = checker.getSymbolAtLocation(
      program.getSourceFile(resolve(root, entry.source))!,
    )!;
    const values: string[] = [];
    const types: string[] = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
    }
    out.set(name, { values: values.sort(), types: types.sort() });
  }
  return out;
}

describe('the export list of every entry point', () => {
  const found = exportsOf();

  for (const [name, entry] of Object.entries(ENTRIES)) {
    it(`${name} exports exactly its pinned names`, async () => {
      expect(found.get(name)).toEqual({ values: entry.values, types: entry.types });
      // and at run time, the values and nothing else
      const module: Record<string, unknown> = await import(resolve(root, entry.source));
      expect(Object.keys(module).sort()).toEqual(entry.values);
    });
  }

  it(`keeps the main entry at ${MAIN_ENTRY_MAX} names or fewer`, () => {
    const main = ENTRIES['social-reach']!;
    expect(main.values.length + main.types.length).toBeLessThanOrEqual(MAIN_ENTRY_MAX);
  });

  it('lists each entry point of package.json, and no other', async () => {
    const manifest = (await import(resolve(root, 'package.json'), { with: { type: 'json' } }))
      .default as { exports: Record<string, unknown> };
    const subpaths = Object.keys(manifest.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? 'social-reach' : `social-reach/${key.slice(2)}`));
    expect(subpaths.sort()).toEqual(Object.keys(ENTRIES).sort());
  });
});
