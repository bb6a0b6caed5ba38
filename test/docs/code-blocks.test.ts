import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { type CodeBlock, extractAll } from '../../scripts/docs-check/extract.js';
import {
  type BlockFile,
  typecheckBlocks,
  writeBlocks,
} from '../../scripts/docs-check/typecheck.js';

/**
 * The TypeScript blocks of README.md and docs/*.md are checked examples, so the docs cannot drift
 * from the code (scripts/docs-check/extract.ts says how a block is marked):
 *
 * - every block is type-checked, all in one TypeScript program, with the repository's tsconfig
 *   (strict, NodeNext) and `social-reach`, `social-reach/provider`, `social-reach/testing` and
 *   `social-reach/postgres` mapped to the source;
 * - every block without a marker is run, in a child process (tsx) of its own, against a fake
 *   platform API server (scripts/docs-check/run-block.ts), and must finish without an error;
 * - test files (`<!-- check: vitest -->`) are run by vitest, in a child process too;
 * - listings are compared with the types they restate.
 *
 * Failures name the Markdown file and line. The extracted blocks stay in .tmp/docs-check/ to be
 * inspected or run by hand (the command is in run-block.ts).
 */
const root = resolve(import.meta.dirname, '../..');
const dir = join(root, '.tmp/docs-check');
const runner = join(root, 'scripts/docs-check/run-block.ts');
const context = join(root, 'scripts/docs-check/context.ts');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
/** A block that has not finished by then is killed (PGlite's start can take 20 s on a busy machine). */
const RUN_TIMEOUT_MS = 120_000;

const { blocks, problems } = extractAll(root);
const files = writeBlocks(root, dir, blocks);
const runnable = files.filter((f) => f.block.mode === 'run' || f.block.mode === 'vitest');
const where = (block: CodeBlock) => `${block.file}:${block.line}`;

describe('code blocks of README.md and docs/', () => {
  it('are found, with well-formed markers', () => {
    expect(problems).toEqual([]);
    expect(blocks.length).toBeGreaterThan(20);
    expect(runnable.length).toBeGreaterThan(10);
  });

  it('type-check under strict, all in one program', { timeout: 120_000 }, () => {
    const messages = typecheckBlocks(root, files, [runner, context]);
    if (messages.length > 0) expect.fail(`${messages.length} type errors:\n${messages.join('\n')}`);
  });

  const limit = pLimit(Math.min(4, Math.max(2, availableParallelism())));
  describe.concurrent('run against the fake platform API server', () => {
    it.for(runnable.map((f) => [where(f.block), f] as const))(
      '%s',
      { timeout: RUN_TIMEOUT_MS * 3 },
      async ([, file]) => {
        const outcome = await limit(() => runBlock(file));
        // a stack line in the extracted file, shown at its line in the Markdown file
        const output = outcome.output.replaceAll(
          new RegExp(`${escapeRegExp(file.path)}:(\\d+)`, 'g'),
          (_, line: string) => `${file.block.file}:${file.block.line + Number(line)}`,
        );
        expect(outcome.ok, `${where(file.block)} failed:\n${output}`).toBe(true);
      },
    );
  });
});

/** Runs a block in a child process: a script through run-block.ts, a test file with vitest. */
function runBlock(file: BlockFile): Promise<{ ok: boolean; output: string }> {
  const args =
    file.block.mode === 'vitest'
      ? [vitest, 'run', '--config', join(dir, 'vitest.config.ts'), file.path]
      : ['--import', 'tsx', runner, file.path];
  // the child is not part of this vitest run: leave out the variables vitest set for its workers
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TINYPOOL)/.test(name)),
  );
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: dir,
        env: { ...env, TSX_TSCONFIG_PATH: join(dir, 'tsconfig.json'), NODE_NO_WARNINGS: '1' },
        timeout: RUN_TIMEOUT_MS,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        const timedOut = error?.killed ? `\n(killed after ${RUN_TIMEOUT_MS / 1000} s)` : '';
        done({ ok: !error, output: `${stdout}${stderr}${timedOut}` });
      },
    );
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
