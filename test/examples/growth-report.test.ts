import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('examples/growth-report.ts', () => {
  it('writes 90 simulated days to PGlite and prints the growth report and the daily series', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, '../../examples/growth-report.ts')],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toContain('Growth: 28 November 2026 against the end of October');
    expect(out).toMatch(
      /Indore district administration\s+between 2,45,215 and 2,45,512\s+between 2,53,576 and 2,53,873\s+\+8,361\s+\+3\.4%\s+11/,
    );
    expect(out).toContain('Growth on Instagram, same dates');
    // 14 days, one of them with a carried value
    expect(out.match(/^\d\d Nov 2026 /gm)).toHaveLength(14);
    expect(out).toMatch(/15 Nov 2026 .* 10 \/ 1$/m);
    expect(out).toMatch(/28 Nov 2026 .* 10 \/ 1$/m); // the Commissioner's Instagram failed that day
  }, 180_000); // a PGlite folder and 90 days: generous, since CI machines are shared
});
