import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatCsvIssue,
  type RegistryCsvError,
  readRegistryCsv,
  registryFromCsv,
} from '../../src/cli/index.js';
import { columnLetter } from '../../src/cli/registry-csv.js';
import { defineRegistry } from '../../src/index.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const excel = {
  units: readFileSync(join(fixtures, 'excel/units.csv'), 'utf8'),
  accounts: readFileSync(join(fixtures, 'excel/accounts.csv'), 'utf8'),
};

/** The problems of a CSV registry, each as one line. */
function problems(units: string, accounts: string): string[] {
  try {
    registryFromCsv({ units, accounts });
  } catch (error) {
    return (error as RegistryCsvError).issues.map(formatCsvIssue);
  }
  return [];
}

describe('readRegistryCsv', () => {
  it('reads the pair as Excel saves "CSV UTF-8": BOM, CRLF, quoted cells, a line break in a cell, empty rows at the end', () => {
    // the fixture's bytes, so that git or an editor cannot have normalised them
    const bytes = readFileSync(join(fixtures, 'excel/units.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);

    const read = readRegistryCsv(excel);
    expect(read.issues).toEqual([]);
    const registry = defineRegistry(read.input);
    expect(registry.units.map((u) => u.id)).toEqual([
      'mp',
      'indore-division',
      'indore',
      'indore-collector',
      'indore-pr',
    ]);
    expect(registry.unit('indore')?.name).toEqual({ en: 'Indore, the district', hi: 'इंदौर' });
    expect(registry.unit('indore-collector')?.name).toEqual({
      en: 'Collector "DM", Indore',
      hi: 'कलेक्टर, इंदौर',
    });
    expect(registry.unit('indore-pr')?.name).toEqual({
      en: 'District PR office',
      hi: 'जिला जनसंपर्क\nकार्यालय',
    });
    expect(registry.unit('mp')?.parent).toBeUndefined();
    expect(registry.accounts.map((a) => [a.id, a.handle])).toEqual([
      ['collector-x', 'IndoreCollector'],
      ['collector-fb', 'CollectorIndore'],
      ['pr-youtube', '@JansamparkIndore'],
      ['pr-telegram', 'JansamparkIndore'],
      ['pr-mastodon', 'jansampark@mastodon.social'],
    ]);
    expect(registry.account('pr-telegram')?.meta).toEqual({
      note: 'said "official" on the letterhead',
    });
  });

  it('reads LF files without a BOM, headers in any order and case, semicolons, and a status column', () => {
    const read = readRegistryCsv({
      units: 'Name EN;ID;Kind\nMadhya Pradesh;mp;state\n',
      accounts:
        'handle,platform,unit,id,status\n@JansamparkMP,x,mp,mp-x,\nkooapp.com/profile/JansamparkMP,koo,mp,mp-koo,Closed\n',
    });
    expect(read.issues).toEqual([]);
    const registry = defineRegistry(read.input);
    expect(registry.unit('mp')?.name).toEqual({ en: 'Madhya Pradesh' });
    expect(registry.account('mp-koo')?.status).toBe('closed');
    expect(registry.account('mp-x')?.status).toBe('active');
  });

  it('places a missing, unknown or repeated column at row 1, and checks no row until the header is right', () => {
    expect(
      problems(
        'id,kind,name_en,parnet,Remarks\nmp,state,MP,,\n',
        'id,unit,platform,platform\nmp-x,mp,x,x\n',
      ),
    ).toEqual([
      'units.csv, row 1, column D (parnet): unknown column "parnet" (did you mean "parent"?): the columns of units.csv are id, kind, name_en (required) and name_hi, parent',
      'units.csv, row 1, column E (Remarks): unknown column "Remarks": the columns of units.csv are id, kind, name_en (required) and name_hi, parent',
      'accounts.csv, row 1, column D (platform): column "platform" is given twice (first in column C)',
      'accounts.csv, row 1: missing column "handle": the columns of accounts.csv are id, unit, platform, handle (required) and note, status',
    ]);
  });

  it('places empty required cells and every defineRegistry issue at the cell it came from, each cell once', () => {
    const units = [
      'id,kind,name_en,name_hi,parent',
      'mp,state,Madhya Pradesh,,',
      'indore,district,Indore,इंदौर,mpp', // row 3: unknown parent
      'indore,district,Indore again,,mp', // row 4: duplicate id
      'dewas,,Dewas,,mp', // row 5: empty kind
    ].join('\r\n');
    const accounts = [
      'id,unit,platform,handle,note',
      'a1,indore,x,@IndoreCollector,',
      'a2,indore,twitter,@Foo,', // row 3: unknown platform
      'a3,indore,x,https://facebook.com/Collector,', // row 4: a handle of another platform
      'a4,indor,facebook,,', // row 5: unknown unit, empty handle
      'a1,indore,x,@Other,', // row 6: duplicate account id
    ].join('\r\n');
    expect(problems(units, accounts)).toEqual([
      'units.csv, row 3, column E (parent): unknown unit "mpp" (did you mean "mp"?)',
      'units.csv, row 4, column A (id): duplicate unit id "indore" (first used at units.csv row 3)',
      'units.csv, row 5, column B (kind): empty kind: every row needs one',
      'accounts.csv, row 3, column C (platform): unknown platform "twitter" (use "x")',
      'accounts.csv, row 4, column D (handle): "https://facebook.com/Collector" is not a valid X (Twitter) handle: a profile URL must be on x.com, twitter.com, not facebook.com',
      'accounts.csv, row 5, column B (unit): unknown unit "indor" (did you mean "indore"?)',
      'accounts.csv, row 5, column D (handle): empty handle: every row needs one',
      'accounts.csv, row 6, column A (id): duplicate account id "a1" (first used at accounts.csv row 2)',
    ]);
  });

  it('counts rows as a spreadsheet does: a cell with a line break is one row, skipped empty rows still count', () => {
    const read = readRegistryCsv({
      units: 'id,kind,name_en\n\nmp,state,"Madhya\nPradesh"\n,,\nindore,district,Indore\n',
      accounts: 'id,unit,platform,handle\n',
    });
    expect(read.locate(['units', 0, 'name'])).toEqual({
      file: 'units.csv',
      row: 3,
      column: 'C',
      header: 'name_en',
    });
    expect(read.locate(['units', 1, 'id'])).toMatchObject({ row: 5, column: 'A' });
    expect(read.locate(['units', 1])).toEqual({ file: 'units.csv', row: 5 });
    expect(read.locate(['platforms', 0])).toBeUndefined();
  });

  it('names the files as given, and reports a value under no header and unreadable CSV', () => {
    expect(
      readRegistryCsv(
        {
          units: 'id,kind,name_en\nmp,state,MP,oops\n',
          accounts: 'id,unit,platform,handle\n"a,b\n',
        },
        { files: { units: 'Units (2026).csv', accounts: 'lists/accounts.csv' } },
      ).issues.map(formatCsvIssue),
    ).toEqual([
      'Units (2026).csv, row 2, column D (): a value in a column without a header ("oops")',
      expect.stringMatching(/^lists\/accounts\.csv: not readable as CSV/),
    ]);
  });

  it('writes spreadsheet column letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
