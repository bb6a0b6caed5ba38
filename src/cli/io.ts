/**
 * What the command touches of its process, passed in so that tests can run `main` in-process with
 * their own streams and environment (the end-to-end tests run the installed bin as a child).
 */

import { EXIT } from './errors.js';

/** A stream the command writes to. */
export interface Output {
  write(text: string): unknown;
  /** True on a terminal: `collect` then draws a live display instead of plain lines. */
  readonly isTTY?: boolean;
  /** The terminal's width, when it is one. */
  readonly columns?: number;
}

/** The command's view of its process. */
export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  /** The environment (credentials, `DATABASE_URL`); `--env-file` adds to a copy, never to this. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths start from. */
  readonly cwd: string;
  /** Calls `handler` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
  /**
   * Calls `handler` on each SIGTERM (a service manager stopping the process) until the returned
   * function is called. Only `social-reach worker` listens; without it, SIGTERM is not caught.
   */
  onTerminate?(handler: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C). */
  exit(code: number): void;
}

/** The real process. */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => {
        process.off('SIGINT', handler);
      };
    },
    onTerminate(handler) {
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGTERM', handler);
      };
    },
    exit(code) {
      process.exit(code);
    },
  };
}

/**
 * Ctrl-C as the collecting commands take it: the first calls `first` (stop cleanly); a second
 * writes `quitLine` and ends the process at once with exit 130. Returns what stops listening.
 */
export function onCtrlC(io: Io, quitLine: string, first: () => void): () => void {
  let seen = false;
  return io.onInterrupt(() => {
    if (seen) {
      io.stderr.write(`\n${quitLine}\n`);
      io.exit(EXIT.interrupted);
      return;
    }
    seen = true;
    first();
  });
}
