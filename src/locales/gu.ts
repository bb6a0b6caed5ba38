import type { Locale } from './locale.js';

/**
 * Gujarati (`gu`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short; Gujarati's long and short forms are the same words); test/locales/cldr.test.ts checks
 *   every such word against `Intl`.
 * - [P1]–[P3]: published Gujarati text where the word is printed in a follower count:
 *   P1 gujaratimidday.com …shraddha-kapoor-surpasses-pm-narendra-modi… ("૯ કરોડ ૧૬ લાખ ફૉલોઅર્સ"),
 *   P2 sunmarg.in/amitabh-bachchan-twitter-followers-number-crossed ("૩.૭૫ કરોડ ફોલોઅર્સ"),
 *   P3 m.gujaratmirror.in …virat-kohli-has-the-most-instagram-followers-in-india
 *   ("92 મિલિયનથી વધુ લોકો"); the phrases, with their sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Gujarati words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const gu: Locale = {
  language: 'gu',
  englishName: 'Gujarati',
  names: 'en',
  // CLDR: gu's default numbering system is latn, its native one gujr.
  nativeDigits: 'gujr',
  platforms: {
    x: 'એક્સ (ટ્વિટર)', // ટ્વિટર [P2]
    facebook: 'ફેસબુક',
    instagram: 'ઇન્સ્ટાગ્રામ', // [P3]
    youtube: 'યુટ્યુબ',
    telegram: 'ટેલિગ્રામ',
    mastodon: 'માસ્ટોડોન',
    bluesky: 'બ્લુસ્કાય',
    threads: 'થ્રેડ્સ',
    linkedin: 'લિંક્ડઇન',
    whatsapp: 'વૉટ્સઍપ ચૅનલ',
    koo: 'કૂ',
    podcast: 'પૉડકાસ્ટ',
  },
  count: {
    about: (figure) => `આશરે ${figure}`,
    atLeast: (figure) => `ઓછામાં ઓછા ${figure}`,
    atMost: (figure) => `વધુમાં વધુ ${figure}`,
    between: (low, high) => `${low} થી ${high} વચ્ચે`,
    aboutWithin: (figure, bounds) => `આશરે ${figure} (${bounds})`,
    noFigure: 'આંકડો નથી',
  },
  verdict: {
    consistent: 'સુસંગત',
    overstated: 'વધારીને કહેલું',
    understated: 'ઓછું કરીને કહેલું',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'દૈનિક ફૉલોઅર્સ',
      week: 'સાપ્તાહિક ફૉલોઅર્સ',
      month: 'માસિક ફૉલોઅર્સ',
      quarter: 'ત્રિમાસિક ફૉલોઅર્સ',
      'fiscal-year': 'નાણાકીય વર્ષ મુજબ ફૉલોઅર્સ',
    },
    period: 'સમયગાળો',
    claim: 'દાવો',
    computed: 'ગણતરી',
    verdict: 'નિષ્કર્ષ',
    claimFor: (unit, asOf) => `${unit}, ${asOf} મુજબ`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} ખાતાંમાંથી`
        : `${figure(accounts)}માંથી ${figure(observed)} ખાતાંમાંથી (બાકીના આંકડા નથી: ઓછામાં ઓછી સંખ્યા)`,
    off: (percent) => `${percent} તફાવત`,
  },
  report: {
    unit: 'એકમ',
    total: 'કુલ',
    withFigures: 'આંકડા ધરાવતાં ખાતાં',
    rank: 'ક્રમ',
    before: 'પહેલાં',
    after: 'પછી',
    change: 'ફેરફાર',
    percent: '%',
    compared: 'સરખાવેલાં ખાતાં',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'એકમ અને પ્લેટફોર્મ મુજબ ફૉલોઅર્સ'
        : `એકમ અને પ્લેટફોર્મ મુજબ ફૉલોઅર્સ (${asOf} મુજબ)`,
    rankingTitle: (measure) => `ક્રમાંકન: ${measure}`,
    growthTitle: 'એકમ મુજબ વૃદ્ધિ',
    missingNote: (accounts) => `આંકડો ઉપલબ્ધ નથી (શૂન્ય ગણ્યો નથી): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `સૂચિત ખાતાં (ગણ્યાં નથી): ${accounts.join(', ')}`,
    precisionNote: '"ઓછામાં ઓછા" અને "આશરે" સ્રોતોની ચોકસાઈ દર્શાવે છે; જે કુલમાં ખાતાં ખૂટે છે તે લઘુતમ આંકડો છે.',
    rankingNote: 'કેટલાક એકમોનાં ખાતાંના આંકડા નથી: તેમનું સ્થાન દર્શાવ્યા કરતાં ઊંચું હોઈ શકે.',
    growthNote: 'બે તારીખોમાંથી માત્ર એક જ તારીખે જોવાયેલાં ખાતાં સરખામણીમાંથી બાકાત છે.',
    places: 'સંભવિત સ્થાન',
    placesNote:
      'સંભવિત સ્થાન: આંકડાની મર્યાદામાં ("ઓછામાં ઓછા", "આશરે", આંકડા વગરનાં ખાતાં) શક્ય શ્રેષ્ઠ અને સૌથી નીચું સ્થાન; એક જ સંખ્યા એટલે નિશ્ચિત સ્થાન.',
    apartNote: (units) => `ક્રમમાં નથી (આંકડા ધરાવતાં ખાતાં બહુ ઓછાં): ${units.join(', ')}`,
    noFigureNote: (units) => `ક્રમમાં નથી (સરખામણી માટે આંકડો નથી): ${units.join(', ')}`,
    changePercent: 'ફેરફાર (%)',
    sourcesDisagree: (account, sources) =>
      `${account} વિશે સ્રોતોના આંકડા જુદા છે: ${sources.join('; ')}. દર્શાવેલો આંકડો તે બધાને આવરી લે છે.`,
  },
  events: {
    title: 'અસામાન્ય ફેરફાર અને સીમાચિહ્નો',
    date: 'તારીખ',
    event: 'ઘટના',
    jump: (percent, from, to) => `${percent}નો ઉછાળો (${from}થી ${to})`,
    drop: (percent, from, to) => `${percent}નો ઘટાડો (${from}થી ${to})`,
    zero: (from) => `શૂન્ય પર આવ્યો (${from}થી)`,
    stale: (figure, days, until) => `${days} દિવસથી ${figure} પર સ્થિર (${until} સુધી)`,
    milestone: (figure) => `${figure} પાર`,
    none: 'કોઈ અસામાન્ય ફેરફાર કે સીમાચિહ્ન નથી.',
  },
  parse: {
    numbers: [
      [1, 'એક'], // [own]
      [2, 'બે'], // [own]
      [3, 'ત્રણ'], // [own]
      [4, 'ચાર'], // [own]
      [5, 'પાંચ'], // [own]
      [6, 'છ'], // [own]
      [7, 'સાત'], // [own]
      [8, 'આઠ'], // [own]
      [9, 'નવ'], // [own]
      [10, 'દસ'], // [own]
    ],
    multipliers: [
      [100, 'સો'], // [own]
      [1_000, 'હજાર'], // [CLDR]
      [100_000, 'લાખ'], // [CLDR]; [P1]
      [1_000_000, 'મિલિયન'], // [P3]
      [10_000_000, 'કરોડ'], // [CLDR]; [P1], [P2]
      [1_000_000_000, 'અબજ'], // [CLDR]
      [100_000_000_000, 'નિખર્વ'], // [CLDR]
      [1_000_000_000_000, 'મહાપદ્મ'], // [CLDR]
      [10_000_000_000_000, 'શંકુ'], // [CLDR]
      [100_000_000_000_000, 'જલધિ'], // [CLDR]
    ],
    fractions: [
      [1.5, 'દોઢ'], // [own]
      [2.5, 'અઢી'], // [own]
    ],
    // [own]: સવા લાખ, સાડા ત્રણ લાખ, પોણા બે લાખ.
    prefixes: { plusQuarter: 'સવા', plusHalf: 'સાડા', minusQuarter: 'પોણા' },
    leading: {
      total: 'કુલ', // [own]
      approx: 'આશરે લગભગ અંદાજે', // [own]
      lower: 'ઓછામાં_ઓછા', // [own]
      upper: 'વધુમાં_વધુ', // [own]
    },
    trailing: {
      lower: 'થી_વધુ થી_વધારે કરતાં_વધુ', // થી વધુ [P3]; the rest [own]
      upper: 'થી_ઓછા કરતાં_ઓછા', // [own]
      among: 'વચ્ચે', // [own]
      audience: 'ફૉલોઅર્સ ફોલોઅર્સ લોકો', // ફૉલોઅર્સ [P1], ફોલોઅર્સ [P2], લોકો [P3]
    },
    rangeWords: 'થી', // [own]: 2 થી 3 લાખ
    inflected: {
      મિલિયનથી: 'મિલિયન થી', // [P3]
      લાખથી: 'લાખ થી', // [own], as [P3]
      હજારથી: 'હજાર થી', // [own]
      કરોડથી: 'કરોડ થી', // [own]
    },
  },
};
