/**
 * Visual reports (`npm run example:report`): the Indore registry with 90 simulated days of daily
 * snapshots (examples/indore-simulation.ts), as a self-contained HTML page in English and in
 * Hindi and an Excel workbook:
 *
 *   npx tsx examples/indore-report.ts [output-folder]   # default: the current folder
 *
 * writes indore-report.html, indore-report.hi.html and indore-report.xlsx. The figures are
 * SIMULATED. Growth compares the start of this quarter of the financial year (Q3 FY 2026-27, from
 * 1 October) with 28 November 2026; the line chart is weekly.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addCounts,
  checkClaim,
  defineRegistry,
  growth,
  parseCount,
  periodStart,
  quarterLabel,
  rank,
  series,
  totals,
} from '../src/index.js';
import { memoryStore } from '../src/stores/memory.js';
import { renderHtmlReport, renderXlsxReport, type VisualReport } from '../src/visual/index.js';
import { indoreRegistry, reportedClaims } from './indore-data.js';
import { DAY, SIMULATION_END, simulatedFailures, simulateIndore } from './indore-simulation.js';

const folder = process.argv[2] ?? '.';
const registry = defineRegistry(indoreRegistry);
const snapshots = simulateIndore(registry);
const store = memoryStore();
await store.put(snapshots);

const t = totals(registry, snapshots, { asOf: SIMULATION_END });
// This quarter of India's financial year (April–March) so far, against where it started.
const quarterStart = periodStart(SIMULATION_END, 'quarter', 'Asia/Kolkata');
const endOfLastQuarter = new Date(quarterStart.getTime() - 1);
const report: VisualReport = {
  registry,
  totals: t,
  units: ['indore-admin'],
  ranking: { entries: rank(registry, t, { kind: 'official' }) },
  growth: {
    units: growth(
      registry,
      await store.latest({ asOf: endOfLastQuarter }),
      await store.latest({ asOf: SIMULATION_END }),
    ),
    from: endOfLastQuarter,
    to: SIMULATION_END,
  },
  series: {
    series: await series(registry, store, {
      from: new Date(SIMULATION_END.getTime() - 89 * DAY),
      to: SIMULATION_END,
      interval: 'week',
    }),
  },
  failures: simulatedFailures,
  // The news report's own totals (X + Facebook), checked against the simulated figures.
  claims: reportedClaims.map((c) => {
    const xfb = totals(registry, snapshots, { asOf: SIMULATION_END, platforms: ['x', 'facebook'] });
    const computed = addCounts(c.units.map((u) => xfb.units.get(u)!.count));
    const claimed = parseCount(c.claim);
    return {
      label: { en: c.en, hi: c.hi },
      claim: c.claim,
      claimed,
      computed,
      check: checkClaim(claimed, computed),
    };
  }),
};

console.log(
  `growth in ${quarterLabel(SIMULATION_END, 'Asia/Kolkata')} so far, against the end of ${quarterLabel(endOfLastQuarter, 'Asia/Kolkata')}`,
);
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
