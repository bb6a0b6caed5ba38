import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DEFAULT_MAX_BODY_BYTES } from '../src/engine/collect-options.js';
import type { BenchRow } from './harness.js';

/** Peak RSS above the baseline allowed for one hostile answer, with the default options. */
const TARGET_MB = 150;

const SCENARIOS = [
  ['ok', 'control: 4 ordinary answers'],
  ['bomb', 'gzip bomb: a 200 inflating to 256 MB'],
  ['endless', 'endless 503 body, streamed until the client closes'],
  ['objects', "a 200 of JSON '[{},{},…]' as long as maxBodyBytes allows"],
] as const;

/**
 * A client facing a hostile Mastodon server (a registry can name any server): each scenario runs
 * in a fresh client process against a server in another process, with the default `http` options,
 * and the client's peak RSS above its warmed-up baseline is compared with the target.
 */
export async function benchHostile(): Promise<BenchRow[]> {
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./hostile-server-process.ts', import.meta.url).pathname,
      String(DEFAULT_MAX_BODY_BYTES),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
  const { url, bombBytes } = JSON.parse((await lines.next()).value as string) as {
    url: string;
    bombBytes: number;
  };
  const rows: BenchRow[] = [];
  try {
    for (const [scenario, name] of SCENARIOS) {
      const r = await client(url, scenario);
      const mb = (r.peak - r.baseline) / 1e6;
      const expected =
        scenario === 'ok' ? r.snapshots === 4 : r.reasons.join() === 'invalid-response';
      rows.push({
        name: scenario === 'bomb' ? `${name} (${(bombBytes / 1e3).toFixed(0)} KB sent)` : name,
        value: `+${mb.toFixed(1)} MB (${(r.ms / 1e3).toFixed(2)} s, ${r.failures} failed: ${r.reasons.join(', ') || 'none'})`,
        target: scenario === 'ok' ? '4 snapshots' : `< +${TARGET_MB} MB, invalid-response`,
        ok: scenario === 'ok' ? expected : expected && mb < TARGET_MB,
      });
    }
  } finally {
    server.stdin.end();
  }
  rows.push({
    name: '  4 accounts at once (concurrency 4, default http options), one client process each',
    value: '',
    note: 'peak RSS above the baseline taken after a warm-up collection and a GC',
  });
  return rows;
}

interface ClientResult {
  baseline: number;
  peak: number;
  failures: number;
  snapshots: number;
  reasons: string[];
  ms: number;
}

async function client(url: string, scenario: string): Promise<ClientResult> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      new URL('./hostile-client-process.ts', import.meta.url).pathname,
      url,
      scenario,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (part: Buffer) => {
    out += part;
  });
  await new Promise((resolve) => child.on('exit', resolve));
  return JSON.parse(out) as ClientResult;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { printTable } = await import('./harness.js');
  printTable('A client facing a hostile server', await benchHostile());
}
