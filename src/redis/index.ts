/**
 * `social-reach/redis`: one quota shared by every process that collects with the same credential
 * (a shared rate gate in Redis), and collection spread over workers (BullMQ on the same Redis).
 * Needs the optional peer dependency `ioredis`; the queue functions (`enqueueCollection`,
 * `collectionWorker`, `collectionStatus`) also need `bullmq`, which they import when first called.
 *
 * @module
 */
export type {
  BucketGate,
  CoordinatedGateOptions,
  Coordinator,
} from '../engine/coordinator.js';
export { CoordinatorError } from '../engine/coordinator.js';
export type {
  GateSnapshot,
  Outcome,
  Permit,
  RateGateOptions,
  WaitReason,
} from '../engine/rate-gate.js';
export type { RunOutcome } from '../stores/types.js';
export {
  type RedisCoordinator,
  type RedisCoordinatorOptions,
  redisCoordinator,
} from './coordinator.js';
export {
  type CollectionJobEvent,
  type CollectionQueueOptions,
  type CollectionStatus,
  type CollectionWorker,
  type CollectionWorkerOptions,
  collectionStatus,
  collectionWorker,
  type EnqueueCollectionOptions,
  type EnqueueResult,
  enqueueCollection,
  type PlatformStatus,
} from './queue.js';
