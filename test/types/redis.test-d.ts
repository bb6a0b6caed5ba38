import type { Redis } from 'ioredis';
import { describe, expectTypeOf, it } from 'vitest';
import { EXIT, type ExitCode, type Io } from '../../src/cli/index.js';
import type { RateGate } from '../../src/engine/rate-gate.js';
import type { CollectOptions, SocialReachError } from '../../src/index.js';
import {
  type BucketGate,
  type CollectionWorkerOptions,
  type Coordinator,
  type CoordinatorError,
  type GateSnapshot,
  type Permit,
  type RedisCoordinator,
  type RedisCoordinatorOptions,
  redisCoordinator,
} from '../../src/redis/index.js';

describe('social-reach/redis types', () => {
  it('redisCoordinator takes a URL or an ioredis client and is a Coordinator', () => {
    expectTypeOf(redisCoordinator).parameter(0).toEqualTypeOf<RedisCoordinatorOptions>();
    expectTypeOf<RedisCoordinatorOptions['redis']>().toEqualTypeOf<string | Redis>();
    expectTypeOf<RedisCoordinatorOptions['onUnavailable']>().toEqualTypeOf<
      'fail' | 'private-gate' | undefined
    >();
    expectTypeOf<RedisCoordinator>().toMatchTypeOf<Coordinator>();
    expectTypeOf<RedisCoordinator['ping']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<CollectOptions['coordinator']>().toEqualTypeOf<Coordinator | undefined>();
  });

  it('the in-process RateGate has the BucketGate contract', () => {
    expectTypeOf<RateGate>().toMatchTypeOf<BucketGate>();
    expectTypeOf<BucketGate['acquire']>().returns.toEqualTypeOf<Promise<Permit>>();
    expectTypeOf<BucketGate['snapshot']>().returns.toEqualTypeOf<GateSnapshot>();
    expectTypeOf<Coordinator['gate']>().returns.toEqualTypeOf<BucketGate>();
  });

  it('CoordinatorError is a SocialReachError with its bucket', () => {
    expectTypeOf<CoordinatorError>().toMatchTypeOf<SocialReachError>();
    expectTypeOf<CoordinatorError['bucket']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CoordinatorError['code']>().toEqualTypeOf<SocialReachError['code']>();
  });

  it("collectionWorker takes collect's http options; the command's Io may listen for SIGTERM", () => {
    expectTypeOf<CollectionWorkerOptions['http']>().toEqualTypeOf<CollectOptions['http']>();
    expectTypeOf<Io['onTerminate']>().toEqualTypeOf<
      ((handler: () => void) => () => void) | undefined
    >();
    expectTypeOf(EXIT.terminated).toEqualTypeOf<143>();
    expectTypeOf<143>().toMatchTypeOf<ExitCode>();
  });
});
