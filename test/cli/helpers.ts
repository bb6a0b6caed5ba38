import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Io } from '../../src/cli/index.js';

/** An Io for running `main` in-process: what it writes is kept, Ctrl-C is sent by the test. */
export interface TestIo extends Io {
  out(): string;
  err(): string;
  interrupt(): void;
  exits: number[];
}

export function testIo(cwd: string, env: Record<string, string | undefined> = {}): TestIo {
  let out = '';
  let err = '';
  const handlers = new Set<() => void>();
  const exits: number[] = [];
  return {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: (text: string) => (err += text), isTTY: false },
    env,
    cwd,
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    exit(code) {
      exits.push(code);
    },
    out: () => out,
    err: () => err,
    interrupt: () => {
      for (const handler of handlers) handler();
    },
    exits,
  };
}

/** The blocks of docs/scheduling.md by their `<!-- file: … -->` names. */
export function schedulingFiles(): Map<string, string> {
  const text = readFileSync(
    join(resolve(import.meta.dirname, '../..'), 'docs/scheduling.md'),
    'utf8',
  );
  const files = new Map<string, string>();
  for (const match of text.matchAll(/<!-- file: (\S+) -->\n```[a-z]*\n([\s\S]*?)```/g)) {
    files.set(match[1]!, match[2]!);
  }
  return files;
}
