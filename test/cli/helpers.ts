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
