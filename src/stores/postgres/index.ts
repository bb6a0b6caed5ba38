// social-reach/postgres: the PostgreSQL snapshot store, for PGlite (embedded) or a pg Pool (a
// server). Neither driver is imported here: install the one you use.
export type {
  PGliteLike,
  PgPoolClientLike,
  PgPoolLike,
  PostgresClient,
  PostgresQueryable,
} from './adapter.js';
export { type OpenPGliteOptions, openPGlite, type PGliteClass } from './open-pglite.js';
export { openPGliteWorker, type PGliteWorker } from './pglite-worker.js';
export { type PostgresStore, type PostgresStoreOptions, postgresStore } from './store.js';
