/**
 * The adaptive rate of a bucket whose platform announces no quota, modelled on AWS's adaptive
 * retry mode: slow start (doubling every 250 ms) until the first throttle, then CUBIC: cut by 30 %
 * on a throttle, grow back towards the rate before the cut and probe beyond it. Never more than
 * twice the rate actually sent, so an idle bucket cannot save up a burst. Internal.
 */
export class AdaptivePacer {
  #rate: number;
  readonly #min: number;
  readonly #max: number;
  readonly #initial: number;
  #slowStart: boolean;
  #lastMax = 0;
  #lastCut = 0;
  #lastIncrease = 0;
  /** Send times within the last second, to measure the rate actually sent. */
  readonly #recent: number[] = [];

  /**
   * @param rate requests per second to start from
   * @param slowStart whether to double the rate until the first throttle (a configured prior);
   *   a rate turned on by a throttle starts in congestion avoidance
   */
  constructor(rate: number, options: { minRate?: number; maxRate?: number; slowStart: boolean }) {
    this.#min = options.minRate ?? 0.5;
    this.#max = options.maxRate ?? 1_000;
    this.#initial = rate;
    this.#rate = rate;
    this.#slowStart = options.slowStart;
  }

  /** Requests per second now. */
  get rate(): number {
    return this.#rate;
  }

  /** Milliseconds between sends at the current rate. */
  get spacing(): number {
    return 1_000 / this.#rate;
  }

  /** Records a send. */
  sent(now: number): void {
    this.#recent.push(now);
    this.#trim(now);
  }

  /** How many requests went out in the last second. */
  measured(now: number): number {
    this.#trim(now);
    return this.#recent.length;
  }

  /** A successful answer: grow (at most every 250 ms). */
  grow(now: number): void {
    if (now - this.#lastIncrease < SLOW_START_STEP_MS) return;
    this.#lastIncrease = now;
    const ceiling = Math.min(this.#max, Math.max(2 * this.measured(now), this.#initial));
    if (this.#slowStart) {
      this.#rate = Math.max(this.#rate, Math.min(ceiling, this.#rate * 2));
      return;
    }
    // CUBIC: W(t) = C (t - K)^3 + Wmax, K = cbrt(Wmax (1 - beta) / C), t in seconds since the cut.
    const t = (now - this.#lastCut) / 1_000;
    const k = Math.cbrt((this.#lastMax * (1 - CUBIC_BETA)) / CUBIC_C);
    const target = CUBIC_C * (t - k) ** 3 + this.#lastMax;
    this.#rate = Math.max(this.#rate, Math.min(ceiling, target));
  }

  /** A throttle: cut by 30 % and remember the rate before the cut. */
  cut(now: number): void {
    this.#slowStart = false;
    this.#lastMax = this.#rate;
    this.#lastCut = now;
    this.#rate = Math.max(this.#min, this.#rate * CUBIC_BETA);
  }

  #trim(now: number): void {
    while (this.#recent.length > 0 && this.#recent[0]! <= now - 1_000) this.#recent.shift();
  }
}

const SLOW_START_STEP_MS = 250;
const CUBIC_C = 0.4;
const CUBIC_BETA = 0.7;
