/**
 * The client side of the `hostile` benchmark, one scenario per process so that each peak is its
 * own: collects 4 Mastodon accounts on one hostile server with the default options (all 4 requests
 * at once; fewer than the 5 failures that open a circuit, which would make the run wait), and prints `{ baseline, peak, failures, reasons, ms }` (bytes of RSS). The baseline is
 * taken after a warm-up collection against the `ok` scenario and a full GC; the peak is the
 * highest RSS seen by a sampler in a worker thread (every millisecond, so a busy main thread
 * cannot hide a spike).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { collect } from '../src/engine/collect.js';
import { defineRegistry } from '../src/model/registry.js';
import { mastodonProvider } from '../src/providers/mastodon.js';

const [url, scenario] = process.argv.slice(2) as [string, string];
const registry = defineRegistry({
  units: [{ id: 'bench', kind: 'office', name: 'Bench' }],
  accounts: Array.from({ length: 4 }, (_, i) => ({
    id: `a${i}`,
    unit: 'bench',
    platform: 'mastodon',
    handle: `user${i}@hostile.example`,
  })),
});
const run = (path: string) =>
  collect(registry, {
    providers: [mastodonProvider({ baseUrl: () => `${url}/${path}` })],
  });

// The sampler shares the process, so its RSS readings are the client's; it starts before the
// baseline, so its own memory is not counted as the scenario's.
const sampler = new Worker(
  `const { parentPort } = require('node:worker_threads');
   let peak = 0;
   const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 1);
   parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(peak); });`,
  { eval: true },
);
await run('ok');
(globalThis as { gc?: () => void }).gc?.();
await delay(50);
const baseline = process.memoryUsage.rss();
const start = performance.now();
const result = await run(scenario);
const ms = performance.now() - start;
await delay(20);
sampler.postMessage('stop');
const sampled = await new Promise<number>((resolve) => sampler.once('message', resolve));
await sampler.terminate();
process.stdout.write(
  `${JSON.stringify({
    baseline,
    peak: sampled,
    failures: result.failures.length,
    snapshots: result.snapshots.length,
    reasons: [...new Set(result.failures.map((f) => f.reason))],
    message: result.failures[0]?.message,
    ms,
  })}\n`,
);
