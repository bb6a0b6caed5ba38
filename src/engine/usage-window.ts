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
    const allowed = this.#limit - 1; // never the last unit: usage stays under 100 %
    if (inWindow < allowed) return undefined;
    // The (inWindow - allowed + 1)-th oldest send in the window has to leave it. The server saw it
    // a little after we sent it: wait a margin (2 % of the window, 50 ms to 1 s) beyond.
    const oldest = this.#sends[this.#sends.length - allowed]!;
    return oldest + this.windowMs + Math.min(1_000, Math.max(50, 0.02 * this.windowMs));
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
