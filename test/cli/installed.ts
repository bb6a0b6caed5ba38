import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The command as users get it: the package packed (`npm pack`), installed into an empty folder
 * with its dependencies and the embedded store's driver (packed from this checkout's node_modules,
 * so that nothing is fetched from a registry), and its bin run as a child process.
 */
const root = resolve(import.meta.dirname, '../..');
const DEPENDENCIES = [
  'zod',
  'ky',
  'p-limit',
  'yocto-queue',
  'csv-parse',
  'undici',
  '@electric-sql/pglite',
];

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    time = Math.max(time, statSync(join(dir, entry)).mtimeMs);
  }
  return time;
}

/** Builds the package if its build is older than the sources; returns the bin's path in dist. */
export function ensureBuilt(): string {
  const bin = join(root, 'dist/cli/bin.js');
  if (!existsSync(bin) || statSync(bin).mtimeMs < newest(join(root, 'src'))) {
    run('npm', ['run', 'build'], root);
  }
  return bin;
}

/** Builds if the build is older than the sources, packs, installs; returns the install folder. */
export function installPackage(): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'social-reach-bin-'));
  run('npm', ['pack', '--pack-destination', dir, '--silent'], root);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  const before = new Set(readdirSync(dir));
  for (const name of DEPENDENCIES) {
    if (!existsSync(join(root, 'node_modules', name))) continue;
    run(
      'npm',
      ['pack', join(root, 'node_modules', name), '--ignore-scripts', '--pack-destination', dir],
      root,
    );
  }
  const dependencies = readdirSync(dir).filter((f) => f.endsWith('.tgz') && !before.has(f));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'office', private: true }));
  run(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `./${tarball}`,
      ...dependencies.map((f) => `./${f}`),
    ],
    dir,
  );
  return dir;
}

/** What a finished run of the bin wrote and how it ended. */
export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running bin: its process, what it has written so far, and its end. */
export interface RunningBin {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  done: Promise<BinRun>;
  /** Resolves when stdout has a line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** An environment without the test runner's credentials, proxies or database. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, NODE_NO_WARNINGS: '1', ...extra };
}

/** Starts `social-reach <args>` from the install folder `dir`, in `cwd`. */
export function startBin(
  dir: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): RunningBin {
  const child = spawn(join(dir, 'node_modules/.bin/social-reach'), args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(out)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const done = new Promise<BinRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    done,
    waitFor(pattern, timeoutMs = 60_000) {
      if (pattern.test(out)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} in:\n${out}\n${err}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

/** Runs `social-reach <args>` to its end. */
export function runBin(
  dir: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<BinRun> {
  return startBin(dir, args, options).done;
}

/**
 * Makes packages of this checkout's node_modules (optional peers such as ioredis, bullmq, pg)
 * available to the installation in `dir`, as if installed beside social-reach: a link each (their
 * own dependencies resolve where they are), so nothing is fetched from a registry.
 */
export function linkPackages(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const target = join(dir, 'node_modules', name);
    if (!existsSync(target)) symlinkSync(join(root, 'node_modules', name), target, 'dir');
  }
}
