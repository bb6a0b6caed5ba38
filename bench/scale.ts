/**
 * The stores and aggregation at national scale (issue #12): 30,040 accounts × 90 days
 * (2,647,759 snapshots) loaded into PGlite (a fresh folder opened by openPGlite), a PostgreSQL
 * server (DATABASE_URL; skipped, with a note, when unset) and the memory store, each in its own
 * process (bench/scale-process.ts), then latest, growth, weekly and monthly series and a full
 * history stream on each, with peak RSS; and a collection of 33,000 X accounts from the fake
 * server into a fresh PGlite folder, opened lean and, for comparison, as `new PGlite(folder)`.
 * `npm run bench -- scale`; alone: `npx tsx bench/scale.ts [part...]`.
 */

import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './harness.js';

const PARTS = [
  'pglite',
  'server',
  'memory',
  'collect',
  'collect-thread',
  'collect-default',
] as const;

/** Runs the parts, each in a child process, and returns their rows. */
export async function benchScale(parts: readonly string[] = PARTS): Promise<BenchRow[]> {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const rows: BenchRow[] = [
    {
      name: 'machine',
      value: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      note: '30,040 units and accounts × 90 days, ~2% of days missed, every 500th account silent after day 60',
    },
  ];
  for (const part of parts) {
    if (part === 'server' && !process.env.DATABASE_URL) {
      rows.push({
        name: 'PostgreSQL server',
        value: 'skipped',
        note: 'DATABASE_URL is not set (source .ci/postgres.sh)',
      });
      continue;
    }
    rows.push(...(await runPart(part)));
  }
  // The machine is shared: its load says how far the figures can be read as this code's alone.
  rows[0]!.note += `; load average ${load} at the start, ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the end (1 / 5 / 15 min)`;
  return rows;
}

function runPart(part: string): Promise<BenchRow[]> {
  const script = new URL('./scale-process.ts', import.meta.url).pathname;
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, part], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      stdout += text;
    });
    child.once('error', failed);
    child.once('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('[')) done(JSON.parse(last) as BenchRow[]);
      else done([{ name: `scale part ${part}`, value: `failed (exit ${code})`, ok: false }]);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printTable } = await import('./harness.js');
  const wanted = process.argv.slice(2);
  printTable('Scale', await benchScale(wanted.length > 0 ? wanted : PARTS));
}
