import type { Locale } from './locale.js';

/**
 * Punjabi in Gurmukhi (`pa`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl`.
 * - [P1], [P2]: published Punjabi text where the word is printed in a follower count:
 *   P1 punjabi.abplive.com …not-pm-modi-virat-and-sachins-followers-up-on-twitter…
 *   ("37.5 ਮਿਲੀਅਨ ਫਾਲੋਅਰਜ਼ ਮਤਲਬ 3 ਕਰੋੜ 75 ਲੱਖ"), P2 punjabi.abplive.com
 *   …most-followed-indian-leaders-on-twitter… ("6.3 ਮਿਲੀਅਨ ਲੋਕ"); the phrases, with their
 *   sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Punjabi words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const pa: Locale = {
  language: 'pa',
  englishName: 'Punjabi',
  names: 'en',
  // CLDR: pa's default numbering system is latn, its native one guru (Gurmukhi digits).
  nativeDigits: 'guru',
  platforms: {
    x: 'ਐਕਸ (ਟਵਿੱਟਰ)', // ਟਵਿੱਟਰ [P1]
    facebook: 'ਫੇਸਬੁੱਕ',
    instagram: 'ਇੰਸਟਾਗ੍ਰਾਮ',
    youtube: 'ਯੂਟਿਊਬ',
    telegram: 'ਟੈਲੀਗ੍ਰਾਮ',
    mastodon: 'ਮਾਸਟੋਡੋਨ',
    bluesky: 'ਬਲੂਸਕਾਈ',
    threads: 'ਥ੍ਰੈਡਸ',
    linkedin: 'ਲਿੰਕਡਇਨ',
    whatsapp: 'ਵਟਸਐਪ ਚੈਨਲ',
    koo: 'ਕੂ',
    podcast: 'ਪੌਡਕਾਸਟ',
  },
  count: {
    about: (figure) => `ਲਗਭਗ ${figure}`,
    atLeast: (figure) => `ਘੱਟੋ-ਘੱਟ ${figure}`,
    atMost: (figure) => `ਵੱਧ ਤੋਂ ਵੱਧ ${figure}`,
    between: (low, high) => `${low} ਤੋਂ ${high} ਦੇ ਵਿਚਕਾਰ`,
    aboutWithin: (figure, bounds) => `ਲਗਭਗ ${figure} (${bounds})`,
    noFigure: 'ਕੋਈ ਅੰਕੜਾ ਨਹੀਂ',
  },
  verdict: {
    consistent: 'ਸਹੀ',
    overstated: 'ਵਧਾ-ਚੜ੍ਹਾ ਕੇ',
    understated: 'ਘਟਾ ਕੇ',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'ਰੋਜ਼ਾਨਾ ਫਾਲੋਅਰਜ਼',
      week: 'ਹਫ਼ਤਾਵਾਰੀ ਫਾਲੋਅਰਜ਼',
      month: 'ਮਹੀਨਾਵਾਰ ਫਾਲੋਅਰਜ਼',
      quarter: 'ਤਿਮਾਹੀ ਫਾਲੋਅਰਜ਼',
      'fiscal-year': 'ਵਿੱਤੀ ਸਾਲ ਅਨੁਸਾਰ ਫਾਲੋਅਰਜ਼',
    },
    period: 'ਮਿਆਦ',
    claim: 'ਦਾਅਵਾ',
    computed: 'ਗਿਣਤੀ',
    verdict: 'ਨਤੀਜਾ',
    claimFor: (unit, asOf) => `${unit}, ${asOf} ਤੱਕ`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} ਖਾਤਿਆਂ ਤੋਂ`
        : `${figure(accounts)} ਵਿੱਚੋਂ ${figure(observed)} ਖਾਤਿਆਂ ਤੋਂ (ਬਾਕੀਆਂ ਦੇ ਅੰਕੜੇ ਨਹੀਂ: ਘੱਟੋ-ਘੱਟ ਗਿਣਤੀ)`,
    off: (percent) => `${percent} ਫ਼ਰਕ`,
  },
  report: {
    unit: 'ਇਕਾਈ',
    total: 'ਕੁੱਲ',
    withFigures: 'ਅੰਕੜਿਆਂ ਵਾਲੇ ਖਾਤੇ',
    rank: 'ਸਥਾਨ',
    before: 'ਪਹਿਲਾਂ',
    after: 'ਬਾਅਦ',
    change: 'ਬਦਲਾਅ',
    percent: '%',
    compared: 'ਤੁਲਨਾ ਕੀਤੇ ਖਾਤੇ',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'ਇਕਾਈ ਅਤੇ ਪਲੇਟਫਾਰਮ ਅਨੁਸਾਰ ਫਾਲੋਅਰਜ਼'
        : `ਇਕਾਈ ਅਤੇ ਪਲੇਟਫਾਰਮ ਅਨੁਸਾਰ ਫਾਲੋਅਰਜ਼ (${asOf} ਤੱਕ)`,
    rankingTitle: (measure) => `ਦਰਜਾਬੰਦੀ: ${measure}`,
    growthTitle: 'ਇਕਾਈ ਅਨੁਸਾਰ ਵਾਧਾ',
    missingNote: (accounts) => `ਅੰਕੜਾ ਉਪਲਬਧ ਨਹੀਂ (ਸਿਫ਼ਰ ਨਹੀਂ ਮੰਨਿਆ): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `ਪ੍ਰਸਤਾਵਿਤ ਖਾਤੇ (ਗਿਣੇ ਨਹੀਂ ਗਏ): ${accounts.join(', ')}`,
    precisionNote:
      '"ਘੱਟੋ-ਘੱਟ" ਅਤੇ "ਲਗਭਗ" ਸਰੋਤਾਂ ਦੀ ਸਟੀਕਤਾ ਦੱਸਦੇ ਹਨ; ਜਿਸ ਕੁੱਲ ਵਿੱਚ ਖਾਤੇ ਛੁੱਟੇ ਹਨ, ਉਹ ਘੱਟੋ-ਘੱਟ ਗਿਣਤੀ ਹੈ।',
    rankingNote: 'ਕੁਝ ਇਕਾਈਆਂ ਦੇ ਖਾਤਿਆਂ ਦੇ ਅੰਕੜੇ ਨਹੀਂ ਹਨ: ਉਨ੍ਹਾਂ ਦਾ ਸਥਾਨ ਦਿਖਾਏ ਨਾਲੋਂ ਉੱਪਰ ਹੋ ਸਕਦਾ ਹੈ।',
    growthNote: 'ਦੋ ਤਾਰੀਖਾਂ ਵਿੱਚੋਂ ਸਿਰਫ਼ ਇੱਕ ਤਾਰੀਖ ਨੂੰ ਦੇਖੇ ਖਾਤੇ ਤੁਲਨਾ ਵਿੱਚ ਸ਼ਾਮਲ ਨਹੀਂ ਹਨ।',
    places: 'ਸੰਭਾਵੀ ਸਥਾਨ',
    placesNote:
      'ਸੰਭਾਵੀ ਸਥਾਨ: ਅੰਕੜਿਆਂ ਦੀਆਂ ਸੀਮਾਵਾਂ ("ਘੱਟੋ-ਘੱਟ", "ਲਗਭਗ", ਬਿਨਾਂ ਅੰਕੜਿਆਂ ਵਾਲੇ ਖਾਤੇ) ਅੰਦਰ ਸਭ ਤੋਂ ਵਧੀਆ ਅਤੇ ਸਭ ਤੋਂ ਨੀਵਾਂ ਸਥਾਨ; ਇੱਕ ਸੰਖਿਆ ਦਾ ਅਰਥ ਪੱਕਾ ਸਥਾਨ।',
    apartNote: (units) => `ਦਰਜਾਬੰਦੀ ਵਿੱਚ ਨਹੀਂ (ਅੰਕੜਿਆਂ ਵਾਲੇ ਖਾਤੇ ਬਹੁਤ ਘੱਟ): ${units.join(', ')}`,
    noFigureNote: (units) => `ਦਰਜਾਬੰਦੀ ਵਿੱਚ ਨਹੀਂ (ਤੁਲਨਾ ਲਈ ਅੰਕੜਾ ਨਹੀਂ): ${units.join(', ')}`,
    changePercent: 'ਬਦਲਾਅ (%)',
    sourcesDisagree: (account, sources) =>
      `${account} ਬਾਰੇ ਸਰੋਤਾਂ ਦੇ ਅੰਕੜੇ ਵੱਖਰੇ ਹਨ: ${sources.join('; ')}। ਦਿਖਾਇਆ ਅੰਕੜਾ ਸਾਰਿਆਂ ਨੂੰ ਸਮੇਟਦਾ ਹੈ।`,
  },
  events: {
    title: 'ਅਸਧਾਰਨ ਬਦਲਾਅ ਅਤੇ ਪੜਾਅ',
    date: 'ਤਾਰੀਖ',
    event: 'ਘਟਨਾ',
    jump: (percent, from, to) => `${percent} ਦਾ ਵਾਧਾ (${from} ਤੋਂ ${to})`,
    drop: (percent, from, to) => `${percent} ਦੀ ਗਿਰਾਵਟ (${from} ਤੋਂ ${to})`,
    zero: (from) => `ਸਿਫ਼ਰ ਉੱਤੇ ਆਇਆ (${from} ਤੋਂ)`,
    stale: (figure, days, until) => `${days} ਦਿਨਾਂ ਤੋਂ ${figure} ਉੱਤੇ ਸਥਿਰ (${until} ਤੱਕ)`,
    milestone: (figure) => `${figure} ਪਾਰ`,
    none: 'ਕੋਈ ਅਸਧਾਰਨ ਬਦਲਾਅ ਜਾਂ ਪੜਾਅ ਨਹੀਂ।',
  },
  parse: {
    numbers: [
      [1, 'ਇੱਕ ਇਕ'], // [own]
      [2, 'ਦੋ'], // [own]
      [3, 'ਤਿੰਨ'], // [own]
      [4, 'ਚਾਰ'], // [own]
      [5, 'ਪੰਜ'], // [own]
      [6, 'ਛੇ'], // [own]
      [7, 'ਸੱਤ'], // [own]
      [8, 'ਅੱਠ'], // [own]
      [9, 'ਨੌਂ ਨੌ'], // [own]
      [10, 'ਦਸ'], // [own]
    ],
    multipliers: [
      [100, 'ਸੌ'], // [own]
      [1_000, 'ਹਜ਼ਾਰ'], // [CLDR] (read with or without the nukta)
      [100_000, 'ਲੱਖ'], // [CLDR]; [P1]
      [1_000_000, 'ਮਿਲੀਅਨ'], // [P1], [P2]
      [10_000_000, 'ਕਰੋੜ'], // [CLDR]; [P1]
      [1_000_000_000, 'ਅਰਬ'], // [CLDR]
      [100_000_000_000, 'ਖਰਬ'], // [CLDR]
      [10_000_000_000_000, 'ਨੀਲ'], // [CLDR]
    ],
    fractions: [
      [1.5, 'ਡੇਢ'], // [own]
      [2.5, 'ਢਾਈ'], // [own]
    ],
    // [own]: ਸਵਾ ਲੱਖ, ਸਾਢੇ ਤਿੰਨ ਲੱਖ, ਪੌਣੇ ਦੋ ਲੱਖ.
    prefixes: { plusQuarter: 'ਸਵਾ', plusHalf: 'ਸਾਢੇ', minusQuarter: 'ਪੌਣੇ' },
    leading: {
      total: 'ਕੁੱਲ', // [own]
      approx: 'ਲਗਭਗ ਤਕਰੀਬਨ ਕਰੀਬ', // [own]
      lower: 'ਘੱਟੋ-ਘੱਟ', // [own]
      upper: 'ਵੱਧ_ਤੋਂ_ਵੱਧ', // [own]
    },
    trailing: {
      lower: 'ਤੋਂ_ਵੱਧ ਤੋਂ_ਜ਼ਿਆਦਾ ਤੋਂ_ਵੀ_ਵੱਧ', // [own]
      upper: 'ਤੋਂ_ਘੱਟ', // [own]
      among: 'ਦੇ_ਵਿਚਕਾਰ', // [own]
      audience: 'ਫਾਲੋਅਰਜ਼ ਫਾਲੋਅਰਸ ਲੋਕ', // [P1], [P2]
    },
    rangeWords: 'ਤੋਂ', // [own]: 2 ਤੋਂ 3 ਲੱਖ
  },
};
