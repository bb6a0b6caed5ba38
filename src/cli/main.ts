/**
 * `social-reach`: the command, a thin layer over the library. `main` parses the subcommand, runs
 * it, and turns every failure into a message and an exit code (docs/cli.md), never a stack trace
 * unless `--debug` asks for one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SocialReachError } from '../index.js';
import { type CommandSpec, closest, commandHelp, parseCommand } from './args.js';
import { checkCommand } from './commands/check.js';
import { collectCommand } from './commands/collect.js';
import { initCommand } from './commands/init.js';
import { growthCommand, rankCommand, reportCommand, seriesCommand } from './commands/reports.js';
import { validateCommand } from './commands/validate.js';
import { workerCommand } from './commands/worker.js';
import { CliError, EXIT, UsageError } from './errors.js';
import { type Io, processIo } from './io.js';

/** The subcommands, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  initCommand,
  validateCommand,
  collectCommand,
  workerCommand,
  reportCommand,
  growthCommand,
  rankCommand,
  seriesCommand,
  checkCommand,
];

/**
 * Runs the command with its arguments (without `node` and the script) and returns the exit code:
 * 0 done, 1 something else failed, 2 bad input or options, 3 a credential refused, 4 another run
 * holds the store, 130 interrupted, 143 a worker stopped by SIGTERM.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(topHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout.write(topic ? commandHelp(topic) : topHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) {
      const near = closest(
        name.replace(/^-+/, ''),
        COMMANDS.map((c) => c.name),
      );
      throw new UsageError(
        name.startsWith('-')
          ? `Unknown option ${name}: give a command first (social-reach <command> [options])`
          : `Unknown command "${name}"${near ? ` (did you mean "${near}"?)` : ''}`,
      );
    }
    const args = parseCommand(command, rest);
    if (args.flags.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(io, args);
  } catch (error) {
    return explain(error, io, command?.name, debug);
  }
}

/** Writes a failure for a person and returns its exit code. */
function explain(error: unknown, io: Io, command: string | undefined, debug: boolean): number {
  const prefix = `social-reach${command ? ` ${command}` : ''}: `;
  if (error instanceof CliError) {
    const helpOf = error instanceof UsageError ? (error.command ?? command) : undefined;
    const see =
      error instanceof UsageError
        ? `\nSee \`social-reach ${helpOf ? `${helpOf} ` : ''}--help\`.`
        : '';
    io.stderr.write(`${prefix}${error.message}${see}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (SocialReachError.isInstance(error)) {
    // the library's checks of what the command passed on (an option, a count, a registry)
    const input = ['INVALID_OPTION', 'INVALID_COUNT', 'INVALID_REGISTRY', 'INVALID_INPUT'];
    io.stderr.write(`${prefix}${error.message.replace(/^\[social-reach\]\s*/, '')}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return input.includes(error.code) ? EXIT.usage : EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `${prefix}unexpected error: ${message}${debug ? '' : ' (run again with --debug to see where)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.failed;
}

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: social-reach <command> [options]',
    '',
    "Follower counts of public offices, from the platforms' official APIs, kept in a store, and",
    'reported with honest precision in Indian number formats.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    "  -h, --help     Show help (`social-reach <command> --help` for a command's own)",
    '  -v, --version  Show the version',
    '',
    'Start with:',
    '  social-reach init my-office && cd my-office',
    '  social-reach validate',
    '  social-reach collect --env-file .env',
    '  social-reach report',
    '',
    'Exit codes: 0 done, 1 failed (store, package), 2 bad input or options, 3 a credential refused,',
    '4 another run holds the store, 130 interrupted (143: a worker stopped by SIGTERM).',
    'Documentation: docs/cli.md of social-reach.',
    '',
  ].join('\n');
}

/** The version in the package's package.json (the nearest one above this file). */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (name === 'social-reach' && version) return version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
