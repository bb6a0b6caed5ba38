import { growth } from '../src/aggregate/growth.js';
import { rank } from '../src/aggregate/rank.js';
import { series } from '../src/aggregate/series.js';
import { totals } from '../src/aggregate/totals.js';
import { defineRegistry, type RegistryInput } from '../src/model/registry.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { memoryStore } from '../src/stores/memory.js';
import { renderHtmlReport, renderXlsxReport, type VisualReport } from '../src/visual/index.js';
import { type BenchRow, median, timeIt } from './harness.js';

const DIVISIONS = 10;
const DISTRICTS = 55;
const ACCOUNTS = 10_000;
const DAYS = 90;
const DAY = 86_400_000;
const START = Date.parse('2026-09-01T04:30:00Z');

/**
 * The visual reports for 10,000 accounts in 55 districts under 10 divisions, with 90 days of
 * daily snapshots: the HTML page (every section, three charts drawn by Vega, the 10,000 accounts
 * listed under their districts) and the workbook, from results already computed (`totals`,
 * `rank`, `growth`, a daily `series` of the state and its divisions). Medians of 3.
 */
export async function benchReports(): Promise<BenchRow[]> {
  const input: RegistryInput = {
    units: [
      { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
      ...Array.from({ length: DIVISIONS }, (_, d) => ({
        id: `div${d}`,
        kind: 'division',
        name: { en: `Division ${d}`, hi: `संभाग ${d}` },
        parent: 'mp',
      })),
      ...Array.from({ length: DISTRICTS }, (_, d) => ({
        id: `dist${d}`,
        kind: 'district',
        name: { en: `District ${d}`, hi: `ज़िला ${d}` },
        parent: `div${d % DIVISIONS}`,
      })),
    ],
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({
      id: `acc${i}`,
      unit: `dist${i % DISTRICTS}`,
      platform: i % 3 === 0 ? 'x' : i % 3 === 1 ? 'facebook' : 'instagram',
      handle: i % 3 === 1 ? `page.${i}` : `user${i}`,
    })),
  };
  const registry = defineRegistry(input);
  const snapshots: Snapshot[] = [];
  for (let day = 0; day < DAYS; day++) {
    const takenAt = new Date(START + day * DAY);
    for (let i = 0; i < ACCOUNTS; i++) {
      if (i % 97 === 0 && day === DAYS - 1) continue; // a few accounts missed the last day
      const value = 1_000 + ((i * 7_919 + day * 131) % 50_000);
      snapshots.push({
        accountId: `acc${i}`,
        platform: registry.account(`acc${i}`)!.platform,
        takenAt,
        followers: { value, min: value, max: value },
        source: { provider: 'bench' },
      });
    }
  }
  const store = memoryStore();
  await store.put(snapshots);
  const end = new Date(START + (DAYS - 1) * DAY);
  const from = new Date(START + 59 * DAY);
  const t = totals(registry, snapshots, { asOf: end });
  let daily: Awaited<ReturnType<typeof series>> | undefined;
  const seriesMs = await timeIt(async () => {
    daily = await series(registry, store, { from: new Date(START), to: end, interval: 'day' });
  });
  const report: VisualReport = {
    registry,
    totals: t,
    ranking: { entries: rank(registry, t, { kind: 'district' }) },
    growth: {
      units: growth(
        registry,
        await store.latest({ asOf: from }),
        await store.latest({ asOf: end }),
      ),
      from,
      to: end,
    },
    series: { series: daily! },
  };
  let htmlBytes = 0;
  let xlsxBytes = 0;
  // first runs load vega and exceljs: not measured
  await renderHtmlReport(report);
  await renderXlsxReport(report);
  const html: number[] = [];
  const hi: number[] = [];
  const xlsx: number[] = [];
  for (let run = 0; run < 3; run++) {
    html.push(await timeIt(async () => (htmlBytes = (await renderHtmlReport(report)).length)));
    hi.push(await timeIt(() => renderHtmlReport(report, { locale: 'hi-IN' })));
    xlsx.push(await timeIt(async () => (xlsxBytes = (await renderXlsxReport(report)).length)));
  }
  const htmlMs = median(html);
  return [
    {
      name: 'series(): daily, 90 days, 10,000 accounts, 66 units (once, for the report)',
      value: `${seriesMs.toFixed(0)} ms`,
    },
    {
      name: `renderHtmlReport, en-IN: every section, 3 charts, 10,000 account rows (${(htmlBytes / 1e6).toFixed(1)} MB)`,
      value: `${htmlMs.toFixed(0)} ms`,
      target: '≤ 5 s',
      ok: htmlMs <= 5_000,
    },
    { name: 'renderHtmlReport, hi-IN', value: `${median(hi).toFixed(0)} ms` },
    {
      name: `renderXlsxReport: 6 sheets (${(xlsxBytes / 1e6).toFixed(1)} MB)`,
      value: `${median(xlsx).toFixed(0)} ms`,
    },
  ];
}
