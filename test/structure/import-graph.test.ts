import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The static import graph of `src/`: every `import … from`, `export … from`, `import type`,
 * `import()` and `import('…').T` specifier, read by the TypeScript compiler's own pre-processor.
 * Type-only imports count: a cycle of types is still two files that cannot be read one after the
 * other. Issue #11, part 1: no file cycle, no folder loop, and the provider specification below
 * the engine that implements it.
 */
const src = resolve(import.meta.dirname, '../../src');

type Graph = Map<string, string[]>;

/** Files of `src/`, relative (`engine/collect.ts`), each with the `src/` files it imports. */
function importGraph(): Graph {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split('\\').join('/'));
  const graph: Graph = new Map();
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8');
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    const targets = specifiers
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) =>
        relative(src, resolve(dirname(join(src, file)), specifier.replace(/\.js$/, '.ts')))
          .split('\\')
          .join('/'),
      );
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one node (or a node importing itself). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  // Tarjan's algorithm, iterative: a deep chain of imports cannot overflow the stack.
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || edges.includes(frame.node)) found.push(component.sort());
    }
  }
  return found;
}

/** `engine/collect.ts` → `engine`; a file at the root of `src/` is its own node (`errors.ts`). */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length === 1 ? file : parts[0]!;
}

function folderGraph(graph: Graph): Graph {
  const folders: Graph = new Map();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    const list = folders.get(from) ?? [];
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== from && !list.includes(to)) list.push(to);
    }
    folders.set(from, list);
  }
  return folders;
}

const SPEC = 'spec/';
/** What the specification may import: itself, the model it speaks of, and the errors it returns. */
const SPEC_MAY_IMPORT = /^(?:spec\/|model\/|errors\.ts$)/;

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('is read (the checks below are not blind)', () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(graph.get('engine/collect.ts')).toContain('spec/v1/index.ts');
    expect(graph.get('spec/v1/index.ts')).toContain('spec/v1/provider.ts');
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['a']]]))).toEqual([['a']]);
  });

  it('has no file cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no folder loop', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it('keeps the provider specification below the engine and the providers', () => {
    const wrong = [...graph]
      .filter(([file]) => file.startsWith(SPEC))
      .flatMap(([file, targets]) =>
        targets.filter((t) => !SPEC_MAY_IMPORT.test(t)).map((t) => `${file} → ${t}`),
      );
    expect(wrong).toEqual([]);
    // and the engine and the providers do depend on it: the contract is above its implementation
    const users = [...graph]
      .filter(([, targets]) => targets.some((t) => t.startsWith(SPEC)))
      .map(([file]) => folderOf(file));
    expect(users).toContain('engine');
    expect(users).toContain('providers');
  });

  it('holds only types in the specification: nothing of it exists at run time', () => {
    const runtime: string[] = [];
    for (const file of graph.keys()) {
      if (!file.startsWith(SPEC)) continue;
      const source = ts.createSourceFile(
        file,
        readFileSync(join(src, file), 'utf8'),
        ts.ScriptTarget.Latest,
      );
      for (const statement of source.statements) {
        const typeOnly =
          ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true) ||
          (ts.isExportDeclaration(statement) && statement.isTypeOnly);
        if (!typeOnly) {
          const { line } = source.getLineAndCharacterOfPosition(statement.getStart(source));
          runtime.push(`${file}:${line + 1}`);
        }
      }
    }
    expect(runtime).toEqual([]);
  });
});
