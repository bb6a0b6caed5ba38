// Reading ahead: the next pages' queries run while the caller consumes the current one, so a
// PostgreSQL server works on page k + 1 (on another core, over another pooled connection) while
// JavaScript decodes page k. Results come out in the order of their inputs.

/**
 * Maps each item of `source` through `fetch`, keeping up to `depth` fetches in flight, and
 * yields the results in `source`'s order. With `depth` 1 it is a plain sequential loop. A fetch
 * that fails ends the iteration with its error; fetches already started are awaited (so nothing
 * runs on after the iteration ends, and no rejection goes unhandled) but their results dropped.
 */
export async function* readAhead<I, O>(
  source: AsyncIterable<I>,
  fetch: (item: I) => Promise<O>,
  depth: number,
): AsyncGenerator<O, void> {
  const pending: Promise<O>[] = [];
  const items = source[Symbol.asyncIterator]();
  let more = true;
  try {
    for (;;) {
      while (more && pending.length < depth) {
        const next = await items.next();
        if (next.done) more = false;
        else {
          const fetched = fetch(next.value);
          fetched.catch(() => {}); // handled when its turn comes, or dropped in `finally`
          pending.push(fetched);
        }
      }
      const first = pending.shift();
      if (first === undefined) return;
      yield await first;
    }
  } finally {
    await Promise.allSettled(pending);
    if (more) await items.return?.();
  }
}

/**
 * Slices `ids` (sorted) into `parts` contiguous runs whose lengths differ by one at most, fewer
 * runs when a run would hold fewer than `minPerPart` ids; concatenating results per run keeps the
 * order.
 */
export function slices<T>(ids: readonly T[], parts: number, minPerPart: number): T[][] {
  const n = Math.max(1, Math.min(parts, Math.floor(ids.length / minPerPart)));
  const out: T[][] = [];
  for (let k = 0; k < n; k++) {
    const run = ids.slice(Math.floor((k * ids.length) / n), Math.floor(((k + 1) * ids.length) / n));
    if (run.length > 0) out.push(run);
  }
  return out;
}
