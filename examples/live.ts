/**
 * Collects a registry file from the platforms' real APIs:
 *
 *   X_BEARER_TOKEN=… YOUTUBE_API_KEY=… npx tsx examples/live.ts [registry.json] [snapshots.json]
 *
 * Credentials come from environment variables only (the list is in providers-from-env.ts and
 * docs/platforms.md); a provider whose credential is missing is skipped, and its accounts end as
 * `no-provider` failures (never zeros). Mastodon and Bluesky need no credential, so they always
 * run, against the public servers. This touches the real internet: tests never run it, but they
 * run the same providers, made by the same function, against the fake API server.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { collect, defineRegistry, renderReport, totals } from '../src/index.js';
import { providersFromEnv } from './providers-from-env.js';

const [registryPath = new URL('./registry.example.json', import.meta.url).pathname, outPath] =
  process.argv.slice(2);
const registry = defineRegistry(JSON.parse(await readFile(registryPath, 'utf8')));

const { providers, skipped } = providersFromEnv(process.env);
for (const line of skipped) console.log(`skipping ${line}`);

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
    } else if (event.type === 'notice') {
      // a provider fell back from a kind of request the platform refused (Graph ?ids= for a new app)
      console.log(`[${event.bucket}] ${event.code}: ${event.message}`);
    } else {
      // done, failed and total count the whole collection; batch counts this one batch
      console.log(
        `${event.done + event.failed}/${event.total} accounts (${event.bucket}: ${event.batch.done} done, ${event.batch.failed} failed)`,
      );
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
