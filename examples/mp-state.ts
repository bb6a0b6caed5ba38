/**
 * The state ranking the Indore report implies (`npm run example:mp`): "Indore's administration
 * is first in Madhya Pradesh" and "the collector has the most followers on Twitter of all the
 * collectors of the state". Indore's figures are the Hindi report's (19 September 2021); every
 * other district's figures, and all handles, are ILLUSTRATIVE, made up for this example to show
 * how places and claims behave with "at least", "about" and missing accounts. Do not quote them.
 *
 * Districts and collectors are ranked with the places their figures' bounds allow, first with
 * "about" taken as unbounded, then read as ±5%, and the two claims are checked against each.
 */
import { pathToFileURL } from 'node:url';
import {
  type CollectResult,
  checkClaim,
  collect,
  defineRegistry,
  type RankClaimCheck,
  type Ranking,
  type Registry,
  type RegistryInput,
  rank,
  renderReport,
  staticProvider,
  type Totals,
  totals,
} from '../src/index.js';
import { reportedAt, reportedFigures } from './indore-data.js';

/** A role's figures per platform: one account's, or several accounts' (Indore's PR office). */
type Figures = {
  x?: string | readonly string[];
  facebook?: string | readonly string[];
  instagram?: 'missing';
};

interface District {
  id: string;
  division: string;
  en: string;
  hi: string;
  collector: Figures;
  pr: Figures;
  /** The divisional commissioner, in the districts that are a division's seat. */
  commissioner?: Figures;
  /** Only Indore's figures come from a report. */
  illustrative: boolean;
}

const DIVISIONS = [
  { id: 'indore-div', en: 'Indore division', hi: 'इंदौर संभाग' },
  { id: 'bhopal-div', en: 'Bhopal division', hi: 'भोपाल संभाग' },
  { id: 'ujjain-div', en: 'Ujjain division', hi: 'उज्जैन संभाग' },
  { id: 'gwalior-div', en: 'Gwalior division', hi: 'ग्वालियर संभाग' },
  { id: 'jabalpur-div', en: 'Jabalpur division', hi: 'जबलपुर संभाग' },
] as const;

const r = reportedFigures;

/** Indore from the report; the others ILLUSTRATIVE. */
export const DISTRICTS: readonly District[] = [
  {
    id: 'indore',
    division: 'indore-div',
    en: 'Indore',
    hi: 'इंदौर',
    illustrative: false,
    commissioner: { x: r.x.CommissionerIND, facebook: r.facebook.CommissionerIndore },
    collector: { x: r.x.IndoreCollector, facebook: r.facebook.CollectorIndore },
    // the divisional PR office: the joint director's and the PRO's accounts
    pr: {
      x: [r.x.JDJansamparkIND, r.x.PROJSIndore],
      facebook: [r.facebook.JDJansamparkIndore, r.facebook.PROJansamparkIndore],
    },
  },
  {
    id: 'bhopal',
    division: 'bhopal-div',
    en: 'Bhopal',
    hi: 'भोपाल',
    illustrative: true,
    commissioner: { x: '28,000', facebook: '4,000' },
    collector: { x: 'about 70,000', facebook: '41,000' },
    pr: { x: '25,000', facebook: '9,000', instagram: 'missing' },
  },
  {
    id: 'ujjain',
    division: 'ujjain-div',
    en: 'Ujjain',
    hi: 'उज्जैन',
    illustrative: true,
    commissioner: { x: '18,000' },
    collector: { x: 'more than 45,000', facebook: '22,000' },
    pr: { x: '12,000', facebook: '7,500' },
  },
  {
    id: 'gwalior',
    division: 'gwalior-div',
    en: 'Gwalior',
    hi: 'ग्वालियर',
    illustrative: true,
    commissioner: { x: '15,000' },
    collector: { x: '52,000', facebook: '18,000' },
    pr: { x: '14,000', facebook: '6,000' },
  },
  {
    id: 'jabalpur',
    division: 'jabalpur-div',
    en: 'Jabalpur',
    hi: 'जबलपुर',
    illustrative: true,
    commissioner: { x: '21,000' },
    collector: { x: '61,000', facebook: 'about 30,000' },
    pr: { facebook: '8,000', instagram: 'missing' },
  },
  {
    id: 'dhar',
    division: 'indore-div',
    en: 'Dhar',
    hi: 'धार',
    illustrative: true,
    collector: { x: '24,000', facebook: '9,500' },
    pr: { x: '6,000' },
  },
  {
    id: 'sehore',
    division: 'bhopal-div',
    en: 'Sehore',
    hi: 'सीहोर',
    illustrative: true,
    collector: { x: '17,500' },
    pr: { facebook: '5,200' },
  },
  {
    id: 'dewas',
    division: 'ujjain-div',
    en: 'Dewas',
    hi: 'देवास',
    illustrative: true,
    collector: { x: '21,000', facebook: '8,000' },
    pr: { x: '7,000' },
  },
];

/** Each role: its name, its unit kind, and the prefix of its (illustrative) handles. */
const ROLES = [
  ['collector', { en: 'Collector', hi: 'कलेक्टर' }, 'official', 'dm'],
  ['pr', { en: 'PR office', hi: 'जनसंपर्क कार्यालय' }, 'office', 'pro'],
  ['commissioner', { en: 'Commissioner', hi: 'संभागायुक्त' }, 'official', 'com'],
] as const;

/** The registry and the figures (as static entries, keyed by illustrative handles). */
function build(): {
  input: RegistryInput;
  figures: Record<'x' | 'facebook', Record<string, string>>;
} {
  const units: RegistryInput['units'][number][] = [
    { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
    ...DIVISIONS.map((d) => ({
      id: d.id,
      kind: 'division',
      name: { en: d.en, hi: d.hi },
      parent: 'mp',
    })),
  ];
  const accounts: NonNullable<RegistryInput['accounts']>[number][] = [];
  const figures: Record<'x' | 'facebook', Record<string, string>> = { x: {}, facebook: {} };
  for (const d of DISTRICTS) {
    units.push({ id: d.id, kind: 'district', name: { en: d.en, hi: d.hi }, parent: d.division });
    for (const [role, name, kind, prefix] of ROLES) {
      const f = d[role];
      if (f === undefined) continue;
      const unit = `${d.id}-${role}`;
      units.push({
        id: unit,
        kind,
        name: { en: `${name.en}, ${d.en}`, hi: `${name.hi}, ${d.hi}` },
        parent: d.id,
        tags: [role],
      });
      for (const platform of ['x', 'facebook', 'instagram'] as const) {
        const given = f[platform];
        if (given === undefined) continue;
        const list = typeof given === 'string' ? [given] : given;
        list.forEach((figure, k) => {
          const handle = `${prefix}${d.id}${list.length > 1 ? k + 1 : ''}`;
          accounts.push({
            id: `${unit}-${platform}${list.length > 1 ? k + 1 : ''}`,
            unit,
            platform,
            handle,
          });
          if (platform !== 'instagram' && figure !== 'missing') figures[platform][handle] = figure;
        });
      }
    }
  }
  return { input: { units, accounts }, figures };
}

export interface StateRanking {
  registry: Registry;
  collection: CollectResult;
  totals: Totals;
  /** With "about" unbounded, and read as ±5%. */
  districts: { strict: Ranking; tolerant: Ranking };
  collectorsOnX: { strict: Ranking; tolerant: Ranking };
  /** Districts with every account's figure, the others listed apart. */
  complete: Ranking;
  claims: { id: string; en: string; strict: RankClaimCheck; tolerant: RankClaimCheck }[];
}

/** Everything the example prints, computed: test/examples/mp-state.test.ts pins it. */
export async function mpState(): Promise<StateRanking> {
  const { input, figures } = build();
  const registry = defineRegistry(input);
  const options = { takenAt: reportedAt, note: 'Indore: Indore News report; others: illustrative' };
  const collection = await collect(registry, {
    providers: [
      staticProvider('x', figures.x, options),
      staticProvider('facebook', figures.facebook, options),
    ],
  });
  const t = totals(registry, collection.snapshots);
  const both = (o: Parameters<typeof rank>[2]) => ({
    strict: rank(registry, t, o),
    tolerant: rank(registry, t, { ...o, tolerance: 0.05 }),
  });
  const districts = both({ kind: 'district', within: 'mp' });
  const collectorsOnX = both({ tag: 'collector', within: 'mp', platform: 'x' });
  const claim = (id: string, en: string, unit: string, ranking: typeof districts) => ({
    id,
    en,
    strict: checkClaim({ unit, top: 1 }, ranking.strict),
    tolerant: checkClaim({ unit, top: 1 }, ranking.tolerant),
  });
  return {
    registry,
    collection,
    totals: t,
    districts,
    collectorsOnX,
    complete: rank(registry, t, {
      kind: 'district',
      within: 'mp',
      minCoverage: 1,
      tolerance: 0.05,
    }),
    claims: [
      claim(
        'first-in-mp',
        "Indore's administration is first in Madhya Pradesh",
        'indore',
        districts,
      ),
      claim(
        'collector',
        "Indore's collector has the most Twitter followers of all the collectors of the state",
        'indore-collector',
        collectorsOnX,
      ),
    ],
  };
}

async function main(): Promise<void> {
  const s = await mpState();
  console.log('social-reach example: the Madhya Pradesh ranking the Indore report implies');
  console.log(
    "Indore: the Hindi report's figures (19 Sep 2021). Every other district's figures are ILLUSTRATIVE, made up to show how places behave; handles are illustrative too.\n",
  );
  const show = (ranking: Ranking, title: string, platform?: 'x', locale = 'en-IN') =>
    console.log(renderReport({ registry: s.registry, ranking, platform }, { locale, title }));
  show(s.districts.strict, 'Districts of MP, "about" taken as unbounded');
  show(s.districts.tolerant, 'Districts of MP, "about" read as ±5%');
  show(s.districts.tolerant, 'मध्यप्रदेश के जिले, "लगभग" को ±5% मानकर', undefined, 'hi-IN');
  show(s.complete, 'Districts with a figure for every account ("about" ±5%)');
  show(s.collectorsOnX.tolerant, 'Collectors of MP on X (Twitter), "about" read as ±5%', 'x');
  console.log('Claims of the report, checked against these places:');
  for (const c of s.claims) {
    const places = (k: RankClaimCheck) =>
      k.best === k.worst ? `${k.best}` : `${k.best}–${k.worst}`;
    console.log(
      `- ${c.en}: ${c.strict.verdict} (places ${places(c.strict)}); with "about" as ±5%: ${c.tolerant.verdict} (places ${places(c.tolerant)})`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
