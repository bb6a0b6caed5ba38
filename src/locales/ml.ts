import type { Locale } from './locale.js';

/**
 * Malayalam (`ml`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long;
 *   Malayalam's short forms are the Latin K, M, B, T, read as in English);
 *   test/locales/cldr.test.ts checks every such word against `Intl`. CLDR gives Malayalam
 *   thousand, ദശലക്ഷം (million), billion and trillion, not lakh and crore, so formatCount writes
 *   2,03,500 as "204 ആയിരം" in compact notation; the press writes ലക്ഷം and കോടി, which
 *   parseCount reads.
 * - [P1]–[P6]: published Malayalam text where the word is printed in a follower count:
 *   P1 manoramaonline.com/news/latest-news/2020/07/19/pm-narendra-modi-crosses-6-crore-…
 *   ("4.5 കോടിയിലധികം ഫോളോവേഴ്സും", "3.7 കോടി പേർ", "ആറ് കോടി"),
 *   P2 asianetnews.com/entertainment/mohanlal-twitter-followers ("40 ലക്ഷം ഫോളോവേഴ്സാണ്"),
 *   P3 sathyamonline.com/pm-narendra-modi-crosses-6-crore-followers-on-twitter
 *   ("12 കോടിയിലധികം പേരാണ്", "ആറു കോടി", "8.3 കോടി ഫോളോവേഴ്സുമായി"),
 *   P4 eastcoastdaily.com/2023/04/10/elon-musk-starts-following-pm-narendra-modi-on-twitter…
 *   ("ഏകദേശം 13 കോടിയിലധികം ആളുകൾ", "8 കോടിയിലേറെ ഫോളോവേഴ്സ്"),
 *   P5 madhyamam.com …instagram-followers-virat-kohli-priyanka-chopra… ("രണ്ടുകോടിയിലേറെ",
 *   "4.99കോടി ഫോളോവർമാരുമായി"), P6 expresskerala.com/news/shraddha-kapoor-surpasses-modi…
 *   ("91.3 മില്യണ് പേരാണ്", "271 മില്യണ് ഫോളോവേഴ്സും"); the phrases, with their sources, are in
 *   test/locales/phrases.ts. P6 writes the old ണ് where others write the chillu ൺ: both are
 *   read alike.
 * - [own]: our own rendering, not taken from a published source (common Malayalam words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const ml: Locale = {
  language: 'ml',
  englishName: 'Malayalam',
  names: 'en',
  // CLDR: ml's default numbering system is latn, its native one mlym (Malayalam digits).
  nativeDigits: 'mlym',
  platforms: {
    x: 'എക്സ് (ട്വിറ്റർ)', // ട്വിറ്റർ [P1]; എക്സ് [P6] (എക്സില്)
    facebook: 'ഫെയ്സ്ബുക്ക്', // [P5]
    instagram: 'ഇൻസ്റ്റഗ്രാം', // [P1]
    youtube: 'യൂട്യൂബ്',
    telegram: 'ടെലിഗ്രാം',
    mastodon: 'മാസ്റ്റഡോൺ',
    bluesky: 'ബ്ലൂസ്കൈ',
    threads: 'ത്രെഡ്സ്',
    linkedin: 'ലിങ്ക്ഡ്ഇൻ',
    whatsapp: 'വാട്സ്ആപ്പ് ചാനൽ',
    koo: 'കൂ',
    podcast: 'പോഡ്കാസ്റ്റ്',
  },
  count: {
    about: (figure) => `ഏകദേശം ${figure}`,
    atLeast: (figure) => `കുറഞ്ഞത് ${figure}`,
    atMost: (figure) => `പരമാവധി ${figure}`,
    between: (low, high) => `${low} മുതൽ ${high} വരെ`,
    aboutWithin: (figure, bounds) => `ഏകദേശം ${figure} (${bounds})`,
    noFigure: 'കണക്കില്ല',
  },
  verdict: {
    consistent: 'പൊരുത്തപ്പെടുന്നു',
    overstated: 'പെരുപ്പിച്ചത്',
    understated: 'കുറച്ചുകാണിച്ചത്',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'പ്രതിദിന ഫോളോവേഴ്സ്',
      week: 'പ്രതിവാര ഫോളോവേഴ്സ്',
      month: 'പ്രതിമാസ ഫോളോവേഴ്സ്',
      quarter: 'ത്രൈമാസ ഫോളോവേഴ്സ്',
      'fiscal-year': 'സാമ്പത്തിക വർഷം അനുസരിച്ച് ഫോളോവേഴ്സ്',
    },
    period: 'കാലയളവ്',
    claim: 'അവകാശവാദം',
    computed: 'കണക്കുകൂട്ടിയത്',
    verdict: 'നിഗമനം',
    claimFor: (unit, asOf) => `${unit}, ${asOf} പ്രകാരം`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} അക്കൗണ്ടുകളിൽനിന്ന്`
        : `${figure(accounts)} അക്കൗണ്ടുകളിൽ ${figure(observed)} എണ്ണത്തിൽനിന്ന് (ബാക്കിയുള്ളവയ്ക്ക് കണക്കില്ല: കുറഞ്ഞ സംഖ്യ)`,
    off: (percent) => `${percent} വ്യത്യാസം`,
  },
  report: {
    unit: 'യൂണിറ്റ്',
    total: 'ആകെ',
    withFigures: 'കണക്കുള്ള അക്കൗണ്ടുകൾ',
    rank: 'സ്ഥാനം',
    before: 'മുമ്പ്',
    after: 'ശേഷം',
    change: 'മാറ്റം',
    percent: '%',
    compared: 'താരതമ്യം ചെയ്ത അക്കൗണ്ടുകൾ',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'യൂണിറ്റും പ്ലാറ്റ്ഫോമും അനുസരിച്ച് ഫോളോവേഴ്സ്'
        : `യൂണിറ്റും പ്ലാറ്റ്ഫോമും അനുസരിച്ച് ഫോളോവേഴ്സ് (${asOf} പ്രകാരം)`,
    rankingTitle: (measure) => `റാങ്കിങ്: ${measure}`,
    growthTitle: 'യൂണിറ്റ് അനുസരിച്ചുള്ള വളർച്ച',
    missingNote: (accounts) => `കണക്ക് ലഭ്യമല്ല (പൂജ്യമായി എണ്ണിയിട്ടില്ല): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `ആസൂത്രിത അക്കൗണ്ടുകൾ (എണ്ണിയിട്ടില്ല): ${accounts.join(', ')}`,
    precisionNote:
      '"കുറഞ്ഞത്", "ഏകദേശം" എന്നിവ ഉറവിടങ്ങളുടെ കൃത്യത കാണിക്കുന്നു; അക്കൗണ്ടുകൾ വിട്ടുപോയ ആകെത്തുക ഏറ്റവും കുറഞ്ഞ സംഖ്യയാണ്.',
    rankingNote: 'ചില യൂണിറ്റുകളുടെ അക്കൗണ്ടുകൾക്ക് കണക്കില്ല: അവയുടെ സ്ഥാനം കാണിച്ചതിലും മുകളിലായിരിക്കാം.',
    growthNote: 'രണ്ട് തീയതികളിൽ ഒന്നിൽ മാത്രം കണ്ട അക്കൗണ്ടുകളെ താരതമ്യത്തിൽ ഉൾപ്പെടുത്തിയിട്ടില്ല.',
    places: 'സാധ്യമായ സ്ഥാനങ്ങൾ',
    placesNote:
      'സാധ്യമായ സ്ഥാനങ്ങൾ: കണക്കുകളുടെ പരിധിക്കുള്ളിൽ ("കുറഞ്ഞത്", "ഏകദേശം", കണക്കില്ലാത്ത അക്കൗണ്ടുകൾ) മികച്ചതും ഏറ്റവും താഴ്ന്നതുമായ സ്ഥാനം; ഒരു സംഖ്യയെങ്കിൽ സ്ഥാനം ഉറപ്പാണ്.',
    apartNote: (units) => `റാങ്കിങ്ങിൽ ഇല്ല (കണക്കുള്ള അക്കൗണ്ടുകൾ വളരെ കുറവ്): ${units.join(', ')}`,
    noFigureNote: (units) => `റാങ്കിങ്ങിൽ ഇല്ല (താരതമ്യത്തിന് കണക്കില്ല): ${units.join(', ')}`,
    changePercent: 'മാറ്റം (%)',
    sourcesDisagree: (account, sources) =>
      `${account} സംബന്ധിച്ച് ഉറവിടങ്ങളുടെ കണക്കുകൾ വ്യത്യസ്തമാണ്: ${sources.join('; ')}. കാണിച്ച കണക്ക് എല്ലാം ഉൾക്കൊള്ളുന്നു.`,
  },
  events: {
    title: 'അസാധാരണ മാറ്റങ്ങളും നാഴികക്കല്ലുകളും',
    date: 'തീയതി',
    event: 'സംഭവം',
    jump: (percent, from, to) => `${percent} വർധന (${from} മുതൽ ${to} വരെ)`,
    drop: (percent, from, to) => `${percent} ഇടിവ് (${from} മുതൽ ${to} വരെ)`,
    zero: (from) => `പൂജ്യത്തിലേക്ക് താഴ്ന്നു (${from} ൽ നിന്ന്)`,
    stale: (figure, days, until) => `${days} ദിവസമായി ${figure} ൽ മാറ്റമില്ല (${until} വരെ)`,
    milestone: (figure) => `${figure} കടന്നു`,
    none: 'അസാധാരണ മാറ്റങ്ങളോ നാഴികക്കല്ലുകളോ ഇല്ല.',
  },
  parse: {
    numbers: [
      [1, 'ഒന്ന് ഒരു'], // [own]
      [2, 'രണ്ട് രണ്ടു'], // രണ്ടു [P5]; രണ്ട് [own]
      [3, 'മൂന്ന്'], // [own]
      [4, 'നാല്'], // [own]
      [5, 'അഞ്ച് അഞ്ചു'], // അഞ്ച് [P1]; അഞ്ചു [own]
      [6, 'ആറ് ആറു'], // ആറ് [P1]; ആറു [P3]
      [7, 'ഏഴ്'], // [own]
      [8, 'എട്ട്'], // [own]
      [9, 'ഒമ്പത് ഒൻപത്'], // [own]
      [10, 'പത്ത്'], // [own]
    ],
    multipliers: [
      [100, 'നൂറ്'], // [own]
      [1_000, 'ആയിരം'], // [CLDR]
      [100_000, 'ലക്ഷം'], // [P2]
      [1_000_000, 'ദശലക്ഷം മില്യൺ മില്യൻ'], // ദശലക്ഷം [CLDR]; മില്യൺ [P6]; മില്യൻ [own]
      [10_000_000, 'കോടി'], // [P1], [P3]
      [1_000_000_000, 'ബില്യൺ'], // [CLDR]
      [1_000_000_000_000, 'ട്രില്യൺ'], // [CLDR]
    ],
    fractions: [
      [1.5, 'ഒന്നര'], // [own]
      [2.5, 'രണ്ടര'], // [own]
      [0.5, 'അര'], // [own]: അര ലക്ഷം, half a lakh
    ],
    leading: {
      total: 'ആകെ', // [own]
      approx: 'ഏകദേശം ഏതാണ്ട്', // ഏകദേശം [P4]; ഏതാണ്ട് [own]
      lower: 'കുറഞ്ഞത്', // [own]
      upper: 'പരമാവധി', // [own]
    },
    trailing: {
      // ൽ അധികം, ൽ ഏറെ: the "-ത്തിലധികം", "-യിലേറെ" of [P1], [P3], [P4] split by `inflected`;
      // കടന്നു (crossed) [P3]; ൽ കൂടുതൽ [own]
      lower: 'ൽ_അധികം ൽ_ഏറെ ൽ_കൂടുതൽ കടന്നു',
      upper: 'ൽ_താഴെ ൽ_കുറവ്', // [own]
      approx: 'ഓളം', // [own]: ലക്ഷത്തോളം, about a lakh
      among: 'വരെ', // [own]
      // ഫോളോവേഴ്സ്, ഫോളോവേഴ്സും, പേർ [P1]; ഫോളോവേഴ്സാണ് [P2]; പേരാണ്, ഫോളോവേഴ്സുമായി [P3];
      // ആളുകൾ [P4]; ഫോളോവർമാരുമായി [P5]; ഫോളോവർമാർ, ഫോളോവേഴ്സുള്ള [own]
      audience:
        'ഫോളോവേഴ്സ് ഫോളോവേഴ്സും ഫോളോവേഴ്സാണ് ഫോളോവേഴ്സുമായി ഫോളോവേഴ്സുള്ള ഫോളോവർമാർ ഫോളോവർമാരുമായി പേർ പേരാണ് ആളുകൾ',
    },
    rangeWords: 'മുതൽ', // [own]: 2 മുതൽ 3 ലക്ഷം വരെ
    inflected: {
      കോടിയിലധികം: 'കോടി ൽ അധികം', // [P1], [P3], [P4]
      ലക്ഷത്തിലധികം: 'ലക്ഷം ൽ അധികം', // [own]
      ആയിരത്തിലധികം: 'ആയിരം ൽ അധികം', // [own]
      കോടിയിലേറെ: 'കോടി ൽ ഏറെ', // [P4]
      ലക്ഷത്തിലേറെ: 'ലക്ഷം ൽ ഏറെ', // [own]
      രണ്ടുകോടിയിലേറെ: 'രണ്ടു കോടി ൽ ഏറെ', // [P5]
      കോടിയിലേറെപ്പേരാണ്: 'കോടി ൽ ഏറെ പേരാണ്', // [P5]
      കോടിയാണ്: 'കോടി', // [P5]
      കോടിയിൽ: 'കോടി ൽ', // [own]
      ലക്ഷത്തിൽ: 'ലക്ഷം ൽ', // [own]
      ആയിരത്തിൽ: 'ആയിരം ൽ', // [own]
      ലക്ഷത്തോളം: 'ലക്ഷം ഓളം', // [own]
      കോടിയോളം: 'കോടി ഓളം', // [own]
      ആയിരത്തോളം: 'ആയിരം ഓളം', // [own]
      മില്യണും: 'മില്യൺ', // [P6]
    },
  },
};
