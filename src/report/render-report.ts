import type { UnitGrowth } from '../aggregate/growth.js';
import type { RankEntry } from '../aggregate/rank.js';
import type { CountSummary, Totals } from '../aggregate/totals.js';
import { OptionError } from '../errors.js';
import { type Count, type CountChange, countPrecision } from '../model/count.js';
import { BUILT_IN_PLATFORM_IDS, type PlatformId } from '../model/platform.js';
import type { Registry } from '../model/registry.js';
import { localizedName, type Unit, unitName } from '../model/unit.js';
import { describeCount, formatCount } from '../numbers/format-count.js';
import { jsonDocument } from './escape.js';
import {
  type RenderReportOptions,
  type ReportFormat,
  resolveReportOptions,
} from './report-options.js';
import { type Row, renderCsv, renderMarkdown, renderText, type Table } from './table.js';

export type { RenderReportOptions, ReportFormat } from './report-options.js';

/** Totals to render: every unit, or only `units` and the units below them. */
export interface TotalsReport {
  registry: Registry;
  totals: Totals;
  /** Show only these units and their descendants. @default every unit */
  units?: readonly string[];
  /** Also list each unit's own accounts, with the figure counted for each. @default false */
  accounts?: boolean;
}

/** A ranking to render, as returned by `rank`. */
export interface RankingReport {
  registry: Registry;
  ranking: readonly RankEntry[];
  /** The platform the ranking is for, if it was ranked by one. */
  platform?: PlatformId;
}

/** Growth to render, as returned by `growth`. */
export interface GrowthReport {
  registry: Registry;
  growth: readonly UnitGrowth[];
  /** Show only these units and their descendants. @default every unit */
  units?: readonly string[];
}

/**
 * Renders totals, a ranking or growth as a text table, Markdown, CSV (RFC 4180, one row per unit
 * and platform, raw numbers with their bounds) or JSON, with labels and unit names in English or
 * Hindi. Every string (names, handles, labels, notes, the title) is treated as hostile and escaped
 * for its format: no name can break a row, start Markdown or HTML, reorder a line with bidi
 * controls, or run as a spreadsheet formula (docs/aggregation.md, "Hostile text").
 *
 * @throws {OptionError} when an option or the report is not what is expected.
 * @example
 * ```ts
 * console.log(renderReport({ registry, totals: t }, { locale: 'hi-IN' }));
 * const csv = renderReport({ registry, totals: t }, { format: 'csv', locale: 'hi-IN', bom: true });
 * ```
 */
export function renderReport(
  report: TotalsReport | RankingReport | GrowthReport,
  options?: RenderReportOptions,
): string {
  const { format, locale, language, notation, title, bom } = resolveReportOptions(options);
  const words = language === 'hi' ? HI : EN;
  const numbers: NumberStyle = { locale, notation };
  if (
    typeof report !== 'object' ||
    report === null ||
    typeof report.registry?.unit !== 'function'
  ) {
    throw new OptionError(
      'report',
      'an object with `registry` and one of `totals`, `ranking` or `growth`',
      report,
    );
  }
  let out: string;
  if ('totals' in report) out = renderTotals(report, format, words, numbers, title);
  else if ('ranking' in report) out = renderRanking(report, format, words, numbers, title);
  else if ('growth' in report) out = renderGrowth(report, format, words, numbers, title);
  else {
    throw new OptionError(
      'report',
      'an object with one of `totals`, `ranking` or `growth`',
      report,
    );
  }
  // U+FEFF, written as EF BB BF in UTF-8: how Excel on Windows knows a CSV is not in the ANSI
  // code page. Allowed only with CSV (see RenderReportOptions.bom).
  return bom ? `\uFEFF${out}` : out;
}

// ---------------------------------------------------------------------------------------------

interface NumberStyle {
  locale: string;
  notation: 'standard' | 'compact';
}

function renderTotals(
  report: TotalsReport,
  format: ReportFormat,
  w: Words,
  n: NumberStyle,
  title?: string,
): string {
  const { registry, totals } = report;
  const units = selectUnits(registry, report.units);
  const summaries = units.map(({ unit }) => totals.units.get(unit.id)!);
  const platforms = platformOrder(summaries.flatMap((s) => Object.keys(s.byPlatform)));
  const accountSummary = (id: string): CountSummary => {
    const snapshot = totals.snapshots.get(id);
    return snapshot
      ? { count: snapshot.followers, accounts: 1, observed: 1, missing: [] }
      : { count: { value: 0, min: 0, max: null }, accounts: 1, observed: 0, missing: [id] };
  };
  const heading =
    title ??
    `${w.totalsTitle}${totals.asOf ? ` (${w.asOf} ${formatDate(totals.asOf, n.locale)})` : ''}`;

  const ownAccounts = (unit: Unit) =>
    report.accounts
      ? registry.accounts.filter((a) => a.unit === unit.id && a.status === 'active')
      : [];

  if (format === 'json') {
    return jsonDocument({
      report: 'totals',
      asOf: totals.asOf?.toISOString() ?? null,
      units: units.map(({ unit }, i) => ({
        id: unit.id,
        name: unitName(unit, w.lang),
        kind: unit.kind,
        parent: unit.parent ?? null,
        ...summaryJson(summaries[i]!),
        byPlatform: Object.fromEntries(
          Object.entries(summaries[i]!.byPlatform).map(([p, s]) => [p, summaryJson(s!)]),
        ),
        ...(report.accounts
          ? {
              accounts: ownAccounts(unit).map((a) => {
                const snapshot = totals.snapshots.get(a.id);
                return {
                  id: a.id,
                  platform: a.platform,
                  handle: a.handle,
                  count: snapshot?.followers ?? null,
                  precision: snapshot ? countPrecision(snapshot.followers) : null,
                  takenAt: snapshot?.takenAt.toISOString() ?? null,
                  source: snapshot?.source ?? null,
                };
              }),
            }
          : {}),
      })),
    });
  }
  if (format === 'csv') {
    const records = units.flatMap(({ unit }, i) => {
      const summary = summaries[i]!;
      const rows = [csvSummary(unit, w.lang, 'all', summary)];
      for (const p of platforms) {
        const s = own(summary.byPlatform, p);
        if (s) rows.push(csvSummary(unit, w.lang, p, s));
      }
      for (const a of ownAccounts(unit))
        rows.push(csvSummary(unit, w.lang, a.platform, accountSummary(a.id), a.id));
      return rows;
    });
    return renderCsv(CSV_SUMMARY_HEADER, records);
  }
  const rows: Row[] = [];
  units.forEach(({ unit, depth }, i) => {
    const s = summaries[i]!;
    rows.push({
      depth,
      cells: [
        unitName(unit, w.lang),
        ...platforms.map((p) => {
          const ps = own(s.byPlatform, p);
          return ps ? summaryCell(ps, w, n) : '—';
        }),
        summaryCell(s, w, n),
        `${s.observed}/${s.accounts}`,
      ],
    });
    for (const a of ownAccounts(unit)) {
      const as = accountSummary(a.id);
      const cell = summaryCell(as, w, n);
      rows.push({
        depth: depth + 1,
        cells: [
          `· ${a.label === undefined ? a.handle : localizedName(a.label, w.lang)}`,
          ...platforms.map((p) => (p === a.platform ? cell : '')),
          cell,
          `${as.observed}/1`,
        ],
      });
    }
  });
  const table: Table = {
    title: heading,
    columns: [
      { label: w.unit, numeric: false },
      ...platforms.map((p) => ({ label: platformName(registry, p, w), numeric: true })),
      { label: w.total, numeric: true },
      { label: w.withFigures, numeric: true },
    ],
    rows,
    notes: totalsNotes(
      registry,
      units.map((u) => u.unit),
      summaries,
      w,
    ),
  };
  return format === 'markdown' ? renderMarkdown(table) : renderText(table);
}

function renderRanking(
  report: RankingReport,
  format: ReportFormat,
  w: Words,
  n: NumberStyle,
  title?: string,
): string {
  const { registry, ranking, platform } = report;
  const what = platform ? platformName(registry, platform, w) : w.total;
  if (format === 'json') {
    return jsonDocument({
      report: 'ranking',
      platform: platform ?? null,
      entries: ranking.map((r) => ({
        rank: r.rank,
        id: r.unit.id,
        name: unitName(r.unit, w.lang),
        ...summaryJson(r),
      })),
    });
  }
  if (format === 'csv') {
    return renderCsv(
      ['rank', ...CSV_SUMMARY_HEADER],
      ranking.map((r) => [r.rank, ...csvSummary(r.unit, w.lang, platform ?? 'all', r)]),
    );
  }
  const table: Table = {
    title: title ?? `${w.rankingTitle}: ${what}`,
    columns: [
      { label: w.rank, numeric: true },
      { label: w.unit, numeric: false },
      { label: what, numeric: true },
      { label: w.withFigures, numeric: true },
    ],
    rows: ranking.map((r) => ({
      depth: 0,
      cells: [
        String(r.rank),
        unitName(r.unit, w.lang),
        summaryCell(r, w, n),
        `${r.observed}/${r.accounts}`,
      ],
    })),
    notes: ranking.some((r) => r.missing.length > 0) ? [w.rankingNote] : [],
  };
  return format === 'markdown' ? renderMarkdown(table) : renderText(table);
}

function renderGrowth(
  report: GrowthReport,
  format: ReportFormat,
  w: Words,
  n: NumberStyle,
  title?: string,
): string {
  const { registry } = report;
  const byUnit = new Map(report.growth.map((g) => [g.unit.id, g]));
  const units = selectUnits(registry, report.units).filter(({ unit }) => byUnit.has(unit.id));
  if (format === 'json') {
    return jsonDocument({
      report: 'growth',
      units: units.map(({ unit }) => {
        const { unit: _unit, ...rest } = byUnit.get(unit.id)!;
        return { id: unit.id, name: unitName(unit, w.lang), ...rest };
      }),
    });
  }
  if (format === 'csv') {
    const header = [
      'unit_id',
      'unit',
      'platform',
      'before',
      'after',
      'change',
      'change_min',
      'change_max',
      'percent',
      'compared',
      'only_before',
      'only_after',
    ];
    const records = units.flatMap(({ unit }) => {
      const g = byUnit.get(unit.id)!;
      const line = (platform: string, x: Omit<UnitGrowth, 'unit' | 'byPlatform'>) => [
        unit.id,
        unitName(unit, w.lang),
        platform,
        x.before.value,
        x.after.value,
        x.change.value,
        x.change.min,
        x.change.max,
        x.percent === null ? null : Number(x.percent.toFixed(4)),
        x.compared,
        x.onlyBefore.join(' '),
        x.onlyAfter.join(' '),
      ];
      return [
        line('all', g),
        ...platformOrder(Object.keys(g.byPlatform)).map((p) => line(p, g.byPlatform[p]!)),
      ];
    });
    return renderCsv(header, records);
  }
  const table: Table = {
    title: title ?? w.growthTitle,
    columns: [
      { label: w.unit, numeric: false },
      { label: w.before, numeric: true },
      { label: w.after, numeric: true },
      { label: w.change, numeric: true },
      { label: '%', numeric: true },
      { label: w.compared, numeric: true },
    ],
    rows: units.map(({ unit, depth }) => {
      const g = byUnit.get(unit.id)!;
      return {
        depth,
        cells:
          g.compared === 0
            ? [unitName(unit, w.lang), '—', '—', '—', '—', '0']
            : [
                unitName(unit, w.lang),
                describeCount(g.before, n),
                describeCount(g.after, n),
                changeCell(g.change, w, n),
                g.percent === null ? '—' : percentCell(g.percent, n.locale),
                String(g.compared),
              ],
      };
    }),
    notes: units.some(
      ({ unit }) =>
        byUnit.get(unit.id)!.onlyAfter.length + byUnit.get(unit.id)!.onlyBefore.length > 0,
    )
      ? [w.growthNote]
      : [],
  };
  return format === 'markdown' ? renderMarkdown(table) : renderText(table);
}

// ---------------------------------------------------------------------------------------------

/** Units in tree order (depth first, registry order among siblings), from the given roots. */
function selectUnits(
  registry: Registry,
  roots?: readonly string[],
): { unit: Unit; depth: number }[] {
  const starts =
    roots === undefined
      ? registry.roots
      : roots.map((id) => {
          const unit = registry.unit(id);
          if (!unit) throw new OptionError('units', 'ids of units in the registry', id);
          return unit;
        });
  const out: { unit: Unit; depth: number }[] = [];
  const seen = new Set<string>();
  // Depth first, pre-order, with an explicit stack: a registry 100,000 units deep is valid, and a
  // recursive walk would overflow the call stack on it.
  const stack: { unit: Unit; depth: number }[] = [];
  for (let i = starts.length - 1; i >= 0; i--) stack.push({ unit: starts[i]!, depth: 0 });
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next.unit.id)) continue;
    seen.add(next.unit.id);
    out.push(next);
    const children = registry.children(next.unit.id);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ unit: children[i]!, depth: next.depth + 1 });
    }
  }
  return out;
}

function platformOrder(ids: readonly string[]): PlatformId[] {
  const unique = [...new Set(ids)];
  const order = (id: string) => {
    const i = (BUILT_IN_PLATFORM_IDS as readonly string[]).indexOf(id);
    return i === -1 ? BUILT_IN_PLATFORM_IDS.length : i;
  };
  return unique.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

/**
 * `record[key]` if it is the record's own entry. Platform ids are data (a custom platform may be
 * called `constructor`), so a plain `record[key]` could find Object.prototype's members.
 */
function own<T>(record: Readonly<Partial<Record<string, T>>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function platformName(registry: Registry, id: PlatformId, w: Words): string {
  const p = registry.platform(id);
  return p ? p.name[w.lang] : id;
}

function summaryCell(s: CountSummary, w: Words, n: NumberStyle): string {
  if (s.accounts > 0 && s.observed === 0) return w.noFigure;
  return describeCount(s.count, n);
}

function changeCell(change: CountChange, w: Words, n: NumberStyle): string {
  const sign = change.value > 0 ? '+' : change.value < 0 ? '−' : '';
  const figure = `${sign}${formatCount(Math.abs(change.value), n)}`;
  return change.min === null && change.max === null && change.value !== 0
    ? `${w.about}${figure}`
    : figure;
}

function percentCell(percent: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(percent)}%`;
}

function totalsNotes(
  registry: Registry,
  units: readonly Unit[],
  summaries: readonly CountSummary[],
  w: Words,
): string[] {
  const notes: string[] = [];
  const missing = new Set(summaries.flatMap((s) => s.missing));
  if (missing.size > 0) {
    const list = [...missing].map((id) => {
      const a = registry.account(id)!;
      return `${platformName(registry, a.platform, w)} ${a.handle}`;
    });
    notes.push(`${w.missingNote} ${list.join(', ')}`);
  }
  const shown = new Set(units.map((u) => u.id));
  const planned = registry.accounts.filter((a) => a.status === 'planned' && shown.has(a.unit));
  if (planned.length > 0) {
    notes.push(
      `${w.plannedNote} ${planned.map((a) => `${platformName(registry, a.platform, w)} (${unitName(registry.unit(a.unit)!, w.lang)})`).join(', ')}`,
    );
  }
  if (summaries.some((s) => countPrecision(s.count) !== 'exact')) notes.push(w.precisionNote);
  return notes;
}

const CSV_SUMMARY_HEADER = [
  'unit_id',
  'unit',
  'kind',
  'parent',
  'platform',
  'account_id',
  'value',
  'min',
  'max',
  'precision',
  'accounts',
  'observed',
  'missing',
];

function csvSummary(
  unit: Unit,
  lang: Words['lang'],
  platform: string,
  s: CountSummary,
  accountId?: string,
): (string | number | null)[] {
  return [
    unit.id,
    unitName(unit, lang),
    unit.kind,
    unit.parent ?? null,
    platform,
    accountId ?? null,
    s.count.value,
    s.count.min,
    s.count.max,
    countPrecision(s.count),
    s.accounts,
    s.observed,
    s.missing.join(' '),
  ];
}

function summaryJson(s: CountSummary): {
  count: Count;
  precision: string;
  accounts: number;
  observed: number;
  missing: readonly string[];
} {
  return {
    count: s.count,
    precision: countPrecision(s.count),
    accounts: s.accounts,
    observed: s.observed,
    missing: s.missing,
  };
}

function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(
    date,
  );
}

// ---------------------------------------------------------------------------------------------

interface Words {
  lang: 'en' | 'hi';
  unit: string;
  total: string;
  withFigures: string;
  noFigure: string;
  about: string;
  rank: string;
  before: string;
  after: string;
  change: string;
  compared: string;
  asOf: string;
  totalsTitle: string;
  rankingTitle: string;
  growthTitle: string;
  missingNote: string;
  plannedNote: string;
  precisionNote: string;
  rankingNote: string;
  growthNote: string;
}

const EN: Words = {
  lang: 'en',
  unit: 'Unit',
  total: 'Total',
  withFigures: 'With figures',
  noFigure: 'no figure',
  about: 'about ',
  rank: 'Rank',
  before: 'Before',
  after: 'After',
  change: 'Change',
  compared: 'Accounts compared',
  asOf: 'as of',
  totalsTitle: 'Followers by unit and platform',
  rankingTitle: 'Ranking',
  growthTitle: 'Growth by unit',
  missingNote: 'No figure (not counted as zero):',
  plannedNote: 'Planned accounts (not counted):',
  precisionNote:
    '"at least" and "about" carry the precision of the sources; a total with accounts missing is a lower bound.',
  rankingNote: 'Some units have accounts without figures: their places may be higher than shown.',
  growthNote: 'Accounts observed at only one of the two dates are left out of the comparison.',
};

const HI: Words = {
  lang: 'hi',
  unit: 'इकाई',
  total: 'कुल',
  withFigures: 'आँकड़े वाले खाते',
  noFigure: 'आँकड़ा नहीं',
  about: 'लगभग ',
  rank: 'स्थान',
  before: 'पहले',
  after: 'बाद में',
  change: 'बदलाव',
  compared: 'तुलना किए गए खाते',
  asOf: 'दिनांक',
  totalsTitle: 'इकाई और प्लेटफ़ॉर्म के अनुसार फ़ॉलोअर्स',
  rankingTitle: 'क्रम',
  growthTitle: 'इकाई के अनुसार वृद्धि',
  missingNote: 'आँकड़ा उपलब्ध नहीं (शून्य नहीं माना गया):',
  plannedNote: 'प्रस्तावित खाते (गिने नहीं गए):',
  precisionNote: '"से अधिक" और "लगभग" स्रोतों की सटीकता दर्शाते हैं; जिन कुल में खाते छूटे हैं, वे न्यूनतम संख्या हैं।',
  rankingNote: 'कुछ इकाइयों के खातों के आँकड़े नहीं हैं: उनका स्थान दिखाए गए से ऊपर हो सकता है।',
  growthNote: 'जिन खातों का आँकड़ा केवल एक ही तारीख़ का है, वे तुलना में शामिल नहीं हैं।',
};
