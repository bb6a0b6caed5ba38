import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { booleanFlag, type CommandSpec, type ParsedArgs } from '../args.js';
import { CliError, EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { CREDENTIAL_VARIABLES } from '../providers.js';
import { REGISTRY_FILES } from '../registry-source.js';
import { shellLine } from '../shared.js';

export const initCommand: CommandSpec = {
  name: 'init',
  summary: 'Write a starting registry and an .env.example into a folder',
  operands: '[folder]',
  min: 0,
  max: 1,
  description: `Writes a starting registry (registry.json, or with --csv the pair units.csv and
accounts.csv, as Excel and LibreOffice open them) and an .env.example naming every credential,
into the folder (the current one by default; created if missing). Existing files are never
overwritten: the command says which are in the way and writes nothing.`,
  flags: {
    csv: {
      type: 'boolean',
      help: 'Write units.csv and accounts.csv (for a spreadsheet) instead of registry.json.',
    },
  },
  examples: ['social-reach init', 'social-reach init indore-reach', 'social-reach init --csv .'],
  run: runInit,
};

/** The starting registry: the Indore example's shape, with handles to replace. */
const UNITS = [
  { id: 'mp', kind: 'state', name_en: 'Madhya Pradesh', name_hi: 'मध्यप्रदेश', parent: '' },
  {
    id: 'indore-division',
    kind: 'division',
    name_en: 'Indore division',
    name_hi: 'इंदौर संभाग',
    parent: 'mp',
  },
  { id: 'indore', kind: 'district', name_en: 'Indore', name_hi: 'इंदौर', parent: 'indore-division' },
  {
    id: 'indore-collector',
    kind: 'official',
    name_en: 'Collector, Indore',
    name_hi: 'कलेक्टर, इंदौर',
    parent: 'indore',
  },
  {
    id: 'indore-pr-office',
    kind: 'office',
    name_en: 'District PR office, Indore',
    name_hi: 'जिला जनसंपर्क कार्यालय, इंदौर',
    parent: 'indore',
  },
];
const ACCOUNTS = [
  {
    id: 'indore-collector-x',
    unit: 'indore-collector',
    platform: 'x',
    handle: '@IndoreCollector',
    note: 'replace with your own handles',
  },
  {
    id: 'indore-collector-fb',
    unit: 'indore-collector',
    platform: 'facebook',
    handle: 'https://www.facebook.com/CollectorIndore',
    note: '',
  },
  {
    id: 'indore-pr-youtube',
    unit: 'indore-pr-office',
    platform: 'youtube',
    handle: 'https://www.youtube.com/@JansamparkIndore',
    note: '',
  },
  {
    id: 'indore-pr-telegram',
    unit: 'indore-pr-office',
    platform: 'telegram',
    handle: 't.me/JansamparkIndore',
    note: '',
  },
];

function registryJson(): string {
  const units = UNITS.map(({ id, kind, name_en, name_hi, parent }) => ({
    id,
    kind,
    name: { en: name_en, hi: name_hi },
    ...(parent ? { parent } : {}),
  }));
  const accounts = ACCOUNTS.map(({ note, ...account }) =>
    note ? { ...account, meta: { note } } : account,
  );
  return `${JSON.stringify({ units, accounts }, null, 2)}\n`;
}

/** As Excel saves "CSV UTF-8": a byte-order mark (so that Hindi opens right), CRLF, quotes when needed. */
function csv(rows: readonly Record<string, string>[]): string {
  const header = Object.keys(rows[0]!);
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [header, ...rows.map((row) => header.map((h) => row[h] ?? ''))];
  return `\uFEFF${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}

function envExample(): string {
  const lines = [
    '# Credentials for `social-reach collect --env-file .env`. Copy this file to .env and fill in',
    '# what you have; leave the others empty: a platform without its credential is skipped, and the',
    '# command says which variable to set. A variable already set in the environment wins over',
    '# this file. Keep .env out of version control, readable only by the account that runs the job.',
    '# How to get each one: docs/platforms.md of social-reach.',
    '',
  ];
  for (const [name, what] of CREDENTIAL_VARIABLES) {
    lines.push(`# ${what}`);
    if (name === 'MASTODON_ACCESS_TOKENS') {
      lines.push(
        '# (each token is sent only to the server named with it), e.g.',
        '# MASTODON_ACCESS_TOKENS=mastodon.social=<token>,social.example.in=<token>',
      );
    }
    lines.push(`${name}=`, '');
  }
  lines.push(
    "# YouTube: the key's daily quota in units, if Google granted the project more than 10000",
    '# (optional): YOUTUBE_QUOTA_UNITS=10000',
    '',
    '# A proxy, where the network reaches the internet only through one (optional):',
    '# HTTPS_PROXY=http://proxy.example.in:3128',
    '# NO_PROXY=localhost,127.0.0.1',
    '',
    '# A PostgreSQL server instead of the embedded folder ./social-reach-data (optional):',
    '# DATABASE_URL=postgres://reach:<password>@localhost:5432/reach',
    '',
  );
  return lines.join('\n');
}

async function runInit(io: Io, args: ParsedArgs): Promise<number> {
  const folder = resolve(io.cwd, args.operands[0] ?? '.');
  const useCsv = booleanFlag(args, 'csv');
  const files: [string, string][] = useCsv
    ? [
        [REGISTRY_FILES.units, csv(UNITS)],
        [REGISTRY_FILES.accounts, csv(ACCOUNTS)],
        ['.env.example', envExample()],
      ]
    : [
        [REGISTRY_FILES.json, registryJson()],
        ['.env.example', envExample()],
      ];
  const show = (path: string) => relative(io.cwd, path) || '.';
  const inTheWay = files.map(([name]) => join(folder, name)).filter((path) => existsSync(path));
  if (inTheWay.length > 0) {
    throw new CliError(
      `Not overwriting ${inTheWay.map(show).join(', ')}: ${inTheWay.length === 1 ? 'it exists' : 'they exist'}. Nothing was written; move ${inTheWay.length === 1 ? 'it' : 'them'} away or choose another folder.`,
      EXIT.usage,
    );
  }
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(folder, name), text, { flag: 'wx' });

  const into = show(folder);
  const registryArgs = useCsv
    ? [REGISTRY_FILES.units, REGISTRY_FILES.accounts]
    : [REGISTRY_FILES.json];
  const steps = [
    ...(into === '.' ? [] : [`cd ${shellLine([into])}`]),
    useCsv
      ? 'Open units.csv and accounts.csv in Excel or LibreOffice: your units (state › district › office › official) and their accounts; save them as CSV (UTF-8).'
      : 'Edit registry.json: your units (state › district › office › official) and their accounts.',
    'cp .env.example .env, and fill in the credentials you have (leave the others empty).',
    shellLine(['social-reach', 'validate', ...registryArgs]),
    shellLine(['social-reach', 'collect', ...registryArgs, '--env-file', '.env']),
    shellLine(['social-reach', 'report', ...registryArgs]),
  ];
  io.stdout.write(
    [
      `Wrote ${files.map(([name]) => name).join(', ')} in ${into === '.' ? 'this folder' : into}.`,
      '',
      'What next:',
      ...steps.map((step, i) => `  ${i + 1}. ${step}`),
      '',
      'To run it every day (cron, systemd, Windows Task Scheduler, GitHub Actions): docs/scheduling.md.',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
