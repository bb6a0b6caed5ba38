// social-reach/reports: visual reports. A self-contained HTML page (inline CSS and SVG, no
// script), Vega-Lite chart specs rendered to SVG on the server, and an Excel workbook. vega,
// vega-lite and exceljs are optional peer dependencies, imported only when a chart is drawn or a
// workbook written; the main entry never loads this module.
export {
  CHART_FONT,
  type ChartOptions,
  type ChartSpec,
  platformSharesChartSpec,
  rankingChartSpec,
  seriesChartSpec,
} from './chart-specs.js';
export { type ChartSvgOptions, chartSvg } from './chart-svg.js';
export { type HtmlReportOptions, renderHtmlReport } from './html-report.js';
export { withPossiblePlaces } from './places.js';
export type {
  CheckedClaim,
  GrowthInput,
  PeriodToName,
  RankedUnit,
  RankingInput,
  SeriesData,
  SeriesInput,
  VisualReport,
  VisualReportOptions,
} from './report-input.js';
export {
  INDIAN_NEGATIVE_FORMAT,
  INDIAN_NUMBER_FORMAT,
  renderXlsxReport,
  type XlsxReportOptions,
} from './xlsx-report.js';
