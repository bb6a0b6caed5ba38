import { describe, expect, it } from 'vitest';
import { indoreDistrict } from '../../examples/indore-district.js';

/** Pins the numbers of the Indore demo: the news report's figures, parsed and added up. */
describe('the Indore example', async () => {
  const { all, xAndFacebook, claims, collection, english, combined, claimsCombined } =
    await indoreDistrict();
  const unit = (id: string) => xAndFacebook.units.get(id)!;

  it("parses each of the report's phrases into the right count", () => {
    const byId = new Map(collection.snapshots.map((s) => [s.accountId, s.followers]));
    expect(Object.fromEntries(byId)).toEqual({
      'commissioner-x': { value: 32_000, min: 32_000, max: null }, // "32 हजार से अधिक"
      'commissioner-fb': { value: 5_500, min: 5_500, max: 5_500 }, // "साढे 5 हजार"
      'collector-x': { value: 77_000, min: null, max: null }, // "लगभग 77 हजार"
      'collector-fb': { value: 33_000, min: null, max: null }, // "लगभग 33 हजार"
      'jd-x': { value: 21_000, min: 21_000, max: 21_000 },
      'jd-fb': { value: 6_500, min: 6_500, max: 6_500 }, // "साढे 6 हजार"
      'pro-x': { value: 15_500, min: 15_500, max: 15_500 }, // "साढे 15 हजार"
      'pro-fb': { value: 13_000, min: 13_000, max: 13_000 },
    });
  });

  it('keeps Instagram accounts without a figure as missing, never zero, and Koo and podcasts as planned', () => {
    expect(collection.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['commissioner-ig', 'no-provider'],
      ['collector-ig', 'no-provider'],
      ['pr-ig', 'no-provider'],
    ]);
    expect(collection.stats.skipped).toBe(2);
    const admin = all.units.get('indore-admin')!;
    expect(admin.missing).toEqual(['commissioner-ig', 'collector-ig', 'pr-ig']);
    expect(admin.byPlatform.instagram?.observed).toBe(0);
    expect(admin.byPlatform.koo).toBeUndefined();
  });

  it('adds up per office and for the administration, by platform', () => {
    expect(unit('commissioner').count).toEqual({ value: 37_500, min: 37_500, max: null });
    expect(unit('collector').count).toEqual({ value: 110_000, min: null, max: null });
    expect(unit('pr-office').count).toEqual({ value: 56_000, min: 56_000, max: 56_000 });
    expect(unit('indore-admin').byPlatform.x?.count.value).toBe(145_500);
    expect(unit('indore-admin').byPlatform.facebook?.count.value).toBe(58_000);
    expect(unit('indore-admin').count).toEqual({ value: 203_500, min: null, max: null });
  });

  it("checks the report's own claims against the arithmetic", () => {
    const byId = Object.fromEntries(claims.map((c) => [c.id, c]));
    // officers together: "लगभग डेढ़ लाख" against about 1,47,500
    expect(byId.officers?.computed.value).toBe(147_500);
    expect(byId.officers?.check.verdict).toBe('consistent');
    // PR office: "कुल 60 हजार" against 56,000: the claim is 7% high
    expect(byId['pr-office']?.computed).toEqual({ value: 56_000, min: 56_000, max: 56_000 });
    expect(byId['pr-office']?.check.verdict).toBe('overstated');
    expect(byId['pr-office']?.check.ratio).toBeCloseTo(60_000 / 56_000, 6);
    // everything: "दो लाख से अधिक" against about 2,03,500
    expect(byId.all?.computed.value).toBe(203_500);
    expect(byId.all?.check.verdict).toBe('consistent');
  });

  it('is dated 19 September 2021, the published date, for both sources', () => {
    const dates = new Set(
      [...collection.snapshots, ...english.collection.snapshots].map((s) =>
        s.takenAt.toISOString(),
      ),
    );
    expect([...dates]).toEqual(['2021-09-19T06:30:00.000Z']);
    expect(new Set(english.collection.snapshots.map((s) => s.source.note))).toEqual(
      new Set(['Free Press Journal (English)']),
    );
  });

  it('combines the two sources into one figure per account that covers both, keeping both', () => {
    expect(combined.figures.filter((f) => !f.agree).map((f) => [f.accountId, f.count])).toEqual([
      ['jd-fb', { value: 6_250, min: 6_000, max: 6_500 }],
      ['pro-x', { value: 15_250, min: 15_000, max: 15_500 }],
    ]);
    // the six figures the sources agree on are combined too, and agree
    expect(combined.figures.filter((f) => f.agree)).toHaveLength(6);
    for (const f of combined.figures) {
      expect(f.sources.map((s) => s.source.note)).toEqual([
        'Indore News (Hindi)',
        'Free Press Journal (English)',
      ]);
    }
    expect(combined.xAndFacebook.units.get('pr-office')!.count).toEqual({
      value: 55_500,
      min: 55_000,
      max: 56_000,
    });
  });

  it("checks the English report's claim against its figures and the combined ones", () => {
    expect(english.claims.map((c) => [c.id, c.computed.value, c.check.verdict])).toEqual([
      ['officers', 147_500, 'overstated'], // "1.5 lakh" read as exactly 1,50,000
    ]);
    expect(english.xAndFacebook.units.get('pr-office')!.count.value).toBe(55_000);
    expect(claimsCombined.map((s) => [s.source, s.claims.map((c) => c.check.verdict)])).toEqual([
      ['Indore News (Hindi)', ['consistent', 'overstated', 'consistent']],
      ['Free Press Journal (English)', ['overstated']],
    ]);
  });
});
