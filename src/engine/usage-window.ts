/**
 * Usage mode of a bucket: the platform shows a percentage of an unannounced limit over a rolling
 * window of known length (Facebook's `X-App-Usage`: an hour). Every answer bounds the limit from
 * below; admission keeps our sends in the window below it, so the usage never reaches 100 %.
 * Internal.
 */
export class UsageWindow {
  readonly windowMs: number;
  /** Our send times, oldest first (a minute of slack beyond the window is kept). */
  readonly #sends: number[] = [];
  #limit: number | undefined;
  /** Recent time from a send to its answer, ms (see {@link answered}). */
  #lag = 0;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** The learnt lower bound of the limit, if any answer showed usage yet. */
  get limit(): number | undefined {
    return this.#limit;
  }

  /** Records a send. */
  sent(now: number): void {
    this.#sends.push(now);
  }

  /**
   * A send was answered (or failed) after `now - sentAt` ms. The server counted it somewhere in
   * between, so it may leave the server's window that much later than it leaves ours: the recent
   * lag (decaying, at most a tenth of the window) is added to the margin of {@link blockedUntil}.
   * Learning keeps the send times, which undercount the server's window, so its bound stays safe.
   */
  answered(sentAt: number, now: number): void {
    const lag = Math.max(0, now - sentAt);
    this.#lag = Math.min(0.1 * this.windowMs, Math.max(lag, 0.8 * this.#lag));
  }

  /**
   * Learns from an answer. Of our sends in the window, all but the other requests still in flight
   * were counted by the server: with `n` counted and `u` per cent shown (rounded down), the limit
   * is more than `100 n / (u + 1)`.
   */
  learn(usagePct: number, now: number, otherInFlight: number): void {
    if (usagePct <= 0 || usagePct > 100) return;
    const counted = this.#inWindow(now) - otherInFlight;
    if (counted <= 0) return;
    const bound = Math.floor((100 * counted) / (usagePct + 1)) + 1;
    this.#limit = Math.max(this.#limit ?? 0, bound);
  }

  /** When one more request may go, or `undefined` if it may go now. */
  blockedUntil(now: number): number | undefined {
    if (this.#limit === undefined) return undefined;
    const inWindow = this.#inWindow(now);
    // Never the last unit, so the usage stays under 100 %; but a learnt limit of 1 (one send showed
    // 100 %) still lets one request per window through, or the bucket would never send again.
    const allowed = Math.max(1, this.#limit - 1);
    if (inWindow < allowed) return undefined;
    // The (inWindow - allowed + 1)-th oldest send in the window has to leave it. The server saw it
    // a little after we sent it: wait a margin (2 % of the window, 50 ms to 1 s, or the recent
    // answer lag when longer) beyond.
    const oldest = this.#sends[this.#sends.length - allowed]!;
    const margin = Math.max(Math.min(1_000, Math.max(50, 0.02 * this.windowMs)), this.#lag);
    return oldest + this.windowMs + margin;
  }

  #inWindow(now: number): number {
    const since = now - this.windowMs;
    const sends = this.#sends;
    while (sends.length > 0 && sends[0]! <= since - 60_000) sends.shift();
    let i = sends.length;
    while (i > 0 && sends[i - 1]! > since) i--;
    return sends.length - i;
  }
}
