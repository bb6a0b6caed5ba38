/**
 * The Indore example (`npm run demo`): the figures of the Indore News report, entered by hand
 * as the Hindi phrases the report uses, collected, totalled per account, per office and for the
 * administration, printed in English and Hindi, and checked against the report's own claims.
 */
import { pathToFileURL } from 'node:url';
import {
  addCounts,
  type CollectResult,
  checkClaim,
  collect,
  defineRegistry,
  describeCount,
  parseCount,
  type Registry,
  renderReport,
  staticProvider,
  type Totals,
  totals,
} from '../src/index.js';
import { indoreRegistry, reportedAt, reportedClaims, reportedFigures } from './indore-data.js';

const source = {
  takenAt: reportedAt,
  note: 'Indore News report on the district administration (Hindi)',
};

/** Everything the demo prints, computed: the test in test/examples pins these numbers. */
export async function indoreDistrict(): Promise<{
  registry: Registry;
  collection: CollectResult;
  all: Totals;
  xAndFacebook: Totals;
  claims: {
    id: string;
    en: string;
    hi: string;
    claim: string;
    computed: ReturnType<typeof addCounts>;
    check: ReturnType<typeof checkClaim>;
  }[];
}> {
  const registry = defineRegistry(indoreRegistry);
  // Instagram accounts get no provider: they end as failures (missing), never as zero.
  const collection = await collect(registry, {
    providers: [
      staticProvider('x', reportedFigures.x, source),
      staticProvider('facebook', reportedFigures.facebook, source),
    ],
  });
  const all = totals(registry, collection.snapshots);
  const xAndFacebook = totals(registry, collection.snapshots, { platforms: ['x', 'facebook'] });
  const claims = reportedClaims.map((c) => {
    const computed = addCounts(c.units.map((id) => xAndFacebook.units.get(id)!.count));
    return {
      id: c.id,
      en: c.en,
      hi: c.hi,
      claim: c.claim,
      computed,
      check: checkClaim(parseCount(c.claim), computed),
    };
  });
  return { registry, collection, all, xAndFacebook, claims };
}

async function main(): Promise<void> {
  const { registry, collection, all, claims } = await indoreDistrict();
  const view = { registry, totals: all, units: ['indore-admin'], accounts: true };

  console.log(
    'social-reach demo: the Indore district administration, as the Indore News report tells it',
  );
  console.log("(handles are illustrative; figures are the report's own phrases, parsed)\n");
  console.log(
    `Collected ${collection.stats.snapshots} figures; ${collection.failures.length} accounts without a figure: ` +
      collection.failures.map((f) => `${f.accountId} (${f.reason})`).join(', '),
  );
  console.log();
  console.log(
    renderReport(view, { locale: 'en-IN', title: 'Followers by account, office and platform' }),
  );
  console.log(
    renderReport(view, { locale: 'hi-IN', title: 'अकाउंट, कार्यालय और प्लेटफ़ॉर्म के अनुसार फ़ॉलोअर्स' }),
  );

  console.log("Checking the report's own totals against the arithmetic (X + Facebook):");
  for (const c of claims) {
    const reported = parseCount(c.claim);
    const ratio =
      c.check.ratio === null
        ? ''
        : ` (the reported figure is ${Math.abs((c.check.ratio - 1) * 100).toFixed(1)}% ${c.check.ratio >= 1 ? 'above' : 'below'} the computed one)`;
    console.log(
      `- ${c.en}: reported "${c.claim}" (${describeCount(reported)}), computed ${describeCount(c.computed)} → ${c.check.verdict}${ratio}`,
    );
  }
  console.log('\nरिपोर्ट के दावों की जाँच (ट्विटर + फेसबुक):');
  const verdictHi = { consistent: 'सही', overstated: 'बढ़ा-चढ़ाकर', understated: 'कम करके' } as const;
  for (const c of claims) {
    console.log(
      `- ${c.hi}: रिपोर्ट में "${c.claim}", गणना ${describeCount(c.computed, { locale: 'hi-IN' })} → ${verdictHi[c.check.verdict]}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
