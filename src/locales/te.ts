import type { Locale } from './locale.js';

/**
 * Telugu (`te`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl`. CLDR gives Telugu
 *   thousand, million, billion and trillion, not lakh and crore, so formatCount writes 2,03,500
 *   as "204 వేలు" in compact notation; the press writes లక్షలు and కోట్లు, which parseCount reads.
 * - [P1]–[P3]: published Telugu text where the word is printed in a follower count:
 *   P1 ap7am.com/tn/483997/telugu.html ("80 లక్షల మందికి పైగా", "4.3 కోట్ల మంది",
 *   "80 లక్షలు దాటిన ఫాలోయర్లు"), P2 smtv24x7.com/telugu-news-3536-.html ("40 మిలియన్లు",
 *   "సుమారు 9.6 మిలియన్ల మంది ఫాలోవర్లు", "35 మిలియన్ల ఫాలోయర్లతో"),
 *   P3 nijamtoday.com/2021/07/29/modi-twitter-followers-70-millions ("70 మిలియన్లు",
 *   ఫాలోవర్స్); the phrases, with their sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Telugu words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const te: Locale = {
  language: 'te',
  englishName: 'Telugu',
  names: 'en',
  // CLDR: te's default numbering system is latn, its native one telu (Telugu digits).
  nativeDigits: 'telu',
  platforms: {
    x: 'ఎక్స్ (ట్విట్టర్)', // ట్విట్టర్ [P1]
    facebook: 'ఫేస్బుక్',
    instagram: 'ఇన్స్టాగ్రామ్',
    youtube: 'యూట్యూబ్',
    telegram: 'టెలిగ్రామ్',
    mastodon: 'మాస్టోడాన్',
    bluesky: 'బ్లూస్కై',
    threads: 'థ్రెడ్స్',
    linkedin: 'లింక్డ్ఇన్',
    whatsapp: 'వాట్సాప్ ఛానెల్',
    koo: 'కూ',
    podcast: 'పాడ్కాస్ట్',
  },
  count: {
    about: (figure) => `సుమారు ${figure}`,
    atLeast: (figure) => `కనీసం ${figure}`,
    atMost: (figure) => `గరిష్ఠంగా ${figure}`,
    between: (low, high) => `${low} నుంచి ${high} వరకు`,
    aboutWithin: (figure, bounds) => `సుమారు ${figure} (${bounds})`,
    noFigure: 'సంఖ్య లేదు',
  },
  verdict: {
    consistent: 'సరిపోతుంది',
    overstated: 'ఎక్కువ చేసి చెప్పారు',
    understated: 'తక్కువ చేసి చెప్పారు',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'రోజువారీ ఫాలోవర్లు',
      week: 'వారవారీ ఫాలోవర్లు',
      month: 'నెలవారీ ఫాలోవర్లు',
      quarter: 'త్రైమాసిక ఫాలోవర్లు',
      'fiscal-year': 'ఆర్థిక సంవత్సరం వారీగా ఫాలోవర్లు',
    },
    period: 'కాలం',
    claim: 'వాదన',
    computed: 'లెక్క',
    verdict: 'తీర్పు',
    claimFor: (unit, asOf) => `${unit}, ${asOf} నాటికి`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} ఖాతాల నుంచి`
        : `${figure(accounts)} ఖాతాల్లో ${figure(observed)} ఖాతాల నుంచి (మిగతావాటికి సంఖ్యలు లేవు: కనీస సంఖ్య)`,
    off: (percent) => `${percent} తేడా`,
  },
  report: {
    unit: 'యూనిట్',
    total: 'మొత్తం',
    withFigures: 'సంఖ్య ఉన్న ఖాతాలు',
    rank: 'స్థానం',
    before: 'ముందు',
    after: 'తర్వాత',
    change: 'మార్పు',
    percent: '%',
    compared: 'పోల్చిన ఖాతాలు',
    totalsTitle: (asOf) =>
      asOf === undefined ? 'యూనిట్, ప్లాట్ఫామ్ వారీగా ఫాలోవర్లు' : `యూనిట్, ప్లాట్ఫామ్ వారీగా ఫాలోవర్లు (${asOf} నాటికి)`,
    rankingTitle: (measure) => `ర్యాంకింగ్: ${measure}`,
    growthTitle: 'యూనిట్ వారీగా వృద్ధి',
    missingNote: (accounts) => `సంఖ్య అందుబాటులో లేదు (సున్నాగా లెక్కించలేదు): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `ప్రతిపాదిత ఖాతాలు (లెక్కించలేదు): ${accounts.join(', ')}`,
    precisionNote: '"కనీసం", "సుమారు" మూలాల కచ్చితత్వాన్ని సూచిస్తాయి; ఖాతాలు తప్పిపోయిన మొత్తం కనిష్ఠ సంఖ్య.',
    rankingNote: 'కొన్ని యూనిట్ల ఖాతాలకు సంఖ్యలు లేవు: వాటి స్థానం చూపిన దానికంటే పైన ఉండవచ్చు.',
    growthNote: 'రెండు తేదీలలో ఒక్కదానిలోనే కనిపించిన ఖాతాలను పోలికలో చేర్చలేదు.',
    places: 'సాధ్యమైన స్థానాలు',
    placesNote:
      'సాధ్యమైన స్థానాలు: సంఖ్యల పరిధుల్లో ("కనీసం", "సుమారు", సంఖ్య లేని ఖాతాలు) ఉత్తమ, అట్టడుగు స్థానం; ఒకే సంఖ్య అంటే ఖచ్చితమైన స్థానం.',
    apartNote: (units) => `ర్యాంకింగ్లో లేదు (సంఖ్య ఉన్న ఖాతాలు చాలా తక్కువ): ${units.join(', ')}`,
    noFigureNote: (units) => `ర్యాంకింగ్లో లేదు (పోల్చడానికి సంఖ్య లేదు): ${units.join(', ')}`,
    changePercent: 'మార్పు (%)',
    sourcesDisagree: (account, sources) =>
      `${account} గురించి మూలాల సంఖ్యలు వేరుగా ఉన్నాయి: ${sources.join('; ')}. చూపిన సంఖ్య వాటన్నింటినీ కలుపుకుంటుంది.`,
  },
  events: {
    title: 'అసాధారణ మార్పులు, మైలురాళ్లు',
    date: 'తేదీ',
    event: 'సంఘటన',
    jump: (percent, from, to) => `${percent} పెరుగుదల (${from} నుంచి ${to})`,
    drop: (percent, from, to) => `${percent} తగ్గుదల (${from} నుంచి ${to})`,
    zero: (from) => `సున్నాకు పడిపోయింది (${from} నుంచి)`,
    stale: (figure, days, until) => `${days} రోజులుగా ${figure} వద్ద మార్పు లేదు (${until} వరకు)`,
    milestone: (figure) => `${figure} దాటింది`,
    none: 'అసాధారణ మార్పులు లేదా మైలురాళ్లు లేవు.',
  },
  parse: {
    numbers: [
      [1, 'ఒకటి ఒక'], // [own]
      [2, 'రెండు'], // [own]
      [3, 'మూడు'], // [own]
      [4, 'నాలుగు'], // [own]
      [5, 'ఐదు'], // [own]
      [6, 'ఆరు'], // [own]
      [7, 'ఏడు'], // [own]
      [8, 'ఎనిమిది'], // [own]
      [9, 'తొమ్మిది'], // [own]
      [10, 'పది'], // [own]
    ],
    multipliers: [
      [100, 'వంద వందలు'], // [own]
      [1_000, 'వేయి వేలు వే వేల'], // వేయి, వేలు, వే [CLDR]; వేల [own]
      [100_000, 'లక్ష లక్షలు లక్షల'], // [P1], [P3]
      [1_000_000, 'మిలియన్ మిలియన్లు మి మిలియన్ల'], // [CLDR] long, short; మిలియన్ల [P2]
      [10_000_000, 'కోటి కోట్లు కోట్ల'], // కోట్ల [P1]; కోటి, కోట్లు [own]
      [1_000_000_000, 'బిలియన్ బిలియన్లు బి'], // [CLDR]
      [1_000_000_000_000, 'ట్రిలియన్ ట్రిలియన్లు ట్రి'], // [CLDR]
    ],
    fractions: [
      [1.5, 'ఒకటిన్నర'], // [own]
      [2.5, 'రెండున్నర'], // [own]
      [0.5, 'అర'], // [own]: అర లక్ష, half a lakh
    ],
    leading: {
      total: 'మొత్తం', // [own]
      approx: 'సుమారు దాదాపు సుమారుగా దాదాపుగా', // సుమారు [P2]; the rest [own]
      lower: 'కనీసం', // [own]
      upper: 'గరిష్ఠంగా', // [own]
    },
    trailing: {
      // మందికి పైగా (more than … people) [P1]; దాటిన (crossed) [P1]; the rest [own]
      lower: 'మందికి_పైగా కు_పైగా కి_పైగా కంటే_ఎక్కువ దాటిన',
      upper: 'కంటే_తక్కువ', // [own]
      among: 'వరకు', // [own]
      // మంది (people) [P1], [P2]; ఫాలోయర్లు [P1]; ఫాలోవర్లు, ఫాలోయర్లతో [P2]; ఫాలోవర్స్ [P3]
      audience: 'మంది ఫాలోయర్లు ఫాలోవర్లు ఫాలోయర్లతో ఫాలోవర్స్',
    },
    rangeWords: 'నుంచి నుండి', // [own]: 2 నుంచి 3 లక్షల వరకు
    inflected: {
      లక్షలకు: 'లక్షల కు', // [own]
      లక్షకు: 'లక్ష కు', // [own]
      కోట్లకు: 'కోట్ల కు', // [own]
      వేలకు: 'వేల కు', // [own]
      మిలియన్లకు: 'మిలియన్ల కు', // [own]
      లక్షన్నర: 'ఒకటిన్నర లక్ష', // [own]: a lakh and a half
      కోటిన్నర: 'ఒకటిన్నర కోటి', // [own]: a crore and a half
    },
  },
};
