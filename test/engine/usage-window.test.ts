import { describe, expect, it } from 'vitest';
import { UsageWindow } from '../../src/engine/usage-window.js';

/** A window with one request per entry of `[sentAt, answeredAt]`. */
function withRequests(requests: [number, number][], windowMs = 1_000) {
  const usage = new UsageWindow(windowMs);
  for (const [sent] of requests) usage.sent(sent);
  for (const [sent, answered] of requests) usage.answered(sent, answered);
  return usage;
}

const times = (n: number, sent: number, answered: number): [number, number][] =>
  Array.from({ length: n }, () => [sent, answered]);

describe('UsageWindow (usage percentages over a rolling window)', () => {
  it('learns a lower bound of the limit, and holds the request that would reach 100 %', () => {
    const usage = withRequests([...times(8, 0, 5), [6, 8]]);
    usage.learn(80, 6, 8); // 9 surely counted at 80 %: the limit is more than 900 / 81, so >= 12
    expect(usage.limit).toBe(12);
    usage.sent(10);
    usage.answered(10, 11);
    expect(usage.blockedUntil(12)).toBeUndefined(); // 10 in the window, 11 allowed
    usage.sent(12);
    usage.answered(12, 13);
    // 11 in the window: the oldest answer must leave it first, plus a 20 ms margin
    expect(usage.blockedUntil(14)).toBe(5 + 1_000 + 20);
  });

  it('learns only from requests the server surely saw: answered before the one answered was sent', () => {
    const usage = withRequests([
      [0, 50],
      [10, 30], // sent later, answered sooner: it may have arrived after the first one
    ]);
    usage.learn(50, 0, 50); // only the answered one is sure: more than 100 / 51, so >= 2
    expect(usage.limit).toBe(2);
    usage.sent(60);
    usage.answered(60, 70);
    usage.learn(50, 60, 70); // 3 sure at 50 %: more than 300 / 51, so >= 6
    expect(usage.limit).toBe(6);
  });

  it('does not learn from requests that failed on the way (they may never have reached the server)', () => {
    const usage = new UsageWindow(1_000);
    for (let t = 0; t < 10; t++) usage.sent(t);
    for (let t = 0; t < 10; t++) usage.answered(t, 20, false); // connection refused, say
    usage.sent(30);
    usage.answered(30, 40);
    usage.learn(10, 30, 40); // only the answered one is sure: more than 100 / 11, so >= 10
    expect(usage.limit).toBe(10);
    // but the failed ones still hold their places until a window after they ended
    expect(usage.blockedUntil(41)).toBe(20 + 1_000 + 20);
  });

  it('a request leaves the window counted from its answer: the server may have seen it that late', () => {
    const usage = withRequests([[0, 300]]); // a new connection: answered after 300 ms
    usage.learn(50, 0, 300); // at least 2: 1 may be in the window
    expect(usage.blockedUntil(301)).toBe(300 + 1_000 + 20);
    expect(usage.blockedUntil(1_320)).toBeUndefined();
  });

  it('requests in flight hold a place in the window until they are answered', () => {
    const usage = withRequests([[0, 10]]);
    usage.learn(33, 0, 10); // 1 counted at 33 %: at least 3, so 2 may be in the window
    usage.sent(20);
    usage.sent(21);
    expect(usage.blockedUntil(22)).toBe(22 + 1_000); // only an answer frees a place: look again later
    usage.answered(20, 30);
    // 3 in the window, 2 allowed: the answers at 10 and at 30 must both leave
    expect(usage.blockedUntil(31)).toBe(30 + 1_000 + 20);
  });

  it('a learnt limit of 1 (the first request showed 100 %) still lets one request per window through', () => {
    const usage = withRequests([[0, 5]]);
    usage.learn(100, 0, 5);
    expect(usage.limit).toBe(1);
    const until = usage.blockedUntil(6);
    expect(Number.isFinite(until)).toBe(true);
    expect(until).toBe(5 + 1_000 + 20);
    expect(usage.blockedUntil(1_026)).toBeUndefined();
  });

  it('a request that hung for minutes holds its place until a window after its late answer', () => {
    const usage = withRequests([[0, 10]]);
    usage.learn(50, 0, 10); // at least 2: 1 may be in the window
    usage.sent(20);
    usage.answered(20, 120_000); // sent two minutes ago, answered now
    expect(usage.blockedUntil(120_001)).toBe(120_000 + 1_000 + 20);
  });

  it('counts units, not requests: a batch of 50 calls weighs 50 in what it teaches and what it holds', () => {
    const usage = new UsageWindow(1_000);
    usage.sent(0, 50);
    usage.answered(0, 10);
    usage.learn(50, 0, 10, 50); // 50 calls at 50 %: the limit is more than 5000 / 51, so >= 99
    expect(usage.limit).toBe(99);
    expect(usage.blockedUntil(11, 48)).toBeUndefined(); // 50 + 48 <= 98
    expect(usage.blockedUntil(11, 49)).toBe(10 + 1_000 + 20); // 99 would reach 100 %
    expect(usage.blockedUntil(11, 1)).toBeUndefined();
    // a request heavier than the whole allowance still goes, into an empty window
    expect(usage.blockedUntil(1_031, 500)).toBeUndefined();
  });

  it('frees as many of the oldest units as the next request needs', () => {
    const usage = new UsageWindow(1_000);
    usage.sent(0, 10);
    usage.answered(0, 100);
    usage.sent(150, 10);
    usage.answered(150, 200);
    usage.learn(20, 150, 200, 10); // 20 calls surely counted at 20 %: >= 96
    expect(usage.limit).toBe(96);
    usage.sent(210, 70);
    usage.answered(210, 300);
    // 90 in the window, 95 allowed: 6 more need the answer at 100 to leave; 16 need 100 and 200
    expect(usage.blockedUntil(301, 6)).toBe(100 + 1_000 + 20);
    expect(usage.blockedUntil(301, 16)).toBe(200 + 1_000 + 20);
  });

  it('forgets requests long out of the window', () => {
    const usage = withRequests(times(5, 0, 10));
    usage.learn(50, 0, 10);
    expect(usage.blockedUntil(20)).toBe(10 + 1_000 + 20);
    expect(usage.blockedUntil(200_000)).toBeUndefined();
  });
});
