import { collect } from '../src/engine/collect.js';
import { defineRegistry } from '../src/model/registry.js';
import { facebookProvider } from '../src/providers/facebook.js';
import { type BenchRow, naiveClient, untilWindowStart } from './harness.js';
import { startRemoteServer } from './remote-server.js';

const PAGES = 10_000;
const PER_REQUEST = 50;
const REQUESTS = PAGES / PER_REQUEST;
/** The fake server's limit behind the usage percentages (Meta's is an hour's worth; scaled down). */
const LIMIT = 60;
const WINDOW_MS = 2_000;
/** No client can beat this: the last of ceil(200 / 60) windows opens three windows after the first. */
const LOWER_BOUND_MS = (Math.ceil(REQUESTS / LIMIT) - 1) * WINDOW_MS;

/**
 * 10,000 Facebook Pages (50 per `?ids=` request: 200 requests) against the fake Graph API, whose
 * limit is announced only as `X-App-Usage` / `X-Business-Use-Case-Usage` percentages climbing to
 * 100 %; beyond it the server answers 400 with code 80001. Then a naive client for comparison.
 */
export async function benchFacebook(): Promise<BenchRow[]> {
  const server = await startRemoteServer(
    { limits: { facebook: { limit: LIMIT, windowMs: WINDOW_MS, rolling: true } } },
    [{ platform: 'facebook', prefix: 'indorepage', suffix: '', count: PAGES }],
  );
  const handles = Array.from({ length: PAGES }, (_, i) => `indorepage${i}`);
  try {
    const registry = defineRegistry({
      units: [{ id: 'bench', kind: 'office', name: 'Bench' }],
      accounts: handles.map((handle, i) => ({
        id: `p${i}`,
        unit: 'bench',
        platform: 'facebook',
        handle,
      })),
    });
    const provider = facebookProvider({
      accessToken: 'bench-token',
      baseUrl: server.baseUrl('facebook'),
      usageWindowMs: WINDOW_MS,
    });
    await untilWindowStart(WINDOW_MS);
    const start = performance.now();
    const result = await collect(registry, { providers: [provider], concurrency: 8 });
    const ms = performance.now() - start;
    const stats = (await server.stats()).facebook;
    const ratio = ms / LOWER_BOUND_MS;

    await server.reset();
    await untilWindowStart(WINDOW_MS);
    const base = server.baseUrl('facebook');
    const urls = [];
    for (let i = 0; i < PAGES; i += PER_REQUEST) {
      const ids = handles.slice(i, i + PER_REQUEST).join(',');
      urls.push(
        `${base}/v26.0/?ids=${ids}&fields=followers_count,fan_count&access_token=bench-token`,
      );
    }
    const naive = await naiveClient(urls);
    const naiveStats = (await server.stats()).facebook;

    return [
      {
        name: `Facebook: ${PAGES.toLocaleString('en-IN')} pages, ${PER_REQUEST} per request: requests`,
        value: `${stats.requests} (${result.snapshots.length} snapshots, ${result.failures.length} failed)`,
        target: `= ${REQUESTS}`,
        ok: stats.requests === REQUESTS && result.failures.length === 0,
      },
      {
        name: '  throttle errors received (code 80001)',
        value: String(stats.throttled),
        target: '= 0',
        ok: stats.throttled === 0,
      },
      {
        name: `  wall time / lower bound (${LOWER_BOUND_MS / 1_000} s)`,
        value: `${ratio.toFixed(3)} (${(ms / 1_000).toFixed(2)} s)`,
        target: '≤ 1.2',
        ok: ratio <= 1.2,
      },
      {
        name: '  naive client (p-limit 8, ky default retries): requests, throttles, failures, time',
        value: `${naiveStats.requests} req, ${naiveStats.throttled} throttled, ${naive.failed} failed, ${(naive.ms / 1_000).toFixed(2)} s`,
      },
    ];
  } finally {
    await server.close();
  }
}
