/**
 * Usage mode of a bucket: the platform shows a percentage of an unannounced limit over a rolling
 * window of known length (Facebook's `X-App-Usage`: an hour). Every answer bounds the limit from
 * below; admission keeps our requests in the window below it, so the usage never reaches 100 %.
 *
 * The server counts a request when it arrives, somewhere between our send and its answer, and the
 * percentage in an answer covers the requests that arrived up to and including it. So:
 * - learning counts only what the server surely saw: the request answered, and ours that got an
 *   answer before it was sent and were sent within the window (a request that failed on the way,
 *   a reset or a timeout, may never have arrived; an undercount keeps the bound safe);
 * - admission counts every request until a window after its answer (an overcount never overruns).
 *
 * A request may weigh more than one unit: a Graph batch of 50 sub-requests counts as 50 calls on
 * Meta's side (each call within the batch is counted separately), so the window counts units, not
 * HTTP requests, and the learnt limit is in units. Internal.
 *
 * @module
 */
export class UsageWindow {
  readonly windowMs: number;
  /** Our requests, by send time, oldest first (a minute of slack beyond the window is kept). */
  readonly #requests: {
    sent: number;
    answered: number | undefined;
    reached: boolean;
    cost: number;
  }[] = [];
  #limit: number | undefined;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** The learnt lower bound of the limit, if any answer showed usage yet. */
  get limit(): number | undefined {
    return this.#limit;
  }

  /** Records a send of a request that counts as `cost` units (calls) on the platform's side. */
  sent(now: number, cost = 1): void {
    this.#requests.push({ sent: now, answered: undefined, reached: false, cost });
  }

  /**
   * Records the end of the request sent at `sentAt`: an answer from the server (`reached`), or a
   * failure or cancellation. Either way the server has seen it, if ever, by now.
   */
  answered(sentAt: number, now: number, reached = true): void {
    const request = this.#requests.find((r) => r.sent === sentAt && r.answered === undefined);
    if (!request) return;
    request.answered = now;
    request.reached = reached;
  }

  /**
   * Learns from the answer to the request sent at `sentAt` (recorded with {@link answered}), which
   * counted `cost` units: with `n` units surely counted and `u` per cent shown (rounded down), the
   * limit is more than `100 n / (u + 1)`.
   */
  learn(usagePct: number, sentAt: number, now: number, cost = 1): void {
    if (usagePct <= 0 || usagePct > 100) return;
    const since = now - this.windowMs;
    this.#prune(since);
    let counted = cost; // the request answered
    for (const r of this.#requests) {
      if (r.reached && r.sent > since && r.answered! < sentAt) counted += r.cost;
    }
    const bound = Math.floor((100 * counted) / (usagePct + 1)) + 1;
    this.#limit = Math.max(this.#limit ?? 0, bound);
  }

  /** When one more request of `cost` units may go, or `undefined` if it may go now. */
  blockedUntil(now: number, cost = 1): number | undefined {
    if (this.#limit === undefined) return undefined;
    const since = now - this.windowMs;
    this.#prune(since);
    let pending = 0;
    let answered = 0;
    const answers: { at: number; cost: number }[] = []; // answers in the window
    for (const r of this.#requests) {
      if (r.answered === undefined) pending += r.cost;
      else if (r.answered > since) {
        answers.push({ at: r.answered, cost: r.cost });
        answered += r.cost;
      }
    }
    const occupied = pending + answered;
    // Never the last unit, so the usage stays under 100 %; but a learnt limit of 1 (one request
    // showed 100 %) still lets one request per window through, or the bucket would stall. A
    // request heavier than the whole allowance goes alone, into an empty window.
    const allowed = Math.max(1, this.#limit - 1);
    if (occupied + cost <= allowed || occupied === 0) return undefined;
    // The oldest answers in the window, enough of their units for this one to fit, have to leave
    // it, plus a margin for timer granularity (1 % of the window, 20 ms to 1 s).
    const leaving = Math.min(occupied, occupied + cost - allowed);
    const margin = Math.min(1_000, Math.max(20, 0.01 * this.windowMs));
    if (leaving > answered) {
      // Requests in flight fill the window: an answer will call the gate again; look again a
      // window from now at the latest.
      return now + this.windowMs;
    }
    answers.sort((a, b) => a.at - b.at);
    let left = 0;
    for (const answer of answers) {
      left += answer.cost;
      if (left >= leaving) return answer.at + this.windowMs + margin;
    }
    return now + this.windowMs; // not reached: `leaving` is at most the units answered
  }

  /** Forgets requests that ended more than a minute before the window. */
  #prune(since: number): void {
    const old = since - 60_000;
    let drop = 0;
    const requests = this.#requests;
    // by answer time: a request sent long ago may have been answered within the window
    while (drop < requests.length && (requests[drop]!.answered ?? Number.POSITIVE_INFINITY) <= old)
      drop++;
    if (drop > 0) requests.splice(0, drop);
  }
}
