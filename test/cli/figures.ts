import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgresStore } from '../../src/stores/postgres/index.js';
import { snap } from '../fixtures.js';

/**
 * A folder as `social-reach` finds it after two collections: a registry.json (Madhya Pradesh,
 * Indore with two accounts, Dhar with one) and the embedded store (./social-reach-data) holding
 * the figures of 1 and 30 November 2026, noon in India. Totals at 30 November: Indore 2,03,500,
 * Dhar 5,000, MP 2,08,500; at 1 November: 1,84,000.
 */
export const REGISTRY = {
  units: [
    { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
    { id: 'indore', kind: 'district', parent: 'mp', name: { en: 'Indore', hi: 'इंदौर' } },
    { id: 'dhar', kind: 'district', parent: 'mp', name: { en: 'Dhar', hi: 'धार' } },
  ],
  accounts: [
    { id: 'indore-x', unit: 'indore', platform: 'x', handle: 'indorecollector' },
    { id: 'indore-fb', unit: 'indore', platform: 'facebook', handle: 'indorecollector' },
    { id: 'dhar-x', unit: 'dhar', platform: 'x', handle: 'dharcollector' },
  ],
};

const NOV_1 = '2026-11-01T06:30:00Z';
const NOV_30 = '2026-11-30T06:30:00Z';

/** The flags that date the figures in India, whatever the machine's zone. */
export const DATED = ['--time-zone', 'Asia/Kolkata'];

/** Writes the folder (a new temporary one, removed by the returned `remove`). */
export async function figuresFolder(prefix: string): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'registry.json'), JSON.stringify(REGISTRY));
  const db = new PGlite(join(dir, 'social-reach-data'));
  const store = postgresStore({ client: db });
  try {
    await store.put([
      snap('indore-x', 'x', 100_000, NOV_1),
      snap('indore-fb', 'facebook', 80_000, NOV_1),
      snap('dhar-x', 'x', 4_000, NOV_1),
      snap('indore-x', 'x', 120_000, NOV_30),
      snap('indore-fb', 'facebook', 83_500, NOV_30),
      snap('dhar-x', 'x', 5_000, NOV_30),
    ]);
  } finally {
    await store.close();
    await db.close();
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
