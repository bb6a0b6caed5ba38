import { describe, expectTypeOf, it } from 'vitest';
import type { Series } from '../../src/aggregate/series.js';
import type { CollectFailure, RankEntry, Registry, Totals, UnitGrowth } from '../../src/index.js';
import type * as reports from '../../src/visual/index.js';
import {
  type ChartSpec,
  chartSvg,
  type HtmlReportOptions,
  platformSharesChartSpec,
  type RankedUnit,
  rankingChartSpec,
  renderHtmlReport,
  renderXlsxReport,
  type SeriesData,
  seriesChartSpec,
  type VisualReport,
  withPossiblePlaces,
} from '../../src/visual/index.js';

declare const registry: Registry;
declare const t: Totals;
declare const s: Series;

describe('social-reach/reports', () => {
  it('exports exactly these names', () => {
    expectTypeOf<keyof typeof reports>().toEqualTypeOf<
      | 'CHART_FONT'
      | 'INDIAN_NEGATIVE_FORMAT'
      | 'INDIAN_NUMBER_FORMAT'
      | 'chartSvg'
      | 'platformSharesChartSpec'
      | 'rankingChartSpec'
      | 'renderHtmlReport'
      | 'renderXlsxReport'
      | 'seriesChartSpec'
      | 'withPossiblePlaces'
    >();
  });

  it('take what the aggregate functions return', () => {
    expectTypeOf<Series>().toMatchTypeOf<SeriesData>();
    expectTypeOf<RankEntry>().toMatchTypeOf<RankedUnit>();
    expectTypeOf({ registry, totals: t }).toMatchTypeOf<VisualReport>();
    expectTypeOf<VisualReport['failures']>().toEqualTypeOf<readonly CollectFailure[] | undefined>();
    expectTypeOf<NonNullable<VisualReport['growth']>['units']>().toEqualTypeOf<
      readonly UnitGrowth[]
    >();
    expectTypeOf(seriesChartSpec).toBeCallableWith(registry, s, { units: ['mp'], locale: 'hi-IN' });
    expectTypeOf(rankingChartSpec).returns.toEqualTypeOf<ChartSpec>();
    expectTypeOf(platformSharesChartSpec).returns.toEqualTypeOf<ChartSpec>();
    expectTypeOf(withPossiblePlaces).returns.toEqualTypeOf<RankedUnit[]>();
  });

  it('render to strings and bytes', () => {
    expectTypeOf(chartSvg).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(renderHtmlReport).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(renderXlsxReport).returns.toEqualTypeOf<Promise<Uint8Array>>();
    expectTypeOf<HtmlReportOptions['charts']>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error: an unknown format is refused
    renderHtmlReport({ registry, totals: t }, { notation: 'scientific' });
  });
});
