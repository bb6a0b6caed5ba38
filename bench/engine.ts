import { collect } from '../src/engine/collect.js';
import { defineRegistry } from '../src/model/registry.js';
import { blueskyProvider } from '../src/providers/bluesky.js';
import { mastodonProvider } from '../src/providers/mastodon.js';
import { xProvider } from '../src/providers/x.js';
import type { ProviderV1 } from '../src/spec/v1/index.js';
import type { FakePlatform } from '../src/testing/index.js';
import { type BenchRow, naiveClient, untilWindowStart } from './harness.js';
import { startRemoteServer } from './remote-server.js';

const LIMIT = 300;
const WINDOW_MS = 2_000;
const REQUESTS = 900;
/** The wall time no client can beat: the last window opens (ceil(900/300) - 1) windows later. */
const LOWER_BOUND_MS = (Math.ceil(REQUESTS / LIMIT) - 1) * WINDOW_MS;

interface Shape {
  name: string;
  platform: FakePlatform;
  perRequest: number;
  /** Handles are `${prefix}${i}${suffix}`. */
  prefix: string;
  suffix: string;
  provider(baseUrl: (platform: FakePlatform, host?: string) => string): ProviderV1;
  naiveUrl(baseUrl: (platform: FakePlatform, host?: string) => string, handles: string[]): string;
}

const SHAPES: Shape[] = [
  {
    name: 'X (epoch-second resets, 100 per request)',
    platform: 'x',
    perRequest: 100,
    prefix: 'user',
    suffix: '',
    provider: (base) => xProvider({ bearerToken: 'bench-token', baseUrl: base('x') }),
    naiveUrl: (base, handles) =>
      `${base('x')}/2/users/by?usernames=${handles.join(',')}&user.fields=public_metrics`,
  },
  {
    name: 'Mastodon (ISO resets, 1 per request)',
    platform: 'mastodon',
    perRequest: 1,
    prefix: 'user',
    suffix: '@social.example',
    provider: (base) => mastodonProvider({ baseUrl: (host) => base('mastodon', host) }),
    naiveUrl: (base, handles) =>
      `${base('mastodon', 'social.example')}/api/v1/accounts/lookup?acct=${handles[0]!.split('@')[0]}`,
  },
  {
    name: 'Bluesky (epoch resets + policy, 25 per request)',
    platform: 'bluesky',
    perRequest: 25,
    prefix: 'user',
    suffix: '.bsky.social',
    provider: (base) => blueskyProvider({ baseUrl: base('bluesky') }),
    naiveUrl: (base, handles) =>
      `${base('bluesky')}/xrpc/app.bsky.actor.getProfiles?${handles.map((h) => `actors=${h}`).join('&')}`,
  },
];

/**
 * The fetch engine against the fake server with a limit of 300 requests per 2 s window: 900
 * requests' worth of accounts, collected by social-reach twice (a warm-up run, then the measured
 * one), then by a naive client (p-limit 8 and ky's default retries) for comparison; and an
 * unannounced limit of 100 requests/s.
 */
export async function benchEngine(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const shape of SHAPES) rows.push(...(await announced(shape)));
  rows.push(...(await unannounced()));
  return rows;
}

async function announced(shape: Shape): Promise<BenchRow[]> {
  const n = REQUESTS * shape.perRequest;
  const handles = Array.from({ length: n }, (_, i) => `${shape.prefix}${i}${shape.suffix}`);
  const server = await startRemoteServer(
    { limits: { [shape.platform]: { limit: LIMIT, windowMs: WINDOW_MS } } },
    [{ platform: shape.platform, prefix: shape.prefix, suffix: shape.suffix, count: n }],
  );
  const base = server.baseUrl;
  try {
    const registry = defineRegistry({
      units: [{ id: 'bench', kind: 'office', name: 'Bench' }],
      accounts: handles.map((handle, i) => ({
        id: `a${i}`,
        unit: 'bench',
        platform: shape.platform,
        handle,
      })),
    });
    const run = async () => {
      await server.reset();
      // Start at a window boundary, as the lower bound assumes a full first window.
      await untilWindowStart(WINDOW_MS);
      const start = performance.now();
      const result = await collect(registry, {
        providers: [shape.provider(base)],
        concurrency: 8,
      });
      const ms = performance.now() - start;
      const stats = (await server.stats())[shape.platform];
      return { ms, ratio: ms / LOWER_BOUND_MS, failures: result.failures.length, ...stats };
    };
    // The same run twice in this process: the first one warms up V8, as benchmark tools do before
    // they measure. In a fresh process the last window's answers would also pay for compiling the
    // HTTP path (about a hundred functions finish optimizing in that window, and the client process
    // needs 0.65–0.95 s of CPU for it instead of about 0.5 s), which is not what the ratio is about:
    // how closely the engine follows the announced quota. Both runs are held to the request and 429 targets; the
    // first run's wall time is printed beside the measured one.
    const first = await run();
    const measured = await run();

    await server.reset();
    await untilWindowStart(WINDOW_MS);
    const urls = [];
    for (let i = 0; i < handles.length; i += shape.perRequest) {
      urls.push(shape.naiveUrl(base, handles.slice(i, i + shape.perRequest)));
    }
    const naive = await naiveClient(urls, { authorization: 'Bearer bench-token' });
    const naiveStats = (await server.stats())[shape.platform];
    const both = [first, measured];

    return [
      {
        name: `${shape.name}: ${n.toLocaleString('en-IN')} accounts, requests`,
        value: `${measured.requests} (first run ${first.requests})`,
        target: `= ${REQUESTS}`,
        ok: both.every((r) => r.requests === REQUESTS && r.failures === 0),
      },
      {
        name: '  429s received',
        value: `${measured.throttled} (first run ${first.throttled})`,
        target: '= 0',
        ok: both.every((r) => r.throttled === 0),
      },
      {
        name: `  wall time / lower bound (${LOWER_BOUND_MS / 1_000} s), after a warm-up run`,
        value: `${measured.ratio.toFixed(3)} (${(measured.ms / 1_000).toFixed(2)} s)`,
        target: '≤ 1.15',
        ok: measured.ratio <= 1.15,
      },
      {
        name: '  the warm-up run: first collection in a fresh process',
        value: `${first.ratio.toFixed(3)} (${(first.ms / 1_000).toFixed(2)} s)`,
      },
      {
        name: '  naive client (p-limit 8, ky default retries): requests, 429s, failures, time',
        value: `${naiveStats.requests} req, ${naiveStats.throttled} 429s, ${naive.failed} failed, ${(naive.ms / 1_000).toFixed(2)} s`,
      },
    ];
  } finally {
    await server.close();
  }
}

/** An unannounced limit: 100 requests/s, no headers, 429s without hints; 1,000 single-account requests. */
async function unannounced(): Promise<BenchRow[]> {
  const total = 1_000;
  const server = await startRemoteServer(
    { limits: { mastodon: { limit: 100, windowMs: 1_000, announce: false } } },
    [{ platform: 'mastodon', prefix: 'user', suffix: '@quiet.example', count: total }],
  );
  try {
    const registry = defineRegistry({
      units: [{ id: 'bench', kind: 'office', name: 'Bench' }],
      accounts: Array.from({ length: total }, (_, i) => ({
        id: `a${i}`,
        unit: 'bench',
        platform: 'mastodon',
        handle: `user${i}@quiet.example`,
      })),
    });
    const start = performance.now();
    const result = await collect(registry, {
      providers: [mastodonProvider({ baseUrl: (host) => server.baseUrl('mastodon', host) })],
      concurrency: 8,
    });
    const seconds = (performance.now() - start) / 1_000;
    const stats = (await server.stats()).mastodon;
    const share = total / seconds / 100;
    const throttledShare = stats.throttled / stats.requests;
    return [
      {
        name: 'Unannounced limit 100 req/s, 1,000 single-account requests: throughput / 100 per s',
        value: `${(share * 100).toFixed(1)} % (${seconds.toFixed(2)} s, ${result.failures.length} failed)`,
        target: '≥ 80 %',
        ok: share >= 0.8 && result.failures.length === 0,
      },
      {
        name: '  429s / requests',
        value: `${(throttledShare * 100).toFixed(1)} % (${stats.throttled} of ${stats.requests})`,
        target: '≤ 3 %',
        ok: throttledShare <= 0.03,
      },
    ];
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { printTable } = await import('./harness.js');
  printTable('Fetch engine against the fake platform server', await benchEngine());
}
