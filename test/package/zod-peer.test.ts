import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * An app on zod 3.25 and an app on zod 4 both install the packed package (issue #11, part 7): the
 * library imports `zod/v4`, which zod 3.25 ships beside its v3 API, and its peer range is
 * `^3.25.0 || ^4.0.0`. Each app installs the tarball beside its zod (zod 4 is this checkout's
 * `zod`, zod 3.25 its `zod3` alias; both packed from node_modules, offline), compiles a
 * demo-like script against the published declarations (strict), and runs it: the app's own zod schema,
 * then a registry, a collection, totals, a report and a validation error from the library.
 */
const APPS = [
  { zod: 'zod3', major: '3' },
  { zod: 'zod', major: '4' },
] as const;

const DEMO = `import { z } from 'zod';
import {
  collect,
  defineRegistry,
  describeCount,
  RegistryError,
  renderReport,
  staticProvider,
  totals,
} from 'social-reach';

// The app's own zod ('zod': v3 on zod 3.25, v4 on zod 4) lives beside the library's zod/v4.
const Config = z.object({ district: z.string().min(1) });
const config = Config.parse({ district: 'Indore' });

const registry = defineRegistry({
  units: [{ id: 'indore', kind: 'district', name: { en: 'Indore', hi: 'इंदौर' } }],
  accounts: [
    { id: 'collector-x', unit: 'indore', platform: 'x', handle: '@IndoreCollector' },
    { id: 'collector-fb', unit: 'indore', platform: 'facebook', handle: 'collectorindore' },
    { id: 'collector-ig', unit: 'indore', platform: 'instagram', handle: 'collectorindore' },
  ],
});
const takenAt = '2025-01-15T10:00:00+05:30';
const collection = await collect(registry, {
  providers: [
    staticProvider('x', { IndoreCollector: '2.04 लाख' }, { takenAt }),
    staticProvider('facebook', { collectorindore: 150000 }, { takenAt }),
  ],
});
const all = totals(registry, collection.snapshots);
const unit = all.units.get('indore');
if (!unit) throw new Error('no total for indore');
console.log(config.district, collection.snapshots.length, collection.failures.map((f) => f.reason).join());
console.log(describeCount(unit.count));
const report = renderReport({ registry, totals: all, units: ['indore'] }, { locale: 'en-IN', format: 'csv' });
console.log(report.split('\\n').length > 1);
try {
  // a registry file that the library's zod/v4 schemas reject: the issues come out the same
  defineRegistry(
    JSON.parse(
      '{"units":[{"id":"indore","kind":"district","name":42}],"accounts":[{"id":"a","unit":"indore","platform":"x","handle":"@ok","followers":"many"}]}',
    ),
  );
} catch (error) {
  if (!(error instanceof RegistryError)) throw error;
  console.log(error.issues.length, error.issues.map((i) => \`\${i.path.join('.')}: \${i.message}\`).join('; '));
}
`;

/** An app's strict settings (the DOM library for fetch's types; no @types/node needed). */
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2022', 'dom'],
    types: [],
  },
  files: ['demo.mts'],
};

let packs: string;
const apps = new Map<string, string>();

describe('an app on zod 3.25 or zod 4 installs the packed package', () => {
  beforeAll(() => {
    packs = tempDir('zod-packs');
    const tarball = packPackage(packs);
    const dependencies = RUNTIME_DEPENDENCIES.map((name) => packDependency(name, packs));
    for (const app of APPS) {
      const zod = packDependency(app.zod, packs);
      const dir = join(packs, `app-zod${app.major}`);
      mkdirSync(dir);
      installApp(
        dir,
        [tarball, ...dependencies, zod].map((f) => join(packs, f)),
      );
      writeFileSync(join(dir, 'demo.mts'), DEMO);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
      apps.set(app.major, dir);
    }
  }, 180_000);

  afterAll(() => {
    if (packs) rmSync(packs, { recursive: true, force: true });
  });

  const outputs = new Map<string, string>();

  for (const app of APPS) {
    it(`zod ${app.major}: installs without a peer conflict, type-checks and runs the demo`, () => {
      const dir = apps.get(app.major)!;
      const installed = JSON.parse(
        readFileSync(join(dir, 'node_modules/zod/package.json'), 'utf8'),
      ) as { version: string };
      expect(installed.version.split('.')[0]).toBe(app.major);
      // npm would have refused an install outside the peer range (ERESOLVE); `npm ls` says so too.
      run('npm', ['ls', '--offline', '--all', 'zod'], dir);

      run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], dir);
      // tsc wrote demo.mjs beside it: run on any Node of the engines range, no type stripping.
      const output = run(process.execPath, ['demo.mjs'], dir);
      expect(output.split('\n')).toEqual([
        'Indore 2 no-provider',
        'at least 3,54,000',
        'true',
        '2 units.0.name: Invalid input; accounts.0: Unrecognized key: "followers"',
        '',
      ]);
      outputs.set(app.major, output);
    }, 60_000);
  }

  it('src imports zod only as zod/v4 (the API both zod 3.25 and zod 4 ship)', () => {
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts'),
    );
    const imports = files.flatMap((file) =>
      [...readFileSync(join(root, 'src', file), 'utf8').matchAll(/from '(zod[^']*)'/g)].map(
        (m) => `${file}: ${m[1]}`,
      ),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((line) => !line.endsWith(': zod/v4'))).toEqual([]);
  });

  it('prints the same with either zod', () => {
    expect(outputs.get('3')).toBeDefined();
    expect(outputs.get('3')).toBe(outputs.get('4'));
  });
});
