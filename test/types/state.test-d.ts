import type { Agent, EnvHttpProxyAgent } from 'undici';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CollectOptions,
  type HttpDispatcher,
  type HttpOptions,
  type LockAttempt,
  type Logger,
  type MemoryStore,
  memoryStore,
  type SnapshotStore,
  type StateStore,
  type StoreLock,
  type YoutubeProviderOptions,
} from '../../src/index.js';
import type { PostgresStore } from '../../src/stores/postgres/index.js';
import type { CounterResult, LockHolder } from '../../src/stores/state.js';

describe('the state a store keeps beside its snapshots', () => {
  it('memoryStore and postgresStore are both snapshot and state stores', () => {
    expectTypeOf(memoryStore()).toEqualTypeOf<MemoryStore>();
    expectTypeOf<MemoryStore>().toMatchTypeOf<SnapshotStore & StateStore>();
    expectTypeOf<PostgresStore>().toMatchTypeOf<SnapshotStore & StateStore>();
  });

  it('a lock attempt says either the lock or who holds it', () => {
    const attempt = {} as LockAttempt;
    if (attempt.acquired) expectTypeOf(attempt.lock).toEqualTypeOf<StoreLock>();
    else expectTypeOf(attempt.heldBy).toEqualTypeOf<LockHolder>();
    expectTypeOf<StoreLock['renew']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<StateStore['addToCounter']>().returns.toEqualTypeOf<Promise<CounterResult>>();
    // @ts-expect-error a lock needs its holder and time to live
    memoryStore().lock('collect', {});
  });

  it("YouTube's state goes into any store", () => {
    expectTypeOf(memoryStore()).toMatchTypeOf<NonNullable<YoutubeProviderOptions['state']>>();
    expectTypeOf<PostgresStore>().toMatchTypeOf<NonNullable<YoutubeProviderOptions['state']>>();
  });
});

describe("collect's logger and dispatcher", () => {
  it('take pino-shaped loggers and undici dispatchers', () => {
    expectTypeOf<NonNullable<CollectOptions['logger']>>().toEqualTypeOf<Logger>();
    expectTypeOf<Logger['info']>().toEqualTypeOf<
      (record: Record<string, unknown>, message?: string) => void
    >();
    expectTypeOf<Agent>().toMatchTypeOf<HttpDispatcher>();
    expectTypeOf<EnvHttpProxyAgent>().toMatchTypeOf<NonNullable<HttpOptions['dispatcher']>>();
    // @ts-expect-error a logger needs warn and error too
    const logger: Logger = { info: () => {} };
    void logger;
  });
});
