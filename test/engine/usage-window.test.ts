import { describe, expect, it } from 'vitest';
import { UsageWindow } from '../../src/engine/usage-window.js';

describe('UsageWindow (usage percentages over a rolling window)', () => {
  it('learns a lower bound of the limit and holds the send that would reach 100 %', () => {
    const usage = new UsageWindow(1_000);
    for (let t = 0; t < 9; t++) usage.sent(t);
    usage.learn(80, 10, 0); // 9 counted at 80 %: the limit is more than 900 / 81, so at least 12
    expect(usage.limit).toBe(12);
    usage.sent(10);
    expect(usage.blockedUntil(11)).toBeUndefined(); // 10 in the window, 11 allowed
    usage.sent(11);
    // 11 sent: the oldest must leave the window first, plus a 50 ms margin
    expect(usage.blockedUntil(12)).toBe(0 + 1_000 + 50);
  });

  it('a learnt limit of 1 (the first send showed 100 %) still lets one request per window through', () => {
    const usage = new UsageWindow(1_000);
    usage.sent(0);
    usage.learn(100, 5, 0);
    expect(usage.limit).toBe(1);
    const until = usage.blockedUntil(6);
    expect(Number.isFinite(until)).toBe(true);
    expect(until).toBe(0 + 1_000 + 50);
    expect(usage.blockedUntil(1_051)).toBeUndefined();
  });

  it('waits beyond an expiry by the recent answer lag, when it is longer than the margin', () => {
    const usage = new UsageWindow(1_000);
    usage.sent(0);
    usage.learn(50, 5, 0); // 1 counted at 50 %: the limit is at least 2, so 1 may be in the window
    expect(usage.blockedUntil(5)).toBe(0 + 1_000 + 50);
    usage.answered(0, 80); // answered after 80 ms: the server may have counted it that late
    expect(usage.blockedUntil(81)).toBe(0 + 1_000 + 80);
    usage.sent(10_000);
    usage.answered(5_000, 10_000); // a request that hung 5 s: the lag counts a tenth of the window
    expect(usage.blockedUntil(10_001)).toBe(10_000 + 1_000 + 100);
  });
});
