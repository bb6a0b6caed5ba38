import { describe, expect, it } from 'vitest';
import { type Waiter, WaiterQueue } from '../../src/engine/waiter-queue.js';

/** The queue both rate gates keep (RateGate, and SharedGate for Redis): order, aborts, deadlines. */

function waiter(signal?: AbortSignal, deadline = Number.POSITIVE_INFINITY) {
  const settled: { permit?: string; error?: unknown } = {};
  const w: Waiter<string> = {
    resolve: (permit) => (settled.permit = permit),
    reject: (error) => (settled.error = error),
    deadline,
    signal,
    cost: 1,
  };
  return { w, settled };
}

describe('WaiterQueue', () => {
  it('keeps arrival order', () => {
    const queue = new WaiterQueue<string>();
    const [a, b] = [waiter(), waiter()];
    queue.push(a.w);
    queue.push(b.w);
    expect(queue.length).toBe(2);
    expect(queue.at(0)).toBe(a.w);
    expect(queue.shift()).toBe(a.w);
    expect(queue.takeAll()).toEqual([b.w]);
    expect(queue.length).toBe(0);
  });

  it("listens once per signal; an abort rejects that signal's waiters only, then tells the gate", () => {
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
    const many = Array.from({ length: 200 }, () => waiter(shared.signal));
    for (const { w } of many) queue.push(w);
    const kept = waiter(other.signal);
    queue.push(kept.w);
    expect(listeners).toBe(1);
    shared.abort(new Error('stop'));
    expect(many.every(({ settled }) => (settled.error as Error)?.message === 'stop')).toBe(true);
    expect(kept.settled.error).toBeUndefined();
    expect(queue.length).toBe(1);
    expect(told).toBe(1);
  });

  it('rejects the waiters whose deadline comes first, each with its own error', () => {
    const queue = new WaiterQueue<string>();
    const soon = waiter(undefined, 1_000);
    const later = waiter(undefined, 5_000);
    queue.push(soon.w);
    queue.push(later.w);
    let made = 0;
    queue.rejectBefore(2_000, () => new Error(`late ${++made}`));
    expect((soon.settled.error as Error).message).toBe('late 1');
    expect(later.settled.error).toBeUndefined();
    expect(queue.at(0)).toBe(later.w);
  });

  it('unwatch: an abort after the gate closed touches nothing', () => {
    let told = 0;
    const queue = new WaiterQueue<string>(() => told++);
    const controller = new AbortController();
    const one = waiter(controller.signal);
    queue.push(one.w);
    queue.unwatch();
    queue.rejectAll(new Error('closed'));
    controller.abort();
    expect((one.settled.error as Error).message).toBe('closed');
    expect(told).toBe(0);
  });
});
