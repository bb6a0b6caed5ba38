import { collect } from '../src/engine/collect.js';
import { defineRegistry } from '../src/model/registry.js';
import { type FacebookRequests, facebookProvider } from '../src/providers/facebook.js';
import { type BenchRow, naiveClient, untilWindowStart } from './harness.js';
import { type RemoteServer, startRemoteServer } from './remote-server.js';

const PAGES = 10_000;
const PER_REQUEST = 50;
const HTTP_CALLS = PAGES / PER_REQUEST;
const WINDOW_MS = 2_000;
/**
 * The fake server's limit behind the usage percentages, in Graph calls per rolling window (Meta's
 * is an hour's worth; scaled down). A batch call counts one call per Page, as Meta counts each
 * call within a batch; a `?ids=` request counts as one (the fake server's reading).
 */
const BATCH_LIMIT = 3_000;
const IDS_LIMIT = 60;
/** No client can beat this: the last of ceil(10,000 / 3,000) windows opens three windows after the first. */
const BATCH_BOUND_MS = (Math.ceil(PAGES / BATCH_LIMIT) - 1) * WINDOW_MS;
/** The same for 200 `?ids=` requests at 60 per window. */
const IDS_BOUND_MS = (Math.ceil(HTTP_CALLS / IDS_LIMIT) - 1) * WINDOW_MS;

/**
 * 10,000 Facebook Pages against the fake Graph API, whose limit is announced only as
 * `X-App-Usage` / `X-Business-Use-Case-Usage` percentages climbing to 100 %; beyond it the server
 * answers code 80001 (in each batch part over the limit).
 *
 * 1. The default, as an app created after 4 November 2026 is served (`?ids=` refused): Graph batch
 *    calls of 50 single-Page GETs, 200 HTTP calls counted as 10,000 Graph calls, 3,000 per window.
 * 2. The opt-in `requests: 'ids'` of an older app: 200 `?ids=` requests, 60 per window; then a
 *    naive client for comparison.
 */
export async function benchFacebook(): Promise<BenchRow[]> {
  const handles = Array.from({ length: PAGES }, (_, i) => `indorepage${i}`);
  const registry = defineRegistry({
    units: [{ id: 'bench', kind: 'office', name: 'Bench' }],
    accounts: handles.map((handle, i) => ({
      id: `p${i}`,
      unit: 'bench',
      platform: 'facebook',
      handle,
    })),
  });
  const pages = [{ platform: 'facebook' as const, prefix: 'indorepage', suffix: '', count: PAGES }];

  const run = async (server: RemoteServer, requests: FacebookRequests) => {
    const provider = facebookProvider({
      accessToken: 'bench-token',
      baseUrl: server.baseUrl('facebook'),
      usageWindowMs: WINDOW_MS,
      requests,
    });
    let notices = 0;
    await untilWindowStart(WINDOW_MS);
    const start = performance.now();
    const result = await collect(registry, {
      providers: [provider],
      concurrency: 8,
      onProgress: (e) => {
        if (e.type === 'notice') notices++;
      },
    });
    const ms = performance.now() - start;
    return { result, ms, notices, stats: (await server.stats()).facebook };
  };

  const rows: BenchRow[] = [];
  const newApp = await startRemoteServer(
    {
      limits: { facebook: { limit: BATCH_LIMIT, windowMs: WINDOW_MS, rolling: true } },
      facebook: { refuse: ['ids'] },
    },
    pages,
  );
  try {
    const { result, ms, notices, stats } = await run(newApp, 'batch');
    const ratio = ms / BATCH_BOUND_MS;
    rows.push(
      {
        name: `Facebook, the default (batch calls), as a new app is served: ${PAGES.toLocaleString('en-IN')} pages: HTTP calls`,
        value: `${stats.requests} (${result.snapshots.length} snapshots, ${result.failures.length} failed, ${notices} fallback notices)`,
        target: `= ${HTTP_CALLS}`,
        ok:
          stats.requests === HTTP_CALLS &&
          result.snapshots.length === PAGES &&
          result.failures.length === 0,
      },
      {
        name: '  Graph calls counted (each sub-request of a batch)',
        value: String(stats.calls),
        target: `= ${PAGES}`,
        ok: stats.calls === PAGES,
      },
      {
        name: '  throttle errors received (code 80001 parts)',
        value: String(stats.throttled),
        target: '= 0',
        ok: stats.throttled === 0,
      },
      {
        name: `  wall time / lower bound ((⌈${PAGES} / ${BATCH_LIMIT}⌉ − 1) × 2 s = ${BATCH_BOUND_MS / 1_000} s)`,
        value: `${ratio.toFixed(3)} (${(ms / 1_000).toFixed(2)} s)`,
        target: '≤ 1.2',
        ok: ratio <= 1.2,
      },
    );
  } finally {
    await newApp.close();
  }

  const oldApp = await startRemoteServer(
    { limits: { facebook: { limit: IDS_LIMIT, windowMs: WINDOW_MS, rolling: true } } },
    pages,
  );
  try {
    const { result, ms, stats } = await run(oldApp, 'ids');
    const ratio = ms / IDS_BOUND_MS;

    await oldApp.reset();
    await untilWindowStart(WINDOW_MS);
    const base = oldApp.baseUrl('facebook');
    const urls = [];
    for (let i = 0; i < PAGES; i += PER_REQUEST) {
      const ids = handles.slice(i, i + PER_REQUEST).join(',');
      urls.push(
        `${base}/v27.0/?ids=${ids}&fields=followers_count,fan_count&access_token=bench-token`,
      );
    }
    const naive = await naiveClient(urls);
    const naiveStats = (await oldApp.stats()).facebook;

    rows.push(
      {
        name: `Facebook, requests: 'ids' (an app created before 4 November 2026), ${IDS_LIMIT} requests per 2 s: requests`,
        value: `${stats.requests} (${result.snapshots.length} snapshots, ${result.failures.length} failed)`,
        target: `= ${HTTP_CALLS}`,
        ok: stats.requests === HTTP_CALLS && result.failures.length === 0,
      },
      {
        name: '  throttle errors received (code 80001)',
        value: String(stats.throttled),
        target: '= 0',
        ok: stats.throttled === 0,
      },
      {
        name: `  wall time / lower bound ((⌈${HTTP_CALLS} / ${IDS_LIMIT}⌉ − 1) × 2 s = ${IDS_BOUND_MS / 1_000} s)`,
        value: `${ratio.toFixed(3)} (${(ms / 1_000).toFixed(2)} s)`,
        target: '≤ 1.2',
        ok: ratio <= 1.2,
      },
      {
        name: '  naive client (p-limit 8, ky default retries): requests, throttles, failures, time',
        value: `${naiveStats.requests} req, ${naiveStats.throttled} throttled, ${naive.failed} failed, ${(naive.ms / 1_000).toFixed(2)} s`,
      },
    );
  } finally {
    await oldApp.close();
  }
  return rows;
}
