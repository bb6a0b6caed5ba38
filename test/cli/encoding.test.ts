import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { testIo } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'social-reach-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a registry file that is not UTF-8', () => {
  it('is refused (exit 2) with its line and how to save it again, instead of read with its letters lost', async () => {
    // Excel's "CSV (Comma delimited)" on Windows: the code page 1252 (é is the byte E9)
    writeFileSync(
      join(dir, 'units.csv'),
      Buffer.concat([
        Buffer.from('id,kind,name_en,name_hi,parent\r\nmp,state,Madhya Pradesh,,\r\nc,office,Caf'),
        Buffer.from([0xe9]),
        Buffer.from(',,mp\r\n'),
      ]),
    );
    writeFileSync(join(dir, 'accounts.csv'), 'id,unit,platform,handle,note\r\na,mp,x,abc,\r\n');
    const io = testIo(dir);
    expect(await main(['validate', 'units.csv', 'accounts.csv'], io)).toBe(2);
    expect(io.err()).toContain(
      'units.csv is not UTF-8 text (line 3 holds a byte that is not): save it again as "CSV UTF-8 (Comma delimited)" in Excel',
    );
  });
});
