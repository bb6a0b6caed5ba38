import { describe, expect, it } from 'vitest';
import { WaiterQueue } from '../../src/engine/waiter-queue.js';

/** The queue both rate gates keep (RateGate, and SharedGate for Redis): order, aborts, deadlines. */

const never = Number.POSITIVE_INFINITY;

describe('WaiterQueue', () => {
  it('keeps arrival order; the gate hears of each arrival after it joined', async () => {
    const queue = new WaiterQueue<string>();
    const seen: number[] = [];
    const a = queue.wait(undefined, never, 1, () => seen.push(queue.length));
    const b = queue.wait(undefined, never, 3, () => seen.push(queue.length));
    expect(seen).toEqual([1, 2]);
    expect(queue.at(1)?.cost).toBe(3);
    queue.shift()!.resolve('first');
    queue.takeAll()[0]!.resolve('second');
    await expect(a).resolves.toBe('first');
    await expect(b).resolves.toBe('second');
    expect(queue.length).toBe(0);
  });

  it('refuses at once a request whose signal already aborted (it never joins)', async () => {
    const queue = new WaiterQueue<string>();
    let joined = false;
    const waiting = queue.wait(AbortSignal.abort(new Error('gone')), never, 1, () => {
      joined = true;
    });
    await expect(waiting).rejects.toThrow('gone');
    expect(joined).toBe(false);
    expect(queue.length).toBe(0);
  });

  it("listens once per signal; an abort rejects that signal's waiters only, then tells the gate", async () => {
    let told = 0;
    const queue = new WaiterQueue<string>(() => told++);
    const shared = new AbortController();
    const other = new AbortController();
    let listeners = 0;
    const add = shared.signal.addEventListener.bind(shared.signal);
    shared.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    const many = Array.from({ length: 200 }, () => queue.wait(shared.signal, never, 1, () => {}));
    const kept = queue.wait(other.signal, never, 1, () => {});
    expect(listeners).toBe(1);
    shared.abort(new Error('stop'));
    for (const waiting of many) await expect(waiting).rejects.toThrow('stop');
    expect(queue.length).toBe(1);
    expect(told).toBe(1);
    queue.shift()!.resolve('kept');
    await expect(kept).resolves.toBe('kept');
  });

  it('rejects the waiters whose deadline comes first, each with its own error', async () => {
    const queue = new WaiterQueue<string>();
    const soon = queue.wait(undefined, 1_000, 1, () => {});
    const later = queue.wait(undefined, 5_000, 2, () => {});
    let made = 0;
    queue.rejectBefore(2_000, () => new Error(`late ${++made}`));
    await expect(soon).rejects.toThrow('late 1');
    expect(made).toBe(1);
    expect(queue.at(0)?.cost).toBe(2);
    queue.rejectAll(new Error('closed'));
    await expect(later).rejects.toThrow('closed');
  });

  it('unwatch: an abort after the gate closed touches nothing', async () => {
    let told = 0;
    const queue = new WaiterQueue<string>(() => told++);
    const controller = new AbortController();
    const waiting = queue.wait(controller.signal, never, 1, () => {});
    queue.unwatch();
    queue.rejectAll(new Error('closed'));
    controller.abort(new Error('late abort'));
    await expect(waiting).rejects.toThrow('closed');
    expect(told).toBe(0);
  });
});
