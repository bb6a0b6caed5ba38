import { normalizeHandle } from '../src/model/platform.js';
import { defineRegistry } from '../src/model/registry.js';
import type { Unit } from '../src/model/unit.js';
import { type BenchRow, median, timeIt } from './harness.js';

const DEPTH = 100_000;

/**
 * The worst shapes of input issue #10 found, run in the aggregation group because a registry is
 * what aggregation starts from: a 100,000-deep chain (the cycle check was cubic in depth, 4,000
 * deep took 16 s), a 100,000-unit cycle, and a 50,000-character Mastodon handle (the user pattern
 * backtracked: 1.4 s). Targets are loose: they are there to catch a return to polynomial time.
 */
export async function benchRegistry(): Promise<BenchRow[]> {
  const chain: Unit[] = Array.from({ length: DEPTH }, (_, i) => ({
    id: `u${i}`,
    kind: 'office',
    name: `Unit ${i}`,
    ...(i > 0 ? { parent: `u${i - 1}` } : {}),
  }));
  const cycle: Unit[] = chain.map((unit, i) => ({
    ...unit,
    parent: `u${(i + DEPTH - 1) % DEPTH}`,
  }));
  const accounts = [{ id: 'deep', unit: `u${DEPTH - 1}`, platform: 'x', handle: 'DeepOffice' }];
  const handle = `${'a'.repeat(50_000)}-@mastodon.social`;

  const chainTimes: number[] = [];
  const cycleTimes: number[] = [];
  const handleTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    chainTimes.push(
      await timeIt(() => defineRegistry({ units: chain, accounts }).ancestors(`u${DEPTH - 1}`)),
    );
    cycleTimes.push(await timeIt(() => rejects(() => defineRegistry({ units: cycle }))));
    handleTimes.push(await timeIt(() => rejects(() => normalizeHandle('mastodon', handle))));
  }
  const chainMs = median(chainTimes);
  const cycleMs = median(cycleTimes);
  const handleMs = median(handleTimes);
  return [
    {
      name: 'defineRegistry: a 100,000-deep chain, with ancestors of the deepest (median of 3)',
      value: `${chainMs.toFixed(0)} ms`,
      target: '≤ 2,000 ms',
      ok: chainMs <= 2_000,
    },
    {
      name: 'defineRegistry: a 100,000-unit cycle, reported (median of 3)',
      value: `${cycleMs.toFixed(0)} ms`,
      target: '≤ 2,000 ms',
      ok: cycleMs <= 2_000,
    },
    {
      name: 'normalizeHandle: a 50,000-character Mastodon handle, rejected (median of 3)',
      value: `${handleMs.toFixed(2)} ms`,
      target: '≤ 1 ms',
      ok: handleMs <= 1,
    },
  ];
}

function rejects(fn: () => unknown): void {
  try {
    fn();
  } catch {
    return;
  }
  throw new Error('bench: expected the input to be refused');
}
