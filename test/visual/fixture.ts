import { indoreRegistry } from '../../examples/indore-data.js';
import {
  checkedClaims,
  DAY,
  SIMULATION_END,
  simulatedFailures,
  simulateIndore,
} from '../../examples/indore-simulation.js';
import { growth } from '../../src/aggregate/growth.js';
import { rank } from '../../src/aggregate/rank.js';
import { type Series, series } from '../../src/aggregate/series.js';
import { type Totals, totals } from '../../src/aggregate/totals.js';
import { defineRegistry, type Registry } from '../../src/model/registry.js';
import { memoryStore } from '../../src/stores/memory.js';
import type { VisualReport } from '../../src/visual/report-input.js';

export interface IndoreFixture {
  registry: Registry;
  totals: Totals;
  weekly: Series;
  report: VisualReport;
}

/** The Indore registry with its simulated history (weekly over the 90 daily days), as the visual report's tests read it. */
export async function indoreFixture(): Promise<IndoreFixture> {
  const registry = defineRegistry(indoreRegistry);
  const snapshots = simulateIndore(registry);
  const store = memoryStore();
  await store.put(snapshots);
  const t = totals(registry, snapshots, { asOf: SIMULATION_END });
  const from = new Date('2026-10-31T23:59:59.999+05:30');
  const before = await store.latest({ asOf: from });
  const after = await store.latest({ asOf: SIMULATION_END });
  const weekly = await series(registry, store, {
    from: new Date(SIMULATION_END.getTime() - 89 * DAY),
    to: SIMULATION_END,
    interval: 'week',
  });
  const report: VisualReport = {
    registry,
    totals: t,
    units: ['indore-admin'],
    ranking: { entries: rank(registry, t, { kind: 'official' }) },
    growth: { units: growth(registry, before, after), from, to: SIMULATION_END },
    series: { series: weekly },
    failures: simulatedFailures,
    claims: checkedClaims(registry, snapshots),
  };
  return { registry, totals: t, weekly, report };
}
