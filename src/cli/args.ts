/**
 * Options of the subcommands, on `node:util`'s `parseArgs` (no framework): each command declares
 * its flags with a line of help; this file parses them, turns parseArgs' errors into messages that
 * name the flag and what was expected, and writes `--help`.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/** One flag of a command. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once (values collected in order). */
  multiple?: boolean;
  /** The value's name in help: `--out <file>`. */
  value?: string;
  /** One line (or a few) of help. */
  help: string;
  /** The values allowed, checked after parsing. */
  choices?: readonly string[];
}

/** A subcommand: its flags, help and what it does. */
export interface CommandSpec {
  name: string;
  /** One line for `social-reach --help`. */
  summary: string;
  /** `<registry>`, `[folder]`: what follows the command name in the usage line. */
  operands: string;
  /** How many operands it takes. */
  min: number;
  max: number;
  /** Paragraphs under the usage line. */
  description: string;
  flags: Readonly<Record<string, FlagSpec>>;
  examples: readonly string[];
  run(io: Io, args: ParsedArgs): Promise<number>;
}

/** What a command receives: its operands and flag values (strings, booleans or lists). */
export interface ParsedArgs {
  /** The arguments as given, after the command name. */
  argv: readonly string[];
  operands: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

/** Flags every subcommand takes. */
export const COMMON_FLAGS: Readonly<Record<string, FlagSpec>> = {
  help: { type: 'boolean', short: 'h', help: 'Show this help.' },
  debug: { type: 'boolean', help: 'On an unexpected error, show its stack trace.' },
};

/**
 * Parses a command's arguments. Unknown flags, missing values, wrong choices and the wrong number
 * of operands are {@link UsageError}s naming the flag and pointing to `--help`.
 */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const flags = { ...spec.flags, ...COMMON_FLAGS };
  const options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
  > = {};
  for (const [name, flag] of Object.entries(flags)) {
    options[name] = { type: flag.type };
    if (flag.short) options[name].short = flag.short;
    if (flag.multiple) options[name].multiple = true;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw explainParseError(spec, flags, error);
  }
  const values = parsed.values as ParsedArgs['flags'];
  if (values.help) return { argv, operands: parsed.positionals, flags: values };
  for (const [name, flag] of Object.entries(flags)) {
    const value = values[name];
    if (flag.type === 'string' && value !== undefined) {
      for (const one of Array.isArray(value) ? value : [value as string]) {
        // `--out --json` would take "--json" as the file: almost always a forgotten value
        if (one.startsWith('--')) {
          throw new UsageError(
            `${flagName(name, flag)} needs a value (${flag.value ?? 'a value'}), got the flag "${one}"`,
            spec.name,
          );
        }
        if (flag.choices && !flag.choices.includes(one)) {
          throw new UsageError(
            `Expected ${flagName(name, flag)} to be ${listOf(flag.choices)}, got "${one}"`,
            spec.name,
          );
        }
      }
    }
  }
  const operands = parsed.positionals;
  if (operands.length < spec.min) {
    throw new UsageError(
      `\`social-reach ${spec.name}\` needs ${spec.operands}${operands.length ? `, got only ${operands.map((o) => `"${o}"`).join(' ')}` : ''}`,
      spec.name,
    );
  }
  if (operands.length > spec.max) {
    const extra = operands.slice(spec.max);
    throw new UsageError(
      `\`social-reach ${spec.name}\` takes ${spec.operands || 'no operands'}; unexpected ${extra.map((o) => `"${o}"`).join(' ')}`,
      spec.name,
    );
  }
  return { argv, operands, flags: values };
}

/** `--out <file>` */
function flagName(name: string, flag: FlagSpec): string {
  return flag.type === 'string' ? `--${name} <${flag.value ?? 'value'}>` : `--${name}`;
}

function listOf(choices: readonly string[]): string {
  const quoted = choices.map((c) => `"${c}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** parseArgs' TypeErrors, said for a person: which flag, what was expected, a near name. */
function explainParseError(
  spec: CommandSpec,
  flags: Readonly<Record<string, FlagSpec>>,
  error: unknown,
): unknown {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'(-{1,2}[^'\s]*)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const name = quoted.replace(/^-+/, '').split('=')[0] ?? '';
    const near = closest(name, Object.keys(flags));
    const hint = near ? ` (did you mean --${near}?)` : '';
    return new UsageError(
      `Unknown option ${quoted} for \`social-reach ${spec.name}\`${hint}`,
      spec.name,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const name = quoted.replace(/^-+/, '');
    const long = flags[name] ? name : Object.keys(flags).find((n) => flags[n]!.short === name);
    const flag = long ? flags[long] : undefined;
    if (long && flag?.type === 'string') {
      return new UsageError(`${flagName(long, flag)} needs a value`, spec.name);
    }
    if (long && flag?.type === 'boolean') {
      return new UsageError(`--${long} takes no value (it is a switch)`, spec.name);
    }
  }
  return new UsageError(message, spec.name);
}

/** A flag name near a misspelt one (one or two edits, or a prefix), for "did you mean". */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    let distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (name.length >= 3 && candidate.startsWith(name)) distance = Math.min(distance, 1);
    if (distance <= (name.length < 5 ? 1 : 2) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The `--help` of a command. */
export function commandHelp(spec: CommandSpec): string {
  const flags = { ...spec.flags, ...COMMON_FLAGS };
  const rows = Object.entries(flags).map(([name, flag]) => {
    const short = flag.short ? `-${flag.short}, ` : '';
    const value = flag.type === 'string' ? ` <${flag.value ?? 'value'}>` : '';
    const more = flag.multiple ? ' (repeatable)' : '';
    return [`  ${short}--${name}${value}`, `${flag.help}${more}`] as const;
  });
  const width = Math.min(34, Math.max(...rows.map(([left]) => left.length)) + 2);
  const lines = rows.map(([left, right]) => {
    const [first = '', ...rest] = right.split('\n');
    const pad = left.length >= width ? `\n${' '.repeat(width)}` : ' '.repeat(width - left.length);
    return [`${left}${pad}${first}`, ...rest.map((r) => `${' '.repeat(width)}${r}`)].join('\n');
  });
  return [
    `Usage: social-reach ${spec.name}${spec.operands ? ` ${spec.operands}` : ''} [options]`,
    '',
    spec.description,
    '',
    'Options:',
    ...lines,
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** A string flag's value (the last, if given more than once). */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (Array.isArray(value)) return value.at(-1);
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable flag's values; each may also hold a comma-separated list. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  const value = args.flags[name];
  const given = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return given
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A switch. */
export function booleanFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}
