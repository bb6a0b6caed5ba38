import {
  type Count,
  checkClaim,
  describeCount,
  parseCount,
  SocialReachError,
  totals,
  unitName,
} from '../../index.js';
import { type CommandSpec, listFlag, stringFlag } from '../args.js';
import { UsageError } from '../errors.js';
import { DIGITS_FLAG, LANG_FLAG, languageOf } from '../language.js';
import {
  commandEnv,
  openCommandStore,
  readRegistry,
  STORE_FLAGS,
  TIME_ZONE_FLAG,
  timeZoneOf,
  writeOutput,
} from '../shared.js';
import { clockTime, parseDate } from '../time.js';
import { checkUnit } from './reports.js';

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'Check a claimed figure ("दो लाख से अधिक") against a unit\'s computed total',
  operands: '"<claim>"',
  min: 1,
  max: 1,
  description: `Reads a claim as press notes write it, in any of the languages of --lang ("more than
2 lakh", "लगभग 77 हजार", "2 லட்சத்துக்கும் மேல்"), and checks it against the unit's total computed
from the store: consistent, overstated or understated, by the claim's own words (at least, about,
exactly). --lang is the language of the verdict, whatever the claim's.

The registry is the current folder's (registry.json, or units.csv and accounts.csv) unless
--registry names it (a file or folder; give it twice for units.csv and accounts.csv).`,
  flags: {
    unit: { type: 'string', value: 'id', help: 'The unit the claim is about (required).' },
    registry: {
      type: 'string',
      value: 'path',
      multiple: true,
      help: 'The registry (default: the current folder).',
    },
    ...STORE_FLAGS,
    'as-of': {
      type: 'string',
      value: 'date',
      help: "The figures at the end of this day (the claim's date). Default: now.",
    },
    platform: {
      type: 'string',
      value: 'id',
      multiple: true,
      help: 'Count only this platform (a claim about "Twitter followers": x).',
    },
    tolerance: {
      type: 'string',
      value: 'fraction',
      help: 'How far an approximate claim ("about …") may be off. Default: 0.05',
    },
    lang: LANG_FLAG,
    digits: DIGITS_FLAG,
    format: {
      type: 'string',
      value: 'format',
      choices: ['text', 'json'],
      help: 'text (default) or json.',
    },
    out: { type: 'string', value: 'file', help: 'Write to this file instead of stdout.' },
    'time-zone': TIME_ZONE_FLAG,
  },
  examples: [
    'social-reach check "दो लाख से अधिक" --unit indore',
    'social-reach check "about 77 thousand" --unit indore-collector --platform x --as-of 2026-11-30',
    'social-reach check "कुल 60 हजार" --unit pr-office --lang hi --registry units.csv --registry accounts.csv',
  ],
  async run(io, args) {
    const command = 'check';
    const zone = timeZoneOf(args, command);
    const claimText = args.operands[0]!;
    let claimed: Count;
    try {
      claimed = parseCount(claimText);
    } catch (error) {
      if (!SocialReachError.isInstance(error)) throw error;
      throw new UsageError(
        `Cannot read the claim "${claimText.slice(0, 80)}" as a figure: ${error.message.replace(/^\[social-reach\]\s*/, '')}`,
        command,
      );
    }
    const unitId = stringFlag(args, 'unit');
    if (!unitId)
      throw new UsageError('--unit <id> is required: the unit the claim is about', command);
    const toleranceText = stringFlag(args, 'tolerance');
    const tolerance = toleranceText === undefined ? undefined : Number(toleranceText);
    if (tolerance !== undefined && !(Number.isFinite(tolerance) && tolerance >= 0)) {
      throw new UsageError(
        `Expected --tolerance <fraction> to be a number >= 0 such as 0.05 (5%), got "${toleranceText}"`,
        command,
      );
    }
    const asOfText = stringFlag(args, 'as-of');
    const asOf = asOfText
      ? parseDate(asOfText, '--as-of <date>', zone, { end: true, command })
      : new Date();
    const { locale, words } = languageOf(args, command);

    const env = commandEnv(io, args, command);
    const { registry } = readRegistry(
      io,
      { ...args, operands: listFlag(args, 'registry') },
      command,
    );
    checkUnit(registry, unitId, '--unit <id>', command);
    const platforms = listFlag(args, 'platform');
    for (const id of platforms) {
      if (registry.platform(id) === undefined) {
        throw new UsageError(
          `Expected --platform <id> to be a platform of the registry, got "${id}"`,
          command,
        );
      }
    }
    const opened = await openCommandStore(io, args, env, registry, command);
    try {
      const snapshots = await opened.store.latest({ asOf });
      const t = totals(registry, snapshots, {
        asOf,
        ...(platforms.length ? { platforms } : {}),
      });
      const total = t.units.get(unitId)!;
      const check = checkClaim(claimed, total.count, tolerance === undefined ? {} : { tolerance });
      const unit = unitName(registry.unit(unitId)!, words.names);
      if (stringFlag(args, 'format') === 'json') {
        writeOutput(
          io,
          args,
          `${JSON.stringify(
            {
              claim: claimText,
              claimed,
              unit: unitId,
              asOf: asOf.toISOString(),
              computed: total.count,
              accounts: total.accounts,
              observed: total.observed,
              missing: total.missing,
              ...check,
            },
            null,
            2,
          )}\n`,
        );
        return 0;
      }
      const said = words.command;
      const figure = (n: number) => new Intl.NumberFormat(locale).format(n);
      // how far off, in the language's digits and percent sign: `7.1%`, `१९.९%` (mr), `۱۹٫۹%` (ur)
      const off =
        check.verdict === 'consistent' || check.ratio === null
          ? ''
          : ` (${said.off(
              new Intl.NumberFormat(locale, {
                style: 'percent',
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
              }).format(Math.abs(check.ratio - 1)),
            )})`;
      const lines = [
        `${said.claim}: "${claimText}" (${describeCount(claimed, { locale })}) ${said.claimFor(unit, clockTime(asOf, zone, new Date(0), locale))}`,
        `${said.computed}: ${describeCount(total.count, { locale })} ${said.fromAccounts(total.observed, total.accounts, figure)}`,
        `${said.verdict}: ${words.verdict[check.verdict]}${off}`,
      ];
      writeOutput(io, args, `${lines.join('\n')}\n`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
