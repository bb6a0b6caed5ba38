import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  installApp,
  packDependency,
  packPackage,
  RUNTIME_DEPENDENCIES,
  root,
  run,
  tempDir,
} from './packed.js';

/**
 * The package as a user gets it: `npm pack`, installed into an empty folder (offline, see
 * packed.ts), then imported with ESM `import` and CommonJS `require`.
 */
let dir: string;

describe('the packed package', () => {
  beforeAll(() => {
    dir = tempDir('pack');
    const tarball = packPackage(dir);
    const dependencies = ['zod', ...RUNTIME_DEPENDENCIES].map((name) => packDependency(name, dir));
    installApp(
      dir,
      [tarball, ...dependencies].map((f) => `./${f}`),
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
       const { redactUrl } = require('social-reach/provider');
       const { mockProvider } = require('social-reach/testing');
       console.log(normalizeHandle('x', 'https://twitter.com/IndoreCollector'), typeof mockProvider, redactUrl('https://a.example/?access_token=s3cret'));`,
    );
    expect(run('node', ['cjs.cjs'], dir).trim()).toBe(
      'IndoreCollector function https://a.example/?access_token=***',
    );
  });
});
