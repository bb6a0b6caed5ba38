import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { OptionError, StoreError } from '../../src/errors.js';
import { openPGlite, postgresStore } from '../../src/stores/postgres/index.js';
import { snap } from './conformance.js';

describe('openPGlite (issue #12)', () => {
  const root = mkdtempSync(join(tmpdir(), 'social-reach-open-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a new folder in a child process, opens it with shared_buffers=16MB, and reopens it', async () => {
    const dir = join(root, 'nested', 'reach-data');
    const db = await openPGlite(PGlite, dir);
    try {
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      expect((await db.query('SHOW shared_buffers')).rows).toStrictEqual([
        { shared_buffers: '16MB' },
      ]);
      const store = postgresStore({ client: db });
      await store.put([snap('a', 0, 1)]);
      await store.close();
    } finally {
      await db.close();
    }
    // Nothing is left beside it: the temporary folder was renamed into place.
    expect(readdirSync(join(root, 'nested'))).toStrictEqual(['reach-data']);
    const again = await openPGlite(PGlite, dir, { sharedBuffers: '32MB' });
    try {
      expect((await again.query('SHOW shared_buffers')).rows).toStrictEqual([
        { shared_buffers: '32MB' },
      ]);
      const store = postgresStore({ client: again });
      expect((await store.latest({ asOf: new Date(0) })).map((s) => s.accountId)).toStrictEqual([
        'a',
      ]);
      await store.close();
    } finally {
      await again.close();
    }
  }, 60_000);

  it('takes an empty folder (as mkdtemp makes), and creates in this process when asked', async () => {
    for (const initInChildProcess of [true, false]) {
      const dir = mkdtempSync(join(root, 'empty-'));
      const db = await openPGlite(PGlite, dir, { initInChildProcess, startParams: [] });
      try {
        expect((await db.query('SELECT 1 AS one')).rows).toStrictEqual([{ one: 1 }]);
        expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      } finally {
        await db.close();
      }
    }
  }, 60_000);

  it('refuses a folder that holds other files, leaving it as it was', async () => {
    const dir = join(root, 'other');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const error = await openPGlite(PGlite, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/neither a PGlite data folder .* nor empty/);
    expect(readdirSync(dir)).toStrictEqual(['notes.txt']);
    expect(readdirSync(root).filter((name) => name.includes('initdb'))).toStrictEqual([]);
  });

  it('says why when the folder cannot be made, and leaves no temporary folder', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    const error = await openPGlite(PGlite, join(file, 'data')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/could not create/);
    expect(readdirSync(root).filter((name) => name.includes('initdb'))).toStrictEqual([]);
  });

  it('refuses what is not a folder path, and bad options, with an OptionError', async () => {
    for (const dataDir of ['', 'memory://', 'idb://reach', 42]) {
      await expect(openPGlite(PGlite, dataDir as string)).rejects.toBeInstanceOf(OptionError);
    }
    const dir = join(root, 'never');
    await expect(openPGlite(PGlite, dir, { sharedBuffers: '16 MB' })).rejects.toThrow(
      /sharedBuffers/,
    );
    await expect(openPGlite(PGlite, dir, { startParams: [1] as never })).rejects.toThrow(
      /startParams/,
    );
    await expect(openPGlite({} as never, dir)).rejects.toThrow(/PGlite class/);
    expect(existsSync(dir)).toBe(false);
  });
});
