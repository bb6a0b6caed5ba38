import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth } from '../../src/aggregate/growth.js';
import { rank } from '../../src/aggregate/rank.js';
import { totals } from '../../src/aggregate/totals.js';
import { definePlatform } from '../../src/model/platform.js';
import { defineRegistry, type Registry } from '../../src/model/registry.js';
import { localizedName } from '../../src/model/unit.js';
import { emitCsv } from '../../src/report/emit.js';
import {
  type GrowthReport,
  type RankingReport,
  type RenderReportOptions,
  renderReport,
  type TotalsReport,
} from '../../src/report/render-report.js';
import { snap } from '../fixtures.js';

/** Pieces an attacker would put in a name: formula starts, CSV, Markdown, HTML, controls, bidi. */
const PIECES = [
  ...'=+-@"\',|\\#<>&`[]*_~!()：:.1a इं',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u000b',
  '\u001b[2J',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u202e',
  '\u2066',
  '\u2069',
  '＝',
  '－',
  '1.',
  '<script>',
  '&amp;',
  '](javascript:x)',
  '**',
  '__',
];
const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
/** Names are trimmed by the registry and must not be empty. */
const hostileName = hostileText.filter((text) => text.trim() !== '');

interface Words {
  root: string;
  child: string;
  other: string;
  kind: string;
  platform: string;
  handle: string;
  planned: string;
  title: string;
}

const TAME: Words = {
  root: 'Root',
  child: 'Child',
  other: 'Other',
  kind: 'tehsil',
  platform: 'Anything',
  handle: 'tame',
  planned: 'tame2',
  title: 'Title',
};

const anyHandle = (id: string) =>
  definePlatform({
    id,
    name: { en: id, hi: id },
    pattern: /^[\s\S]+$/,
    rule: 'anything',
  });

const hostileWords: fc.Arbitrary<Words> = fc
  .record({
    root: hostileName,
    child: hostileName,
    other: hostileName,
    kind: hostileName,
    platform: hostileText,
    handle: hostileText,
    planned: hostileText,
    title: hostileText,
  })
  .filter(({ handle, planned }) => {
    // Keep handles the platform accepts (a URL-looking one is refused), and distinct.
    const normalize = anyHandle('anything').normalize;
    try {
      return normalize(handle).toLowerCase() !== normalize(planned).toLowerCase();
    } catch {
      return false;
    }
  });

/** The same reports, over a registry whose every text is `words`. */
function reports(words: Words): {
  registry: Registry;
  all: readonly (TotalsReport | RankingReport | GrowthReport)[];
} {
  const anything = {
    ...anyHandle('anything'),
    name: { en: words.platform, hi: words.platform },
  };
  const registry = defineRegistry({
    platforms: [anything],
    units: [
      { id: 'root', kind: 'state', name: words.root },
      { id: 'child', kind: words.kind, name: { en: words.child, hi: words.child }, parent: 'root' },
      { id: 'other', kind: 'district', name: words.other, parent: 'root' },
    ],
    accounts: [
      { id: 'child-a', unit: 'child', platform: 'anything', handle: words.handle },
      { id: 'other-x', unit: 'other', platform: 'x', handle: 'OtherCollector' },
      {
        id: 'other-a',
        unit: 'other',
        platform: 'anything',
        handle: words.planned,
        status: 'planned',
      },
    ],
  });
  const before = [snap('other-x', 'x', 5_000, '2026-10-01T00:00:00Z')];
  const after = [snap('other-x', 'x', 3_800, '2026-11-01T00:00:00Z')];
  const t = totals(registry, after);
  return {
    registry,
    all: [
      { registry, totals: t, accounts: true },
      { registry, ranking: rank(registry, t, { kind: 'district' }) },
      { registry, growth: growth(registry, before, after) },
    ],
  };
}

/** A strict RFC 4180 reader: CRLF records, quoted fields, doubled quotes; throws on anything else. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  if (!text.endsWith('\r\n')) throw new Error('the file must end with CRLF');
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${text[i]} at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return records;
}

const FORMULA_START = /^[\t\n\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Pipes that separate cells: those not taken by a backslash escape. */
function cellSeparators(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') count++;
  }
  return count;
}

const OPTIONS: readonly RenderReportOptions[] = [{ locale: 'en-IN' }, { locale: 'hi-IN' }];
/** The same reports over plain words: the shape every hostile rendering must keep. */
const tame = reports(TAME);

describe('report escaping properties (issue #10, defect 9)', () => {
  it('CSV parses back to the same rows and columns, no text cell starts like a formula, and text comes back', () => {
    fc.assert(
      fc.property(hostileWords, (words) => {
        const hostile = reports(words);
        hostile.all.forEach((report, r) => {
          for (const options of OPTIONS) {
            const got = readCsv(renderReport(report, { ...options, format: 'csv' }));
            const want = readCsv(renderReport(tame.all[r]!, { ...options, format: 'csv' }));
            const header = want[0]!;
            // Same rows, same columns, the same cells but the texts, which come back neutralised.
            const expected = want.map((record, i) =>
              record.map((cell, j) => {
                if (i === 0 || (header[j] !== 'unit' && header[j] !== 'kind')) return cell;
                const unit = hostile.registry.unit(record[header.indexOf('unit_id')]!)!;
                const language = options.locale === 'hi-IN' ? 'hi' : 'en';
                const text = header[j] === 'kind' ? unit.kind : localizedName(unit.name, language);
                return FORMULA_START.test(text) ? `'${text}` : text;
              }),
            );
            expect(got).toEqual(expected);
            const formulas = got.flat().filter((c) => !NUMBER.test(c) && FORMULA_START.test(c));
            expect(formulas).toEqual([]);
          }
        });
      }),
    );
  });

  it('emitCsv keeps rows and columns for any text, and writes numbers as numbers', () => {
    const cell = fc.oneof(hostileText, fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }),
        (rows) => {
          const got = readCsv(emitCsv({ header: ['a', 'b', 'c'], rows }));
          expect(got.length).toBe(rows.length + 1);
          rows.forEach((row, i) => {
            row.forEach((value, j) => {
              const text = got[i + 1]![j]!;
              if (value === null) expect(text).toBe('');
              else if (typeof value === 'number')
                expect(Number(text)).toBe(value === 0 ? 0 : value);
              else expect(text).toBe(FORMULA_START.test(value) ? `'${value}` : value);
            });
          });
        },
      ),
    );
  });

  it('Markdown keeps its rows and columns, starts no block of its own and passes no raw < or >', () => {
    fc.assert(
      fc.property(hostileWords, (words) => {
        const hostile = reports(words);
        hostile.all.forEach((report, r) => {
          for (const options of OPTIONS) {
            const md = renderReport(report, { ...options, format: 'markdown', title: words.title });
            const want = renderReport(tame.all[r]!, {
              ...options,
              format: 'markdown',
              title: TAME.title,
            });
            expect(md).not.toMatch(/[<>]/);
            const lines = md.split('\n');
            const wantLines = want.split('\n');
            expect(lines.length).toBe(wantLines.length);
            lines.forEach((line, i) => {
              const shape = wantLines[i]!;
              if (i === 0) {
                expect(line.startsWith('### ')).toBe(true);
                expect(line.slice(4)).not.toMatch(/^[#\s]/);
              } else if (shape.startsWith('|')) {
                expect(line.startsWith('| ') && line.endsWith(' |')).toBe(true);
                expect(cellSeparators(line)).toBe(cellSeparators(shape));
              } else if (shape.startsWith('- ')) {
                expect(line.startsWith('- ')).toBe(true);
                expect(line.slice(2)).not.toMatch(/^([#>\s]|[-+*](\s|$)|\d+[.)](\s|$))/);
              } else {
                expect(line).toBe(shape);
              }
            });
          }
        });
      }),
    );
  });

  it('text keeps one line per row, with no control character or bidi embedding, override or isolate', () => {
    fc.assert(
      fc.property(hostileWords, (words) => {
        const hostile = reports(words);
        hostile.all.forEach((report, r) => {
          for (const options of OPTIONS) {
            const text = renderReport(report, { ...options, title: words.title });
            const want = renderReport(tame.all[r]!, { ...options, title: TAME.title });
            expect(text.split('\n').length).toBe(want.split('\n').length);
            expect(text).not.toMatch(/(?!\n)\p{Cc}|[\u202a-\u202e\u2066-\u2069\u2028\u2029]/u);
          }
        });
      }),
    );
  });

  it('JSON parses back to the same text', () => {
    fc.assert(
      fc.property(hostileWords, (words) => {
        const hostile = reports(words);
        const parsed = JSON.parse(renderReport(hostile.all[0]!, { format: 'json' }));
        expect(parsed.units.map((u: { name: string }) => u.name)).toEqual(
          hostile.registry.units.map((u) => (typeof u.name === 'string' ? u.name : u.name.en)),
        );
        expect(parsed.units[1].accounts[0].handle).toBe(
          hostile.registry.account('child-a')!.handle,
        );
      }),
    );
  });
});
