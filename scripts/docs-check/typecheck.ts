import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './extract.js';

/** A block written out as a module: `.tmp/docs-check/docs-stores-md-46.ts`. */
export interface BlockFile {
  readonly block: CodeBlock;
  readonly path: string;
  /** Lines of the block's own code; checks appended after them belong to the block's fence. */
  readonly codeLines: number;
}

/**
 * Where the blocks import the package from: its source, so that no build is needed and the check
 * sees the code as it is now. The same mapping serves tsc (compilerOptions.paths) and tsx (the
 * tsconfig.json written beside the blocks).
 */
export function packagePaths(root: string): Record<string, string[]> {
  return {
    'social-reach': [join(root, 'src/index.ts')],
    'social-reach/provider': [join(root, 'src/provider-kit.ts')],
    'social-reach/testing': [join(root, 'src/testing/index.ts')],
    'social-reach/postgres': [join(root, 'src/stores/postgres/index.ts')],
    'social-reach/redis': [join(root, 'src/redis/index.ts')],
    'social-reach/reports': [join(root, 'src/visual/index.ts')],
  };
}

/**
 * Writes every block as a module of its own in `dir` (inside the repository, so that `zod`,
 * `vitest` and the package's other dependencies resolve from its node_modules), with a
 * tsconfig.json (for tsx) and a vitest.config.ts (for test-file blocks) that map the package's
 * entry points to its source.
 */
export function writeBlocks(root: string, dir: string, blocks: readonly CodeBlock[]): BlockFile[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = packagePaths(root);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { paths } }, null, 2),
  );
  const aliases = Object.entries(paths).map(
    ([name, [target]]) =>
      `{ find: /^${name.replace('/', '\\/')}$/, replacement: ${JSON.stringify(target)} }`,
  );
  writeFileSync(
    join(dir, 'vitest.config.ts'),
    `import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  resolve: { alias: [${aliases.join(', ')}] },\n  test: { include: ['*.test.ts'], reporters: ['default'] },\n});\n`,
  );
  return blocks.map((block) => {
    const suffix = block.mode === 'vitest' ? '.test.ts' : '.ts';
    const name = `${block.file.replace(/[^a-z0-9]+/gi, '-')}-${block.line}${suffix}`;
    const path = join(dir, name);
    const codeLines = block.code.split('\n').length - 1;
    const checks = block.mode === 'listing' ? listingChecks(block) : '';
    // `export {}` makes every block a module, so its names never meet another block's
    writeFileSync(path, `${block.code}${checks}\nexport {};\n`);
    return { block, path, codeLines };
  });
}

/**
 * For a listing, checks that each interface and type alias it declares is the type its entry
 * point exports under that name: each assignable to the other, and neither with a member the
 * other lacks.
 */
function listingChecks(block: CodeBlock): string {
  const source = ts.createSourceFile('listing.ts', block.code, ts.ScriptTarget.Latest);
  const names = source.statements
    .filter((s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s))
    .map((s) => (s as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text);
  const lines = [
    `import type * as __exported from '${block.module}';`,
    'type __NoMemberOnlyHere<K extends never> = K;',
  ];
  for (const name of names) {
    lines.push(
      `declare const __listed_${name}: ${name};`,
      `declare const __exported_${name}: __exported.${name};`,
      `const __${name}_listed_as_exported: __exported.${name} = __listed_${name};`,
      `const __${name}_exported_as_listed: ${name} = __exported_${name};`,
      `type __${name}_only_listed = __NoMemberOnlyHere<Exclude<keyof ${name}, keyof __exported.${name}>>;`,
      `type __${name}_only_exported = __NoMemberOnlyHere<Exclude<keyof __exported.${name}, keyof ${name}>>;`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Type-checks every block in one TypeScript program, with the repository's tsconfig.json (strict,
 * module NodeNext) and the package mapped to its source. `support` files (the context that gives
 * fragments their names) are part of the program. Returns one message per error, located at the
 * Markdown line it comes from: `docs/providers.md:85: TS2532: Object is possibly 'undefined'.`
 */
export function typecheckBlocks(
  root: string,
  files: readonly BlockFile[],
  support: readonly string[],
): string[] {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    paths: packagePaths(root),
  };
  const program = ts.createProgram({
    rootNames: [...files.map((f) => f.path), ...support],
    options,
  });
  const byPath = new Map(files.map((f) => [resolve(f.path), f]));
  const messages: string[] = [];
  const report = (diagnostics: readonly ts.Diagnostic[]) => {
    for (const d of diagnostics)
      messages.push(describe(d, byPath, root).replaceAll(`${root}/`, ''));
  };
  report(program.getOptionsDiagnostics());
  report(program.getGlobalDiagnostics());
  for (const path of [...byPath.keys(), ...support.map((s) => resolve(s))]) {
    const file = program.getSourceFile(path);
    if (!file) {
      messages.push(`${path}: not in the program`);
      continue;
    }
    report(program.getSyntacticDiagnostics(file));
    report(program.getSemanticDiagnostics(file));
  }
  return messages;
}

function describe(d: ts.Diagnostic, byPath: Map<string, BlockFile>, root: string): string {
  const text = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n  ')}`;
  if (!d.file || d.start === undefined) return text;
  const { line } = d.file.getLineAndCharacterOfPosition(d.start);
  const blockFile = byPath.get(resolve(d.file.fileName));
  if (!blockFile) return `${d.file.fileName.replace(`${root}/`, '')}:${line + 1}: ${text}`;
  const { block, codeLines } = blockFile;
  if (line < codeLines) return `${block.file}:${block.line + 1 + line}: ${text}`;
  return `${block.file}:${block.line}: the listing differs from what ${block.module} exports: ${text}`;
}
