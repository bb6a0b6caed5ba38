// The postgres entry describes its clients structurally (it never imports either driver); these
// checks keep those descriptions true to the real PGlite and pg types.
import { PGlite } from '@electric-sql/pglite';
import type { Client, Pool } from 'pg';
import { describe, expectTypeOf, it } from 'vitest';
import {
  openPGlite,
  type PGliteLike,
  type PgPoolLike,
  type PostgresClient,
  type PostgresStore,
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
});

describe('openPGlite types', () => {
  it('takes the PGlite class and gives back a PGlite instance', () => {
    expectTypeOf(openPGlite(PGlite, './reach-data')).resolves.toEqualTypeOf<PGlite>();
    expectTypeOf(openPGlite(PGlite, './reach-data')).resolves.toExtend<PostgresClient>();
  });
});
