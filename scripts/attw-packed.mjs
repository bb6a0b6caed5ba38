// Are the types wrong? (attw) on the package as npm packs it, packed into a temporary folder.
// `attw --pack .` packed into the repository root and deleted social-reach-<version>.tgz after,
// taking with it a tarball of that name the user had packed there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const manifest = require.resolve('@arethetypeswrong/cli/package.json');
const attw = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.attw);

const dir = mkdtempSync(join(tmpdir(), 'social-reach-attw-'));
try {
  // npm is a .cmd file on Windows, which only a shell runs
  execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
  execFileSync(process.execPath, [attw, join(dir, tarball), '--profile', 'esm-only'], {
    stdio: 'inherit',
  });
} catch (error) {
  // a command that ran has printed why it failed; its exit status is the result
  if (typeof error?.status === 'number') process.exitCode = error.status;
  else {
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
