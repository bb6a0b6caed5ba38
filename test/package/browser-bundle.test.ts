import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The core (`social-reach`) bundles for the browser: nothing reachable from `src/index.ts` imports
 * a Node built-in (`node:crypto`, `fs`, ...). Node-only code lives behind its own entry points
 * (`social-reach/postgres`, `social-reach/testing`). esbuild comes with tsup.
 */
const root = resolve(import.meta.dirname, '../..');
const BUILT_IN = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Records every import of a Node built-in, by importer, instead of letting the build fail early. */
function recordBuiltIns(found: string[]): Plugin {
  return {
    name: 'record-node-built-ins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!args.path.startsWith('node:') && !BUILT_IN.has(args.path)) return undefined;
        found.push(`${args.path} (imported by ${args.importer.replace(`${root}/`, '')})`);
        return { path: args.path, external: true };
      });
    },
  };
}

describe('the core in a browser', () => {
  it('bundles social-reach/provider (src/provider-kit.ts) with no Node built-in either', async () => {
    const found: string[] = [];
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/provider-kit.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [recordBuiltIns(found)],
    });
    expect(found).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('bundles src/index.ts for platform browser with no Node built-in anywhere in its graph', async () => {
    const found: string[] = [];
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [recordBuiltIns(found)],
    });
    expect(found).toEqual([]);
    expect(result.errors).toEqual([]);
    // The graph really is the library's: its sources and its runtime dependencies.
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/util/hash.ts');
    const packages = new Set(
      inputs.flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []),
    );
    expect([...packages].sort()).toEqual(['ky', 'p-limit', 'yocto-queue', 'zod']);
  });

  it('sees a Node built-in when one is imported (the check is not blind)', async () => {
    const found: string[] = [];
    await build({
      stdin: { contents: "import { createHash } from 'node:crypto'; export { createHash };" },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [recordBuiltIns(found)],
    });
    expect(found).toEqual(['node:crypto (imported by <stdin>)']);
  });
});
