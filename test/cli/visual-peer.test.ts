import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { testIo } from './helpers.js';

// exceljs as if it were not installed: the workbook's import of it fails as Node's does, through
// the library's own importOptional (vitest cannot make a mocked module's import itself fail).
vi.mock('../../src/visual/xlsx-report.js', async () => {
  const { importOptional } = await import('../../src/visual/optional-dependency.js');
  return {
    renderXlsxReport: () =>
      importOptional(
        'exceljs',
        () =>
          Promise.reject(
            Object.assign(new Error("Cannot find package 'exceljs'"), {
              code: 'ERR_MODULE_NOT_FOUND',
            }),
          ),
        'renderXlsxReport',
      ),
  };
});

const dir = mkdtempSync(join(tmpdir(), 'social-reach-peer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--format xlsx without exceljs', () => {
  it('says which package to install, and exits 1 (a missing package, not bad input)', {
    timeout: 120_000,
  }, async () => {
    writeFileSync(
      join(dir, 'registry.json'),
      JSON.stringify({
        units: [{ id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh' } }],
        accounts: [{ id: 'mp-x', unit: 'mp', platform: 'x', handle: 'mp' }],
      }),
    );
    const io = testIo(dir);
    expect(await main(['report', '--format', 'xlsx', '--out', 'r.xlsx'], io)).toBe(1);
    expect(io.err()).toContain(
      'social-reach report: --format xlsx: renderXlsxReport needs the optional peer dependency `exceljs`, which is not installed: npm install vega@5 vega-lite@5 exceljs@4 (where social-reach is installed)\n',
    );
  });
});
