import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/index.js';
import { inCI } from '../ci.js';

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

/**
 * A program some tests need (soffice, systemd-analyze, openssl): on a machine without it they say
 * that they skip; under CI, where .ci/packages.sh installs it, its absence is a failure.
 */
export function requireProgram(available: boolean, program: string, debianPackage: string): void {
  if (available) return;
  if (!inCI) {
    console.warn(
      `[test/cli] SKIPPED the tests that need ${program} (apt-get install ${debianPackage})`,
    );
    return;
  }
  describe(`${program} (CI requires it)`, () => {
    it('is installed', () => {
      expect.fail(`${program} is missing; .ci/packages.sh installs ${debianPackage}`);
    });
  });
}
