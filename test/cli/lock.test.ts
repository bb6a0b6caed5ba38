import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { postgresStore } from '../../src/stores/postgres/index.js';
import { createFakePlatformServer } from '../../src/testing/index.js';
import { testIo } from './helpers.js';

// Two collections on one PostgreSQL server (two hosts, say): the store's own lock stops the
// second, which names the first. (A PGlite folder is guarded by its lock file too: bin.test.ts.)
const url = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'social-reach-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!url)('collect on a PostgreSQL server', () => {
  it('refuses to collect while another run holds the store, naming it (exit 4); collects once it is released', async () => {
    const token = 'AAAAAAAAAAAAAAAAAAAAALockTestTokenLockTestToken';
    const server = await createFakePlatformServer({
      accounts: [{ platform: 'x', handle: 'office1', followers: 5 }],
      credentials: { x: token },
    });
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const holder = postgresStore({ client: pool });
    let held: { release(): Promise<void> } | undefined;
    try {
      writeFileSync(
        join(dir, 'registry.json'),
        JSON.stringify({
          units: [{ id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh' } }],
          accounts: [{ id: 'x-lock-test', unit: 'mp', platform: 'x', handle: 'office1' }],
        }),
      );
      const attempt = await holder.lock('collect', {
        holder: 'social-reach collect (pid 77 on ops-02, since 2026-12-03T08:00:00.000Z)',
        ttlMs: 60_000,
      });
      if (!attempt.acquired) throw new Error('the store is locked by another test');
      held = attempt.lock;
      const env = {
        X_BEARER_TOKEN: token,
        SOCIAL_REACH_API_BASE: `x=${server.baseUrl('x')}`,
        DATABASE_URL: url,
      };
      const io = testIo(dir, env);
      expect(await main(['collect', '--time-zone', 'UTC'], io)).toBe(4);
      expect(io.err()).toMatch(
        /another collection holds the PostgreSQL server \S+: social-reach collect \(pid 77 on ops-02, since 2026-12-03T08:00:00.000Z\)\. Wait for it to end; if it was stopped without ending \(a crash\), its lock lapses at \d\d:\d\d UTC\./,
      );
      expect(server.requests).toHaveLength(0);

      await attempt.lock.release();
      const again = testIo(dir, env);
      expect(await main(['collect'], again)).toBe(0);
      expect(server.requests).toHaveLength(1);
      // and released at the end
      const after = await holder.lock('collect', { holder: 'test', ttlMs: 1000 });
      expect(after.acquired).toBe(true);
      if (after.acquired) await after.lock.release();
    } finally {
      await held?.release();
      await holder.close();
      await pool.end();
      await server.close();
    }
  });
});
