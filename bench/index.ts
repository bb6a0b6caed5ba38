/**
 * `npm run bench [-- name...]`: runs the benchmarks and prints a table per group. Figures are
 * ratios measured in one run on this machine; see the README for the last recorded run.
 */

import { benchEngine } from './engine.js';
import { benchFacebook } from './facebook.js';
import { type BenchRow, printTable } from './harness.js';
import { benchHostile } from './hostile.js';
import { benchParseCount } from './parse-count.js';
import { benchRegistry } from './registry.js';
import { benchReports } from './reports.js';
import { benchScale } from './scale.js';
import { benchSharedQuota } from './shared-bench.js';
import { benchStores } from './stores.js';
import { benchTotals } from './totals.js';

const groups: Record<string, { title: string; run: () => Promise<BenchRow[]> }> = {
  totals: {
    title:
      'Aggregation: totals() against a hand-written loop; registries and handles at their worst',
    run: async () => [...(await benchTotals()), ...(await benchRegistry())],
  },
  parse: { title: 'Numbers: parseCount', run: benchParseCount },
  engine: {
    title: 'Fetch engine against the fake platform server (limit 300 requests per 2 s window)',
    run: benchEngine,
  },
  facebook: {
    title:
      'Facebook Pages against usage percentages over a rolling 2 s window (3,000 Graph calls; 60 for ?ids=)',
    run: benchFacebook,
  },
  hostile: {
    title: 'A client facing a hostile server: peak RSS above baseline, default http options',
    run: benchHostile,
  },
  shared: {
    title:
      'One X token shared by 1, 2 and 4 processes: 30,000 accounts, 300 requests per 3 s window (needs REDIS_URL)',
    run: benchSharedQuota,
  },
  reports: {
    title:
      'Visual reports: 10,000 accounts, 90 days of daily snapshots (social-reach/reports; medians of 3)',
    run: benchReports,
  },
  stores: {
    title: 'Stores: 1,000,000 snapshots (10,000 accounts × 100 days)',
    run: () => benchStores({ verbose: true }),
  },
  scale: {
    title:
      'Scale: 30,040 accounts × 90 days (2,647,759 snapshots), each store in its own process; a 33,000-account collection into a fresh PGlite folder',
    run: () => benchScale(),
  },
};

const wanted = process.argv.slice(2);
let missed = 0;
for (const [name, group] of Object.entries(groups)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const rows = await group.run();
  printTable(group.title, rows);
  missed += rows.filter((r) => r.ok === false).length;
}
if (missed > 0) {
  console.log(`\n${missed} target(s) missed`);
  process.exitCode = 1;
}
