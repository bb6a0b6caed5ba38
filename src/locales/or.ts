import type { Locale } from './locale.js';

/**
 * Odia (`or`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl`. CLDR gives Odia
 *   thousand, million (ନିୟୁତ), hundred crore (ଶହକୋଟି) and lakh crore (ଲକ୍ଷକୋଟି), not lakh and
 *   crore, so formatCount writes 2,03,500 as "204 ହଜାର" in compact notation.
 * - [P1]–[P3]: published Odia text where the word is printed in a count:
 *   P1 prameya.com/cricketers-with-most-subscribers-on-youtube-channel-and-instagram-followers
 *   ("ପ୍ରାୟ ୫୦ଲକ୍ଷ ସବ୍ସକ୍ରାଇବର", "୧.୭ମିଲିୟନରୁ ଅଧିକ ସବ୍ସକ୍ରାଇବର୍ସ"),
 *   P2 prameyanews7.com/sc-alert-on-corona-outbreak-in-country-issued-notification
 *   ("୨୭୦ ନିୟୁତରୁ ଅଧିକ ଫଲୋଅର୍ସ"), P3 theindependence.in/photo-on-PMs-facebook-breaks-records
 *   ("1 ମିଲିୟନରୁ ଅଧିକ", "11 ଲକ୍ଷ", "50 ହଜାର"); the phrases, with their sources, are in
 *   test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Odia words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const or: Locale = {
  language: 'or',
  englishName: 'Odia',
  names: 'en',
  // CLDR: or's default numbering system is latn, its native one orya (Odia digits).
  nativeDigits: 'orya',
  platforms: {
    x: 'ଏକ୍ସ (ଟ୍ୱିଟର)',
    facebook: 'ଫେସବୁକ', // [P3] (ଫେସବୁକରେ)
    instagram: 'ଇନଷ୍ଟାଗ୍ରାମ', // [P1] (ଇନଷ୍ଟାଗ୍ରାମରେ)
    youtube: 'ୟୁଟ୍ୟୁବ', // [P1]
    telegram: 'ଟେଲିଗ୍ରାମ',
    mastodon: 'ମାଷ୍ଟୋଡନ',
    bluesky: 'ବ୍ଲୁସ୍କାଇ',
    threads: 'ଥ୍ରେଡ୍ସ',
    linkedin: 'ଲିଙ୍କଡଇନ',
    whatsapp: 'ହ୍ୱାଟସଆପ ଚ୍ୟାନେଲ',
    koo: 'କୁ',
    podcast: 'ପଡକାଷ୍ଟ',
  },
  count: {
    about: (figure) => `ପ୍ରାୟ ${figure}`,
    atLeast: (figure) => `ଅତି କମରେ ${figure}`,
    atMost: (figure) => `ସର୍ବାଧିକ ${figure}`,
    between: (low, high) => `${low} ରୁ ${high} ମଧ୍ୟରେ`,
    aboutWithin: (figure, bounds) => `ପ୍ରାୟ ${figure} (${bounds})`,
    noFigure: 'ସଂଖ୍ୟା ନାହିଁ',
  },
  verdict: {
    consistent: 'ସଙ୍ଗତ',
    overstated: 'ବଢ଼ାଇ କୁହାଯାଇଛି',
    understated: 'କମାଇ କୁହାଯାଇଛି',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'ଦୈନିକ ଫଲୋଅର୍ସ',
      week: 'ସାପ୍ତାହିକ ଫଲୋଅର୍ସ',
      month: 'ମାସିକ ଫଲୋଅର୍ସ',
      quarter: 'ତ୍ରୈମାସିକ ଫଲୋଅର୍ସ',
      'fiscal-year': 'ଆର୍ଥିକ ବର୍ଷ ଅନୁସାରେ ଫଲୋଅର୍ସ',
    },
    period: 'ଅବଧି',
    claim: 'ଦାବି',
    computed: 'ଗଣନା',
    verdict: 'ନିଷ୍କର୍ଷ',
    claimFor: (unit, asOf) => `${unit}, ${asOf} ସୁଦ୍ଧା`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)}ଟି ଆକାଉଣ୍ଟରୁ`
        : `${figure(accounts)}ଟି ମଧ୍ୟରୁ ${figure(observed)}ଟି ଆକାଉଣ୍ଟରୁ (ଅନ୍ୟଗୁଡ଼ିକର ସଂଖ୍ୟା ନାହିଁ: ସର୍ବନିମ୍ନ ସଂଖ୍ୟା)`,
    off: (percent) => `${percent} ପାର୍ଥକ୍ୟ`,
  },
  report: {
    unit: 'ଏକକ',
    total: 'ମୋଟ',
    withFigures: 'ସଂଖ୍ୟା ଥିବା ଆକାଉଣ୍ଟ',
    rank: 'ସ୍ଥାନ',
    before: 'ପୂର୍ବରୁ',
    after: 'ପରେ',
    change: 'ପରିବର୍ତ୍ତନ',
    percent: '%',
    compared: 'ତୁଳନା କରାଯାଇଥିବା ଆକାଉଣ୍ଟ',
    totalsTitle: (asOf) =>
      asOf === undefined ? 'ଏକକ ଓ ପ୍ଲାଟଫର୍ମ ଅନୁସାରେ ଫଲୋଅର୍ସ' : `ଏକକ ଓ ପ୍ଲାଟଫର୍ମ ଅନୁସାରେ ଫଲୋଅର୍ସ (${asOf} ସୁଦ୍ଧା)`,
    rankingTitle: (measure) => `କ୍ରମ: ${measure}`,
    growthTitle: 'ଏକକ ଅନୁସାରେ ବୃଦ୍ଧି',
    missingNote: (accounts) => `ସଂଖ୍ୟା ମିଳିନାହିଁ (ଶୂନ ଭାବେ ଗଣାଯାଇନାହିଁ): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `ପ୍ରସ୍ତାବିତ ଆକାଉଣ୍ଟ (ଗଣାଯାଇନାହିଁ): ${accounts.join(', ')}`,
    precisionNote: '"ଅତି କମରେ" ଓ "ପ୍ରାୟ" ଉତ୍ସର ସଠିକତା ଦର୍ଶାଏ; ଯେଉଁ ମୋଟରେ ଆକାଉଣ୍ଟ ବାଦ ପଡ଼ିଛି, ତାହା ସର୍ବନିମ୍ନ ସଂଖ୍ୟା।',
    rankingNote: 'କିଛି ଏକକର ଆକାଉଣ୍ଟର ସଂଖ୍ୟା ନାହିଁ: ସେମାନଙ୍କ ସ୍ଥାନ ଦର୍ଶାଯାଇଥିବାଠାରୁ ଉପରେ ହୋଇପାରେ।',
    growthNote: 'ଦୁଇଟି ତାରିଖ ମଧ୍ୟରୁ କେବଳ ଗୋଟିଏରେ ଦେଖାଯାଇଥିବା ଆକାଉଣ୍ଟ ତୁଳନାରେ ଧରାଯାଇନାହିଁ।',
    places: 'ସମ୍ଭାବ୍ୟ ସ୍ଥାନ',
    placesNote:
      'ସମ୍ଭାବ୍ୟ ସ୍ଥାନ: ସଂଖ୍ୟାର ସୀମା ("ଅତି କମରେ", "ପ୍ରାୟ", ସଂଖ୍ୟା ନଥିବା ଆକାଉଣ୍ଟ) ମଧ୍ୟରେ ସର୍ବୋତ୍ତମ ଓ ସବୁଠାରୁ ତଳ ସ୍ଥାନ; ଗୋଟିଏ ସଂଖ୍ୟା ଅର୍ଥ ନିଶ୍ଚିତ ସ୍ଥାନ।',
    apartNote: (units) => `କ୍ରମରେ ନାହିଁ (ସଂଖ୍ୟା ଥିବା ଆକାଉଣ୍ଟ ବହୁତ କମ): ${units.join(', ')}`,
    noFigureNote: (units) => `କ୍ରମରେ ନାହିଁ (ତୁଳନା ପାଇଁ ସଂଖ୍ୟା ନାହିଁ): ${units.join(', ')}`,
    changePercent: 'ପରିବର୍ତ୍ତନ (%)',
    sourcesDisagree: (account, sources) =>
      `${account} ବିଷୟରେ ଉତ୍ସଗୁଡ଼ିକର ସଂଖ୍ୟା ଭିନ୍ନ: ${sources.join('; ')}। ଦର୍ଶାଯାଇଥିବା ସଂଖ୍ୟା ସବୁକୁ ସାମିଲ କରେ।`,
  },
  events: {
    title: 'ଅସ୍ୱାଭାବିକ ପରିବର୍ତ୍ତନ ଓ ମାଇଲଖୁଣ୍ଟ',
    date: 'ତାରିଖ',
    event: 'ଘଟଣା',
    jump: (percent, from, to) => `${percent} ବୃଦ୍ଧି (${from}ରୁ ${to})`,
    drop: (percent, from, to) => `${percent} ହ୍ରାସ (${from}ରୁ ${to})`,
    zero: (from) => `ଶୂନକୁ ଖସିଲା (${from}ରୁ)`,
    stale: (figure, days, until) => `${days} ଦିନ ଧରି ${figure}ରେ ସ୍ଥିର (${until} ପର୍ଯ୍ୟନ୍ତ)`,
    milestone: (figure) => `${figure} ଅତିକ୍ରମ`,
    none: 'କୌଣସି ଅସ୍ୱାଭାବିକ ପରିବର୍ତ୍ତନ ବା ମାଇଲଖୁଣ୍ଟ ନାହିଁ।',
  },
  parse: {
    numbers: [
      [1, 'ଏକ'], // [own]
      [2, 'ଦୁଇ'], // [own]
      [3, 'ତିନି'], // [own]
      [4, 'ଚାରି'], // [own]
      [5, 'ପାଞ୍ଚ'], // [own]
      [6, 'ଛଅ'], // [own]
      [7, 'ସାତ'], // [own]
      [8, 'ଆଠ'], // [own]
      [9, 'ନଅ'], // [own]
      [10, 'ଦଶ'], // [own]
    ],
    multipliers: [
      [100, 'ଶହ'], // [own]
      [1_000, 'ହଜାର ହ'], // [CLDR] long, short; [P3]
      [100_000, 'ଲକ୍ଷ'], // [P1], [P3]
      [1_000_000, 'ନିୟୁତ ନି ମିଲିୟନ'], // ନିୟୁତ, ନି [CLDR]; ନିୟୁତ [P2]; ମିଲିୟନ [P1]
      [10_000_000, 'କୋଟି'], // [own]
      [1_000_000_000, 'ଶହକୋଟି ବି'], // [CLDR] long, short
      [1_000_000_000_000, 'ଲକ୍ଷକୋଟି ଟ୍ରି'], // [CLDR] long, short
    ],
    fractions: [
      [1.5, 'ଦେଢ଼'], // [own]
      [2.5, 'ଅଢ଼େଇ'], // [own]
    ],
    // [own]: ସାଢ଼େ ତିନି ଲକ୍ଷ.
    prefixes: { plusHalf: 'ସାଢ଼େ' },
    leading: {
      total: 'ମୋଟ', // [own]
      approx: 'ପ୍ରାୟ ଆନୁମାନିକ', // ପ୍ରାୟ [P1]; ଆନୁମାନିକ [own]
      lower: 'ଅତି_କମରେ', // [own]
      upper: 'ସର୍ବାଧିକ', // [own]
    },
    trailing: {
      lower: 'ରୁ_ଅଧିକ', // [P1], [P2], [P3]
      upper: 'ରୁ_କମ୍', // [own]
      among: 'ମଧ୍ୟରେ', // [own]
      audience: 'ଫଲୋଅର୍ସ ସବ୍ସକ୍ରାଇବର ସବ୍ସକ୍ରାଇବର୍ସ', // [P1], [P2]
    },
    rangeWords: 'ରୁ', // [own]: ୨ ରୁ ୩ ଲକ୍ଷ
    inflected: {
      ମିଲିୟନରୁ: 'ମିଲିୟନ ରୁ', // [P1], [P3]
      ନିୟୁତରୁ: 'ନିୟୁତ ରୁ', // [P2]
      ଲକ୍ଷରୁ: 'ଲକ୍ଷ ରୁ', // [own]
      ହଜାରରୁ: 'ହଜାର ରୁ', // [own]
      କୋଟିରୁ: 'କୋଟି ରୁ', // [own]
    },
  },
};
