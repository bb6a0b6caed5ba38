/**
 * Visual reports (`npm run example:report`): the Indore registry with its simulated snapshots
 * (examples/indore-simulation.ts: monthly from January 2025, then 90 days of daily ones), as a
 * self-contained HTML page in English and in Hindi and an Excel workbook:
 *
 *   npx tsx examples/indore-report.ts [output-folder]   # default: the current folder
 *
 * writes indore-report.html, indore-report.hi.html and indore-report.xlsx. The figures are
 * SIMULATED. Growth is this financial year's to date (FY 2026-27: the end of FY 2025-26, 31 March
 * 2026, against 28 November 2026), and the line chart is monthly over both financial years; the
 * example prints this year's growth against the whole of the last one's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineRegistry, rank, series, totals } from '../src/index.js';
import { memoryStore } from '../src/stores/memory.js';
import { renderHtmlReport, renderXlsxReport, type VisualReport } from '../src/visual/index.js';
import { describeYearGrowth, fiscalYearGrowth } from './fiscal-growth.js';
import { indoreRegistry } from './indore-data.js';
import {
  checkedClaims,
  SIMULATION_END,
  simulatedFailures,
  simulateIndore,
} from './indore-simulation.js';

const folder = process.argv[2] ?? '.';
mkdirSync(folder, { recursive: true }); // a new output folder is made, not an error
const registry = defineRegistry(indoreRegistry);
const snapshots = simulateIndore(registry);
const store = memoryStore();
await store.put(snapshots);

const t = totals(registry, snapshots, { asOf: SIMULATION_END });
// India's financial year (April–March) to date, and the whole of the last one to compare with.
const [thisYear, lastYear] = await fiscalYearGrowth(
  registry,
  store,
  SIMULATION_END,
  'Asia/Kolkata',
);
const report: VisualReport = {
  registry,
  totals: t,
  units: ['indore-admin'],
  ranking: { entries: rank(registry, t, { kind: 'official' }) },
  growth: { units: thisYear.units, from: thisYear.from, to: thisYear.to },
  // Month by month over both financial years, from the end of the one before them.
  series: {
    series: await series(registry, store, {
      from: lastYear.from,
      to: SIMULATION_END,
      interval: 'month',
    }),
  },
  failures: simulatedFailures,
  // The news report's own totals (X + Facebook), checked against the simulated figures.
  claims: checkedClaims(registry, snapshots),
};

console.log(
  `Indore district administration: growth in ${thisYear.label} against ${lastYear.label}`,
);
for (const year of [thisYear, lastYear]) {
  console.log(describeYearGrowth(year, 'indore-admin', 'Asia/Kolkata'));
}
for (const [file, locale] of [
  ['indore-report.html', 'en-IN'],
  ['indore-report.hi.html', 'hi-IN'],
] as const) {
  const path = join(folder, file);
  writeFileSync(path, await renderHtmlReport(report, { locale }));
  console.log(`wrote ${path}`);
}
const workbook = join(folder, 'indore-report.xlsx');
writeFileSync(workbook, await renderXlsxReport(report, { locale: 'en-IN' }));
console.log(`wrote ${workbook}`);
