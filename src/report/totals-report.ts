import type { SourcedFigure } from '../aggregate/sources.js';
import type { CountSummary, Totals } from '../aggregate/totals.js';
import type { Locale } from '../locales/index.js';
import { countPrecision } from '../model/count.js';
import type { Registry } from '../model/registry.js';
import { localizedName, type Unit, unitName } from '../model/unit.js';
import { describeCount } from '../numbers/format-count.js';
import {
  own,
  platformName,
  platformOrder,
  type ReportKind,
  SUMMARY_HEADER,
  selectUnits,
  summaryCell,
  summaryFields,
  summaryJson,
} from './report-kind.js';
import type { Field, Row } from './table.js';

/** Totals to render: every unit, or only `units` and the units below them. */
export interface TotalsReport {
  registry: Registry;
  totals: Totals;
  /** Show only these units and their descendants. @default every unit */
  units?: readonly string[];
  /** Also list each unit's own accounts, with the figure counted for each. @default false */
  accounts?: boolean;
  /**
   * Figures combined from several sources (`combineSources(…).figures`): the notes say where the
   * sources disagree, and the JSON lists every source.
   */
  sources?: readonly SourcedFigure[];
}

/** Totals by unit and platform, with each unit's own accounts if asked. Internal. */
export const totalsReport: ReportKind<TotalsReport> = {
  table(report, { words, locale, title }) {
    const { registry, totals } = report;
    const { units, summaries, platforms } = select(report);
    const rows: Row[] = [];
    units.forEach(({ unit, depth }, i) => {
      const s = summaries[i]!;
      rows.push({
        kind: 'unit',
        id: unit.id,
        depth,
        cells: [
          { kind: 'text', text: unitName(unit, words.names) },
          ...platforms.map((p) => {
            const ps = own(s.byPlatform, p);
            return ps ? summaryCell(ps) : { kind: 'none' as const };
          }),
          summaryCell(s),
          { kind: 'coverage', observed: s.observed, of: s.accounts },
        ],
      });
      for (const a of ownAccounts(report, unit)) {
        const as = accountSummary(totals, a.id);
        const cell = summaryCell(as);
        rows.push({
          kind: 'account',
          id: a.id,
          depth: depth + 1,
          cells: [
            {
              kind: 'text',
              text: a.label === undefined ? a.handle : localizedName(a.label, words.names),
            },
            ...platforms.map((p) => (p === a.platform ? cell : { kind: 'empty' as const })),
            cell,
            { kind: 'coverage', observed: as.observed, of: 1 },
          ],
        });
      }
    });

    return {
      title:
        title ??
        words.report.totalsTitle(totals.asOf ? formatDate(totals.asOf, locale) : undefined),
      columns: [
        { label: words.report.unit, kind: 'text', key: 'unit' },
        ...platforms.map((p) => ({
          label: platformName(registry, p, words),
          kind: 'count' as const,
          key: p,
        })),
        { label: words.report.total, kind: 'count', key: 'total' },
        { label: words.report.withFigures, kind: 'coverage', key: 'coverage' },
      ],
      rows,
      notes: [
        ...totalsNotes(report, units, summaries, words),
        ...sourceNotes(report, words, locale),
      ],
    };
  },

  records(report, { words }) {
    const { units, summaries, platforms } = select(report);
    const rows = units.flatMap(({ unit }, i) => {
      const summary = summaries[i]!;
      const lines: Field[][] = [summaryFields(unit, words, 'all', summary)];
      for (const p of platforms) {
        const s = own(summary.byPlatform, p);
        if (s) lines.push(summaryFields(unit, words, p, s));
      }
      for (const a of ownAccounts(report, unit)) {
        lines.push(
          summaryFields(unit, words, a.platform, accountSummary(report.totals, a.id), a.id),
        );
      }
      return lines;
    });
    return { header: SUMMARY_HEADER, rows };
  },

  document(report, { words }) {
    const { totals } = report;
    const { units, summaries } = select(report);
    return {
      report: 'totals',
      asOf: totals.asOf?.toISOString() ?? null,
      units: units.map(({ unit }, i) => ({
        id: unit.id,
        name: unitName(unit, words.names),
        kind: unit.kind,
        parent: unit.parent ?? null,
        ...summaryJson(summaries[i]!),
        byPlatform: Object.fromEntries(
          Object.entries(summaries[i]!.byPlatform).map(([p, s]) => [p, summaryJson(s!)]),
        ),
        ...(report.accounts
          ? {
              accounts: ownAccounts(report, unit).map((a) => {
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
      ...(report.sources
        ? {
            sources: report.sources.map((f) => ({
              accountId: f.accountId,
              platform: f.platform,
              takenAt: f.takenAt.toISOString(),
              count: f.count,
              agree: f.agree,
              sources: f.sources.map((s) => ({ count: s.followers, source: s.source })),
            })),
          }
        : {}),
    };
  },
};

/** A source's name as a note shows it: at most 120 characters (notes are free text). */
function bounded(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** One note per figure whose sources disagree, naming each source with its figure. */
function sourceNotes(report: TotalsReport, words: Locale, locale: string): string[] {
  return (report.sources ?? [])
    .filter((f) => !f.agree)
    .map((f) => {
      const a = report.registry.account(f.accountId);
      const account =
        a === undefined
          ? f.accountId
          : a.label !== undefined
            ? localizedName(a.label, words.names)
            : `${platformName(report.registry, a.platform, words)} ${a.handle}`;
      return words.report.sourcesDisagree(
        account,
        f.sources.map(
          (s) =>
            `${bounded(s.source.note ?? s.source.provider)}: ${describeCount(s.followers, { locale })}`,
        ),
      );
    });
}

/** What the table leaves unsaid: accounts without figures, planned accounts, what precision means. */
function totalsNotes(
  { registry }: TotalsReport,
  units: readonly { unit: Unit }[],
  summaries: readonly CountSummary[],
  words: Locale,
): string[] {
  const notes: string[] = [];
  const missing = new Set(summaries.flatMap((s) => s.missing));
  if (missing.size > 0) {
    const list = [...missing].map((id) => {
      const a = registry.account(id)!;
      return `${platformName(registry, a.platform, words)} ${a.handle}`;
    });
    notes.push(words.report.missingNote(list));
  }
  const shown = new Set(units.map((u) => u.unit.id));
  const planned = registry.accounts.filter((a) => a.status === 'planned' && shown.has(a.unit));
  if (planned.length > 0) {
    notes.push(
      words.report.plannedNote(
        planned.map(
          (a) =>
            `${platformName(registry, a.platform, words)} (${unitName(registry.unit(a.unit)!, words.names)})`,
        ),
      ),
    );
  }
  if (summaries.some((s) => countPrecision(s.count) !== 'exact')) {
    notes.push(words.report.precisionNote);
  }
  return notes;
}

/** The units shown, their summaries, and the platforms any of them has, in order. */
function select(report: TotalsReport) {
  const units = selectUnits(report.registry, report.units);
  const summaries = units.map(({ unit }) => report.totals.units.get(unit.id)!);
  const platforms = platformOrder(summaries.flatMap((s) => Object.keys(s.byPlatform)));
  return { units, summaries, platforms };
}

/** A unit's own active accounts, when the report lists accounts. */
function ownAccounts(report: TotalsReport, unit: Unit) {
  return report.accounts
    ? report.registry.accounts.filter((a) => a.unit === unit.id && a.status === 'active')
    : [];
}

/** One account as a summary of its own: its figure, or no figure. */
function accountSummary(totals: Totals, id: string): CountSummary {
  const snapshot = totals.snapshots.get(id);
  return snapshot
    ? { count: snapshot.followers, accounts: 1, observed: 1, missing: [] }
    : { count: { value: 0, min: 0, max: null }, accounts: 1, observed: 0, missing: [id] };
}

function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(
    date,
  );
}
