import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const entries = [
  'src/index.ts',
  'src/provider-kit.ts',
  'src/testing/index.ts',
  'src/stores/postgres/index.ts',
  'src/redis/index.ts',
  'src/visual/index.ts',
].map((f) => resolve(root, f));

describe('the public API', () => {
  it('has JSDoc on every export of every entry point', () => {
    const program = ts.createProgram(entries, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      skipLibCheck: true,
    });
    const checker = program.getTypeChecker();
    const undocumented: string[] = [];
    for (const entry of entries) {
      const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
      const exports = checker.getExportsOfModule(module);
      expect(exports.length).toBeGreaterThan(0);
      for (const symbol of exports) {
        const target =
          symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const declaration = target.declarations?.[0];
        const documented =
          target.getDocumentationComment(checker).length > 0 ||
          (declaration !== undefined && ts.getJSDocCommentsAndTags(declaration).length > 0);
        if (!documented)
          undocumented.push(`${symbol.name} (${declaration?.getSourceFile().fileName})`);
      }
    }
    expect(undocumented).toEqual([]);
  }, 60_000);
});
