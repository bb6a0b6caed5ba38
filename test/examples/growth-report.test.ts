import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indoreRegistry } from '../../examples/indore-data.js';
import {
  SIMULATION_DAYS,
  SIMULATION_END,
  SIMULATION_MONTHS,
  simulateIndore,
} from '../../examples/indore-simulation.js';
import { growth } from '../../src/aggregate/growth.js';
import { series } from '../../src/aggregate/series.js';
import { defineRegistry } from '../../src/model/registry.js';
import { describeCount, formatCount } from '../../src/numbers/format-count.js';
import { renderReport } from '../../src/report/render-report.js';
import { memoryStore } from '../../src/stores/memory.js';
import { fiscalYearLabel, periodStart } from '../../src/util/time-zone.js';

const ZONE = 'Asia/Kolkata';
let out: string;
beforeAll(() => {
  out = execFileSync(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, '../../examples/growth-report.ts')],
    { encoding: 'utf8' },
  );
}, 180_000); // a PGlite folder and 109 collections: generous, since CI machines are shared

describe('examples/growth-report.ts', () => {
  it('writes the simulated collections to PGlite and prints the growth report and the daily series', async () => {
    expect(out).toContain(
      `${SIMULATION_MONTHS.length} monthly and ${SIMULATION_DAYS} daily simulated collections`,
    );
    // this month against last: the tables renderReport makes of growth() on a memory store
    const registry = defineRegistry(indoreRegistry);
    const store = memoryStore();
    await store.put(simulateIndore(registry));
    const before = await store.latest({ asOf: new Date('2026-10-31T23:59:59.999+05:30') });
    const after = await store.latest({ asOf: SIMULATION_END });
    const title = 'Growth: 28 November 2026 against the end of October';
    expect(out).toContain(
      renderReport(
        { registry, growth: growth(registry, before, after), units: ['indore-admin'] },
        { title },
      ),
    );
    expect(out).toContain(
      renderReport(
        {
          registry,
          growth: growth(registry, before, after, { platforms: ['instagram'] }),
          units: ['indore-admin'],
        },
        { title: 'Growth on Instagram, same dates' },
      ),
    );
    // 14 days, one of them with a carried value
    expect(out.match(/^\d\d Nov 2026 /gm)).toHaveLength(14);
    expect(out).toMatch(/15 Nov 2026 .* 10 \/ 1$/m);
    expect(out).toMatch(/28 Nov 2026 .* 10 \/ 1$/m); // the Commissioner's Instagram failed that day
  });

  it('prints growth this financial year against last: the figures of growth() and series() on the same snapshots', async () => {
    // The same simulation in a memory store: the example's PGlite figures must equal these.
    const registry = defineRegistry(indoreRegistry);
    const store = memoryStore();
    await store.put(simulateIndore(registry));
    const thisYear = periodStart(SIMULATION_END, 'fiscal-year', ZONE);
    const lastYear = periodStart(new Date(thisYear.getTime() - 1), 'fiscal-year', ZONE);
    expect([fiscalYearLabel(lastYear, ZONE), fiscalYearLabel(thisYear, ZONE)]).toEqual([
      'FY 2025-26',
      'FY 2026-27',
    ]);
    // the history reaches back before the last financial year
    expect(SIMULATION_MONTHS[0]!.getTime()).toBeLessThan(lastYear.getTime());
    const atStart = await store.latest({ asOf: new Date(lastYear.getTime() - 1) });
    const atTurn = await store.latest({ asOf: new Date(thisYear.getTime() - 1) });
    const now = await store.latest({ asOf: SIMULATION_END });
    // every account simulated has a figure at both ends of both years
    const ids = (snapshots: readonly { accountId: string }[]) =>
      snapshots.map((s) => s.accountId).sort();
    expect(ids(atStart)).toEqual(ids(now));
    expect(ids(atTurn)).toEqual(ids(now));

    const years = await series(registry, store, {
      from: new Date(lastYear.getTime() - 1),
      to: SIMULATION_END,
      interval: 'fiscal-year',
    });
    expect(years.periods.map((p) => fiscalYearLabel(p.start, ZONE))).toEqual([
      'FY 2024-25',
      'FY 2025-26',
      'FY 2026-27',
    ]);
    for (const p of years.periods) {
      const admin = p.units.get('indore-admin')!;
      expect(out).toContain(
        `  ${fiscalYearLabel(p.start, ZONE)}  ${describeCount(admin.count)}  (11 of 11 accounts)`,
      );
    }

    const cases = [
      { label: 'FY 2026-27 to date', g: growth(registry, atTurn, now), days: 242 },
      { label: 'FY 2025-26', g: growth(registry, atStart, atTurn), days: 365 },
    ];
    for (const { label, g, days } of cases) {
      // the tables of renderReport, from the memory store's growth
      expect(out).toContain(
        renderReport(
          { registry, growth: g, units: ['indore-admin'] },
          { title: `Growth in ${label}` },
        ),
      );
      // the summary line: Instagram's rounded figures make the change and its percent ranges
      const admin = g.find((u) => u.unit.id === 'indore-admin')!;
      const { change, before } = admin;
      expect(change.min).toBeLessThan(change.max!);
      const low = ((change.min! / before.max!) * 100).toFixed(1);
      const high = ((change.max! / before.min!) * 100).toFixed(1);
      expect(out).toContain(
        `${label}: between +${formatCount(change.min!)} and +${formatCount(change.max!)} (+${low}% to +${high}%) in ${days} days`,
      );
    }
    // the year to date's figures are the Commissioner's Instagram of the day before (it failed)
    expect(out).toContain('figures of 31 Mar 2026 against 27 Nov 2026 to 28 Nov 2026');
    expect(out).toContain('figures of 31 Mar 2025 against 31 Mar 2026, 11 accounts compared');
  });
});
