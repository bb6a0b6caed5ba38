import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The package as a user gets it, for the tests in test/package: `npm pack`, installed into an
 * empty folder. Offline: its dependencies are packed from this checkout's node_modules too (an npm
 * cache filled by `npm ci` holds tarballs, not the registry metadata an install by range needs), so
 * no test touches a registry.
 */
export const root = resolve(import.meta.dirname, '../..');

/** The runtime dependencies of the package, and theirs, as folders of node_modules. */
export const RUNTIME_DEPENDENCIES = ['ky', 'p-limit', 'yocto-queue', 'csv-parse', 'undici'];

/** Runs a command; a failure's error quotes what the command printed. */
export function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`, {
      cause: error,
    });
  }
}

/** A new temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `social-reach-${prefix}-`));
}

/** Packs the package (built first if `dist` is missing) into `dir`; the tarball's file name. */
export function packPackage(dir: string): string {
  if (!existsSync(join(root, 'dist/index.js'))) run('npm', ['run', 'build'], root);
  const before = new Set(readdirSync(dir));
  run('npm', ['pack', '--pack-destination', dir, '--silent'], root);
  return readdirSync(dir).find((f) => f.endsWith('.tgz') && !before.has(f))!;
}

/** Packs a folder of node_modules (`zod`, or an alias such as `zod3`) into `dir`; its file name. */
export function packDependency(folder: string, dir: string): string {
  const before = new Set(readdirSync(dir));
  run(
    'npm',
    [
      'pack',
      join(root, 'node_modules', folder),
      '--ignore-scripts',
      '--pack-destination',
      dir,
      '--silent',
    ],
    root,
  );
  return readdirSync(dir).find((f) => f.endsWith('.tgz') && !before.has(f))!;
}

/** Installs tarballs (paths) into `dir` as an app's dependencies, offline. */
export function installApp(dir: string, tarballs: readonly string[]): void {
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs],
    dir,
  );
}
