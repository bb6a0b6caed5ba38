import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a user gets it: `npm pack`, installed into an empty folder, then imported with ESM
 * `import` and CommonJS `require`. Offline: its dependencies are packed from this checkout's
 * node_modules too (an npm cache filled by `npm ci` holds tarballs, not the registry metadata an
 * install by range needs), so the test touches no registry.
 */
const DEPENDENCIES = ['zod', 'ky', 'p-limit', 'yocto-queue'];
const root = resolve(import.meta.dirname, '../..');
let dir: string;

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });

describe('the packed package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/index.js'))) run('npm', ['run', 'build'], root);
    dir = mkdtempSync(join(tmpdir(), 'social-reach-pack-'));
    run('npm', ['pack', '--pack-destination', dir, '--silent'], root);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const before = new Set(readdirSync(dir));
    for (const name of DEPENDENCIES) {
      run(
        'npm',
        [
          'pack',
          join(root, 'node_modules', name),
          '--ignore-scripts',
          '--pack-destination',
          dir,
          '--silent',
        ],
        root,
      );
    }
    const dependencies = readdirSync(dir).filter((f) => f.endsWith('.tgz') && !before.has(f));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
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
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships only the build, the README, the changelog and the licence', () => {
    const files = run('npm', ['pack', '--dry-run', '--json'], root);
    const paths: string[] = JSON.parse(files)[0].files.map((f: { path: string }) => f.path);
    expect(
      paths.every((p) => /^(dist\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(p)),
    ).toBe(true);
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('dist/testing/index.js');
    expect(paths).toContain('dist/provider/index.js');
    expect(paths).toContain('dist/provider/index.d.ts');
  });

  it('has no `any` in its public type declarations', () => {
    const declarations = readdirSync(join(root, 'dist'), {
      recursive: true,
      encoding: 'utf8',
    }).filter((f) => f.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(0);
    for (const file of declarations) {
      const text = readFileSync(join(root, 'dist', file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(text, file).not.toMatch(/[:<,(|]\s*any\b(?!\w)/);
    }
  });

  it('works with import', () => {
    writeFileSync(
      join(dir, 'esm.mjs'),
      `import { defineRegistry, totals } from 'social-reach';
       import { genericLimits, snapshotResult } from 'social-reach/provider';
       import { mockProvider } from 'social-reach/testing';
       const r = defineRegistry({ units: [{ id: 'mp', kind: 'state', name: 'MP' }], accounts: [{ id: 'a', unit: 'mp', platform: 'x', handle: '@IndoreCollector' }] });
       const result = snapshotResult({ platform: 'x', name: 'mine' }, r.account('a'), new Date(0), { value: 5, min: 5, max: 5 });
       const limits = genericLimits({ status: 429, headers: new Headers({ 'retry-after': '7' }) }, 0);
       console.log(r.account('a').handle, typeof totals, typeof mockProvider, result.snapshot.source.provider, limits.kind, limits.retryAfterMs);`,
    );
    expect(run('node', ['esm.mjs'], dir).trim()).toBe(
      'IndoreCollector function function mine throttled 7000',
    );
  });

  it('works with require (Node >= 20.19 loads ESM from require)', () => {
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const { normalizeHandle } = require('social-reach');
       const { redactUrl } = require('social-reach/provider');
       const { mockProvider } = require('social-reach/testing');
       console.log(normalizeHandle('x', 'https://twitter.com/IndoreCollector'), typeof mockProvider, redactUrl('https://a.example/?access_token=s3cret'));`,
    );
    expect(run('node', ['cjs.cjs'], dir).trim()).toBe(
      'IndoreCollector function https://a.example/?access_token=***',
    );
  });
});
