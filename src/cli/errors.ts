/**
 * The command's own failures: each carries the exit code it ends with and a message written for the
 * person at the terminal (what was expected, what came, where). Never a stack trace, unless
 * `--debug` asks for one.
 */

/** Exit codes of `social-reach` (docs/cli.md, "Exit codes"). */
export const EXIT = {
  /** Done. A collection may have per-account failures: they are summarised. */
  ok: 0,
  /** Something else stopped the command: the store could not be opened, a package is missing. */
  failed: 1,
  /** Bad input or options: an unknown flag, a missing or invalid registry, a bad date. */
  usage: 2,
  /** A platform refused a credential: every account of a platform failed as `unauthorized`. */
  refused: 3,
  /** Another run holds the store (its lock, or the embedded store's folder): nothing was done. */
  busy: 4,
  /** Interrupted by Ctrl-C (128 + SIGINT's 2, as shells report it). */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15): `social-reach worker` after closing cleanly. */
  terminated: 143,
} as const;

/** An exit code of `social-reach`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the command explains in words and ends with `code`. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT.failed, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Bad input or options (exit 2): the message names the flag or file and what was expected. */
export class UsageError extends CliError {
  /** The command whose `--help` the message points to, if any. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
    this.command = command;
  }
}
