import type { CommandSpec, ParsedArgs } from '../args.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import {
  describeSource,
  loadRegistry,
  RegistryProblems,
  resolveRegistrySource,
  summarizeRegistry,
} from '../registry-source.js';
import { REGISTRY_OPERAND } from '../shared.js';

export const validateCommand: CommandSpec = {
  name: 'validate',
  summary: 'Check a registry and list every problem with where it is',
  operands: REGISTRY_OPERAND,
  min: 0,
  max: 2,
  description: `Reads a registry (registry.json; units.csv and accounts.csv, in that order; or a folder
holding one of them, the current folder by default) and checks it as a whole: ids, parents,
owners, platforms, handles. Every problem is printed with where it is: the JSON path
(accounts[3].handle), or the CSV file, row and column (accounts.csv, row 5, column D (handle)).

Exit codes: 0 the registry is valid (a one-line summary is printed), 2 it has problems.`,
  flags: {},
  examples: [
    'social-reach validate registry.json',
    'social-reach validate units.csv accounts.csv',
    'social-reach validate indore-reach/',
  ],
  run: runValidate,
};

async function runValidate(io: Io, args: ParsedArgs): Promise<number> {
  const source = resolveRegistrySource(args.operands, io.cwd, 'validate');
  try {
    const registry = loadRegistry(source, io.cwd);
    io.stdout.write(`${describeSource(source, io.cwd)}: valid: ${summarizeRegistry(registry)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RegistryProblems)) throw error;
    io.stdout.write(`${error.message}\n`);
    return EXIT.usage;
  }
}
