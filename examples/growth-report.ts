/**
 * Growth over time (`npm run example:growth`): 90 days of simulated daily snapshots of the Indore
 * registry written to an embedded PostgreSQL (PGlite) folder, then a growth report (this month
 * against last, per office and per platform) and a daily series.
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
  formatCount,
  growth,
  PLATFORMS,
  renderReport,
  series,
  unitName,
} from '../src/index.js';
import { postgresStore } from '../src/stores/postgres/index.js';
import { indoreRegistry } from './indore-data.js';
import { DAY, SIMULATION_END, simulateIndore } from './indore-simulation.js';

const END = SIMULATION_END.getTime();

const folder = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'social-reach-growth-'));
const db = new PGlite(folder);
const registry = defineRegistry(indoreRegistry);
const store = postgresStore({ client: db, registry });
try {
  await store.put(simulateIndore(registry));
  console.log(`90 days of simulated daily snapshots written to a PGlite folder (${folder})\n`);

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
