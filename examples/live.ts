/**
 * Collects a registry file from the platforms' real APIs:
 *
 *   X_BEARER_TOKEN=… npx tsx examples/live.ts [registry.json] [snapshots.json]
 *
 * Credentials come from environment variables only; a provider whose credential is missing is
 * skipped, and its accounts end as `no-provider` failures (never zeros). See the README's platform
 * table for what each platform needs. This touches the real internet: tests never run it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import {
  blueskyProvider,
  collect,
  defineRegistry,
  mastodonProvider,
  type ProviderV1,
  renderReport,
  totals,
  xProvider,
} from '../src/index.js';

const [registryPath = new URL('./registry.example.json', import.meta.url).pathname, outPath] =
  process.argv.slice(2);
const registry = defineRegistry(JSON.parse(await readFile(registryPath, 'utf8')));

const providers: ProviderV1[] = [mastodonProvider(), blueskyProvider()];
const env = process.env;
if (env.X_BEARER_TOKEN) providers.push(xProvider({ bearerToken: env.X_BEARER_TOKEN }));
else console.log('skipping X: set X_BEARER_TOKEN (an app-only Bearer token) to collect it');

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));

const result = await collect(registry, {
  providers,
  signal: controller.signal,
  onProgress: (event) => {
    if (event.type === 'waiting') {
      console.log(
        `[${event.bucket}] waiting for ${event.reason} until ${event.until.toISOString()}`,
      );
    } else {
      console.log(`[${event.bucket}] ${event.done + event.failed}/${event.total} accounts`);
    }
  },
});

for (const failure of result.failures)
  console.log(`no figure for ${failure.accountId}: ${failure.reason}: ${failure.message}`);
console.log(renderReport({ registry, totals: totals(registry, result.snapshots), accounts: true }));
const { stats } = result;
console.log(
  `${stats.requests} requests, ${stats.retries} retries, ${stats.throttled} throttled, ${Math.round(stats.durationMs / 1000)} s`,
);
if (outPath) {
  await writeFile(outPath, `${JSON.stringify(result.snapshots, null, 2)}\n`);
  console.log(`snapshots written to ${outPath}`);
}
