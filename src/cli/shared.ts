/**
 * Flags and steps several commands share: the registry operands, the store, the environment, the
 * time zone and the output file.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Registry } from '../index.js';
import { type FlagSpec, type ParsedArgs, stringFlag } from './args.js';
import { type Env, withEnvFile } from './env.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { loadRegistry, type RegistrySource, resolveRegistrySource } from './registry-source.js';
import { DEFAULT_DATA_FOLDER, type OpenStore, openStore } from './store.js';
import { checkTimeZone, DEFAULT_TIME_ZONE } from './time.js';

/** The operand every registry command takes. */
export const REGISTRY_OPERAND = '[registry]';

/** The flags that name the store. */
export const STORE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  data: {
    type: 'string',
    value: 'folder',
    help: `The embedded store's folder (PGlite). Default: ./${DEFAULT_DATA_FOLDER}`,
  },
  'database-url': {
    type: 'string',
    value: 'url',
    help: 'Use a PostgreSQL server instead (default: $DATABASE_URL).',
  },
  'env-file': {
    type: 'string',
    value: 'path',
    help: 'Read KEY=VALUE lines (credentials, DATABASE_URL) from a file;\nthe environment wins over it.',
  },
};

/** `--time-zone`. */
export const TIME_ZONE_FLAG: FlagSpec = {
  type: 'string',
  value: 'zone',
  help: `Dates and times in this IANA time zone. Default: ${DEFAULT_TIME_ZONE}`,
};

/** What the registry operand names, read and validated. */
export function readRegistry(
  io: Io,
  args: ParsedArgs,
  command: string,
): { registry: Registry; source: RegistrySource } {
  const source = resolveRegistrySource(args.operands, io.cwd, command);
  return { registry: loadRegistry(source, io.cwd), source };
}

/** The environment with `--env-file` underneath. */
export function commandEnv(io: Io, args: ParsedArgs, command: string): Env {
  return withEnvFile(io.env, stringFlag(args, 'env-file'), io.cwd, command);
}

/** `--time-zone`, checked. */
export function timeZoneOf(args: ParsedArgs, command: string): string {
  return checkTimeZone(stringFlag(args, 'time-zone') ?? DEFAULT_TIME_ZONE, command);
}

/** Opens the store `--data` / `--database-url` / `DATABASE_URL` names. */
export function openCommandStore(
  io: Io,
  args: ParsedArgs,
  env: Env,
  registry: Registry,
  command: string,
): Promise<OpenStore> {
  const databaseUrl = stringFlag(args, 'database-url') ?? env.DATABASE_URL;
  const dataFolder = stringFlag(args, 'data');
  if (dataFolder !== undefined && stringFlag(args, 'database-url') !== undefined) {
    throw new UsageError('Give --data <folder> or --database-url <url>, not both');
  }
  return openStore({
    registry,
    dataFolder,
    databaseUrl: dataFolder === undefined ? databaseUrl : undefined,
    cwd: io.cwd,
    command,
  });
}

/** Writes a command's output to `--out <file>`, or to stdout. */
export function writeOutput(io: Io, args: ParsedArgs, text: string): void {
  const out = stringFlag(args, 'out');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out === undefined) {
    io.stdout.write(body);
    return;
  }
  const path = resolve(io.cwd, out);
  try {
    writeFileSync(path, body);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`--out <file>: cannot write ${relative(io.cwd, path) || path} (${code})`);
  }
  io.stderr.write(`written to ${relative(io.cwd, path) || path}\n`);
}

/** A command line to show: arguments quoted where a shell needs it. */
export function shellLine(args: readonly string[]): string {
  return args
    .map((a) => (/^[\w./:=@%+,-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}
