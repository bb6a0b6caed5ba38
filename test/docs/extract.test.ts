import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../scripts/docs-check/extract.js';

const md = (...lines: string[]) => lines.join('\n');

describe('extractBlocks', () => {
  it('finds ts and typescript fences, indented ones too, with the line of the opening fence', () => {
    const { blocks, problems } = extractBlocks(
      md(
        '# T',
        '```ts',
        'const a = 1;',
        '```',
        '- item',
        '  ```typescript',
        '  const b = 2;',
        '  ```',
      ),
      'x.md',
    );
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      { file: 'x.md', line: 2, code: 'const a = 1;\n', mode: 'run' },
      { file: 'x.md', line: 6, code: 'const b = 2;\n', mode: 'run' },
    ]);
  });

  it('skips other languages, and ts inside a longer fence', () => {
    const { blocks } = extractBlocks(
      md('```sh', 'npm test', '```', '````md', '```ts', 'x', '```', '````'),
      'x.md',
    );
    expect(blocks).toEqual([]);
  });

  it('reads the marker on the line above, blank lines allowed', () => {
    const { blocks, problems } = extractBlocks(
      md(
        '<!-- check: typecheck-only — needs a PostgreSQL server -->',
        '```ts',
        'a',
        '```',
        '<!-- check: listing of social-reach/testing -->',
        '',
        '```ts',
        'b',
        '```',
        '<!-- check: vitest -->',
        '```ts',
        'c',
        '```',
      ),
      'x.md',
    );
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.mode, b.reason ?? b.module])).toEqual([
      ['typecheck-only', 'needs a PostgreSQL server'],
      ['listing', 'social-reach/testing'],
      ['vitest', undefined],
    ]);
  });

  it('reports a marker without a reason, an unknown one and one before no ts block', () => {
    const { problems } = extractBlocks(
      md(
        '<!-- check: typecheck-only -->',
        '```ts',
        'a',
        '```',
        '<!-- check: skip -->',
        '```ts',
        'b',
        '```',
        '<!-- check: listing -->',
        'prose',
        '<!-- check: listing of zod -->',
        '```ts',
        'c',
        '```',
      ),
      'x.md',
    );
    expect(problems).toEqual([
      'x.md:1: typecheck-only needs a reason: <!-- check: typecheck-only — why -->',
      'x.md:5: unknown check marker "skip": use "typecheck-only — reason", "vitest" or "listing [of entry point]"',
      'x.md:9: a check marker not followed by a ts block',
      'x.md:11: listing of what? one of social-reach, social-reach/provider, social-reach/testing, social-reach/postgres, social-reach/redis, social-reach/reports, got "of zod"',
    ]);
  });
});
