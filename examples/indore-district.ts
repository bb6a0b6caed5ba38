/**
 * The Indore example (`npm run demo`): the figures of the story on the Indore district
 * administration's social media, as two newspapers printed it on 19 September 2021 (Indore News
 * in Hindi, the Free Press Journal in English), entered by hand as the phrases they use,
 * collected, combined into one figure per account whose bounds cover both sources, totalled per
 * account, per office and for the administration, printed in English and Hindi, and checked
 * against each report's own claims.
 */
import { pathToFileURL } from 'node:url';
import {
  addCounts,
  type CheckClaimOptions,
  type ClaimCheck,
  type CollectResult,
  type Count,
  checkClaim,
  collect,
  combineSources,
  defineRegistry,
  describeCount,
  parseCount,
  type Registry,
  renderReport,
  type Snapshot,
  type SourcedFigure,
  staticProvider,
  type Totals,
  totals,
} from '../src/index.js';
import { indoreRegistry, type ReportedClaim, reportedAt, sources } from './indore-data.js';

/** One report's claims, each checked against a set of totals. */
export interface CheckedClaim {
  id: string;
  en: string;
  hi: string;
  claim: string;
  computed: Count;
  check: ClaimCheck;
}

/** What one source gives: its snapshots, its totals (X + Facebook) and its claims checked. */
export interface SourceResult {
  note: string;
  collection: CollectResult;
  xAndFacebook: Totals;
  claims: CheckedClaim[];
}

/** Everything the demo prints, computed: the test in test/examples pins these numbers. */
export async function indoreDistrict(): Promise<{
  registry: Registry;
  /** The Hindi report alone (as the demo printed it before the English one was added). */
  collection: CollectResult;
  all: Totals;
  xAndFacebook: Totals;
  claims: CheckedClaim[];
  hindi: SourceResult;
  english: SourceResult;
  /** Both sources combined: one snapshot per account, covering both. */
  combined: { snapshots: Snapshot[]; figures: SourcedFigure[]; all: Totals; xAndFacebook: Totals };
  /** Each report's claims against the combined figures. */
  claimsCombined: { source: string; claims: CheckedClaim[] }[];
}> {
  const registry = defineRegistry(indoreRegistry);
  const read = async (source: (typeof sources)[keyof typeof sources]): Promise<SourceResult> => {
    const options = { takenAt: reportedAt, note: source.note };
    // Instagram accounts get no provider: they end as failures (missing), never as zero.
    const collection = await collect(registry, {
      providers: [
        staticProvider('x', source.figures.x, options),
        staticProvider('facebook', source.figures.facebook, options),
      ],
    });
    const xAndFacebook = totals(registry, collection.snapshots, { platforms: ['x', 'facebook'] });
    return {
      note: source.note,
      collection,
      xAndFacebook,
      claims: checkAll(source.claims, xAndFacebook),
    };
  };
  const hindi = await read(sources.hindi);
  const english = await read(sources.english);
  const both = combineSources([...hindi.collection.snapshots, ...english.collection.snapshots]);
  const combined = {
    ...both,
    all: totals(registry, both.snapshots),
    xAndFacebook: totals(registry, both.snapshots, { platforms: ['x', 'facebook'] }),
  };
  return {
    registry,
    collection: hindi.collection,
    all: totals(registry, hindi.collection.snapshots),
    xAndFacebook: hindi.xAndFacebook,
    claims: hindi.claims,
    hindi,
    english,
    combined,
    claimsCombined: [hindi, english].map((s, i) => ({
      source: s.note,
      claims: checkAll([sources.hindi, sources.english][i]!.claims, combined.xAndFacebook),
    })),
  };
}

function checkAll(
  claims: readonly ReportedClaim[],
  t: Totals,
  options?: CheckClaimOptions,
): CheckedClaim[] {
  return claims.map((c) => {
    const computed = addCounts(c.units.map((id) => t.units.get(id)!.count));
    return {
      id: c.id,
      en: c.en,
      hi: c.hi,
      claim: c.claim,
      computed,
      check: checkClaim(parseCount(c.claim), computed, options),
    };
  });
}

async function main(): Promise<void> {
  const { registry, hindi, english, combined, claimsCombined } = await indoreDistrict();
  const view = {
    registry,
    totals: combined.all,
    units: ['indore-admin'],
    accounts: true,
    sources: combined.figures,
  };

  console.log(
    'social-reach demo: the Indore district administration on 19 September 2021, as two newspapers told it',
  );
  console.log("(handles are illustrative; figures are the reports' own phrases, parsed)\n");

  // Both sources side by side, account by account.
  const byAccount = (r: SourceResult) =>
    new Map(r.collection.snapshots.map((s) => [s.accountId, s.followers]));
  const h = byAccount(hindi);
  const e = byAccount(english);
  const c = new Map(combined.snapshots.map((s) => [s.accountId, s.followers]));
  const rows = registry.accounts
    .filter((a) => h.has(a.id) || e.has(a.id))
    .map((a) => {
      const left = h.get(a.id);
      const right = e.get(a.id);
      const differ = left && right && JSON.stringify(left) !== JSON.stringify(right);
      return [
        typeof a.label === 'object' ? a.label.en : a.id,
        left ? describeCount(left) : '—',
        right ? describeCount(right) : '—',
        describeCount(c.get(a.id)!),
        differ ? 'differ' : '',
      ];
    });
  const header = ['Account', hindi.note, english.note, 'Combined', ''];
  const widths = header.map((t, i) => Math.max(t.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((t, i) => t.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log('The two sources, side by side (collected as of 19 Sep 2021):');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  console.log(
    `\nCollected ${hindi.collection.stats.snapshots} + ${english.collection.stats.snapshots} figures; accounts without a figure: ` +
      hindi.collection.failures.map((f) => `${f.accountId} (${f.reason})`).join(', '),
  );
  console.log();
  console.log(
    renderReport(view, {
      locale: 'en-IN',
      title: 'Followers by account, office and platform (both sources combined, 19 Sep 2021)',
    }),
  );
  console.log(
    renderReport(view, {
      locale: 'hi-IN',
      title: 'अकाउंट, कार्यालय और प्लेटफ़ॉर्म के अनुसार फ़ॉलोअर्स (दोनों स्रोत मिलाकर, 19 सितंबर 2021)',
    }),
  );

  const explain = (check: ClaimCheck) =>
    check.ratio === null
      ? ''
      : ` (the reported figure is ${Math.abs((check.ratio - 1) * 100).toFixed(1)}% ${check.ratio >= 1 ? 'above' : 'below'} the computed one)`;
  for (const source of [hindi, english]) {
    console.log(`Checking the claims of ${source.note} against its own figures (X + Facebook):`);
    for (const claim of source.claims) {
      console.log(
        `- ${claim.en}: reported "${claim.claim}" (${describeCount(parseCount(claim.claim))}), computed ${describeCount(claim.computed)} → ${claim.check.verdict}${explain(claim.check)}`,
      );
    }
    console.log();
  }
  for (const { source, claims } of claimsCombined) {
    console.log(`The claims of ${source} against both sources combined:`);
    for (const claim of claims) {
      console.log(
        `- ${claim.en}: "${claim.claim}" against ${describeCount(claim.computed)} → ${claim.check.verdict}`,
      );
    }
    console.log();
  }
  console.log('रिपोर्ट के दावों की जाँच, हर स्रोत के अपने आँकड़ों से (ट्विटर + फेसबुक):');
  const verdictHi = { consistent: 'सही', overstated: 'बढ़ा-चढ़ाकर', understated: 'कम करके' } as const;
  for (const source of [hindi, english]) {
    for (const claim of source.claims) {
      console.log(
        `- ${source.note}, ${claim.hi}: "${claim.claim}", गणना ${describeCount(claim.computed, { locale: 'hi-IN' })} → ${verdictHi[claim.check.verdict]}`,
      );
    }
  }
  console.log(
    '\nRanks ("first in Madhya Pradesh", "the most followers of all the collectors") need the other districts: `npm run example:mp`.',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
