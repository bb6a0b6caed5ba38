import { setTimeout as delay } from 'node:timers/promises';
import ky from 'ky';
import pLimit from 'p-limit';

/** One line of the benchmark table. */
export interface BenchRow {
  /** What was measured. */
  name: string;
  /** The figure, formatted. */
  value: string;
  /** The target, in words, when there is one. */
  target?: string;
  /** Whether the target was met (`undefined` when there is no target). */
  ok?: boolean;
  /** How it was measured, printed after the figures. */
  note?: string;
}

/**
 * Waits for the start of the fake server's next window (its windows are aligned to the epoch:
 * they start on multiples of `windowMs`), as a benchmark's lower bound assumes a full first window.
 */
export function untilWindowStart(windowMs: number): Promise<void> {
  const wait = windowMs - (Date.now() % windowMs) + 5;
  return delay(wait);
}

/**
 * The naive client the engine is compared with: every URL fetched by ky with its default retries,
 * eight at a time (p-limit), whatever the server says about its limits.
 */
export async function naiveClient(
  urls: readonly string[],
  headers: Record<string, string> = {},
): Promise<{ ms: number; failed: number }> {
  const limit = pLimit(8);
  const start = performance.now();
  let failed = 0;
  await Promise.all(
    urls.map((url) =>
      limit(async () => {
        try {
          await ky.get(url, { headers }).json();
        } catch {
          failed++;
        }
      }),
    ),
  );
  return { ms: performance.now() - start, failed };
}

/** Times `fn` once, in milliseconds. */
export async function timeIt(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints rows as an aligned table. */
export function printTable(title: string, rows: readonly BenchRow[]): void {
  const cells = rows.map((r) => [
    r.name,
    r.value,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED',
  ]);
  const header = ['measure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const full = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  const line = (c: string[]) => full(c).trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  cells.forEach((c, i) => {
    const note = rows[i]!.note;
    console.log(note ? `${full(c)}  ${note}` : line(c));
  });
}
