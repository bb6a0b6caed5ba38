// The postgres entry describes its clients structurally (it never imports either driver); these
// checks keep those descriptions true to the real PGlite and pg types.
import { PGlite } from '@electric-sql/pglite';
import type { Client, Pool } from 'pg';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type OpenPGliteOptions,
  openPGlite,
  openPGliteWorker,
  type PGliteLike,
  type PGliteWorker,
  type PgPoolLike,
  type PostgresClient,
  type PostgresStore,
  type PostgresStoreOptions,
  postgresStore,
} from '../../src/stores/postgres/index.js';
import type { SnapshotStore } from '../../src/stores/types.js';

describe('postgresStore client types', () => {
  it('accepts a PGlite instance and a pg Pool', () => {
    expectTypeOf<PGlite>().toExtend<PGliteLike>();
    expectTypeOf<Pool>().toExtend<PgPoolLike>();
    expectTypeOf<PGlite>().toExtend<PostgresClient>();
    expectTypeOf<Pool>().toExtend<PostgresClient>();
  });

  it('refuses a single pg Client', () => {
    expectTypeOf<Client>().not.toExtend<PostgresClient>();
  });

  it('returns a SnapshotStore', () => {
    expectTypeOf(postgresStore).returns.toEqualTypeOf<PostgresStore>();
    expectTypeOf<PostgresStore>().toExtend<SnapshotStore>();
  });

  it('keeps statistics: autoAnalyze, analyze(), and always has periodValues', () => {
    expectTypeOf<PostgresStoreOptions['autoAnalyze']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<PostgresStore['analyze']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<PostgresStore['periodValues']>().toEqualTypeOf<
      NonNullable<SnapshotStore['periodValues']>
    >();
  });
});

describe('openPGlite types', () => {
  it('takes the PGlite class and gives back a PGlite instance', () => {
    expectTypeOf(openPGlite(PGlite, './reach-data')).resolves.toEqualTypeOf<PGlite>();
    expectTypeOf(openPGlite(PGlite, './reach-data')).resolves.toExtend<PostgresClient>();
    expectTypeOf(openPGlite).toBeCallableWith(PGlite, './reach-data', { sharedBuffers: '32MB' });
    expectTypeOf<OpenPGliteOptions>().toEqualTypeOf<{
      sharedBuffers?: string;
      initInChildProcess?: boolean;
      startParams?: readonly string[];
    }>();
    // @ts-expect-error a class, not an instance
    openPGlite(new PGlite(), './reach-data');
  });
});

describe('openPGliteWorker types', () => {
  it('takes a folder and gives a client the store takes, without the PGlite class', () => {
    expectTypeOf(openPGliteWorker('./reach-data')).resolves.toEqualTypeOf<PGliteWorker>();
    expectTypeOf<PGliteWorker>().toExtend<PostgresClient>();
    expectTypeOf<PGliteWorker['close']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<PGliteWorker['closed']>().toEqualTypeOf<boolean>();
    expectTypeOf(openPGliteWorker).toBeCallableWith('./reach-data', { sharedBuffers: '32MB' });
    // @ts-expect-error the folder is always created in a child process: no such option here
    openPGliteWorker('./reach-data', { initInChildProcess: false });
  });
});
