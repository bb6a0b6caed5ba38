import {
  describeCount,
  growth,
  type PlatformId,
  type Registry,
  rank,
  renderReport,
  type SnapshotStore,
  series,
  totals,
  unitName,
} from '../../index.js';
import type { ReportFormat } from '../../report/report-options.js';
import { fiscalYearLabel, type Period, quarterLabel } from '../../util/time-zone.js';
import type { VisualReport } from '../../visual/report-input.js';
import {
  booleanFlag,
  type CommandSpec,
  type FlagSpec,
  listFlag,
  type ParsedArgs,
  stringFlag,
} from '../args.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { type CommandLanguage, DIGITS_FLAG, LANG_FLAG, languageOf } from '../language.js';
import {
  commandEnv,
  openCommandStore,
  REGISTRY_OPERAND,
  readRegistry,
  STORE_FLAGS,
  TIME_ZONE_FLAG,
  timeZoneOf,
  writeOutput,
} from '../shared.js';
import type { OpenStore } from '../store.js';
import { localDay, parseDate } from '../time.js';
import {
  findBrowser,
  htmlReport,
  isVisualFormat,
  printPdf,
  VISUAL_FORMATS,
  writeBytes,
  xlsxReport,
} from '../visual.js';
import { renderTable } from './table.js';

/** The text formats (`renderReport`), then the visual ones (`social-reach/reports`). */
const FORMATS = ['text', 'markdown', 'csv', 'json', ...VISUAL_FORMATS] as const;
type Format = (typeof FORMATS)[number];

const OUTPUT_FLAGS: Readonly<Record<string, FlagSpec>> = {
  format: {
    type: 'string',
    value: 'format',
    choices: FORMATS,
    help: 'text (default), markdown, csv, json, html (one page with charts)\nor xlsx (an Excel workbook: needs --out).',
  },
  lang: LANG_FLAG,
  digits: DIGITS_FLAG,
  notation: {
    type: 'string',
    value: 'notation',
    choices: ['standard', 'compact'],
    help: 'standard (2,03,500, default) or compact (2.04 lakh, 204 ஆயிரம்) figures\nin text, markdown and html.',
  },
  out: {
    type: 'string',
    value: 'file',
    help: 'Write to this file instead of stdout (a CSV file starts with a BOM,\nso that Excel shows Hindi).',
  },
  'no-charts': {
    type: 'boolean',
    help: 'html and --pdf: tables only, no charts (then vega is not needed).',
  },
  'time-zone': TIME_ZONE_FLAG,
};

const PLATFORM_FLAG: FlagSpec = {
  type: 'string',
  value: 'id',
  multiple: true,
  help: 'Count only this platform (x, facebook, …).',
};

const UNIT_FLAG: FlagSpec = {
  type: 'string',
  value: 'id',
  multiple: true,
  help: 'Show only this unit (default: every unit).',
};

const AS_OF_FLAG: FlagSpec = {
  type: 'string',
  value: 'date',
  help: "Each account's newest figure at the end of this day (2026-11-30)\nor at this time (2026-11-30T18:00+05:30). Default: now.",
};

const DATES_NOTE = `Dates are days in --time-zone (Asia/Kolkata by default): --as-of and --to mean the end of the
day, --from its start. A time with its offset (2026-11-30T18:00+05:30) is taken as it is.`;

const STORE_NOTE = `Figures come from the store \`social-reach collect\` wrote (./social-reach-data, --data,
--database-url or DATABASE_URL).`;

export const reportCommand: CommandSpec = {
  name: 'report',
  summary: 'Totals per unit and platform, rolled up the tree',
  operands: REGISTRY_OPERAND,
  min: 0,
  max: 2,
  description: `Totals per unit and per platform, each unit counting every unit below it, from each
account's newest figure at --as-of. Accounts without a figure are listed, never counted as zero.

${STORE_NOTE}
${DATES_NOTE}`,
  flags: {
    ...STORE_FLAGS,
    ...OUTPUT_FLAGS,
    'as-of': AS_OF_FLAG,
    unit: UNIT_FLAG,
    platform: PLATFORM_FLAG,
    accounts: { type: 'boolean', help: "List each unit's own accounts under it." },
    pdf: {
      type: 'string',
      value: 'file',
      help: 'Print the HTML report to this PDF file (A4; with --format html the page\nis written too), with a Chromium-family browser: --browser, else\nCHROMIUM_PATH, else chromium or google-chrome on PATH.',
    },
    browser: {
      type: 'string',
      value: 'path',
      help: 'The browser --pdf prints with (chromium, google-chrome).',
    },
  },
  examples: [
    'social-reach report registry.json',
    'social-reach report registry.json --lang hi --as-of 2026-11-30',
    'social-reach report registry.json --lang ur --digits latin',
    'social-reach report registry.json --lang ta --notation compact --format markdown',
    'social-reach report registry.json --format csv --out totals.csv',
    'social-reach report units.csv accounts.csv --unit indore --accounts --format markdown',
    'social-reach report registry.json --format html --out report.html',
    'social-reach report registry.json --format xlsx --out report.xlsx --lang hi',
    'social-reach report registry.json --pdf report.pdf',
  ],
  async run(io, args) {
    return withReportContext(
      io,
      args,
      'report',
      async ({ registry, open, zone, render, visual }) => {
        const asOf = dateFlag(args, 'as-of', zone, { end: true }) ?? new Date();
        const platforms = platformsOf(registry, args, 'report');
        const units = unitsOf(registry, args, 'report');
        const store = await open();
        const snapshots = await store.latest({ asOf });
        const t = totals(registry, snapshots, { asOf, ...(platforms ? { platforms } : {}) });
        if (visual) {
          return {
            visual: {
              registry,
              totals: t,
              accounts: booleanFlag(args, 'accounts'),
              ...(units ? { units } : {}),
            },
          };
        }
        return render({
          registry,
          totals: t,
          accounts: booleanFlag(args, 'accounts'),
          ...(units ? { units } : {}),
        });
      },
    );
  },
};

export const growthCommand: CommandSpec = {
  name: 'growth',
  summary: 'How each unit grew between two dates, like with like',
  operands: REGISTRY_OPERAND,
  min: 0,
  max: 2,
  description: `Growth per unit between --from and --to (default: now), comparing only the accounts
that have a figure at both dates (a new account never looks like growth).

${STORE_NOTE}
${DATES_NOTE}`,
  flags: {
    ...STORE_FLAGS,
    ...OUTPUT_FLAGS,
    from: {
      type: 'string',
      value: 'date',
      help: 'The first date (required): figures as they stood at its start.',
    },
    to: {
      type: 'string',
      value: 'date',
      help: 'The second date: figures as they stood at its end. Default: now.',
    },
    unit: UNIT_FLAG,
    platform: PLATFORM_FLAG,
  },
  examples: [
    'social-reach growth registry.json --from 2026-11-01 --to 2026-11-30',
    'social-reach growth registry.json --from 2026-11-01 --platform x --lang hi',
  ],
  async run(io, args) {
    return withReportContext(
      io,
      args,
      'growth',
      async ({ registry, open, zone, render, visual }) => {
        const from = dateFlag(args, 'from', zone);
        if (!from)
          throw new UsageError('--from <date> is required (e.g. --from 2026-11-01)', 'growth');
        const to = dateFlag(args, 'to', zone, { end: true }) ?? new Date();
        if (to < from) throw new UsageError('--to <date> must not be before --from', 'growth');
        const platforms = platformsOf(registry, args, 'growth');
        const units = unitsOf(registry, args, 'growth');
        const store = await open();
        const before = await store.latest({ asOf: from });
        const after = await store.latest({ asOf: to });
        const g = growth(registry, before, after, platforms ? { platforms } : {});
        if (visual) {
          // the headline and the table: the figures at --to, next to the growth that led there
          const t = totals(registry, after, { asOf: to, ...(platforms ? { platforms } : {}) });
          return {
            visual: {
              registry,
              totals: t,
              accounts: false,
              growth: { units: g, from, to },
              ...(units ? { units } : {}),
            },
          };
        }
        return render({ registry, growth: g, ...(units ? { units } : {}) });
      },
    );
  },
};

export const rankCommand: CommandSpec = {
  name: 'rank',
  summary: 'Rank the units of one kind (districts, offices…) by their totals',
  operands: REGISTRY_OPERAND,
  min: 0,
  max: 2,
  description: `Ranks the units of --kind (under --within, if given) by their total, or by one
platform's, highest first; equal totals share a place.

${STORE_NOTE}
${DATES_NOTE}`,
  flags: {
    ...STORE_FLAGS,
    ...OUTPUT_FLAGS,
    kind: {
      type: 'string',
      value: 'kind',
      help: 'The kind of unit to rank (district, office, …): required.',
    },
    within: {
      type: 'string',
      value: 'unit',
      help: 'Only units below this one (a state, a division).',
    },
    platform: { type: 'string', value: 'id', help: "Rank by this platform's count." },
    'as-of': AS_OF_FLAG,
  },
  examples: [
    'social-reach rank registry.json --kind district',
    'social-reach rank registry.json --kind district --within indore-division --platform x',
  ],
  async run(io, args) {
    return withReportContext(io, args, 'rank', async ({ registry, open, zone, render, visual }) => {
      const kind = stringFlag(args, 'kind');
      if (!kind) {
        const kinds = [...new Set(registry.units.map((u) => u.kind))];
        throw new UsageError(`--kind <kind> is required: one of ${kinds.join(', ')}`, 'rank');
      }
      if (!registry.units.some((u) => u.kind === kind)) {
        const kinds = [...new Set(registry.units.map((u) => u.kind))];
        throw new UsageError(
          `Expected --kind <kind> to be a kind of unit in the registry (${kinds.join(', ')}), got "${kind}"`,
          'rank',
        );
      }
      const within = stringFlag(args, 'within');
      if (within !== undefined) checkUnit(registry, within, '--within <unit>', 'rank');
      const platform = platformsOf(registry, args, 'rank')?.[0];
      const asOf = dateFlag(args, 'as-of', zone, { end: true }) ?? new Date();
      const store = await open();
      const t = totals(registry, await store.latest({ asOf }), { asOf });
      const ranking = rank(registry, t, {
        kind,
        ...(within ? { within } : {}),
        ...(platform ? { platform } : {}),
      });
      if (visual) {
        return {
          visual: {
            registry,
            totals: t,
            accounts: false,
            // each entry carries its best and worst possible places (rank's best, worst)
            ranking: { entries: ranking, ...(platform ? { platform } : {}) },
            ...(within ? { units: [within] } : {}),
          },
        };
      }
      return render({ registry, ranking, ...(platform ? { platform } : {}) });
    });
  },
};

export const seriesCommand: CommandSpec = {
  name: 'series',
  summary: 'Daily, weekly, monthly, quarterly or financial-year totals of some units',
  operands: REGISTRY_OPERAND,
  min: 0,
  max: 2,
  description: `One total per day, week (from Monday), month, quarter or financial year (April to
March) in --time-zone, for the units given
with --unit (or every unit of --kind; default: the registry's top units), from each account's last
figure in the period, carried forward one period at most.

${STORE_NOTE}
${DATES_NOTE}`,
  flags: {
    ...STORE_FLAGS,
    ...OUTPUT_FLAGS,
    from: {
      type: 'string',
      value: 'date',
      help: 'The first period is the one holding this date (required).',
    },
    to: {
      type: 'string',
      value: 'date',
      help: 'The last period is the one holding this date. Default: today.',
    },
    interval: {
      type: 'string',
      value: 'period',
      choices: ['day', 'week', 'month', 'quarter', 'fiscal-year'],
      help: "day (default), week, month, quarter or fiscal-year (India's financial\nyear, April to March; quarters of it).",
    },
    unit: { ...UNIT_FLAG, help: 'A unit to show (default: the top units).' },
    kind: { type: 'string', value: 'kind', help: 'Show every unit of this kind.' },
    platform: PLATFORM_FLAG,
  },
  examples: [
    'social-reach series registry.json --from 2026-11-01',
    'social-reach series registry.json --from 2026-01-01 --interval month --kind district --format csv --out monthly.csv',
  ],
  async run(io, args) {
    return withReportContext(
      io,
      args,
      'series',
      async ({ registry, open, zone, format, language, visual }) => {
        const from = dateFlag(args, 'from', zone);
        if (!from)
          throw new UsageError('--from <date> is required (e.g. --from 2026-11-01)', 'series');
        const to = dateFlag(args, 'to', zone, { end: true }) ?? new Date();
        if (to < from) throw new UsageError('--to <date> must not be before --from', 'series');
        const interval = (stringFlag(args, 'interval') ?? 'day') as Period;
        const platforms = platformsOf(registry, args, 'series');
        const kind = stringFlag(args, 'kind');
        let ids = unitsOf(registry, args, 'series');
        if (kind !== undefined) {
          if (ids) throw new UsageError('Give --unit or --kind, not both', 'series');
          ids = registry.units.filter((u) => u.kind === kind).map((u) => u.id);
          if (ids.length === 0) {
            throw new UsageError(
              `No unit of kind "${kind}" in the registry (--kind <kind>)`,
              'series',
            );
          }
        }
        const shown = ids ?? registry.roots.map((u) => u.id);
        const store = await open();
        const result = await series(registry, store, {
          from,
          to,
          interval,
          timeZone: zone,
          ...(platforms ? { platforms } : {}),
        });
        if (visual) {
          const t = totals(registry, await store.latest({ asOf: to }), {
            asOf: to,
            ...(platforms ? { platforms } : {}),
          });
          return {
            visual: {
              registry,
              totals: t,
              accounts: false,
              series: { series: result, units: shown },
              ...(ids ? { units: ids } : {}),
            },
          };
        }
        const { locale, words } = language;
        const names = shown.map((id) => unitName(registry.unit(id)!, words.names));
        if (format === 'json') {
          return `${JSON.stringify(
            {
              interval: result.interval,
              timeZone: result.timeZone,
              periods: result.periods.map((p) => ({
                start: p.start.toISOString(),
                end: p.end.toISOString(),
                units: Object.fromEntries(
                  shown.map((id) => {
                    const { count, accounts, observed, fresh, carried, missing } = p.units.get(id)!;
                    return [id, { count, accounts, observed, fresh, carried, missing }];
                  }),
                ),
              })),
            },
            null,
            2,
          )}\n`;
        }
        if (format === 'csv') {
          const rows = result.periods.flatMap((p) =>
            shown.map((id, i) => {
              const point = p.units.get(id)!;
              return [
                periodName(p.start, interval, zone),
                id,
                names[i]!,
                String(point.count.value),
                point.count.min === null ? '' : String(point.count.min),
                point.count.max === null ? '' : String(point.count.max),
                String(point.accounts),
                String(point.observed),
              ];
            }),
          );
          const header = [
            'period',
            'unit_id',
            'unit',
            'followers',
            'min',
            'max',
            'accounts',
            'observed',
          ];
          return renderTable('csv', header, rows, { bom: stringFlag(args, 'out') !== undefined });
        }
        const title = `${words.command.seriesTitle[interval]} (${zone})`;
        const header = [words.command.period, ...names];
        const rows = result.periods.map((p) => [
          periodName(p.start, interval, zone),
          ...shown.map((id) => {
            const point = p.units.get(id)!;
            return point.observed === 0
              ? '—'
              : describeCount(point.count, { locale, notation: notationOf(args) });
          }),
        ]);
        return renderTable(format === 'markdown' ? 'markdown' : 'text', header, rows, { title });
      },
    );
  },
};

// ---------------------------------------------------------------------------------------------

interface ReportContext {
  registry: Registry;
  /** Opens the store (once): called after the flags are checked, so a bad one opens nothing. */
  open(): Promise<SnapshotStore>;
  zone: string;
  format: Format;
  language: CommandLanguage;
  /** An html or xlsx report (or a PDF) is asked for: return `{ visual }`, not text. */
  visual: boolean;
  render(report: Parameters<typeof renderReport>[0]): string;
}

/** What a command computed: text, or a visual report to draw. */
type ReportOutput = string | { visual: VisualReport };

/** Reads the flags every report shares, runs, writes the output, closes the store if opened. */
async function withReportContext(
  io: Io,
  args: ParsedArgs,
  command: string,
  body: (context: ReportContext) => Promise<ReportOutput>,
): Promise<number> {
  const zone = timeZoneOf(args, command);
  const format = (stringFlag(args, 'format') ?? 'text') as Format;
  const language = languageOf(args, command);
  const pdf = stringFlag(args, 'pdf');
  if (pdf !== undefined && stringFlag(args, 'format') !== undefined && format !== 'html') {
    throw new UsageError(
      `--pdf <file> prints the HTML report: give it alone, or with --format html, not --format ${format}`,
      command,
    );
  }
  if (format === 'xlsx' && stringFlag(args, 'out') === undefined) {
    throw new UsageError('--format xlsx writes a binary workbook: give --out <file.xlsx>', command);
  }
  if (booleanFlag(args, 'no-charts') && format !== 'html' && pdf === undefined) {
    throw new UsageError('--no-charts is for --format html and --pdf', command);
  }
  if (stringFlag(args, 'browser') !== undefined && pdf === undefined) {
    throw new UsageError('--browser <path> is for --pdf <file>', command);
  }
  // before the store is opened: a missing browser is found at once, not after the figures
  const browser = pdf === undefined ? undefined : findBrowser(io, args, command);
  const env = commandEnv(io, args, command);
  const { registry } = readRegistry(io, args, command);
  let opened: Promise<OpenStore> | undefined;
  try {
    const output = await body({
      registry,
      open: async () => {
        opened ??= openCommandStore(io, args, env, registry, command);
        return (await opened).store;
      },
      zone,
      format,
      language,
      visual: isVisualFormat(format) || pdf !== undefined,
      render: (report) =>
        renderReport(report, {
          format: format as ReportFormat,
          locale: language.locale,
          notation: notationOf(args),
          bom: format === 'csv' && stringFlag(args, 'out') !== undefined,
        }),
    });
    if (typeof output === 'string') {
      writeOutput(io, args, output);
      return 0;
    }
    const options = {
      locale: language.locale,
      notation: notationOf(args),
      timeZone: zone,
      charts: !booleanFlag(args, 'no-charts'),
    };
    if (format === 'xlsx') {
      writeBytes(io, args, await xlsxReport(output.visual, options, '--format xlsx'), command);
      return 0;
    }
    const html = await htmlReport(
      output.visual,
      options,
      pdf === undefined ? '--format html' : '--pdf',
    );
    // --pdf alone prints the page; with --format html the page is written as well
    if (pdf === undefined || format === 'html') writeOutput(io, args, html);
    if (pdf !== undefined && browser !== undefined) await printPdf(io, browser, html, pdf);
    return 0;
  } finally {
    if (opened) await (await opened.catch(() => undefined))?.close();
  }
}

/** `--notation`: standard unless asked. */
function notationOf(args: ParsedArgs): 'standard' | 'compact' {
  return stringFlag(args, 'notation') === 'compact' ? 'compact' : 'standard';
}

function dateFlag(
  args: ParsedArgs,
  name: string,
  zone: string,
  options: { end?: boolean } = {},
): Date | undefined {
  const text = stringFlag(args, name);
  return text === undefined ? undefined : parseDate(text, `--${name} <date>`, zone, options);
}

function platformsOf(
  registry: Registry,
  args: ParsedArgs,
  command: string,
): PlatformId[] | undefined {
  const given = listFlag(args, 'platform');
  if (given.length === 0) return undefined;
  const used = [...new Set(registry.accounts.map((a) => a.platform))];
  for (const id of given) {
    if (registry.platform(id) === undefined) {
      throw new UsageError(
        `Expected --platform <id> to be a platform of the registry (${used.join(', ')}), got "${id}"`,
        command,
      );
    }
  }
  return given;
}

function unitsOf(registry: Registry, args: ParsedArgs, command: string): string[] | undefined {
  const given = listFlag(args, 'unit');
  if (given.length === 0) return undefined;
  for (const id of given) checkUnit(registry, id, '--unit <id>', command);
  return given;
}

/** Refuses an unknown unit id, naming a near one. */
export function checkUnit(registry: Registry, id: string, flag: string, command: string): void {
  if (registry.unit(id) !== undefined) return;
  const ids = registry.units.map((u) => u.id);
  const near =
    ids.find((known) => known.toLowerCase() === id.toLowerCase()) ??
    ids.find((known) => known.includes(id) || id.includes(known));
  throw new UsageError(
    `Expected ${flag} to be the id of a unit in the registry, got "${id}"${near ? ` (did you mean "${near}"?)` : ''}`,
    command,
  );
}

/** A period as a reader names it: its first day, or `Q3 FY 2026-27` / `FY 2026-27`. */
function periodName(start: Date, interval: Period, zone: string): string {
  if (interval === 'quarter') return quarterLabel(start, zone);
  if (interval === 'fiscal-year') return fiscalYearLabel(start, zone);
  return localDay(start, zone);
}
