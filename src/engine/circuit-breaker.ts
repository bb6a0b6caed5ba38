/**
 * A bucket's circuit breaker: after `threshold` consecutive transient failures it opens; after a
 * jittered cool-down a single probe goes (half-open), and its answer closes the circuit or opens it
 * again for twice as long (at most 10 minutes). Internal.
 */
export class CircuitBreaker {
  readonly #threshold: number;
  readonly #initialCooldown: number;
  readonly #random: () => number;
  #failures = 0;
  #state: 'closed' | 'open' | 'half-open' = 'closed';
  #openUntil = 0;
  #cooldown: number;
  #probeOut = false;

  constructor(threshold: number, cooldownMs: number, random: () => number) {
    this.#threshold = threshold;
    this.#initialCooldown = cooldownMs;
    this.#cooldown = cooldownMs;
    this.#random = random;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    return this.#state;
  }

  /**
   * Whether a request may go now: `undefined` if so, `'slot'` if it must wait for the probe's
   * answer, or the time the circuit half-opens.
   */
  blocked(now: number, inFlight: number): number | 'slot' | undefined {
    if (this.#state === 'open') {
      if (now < this.#openUntil) return this.#openUntil;
      this.#state = 'half-open';
    }
    if (this.#state === 'half-open' && (this.#probeOut || inFlight > 0)) return 'slot';
    return undefined;
  }

  /** A request is admitted; returns whether it is the half-open probe. */
  admitted(): boolean {
    if (this.#state !== 'half-open') return false;
    this.#probeOut = true;
    return true;
  }

  /** A request got an answer (any answer: the platform is reachable). */
  succeeded(): void {
    this.#failures = 0;
    this.#probeOut = false;
    if (this.#state !== 'closed') {
      this.#state = 'closed';
      this.#cooldown = this.#initialCooldown;
    }
  }

  /** A request ended without saying anything about the platform's health (e.g. cancelled). */
  ended(probe: boolean): void {
    if (probe) this.#probeOut = false;
  }

  /** A request failed in transport or with a 5xx. */
  failed(now: number, probe: boolean): void {
    this.#failures++;
    if (probe) this.#probeOut = false;
    if (!probe && this.#failures < this.#threshold) return;
    if (probe) this.#cooldown = Math.min(this.#cooldown * 2, 600_000);
    this.#state = 'open';
    this.#openUntil = now + this.#cooldown * (0.5 + this.#random() * 0.5);
  }
}
