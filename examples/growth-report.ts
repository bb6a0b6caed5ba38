/**
 * Growth over time (`npm run example:growth`): simulated snapshots of the Indore registry (monthly
 * from January 2025, then 90 days of daily ones) written to an embedded PostgreSQL (PGlite)
 * folder, then growth this financial year against last (FY 2026-27 to date against FY 2025-26),
 * a growth report (this month against last, per office and per platform) and a daily series.
 *
 *   npx tsx examples/growth-report.ts [data-folder]   # default: a temporary folder, removed after
 *
 * The figures are SIMULATED (deterministic): the news report gives one set of figures, not a
 * history. The simulation (examples/indore-simulation.ts, shared with `npm run example:report`)
 * starts from the report's figures and grows them a little every day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  defineRegistry,
  describeCount,
  fiscalYearLabel,
  formatCount,
  growth,
  PLATFORMS,
  renderReport,
  series,
  unitName,
} from '../src/index.js';
import { postgresStore } from '../src/stores/postgres/index.js';
import { describeYearGrowth, fiscalYearGrowth } from './fiscal-growth.js';
import { indoreRegistry } from './indore-data.js';
import {
  DAY,
  SIMULATION_DAYS,
  SIMULATION_END,
  SIMULATION_MONTHS,
  simulateIndore,
} from './indore-simulation.js';

const END = SIMULATION_END.getTime();
const ZONE = 'Asia/Kolkata';

const folder = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'social-reach-growth-'));
const db = new PGlite(folder);
const registry = defineRegistry(indoreRegistry);
const store = postgresStore({ client: db, registry });
try {
  await store.put(simulateIndore(registry));
  console.log(
    `${SIMULATION_MONTHS.length} monthly and ${SIMULATION_DAYS} daily simulated collections written to a PGlite folder (${folder})\n`,
  );

  // The last figure of each financial year (April–March): a series by financial year.
  const years = await fiscalYearGrowth(registry, store, SIMULATION_END, ZONE);
  const yearEnds = await series(registry, store, {
    from: years[1].from,
    to: SIMULATION_END,
    interval: 'fiscal-year',
    timeZone: ZONE,
  });
  console.log(`Financial years (April–March): the last figure of each, ${years[0].label}`);
  for (const p of yearEnds.periods) {
    const admin = p.units.get('indore-admin')!;
    console.log(
      `  ${fiscalYearLabel(p.start, ZONE)}  ${describeCount(admin.count)}  (${admin.observed} of ${admin.accounts} accounts)`,
    );
  }
  // Growth this financial year so far against the whole of the last one.
  console.log(`\nGrowth in ${years[0].label} against ${years[1].label}`);
  for (const year of years) console.log(describeYearGrowth(year, 'indore-admin', ZONE));
  console.log();
  for (const year of years) {
    console.log(
      renderReport(
        { registry, growth: year.units, units: ['indore-admin'] },
        { title: `Growth in ${year.label}` },
      ),
    );
  }

  const endOfLastMonth = new Date('2026-10-31T23:59:59.999+05:30');
  const before = await store.latest({ asOf: endOfLastMonth });
  const after = await store.latest({ asOf: new Date(END) });
  const title = 'Growth: 28 November 2026 against the end of October';
  console.log(
    renderReport(
      { registry, growth: growth(registry, before, after), units: ['indore-admin'] },
      { title },
    ),
  );
  for (const platform of ['x', 'facebook', 'instagram'] as const) {
    const byPlatform = growth(registry, before, after, { platforms: [platform] });
    console.log(
      renderReport(
        { registry, growth: byPlatform, units: ['indore-admin'] },
        { title: `Growth on ${PLATFORMS[platform].name.en}, same dates` },
      ),
    );
  }

  // A daily series: the last 14 days, one column per office and one for the administration.
  const daily = await series(registry, store, {
    from: new Date(END - 13 * DAY),
    to: new Date(END),
    interval: 'day',
    timeZone: 'Asia/Kolkata',
  });
  const columns = ['commissioner', 'collector', 'pr-office', 'indore-admin'];
  const header = [
    'Day (IST)',
    ...columns.map((id) => unitName(registry.unit(id)!)),
    'Fresh / carried',
  ];
  const rows = daily.periods.map((p) => {
    const admin = p.units.get('indore-admin')!;
    return [
      new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(
        p.start,
      ),
      ...columns.map((id) => formatCount(p.units.get(id)!.count)),
      `${admin.fresh} / ${admin.carried}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('Daily series, last 14 days (a missed day carries the previous value forward)');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
} finally {
  await store.close();
  await db.close();
  if (process.argv[2] === undefined) rmSync(folder, { recursive: true, force: true });
}
