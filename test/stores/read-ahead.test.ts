import { describe, expect, it } from 'vitest';
import { readAhead, slices } from '../../src/stores/postgres/read-ahead.js';

async function* items(n: number, seen: number[] = []): AsyncGenerator<number, void> {
  for (let i = 0; i < n; i++) {
    seen.push(i);
    yield i;
  }
}

const later = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('readAhead (the postgres store reading the next pages while one is consumed)', () => {
  it('yields results in the order of the inputs, whichever fetch finishes first', async () => {
    const out: number[] = [];
    const fetch = async (i: number) => {
      await later((6 - i) * 3);
      return i * 10;
    };
    for await (const v of readAhead(items(6), fetch, 3)) out.push(v);
    expect(out).toStrictEqual([0, 10, 20, 30, 40, 50]);
  });

  it('keeps at most `depth` fetches in flight, and 1 is a plain loop', async () => {
    for (const depth of [1, 2, 4]) {
      let running = 0;
      let most = 0;
      const fetch = async (i: number) => {
        most = Math.max(most, ++running);
        await later(2);
        running--;
        return i;
      };
      let n = 0;
      for await (const _ of readAhead(items(10), fetch, depth)) {
        n++;
        await later(1);
      }
      expect(n).toBe(10);
      expect(most).toBe(depth);
    }
  });

  it('ends with a failed fetch’s error, after the others in flight have settled', async () => {
    const settled: number[] = [];
    const fetch = async (i: number) => {
      await later(i === 1 ? 1 : 10);
      settled.push(i);
      if (i === 1) throw new Error('page 1 failed');
      return i;
    };
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const v of readAhead(items(10), fetch, 3)) out.push(v);
      })(),
    ).rejects.toThrow('page 1 failed');
    expect(out).toStrictEqual([0]);
    // Pages 2 and 3 were asked for; nothing is left running once the loop has ended.
    expect(settled.sort()).toStrictEqual([0, 1, 2, 3]);
  });

  it('a loop left early waits for the fetches in flight and asks for no more items', async () => {
    const seen: number[] = [];
    const done: number[] = [];
    const fetch = async (i: number) => {
      await later(5);
      done.push(i);
      return i;
    };
    for await (const v of readAhead(items(100, seen), fetch, 3)) if (v === 1) break;
    expect(done.sort()).toStrictEqual([0, 1, 2, 3]);
    expect(seen).toStrictEqual([0, 1, 2, 3]);
  });
});

describe('slices', () => {
  it('cuts sorted ids into contiguous runs of nearly equal length, none smaller than asked', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i);
    expect(slices(ids, 4, 2)).toStrictEqual([
      [0, 1],
      [2, 3, 4],
      [5, 6],
      [7, 8, 9],
    ]);
    expect(slices(ids, 4, 4)).toStrictEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
    expect(slices(ids, 4, 20)).toStrictEqual([ids]);
    expect(slices([], 4, 1)).toStrictEqual([]);
    expect(slices(ids, 4, 1).flat()).toStrictEqual(ids);
  });
});
