// Internal (not exported by any entry point): periodValues by the page, in columns, for series().
// Handing over 390,000 rows one `for await` step and two objects each cost 0.3–0.5 s of a weekly
// series over 30,040 accounts; a page of typed arrays costs one step per query.

import type { PeriodValue, PeriodValuesOptions, SnapshotStore } from './types.js';

/** The key of a built-in store's paged `periodValues` (a symbol: no public surface). */
export const periodPages: unique symbol = Symbol('social-reach.periodPages');

/** Rows of `periodValues`, row i across the columns. */
export interface PeriodPage {
  readonly size: number;
  readonly accountId: string[];
  readonly period: Int32Array;
  readonly takenMs: Float64Array;
  readonly value: Float64Array;
  /** `NaN` for an unknown bound. */
  readonly min: Float64Array;
  /** `NaN` for an unknown bound. */
  readonly max: Float64Array;
}

/** A store with {@link periodPages}: the same rows as its `periodValues`, in the same order. */
export interface PeriodPageSource {
  [periodPages](options: PeriodValuesOptions): AsyncIterable<PeriodPage>;
}

/** Whether the store answers {@link periodPages}. */
export function hasPeriodPages(store: SnapshotStore): store is SnapshotStore & PeriodPageSource {
  return typeof (store as Partial<PeriodPageSource>)[periodPages] === 'function';
}

/** An empty page for `capacity` rows; the caller fills rows and sets `size`. */
export function newPage(capacity: number): PeriodPage & { size: number } {
  return {
    size: 0,
    accountId: new Array<string>(capacity),
    period: new Int32Array(capacity),
    takenMs: new Float64Array(capacity),
    value: new Float64Array(capacity),
    min: new Float64Array(capacity),
    max: new Float64Array(capacity),
  };
}

/** The rows of pages, one object each: `periodValues` itself. */
export async function* periodRows(pages: AsyncIterable<PeriodPage>): AsyncGenerator<PeriodValue> {
  for await (const page of pages) {
    const rows: PeriodValue[] = [];
    for (let i = 0; i < page.size; i++) {
      const [min, max] = [page.min[i]!, page.max[i]!];
      rows.push({
        accountId: page.accountId[i]!,
        period: page.period[i]!,
        takenAt: new Date(page.takenMs[i]!),
        followers: {
          value: page.value[i]!,
          min: Number.isNaN(min) ? null : min,
          max: Number.isNaN(max) ? null : max,
        },
      });
    }
    yield* rows;
  }
}
