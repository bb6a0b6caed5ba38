/**
 * The seam between a collection and where its rate gates keep their state: by default each bucket's
 * gate lives in the process ({@link RateGate}); a {@link Coordinator} (the Redis one at
 * `social-reach/redis`) hands out gates whose state is shared by every process using the same
 * credential.
 *
 * @module
 */
import { SocialReachError } from '../errors.js';
import type { GateSnapshot, Outcome, Permit, RateGateOptions, WaitReason } from './rate-gate.js';

/**
 * The contract of one bucket's rate gate, as the engine uses it: {@link RateGate} in a process, or a
 * coordinator's shared gate.
 */
export interface BucketGate {
  readonly key: string;
  /** How many more requests are expected beyond those waiting (for pacing). */
  expect(requests: number): void;
  /**
   * Waits for a permit to send one request; rejects with the signal's reason on abort, with a
   * `GateDeadlineError` when the bucket opens only after `deadline` (epoch ms, local clock), with a
   * `GateRefusedError` once the platform refused the credential, and with a
   * {@link CoordinatorError} when a shared gate cannot reach its state.
   */
  acquire(signal?: AbortSignal, deadline?: number, cost?: number): Promise<Permit>;
  /** Ends a request admitted by {@link acquire}, with what its answer said. */
  release(permit: Permit, outcome: Outcome): void;
  /** Pauses the whole bucket until `until` (epoch ms, local clock). */
  pause(until: number, reason?: WaitReason): void;
  /** The gate's state as this process last saw it (times on the local clock). */
  snapshot(): GateSnapshot;
  /** Rejects this process's waiters and clears its timers. */
  close(reason?: unknown): void;
}

/** What a coordinator is told when it creates a bucket's gate. */
export interface CoordinatedGateOptions extends RateGateOptions {
  /**
   * Called once if the gate's shared state becomes unreachable (waiters are rejected with the same
   * {@link CoordinatorError}); a collection then stops sending and fails with it.
   */
  onUnavailable?: (error: CoordinatorError) => void;
}

/**
 * Where the rate gates of a collection keep their state. `collect(registry, { coordinator })` asks
 * it for each bucket's gate instead of creating a private {@link RateGate}.
 */
export interface Coordinator {
  /** For messages: `'redis'`. */
  readonly name: string;
  /** The gate of one bucket (platform + credential + host), for one collection. */
  gate(options: CoordinatedGateOptions): BucketGate;
}

/**
 * A shared gate could not reach its state (Redis down, a timeout): the collection stops rather than
 * fall back to a private gate that would overrun the quota other processes are sharing.
 */
export class CoordinatorError extends SocialReachError {
  /** The coordinator (`'redis'`). */
  readonly coordinator: string;
  /** The bucket whose gate failed, if one. */
  readonly bucket: string | undefined;

  constructor(message: string, fields: { coordinator: string; bucket?: string | undefined }) {
    super('COORDINATOR_UNAVAILABLE', message);
    this.name = 'CoordinatorError';
    this.coordinator = fields.coordinator;
    this.bucket = fields.bucket;
  }
}
