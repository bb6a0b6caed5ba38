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
    expect(paths).toContain('dist/reports/index.js');
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
       import { mockProvider } from 'social-reach/testing';
       const r = defineRegistry({ units: [{ id: 'mp', kind: 'state', name: 'MP' }], accounts: [{ id: 'a', unit: 'mp', platform: 'x', handle: '@IndoreCollector' }] });
       console.log(r.account('a').handle, typeof totals, typeof mockProvider);`,
    );
    expect(run('node', ['esm.mjs'], dir).trim()).toBe('IndoreCollector function function');
  });

  it('social-reach/reports loads without its optional peers, and says what to install when one is needed', () => {
    writeFileSync(
      join(dir, 'reports.mjs'),
      `import { defineRegistry, totals, rank } from 'social-reach';
       import { chartSvg, rankingChartSpec, renderHtmlReport, renderXlsxReport } from 'social-reach/reports';
       const registry = defineRegistry({ units: [{ id: 'mp', kind: 'state', name: 'MP' }, { id: 'd', kind: 'district', name: 'D', parent: 'mp' }], accounts: [{ id: 'a', unit: 'd', platform: 'x', handle: 'IndoreCollector' }] });
       const t = totals(registry, []);
       const spec = rankingChartSpec(registry, { entries: rank(registry, t, { kind: 'district' }) });
       const html = await renderHtmlReport({ registry, totals: t }, { charts: false });
       const errors = [];
       for (const f of [() => chartSvg(spec), () => renderXlsxReport({ registry, totals: t })]) {
         try { await f(); errors.push('no error'); } catch (e) { errors.push(e.message); }
       }
       console.log(JSON.stringify({ schema: spec.$schema, page: html.startsWith('<!DOCTYPE html>'), errors }));`,
    );
    const out = JSON.parse(run('node', ['reports.mjs'], dir));
    expect(out.schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(out.page).toBe(true);
    expect(out.errors[0]).toMatch(
      /chartSvg needs the optional peer dependency `vega`.*npm install vega@5 vega-lite@5 exceljs@4/,
    );
    expect(out.errors[1]).toMatch(/renderXlsxReport needs the optional peer dependency `exceljs`/);
  });

  it('works with require (Node >= 20.19 loads ESM from require)', () => {
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const { normalizeHandle } = require('social-reach');
       const { mockProvider } = require('social-reach/testing');
       console.log(normalizeHandle('x', 'https://twitter.com/IndoreCollector'), typeof mockProvider);`,
    );
    expect(run('node', ['cjs.cjs'], dir).trim()).toBe('IndoreCollector function');
  });
});
