import type { Locale } from './locale.js';

/**
 * Kannada (`kn`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl`. CLDR gives Kannada
 *   thousand, million, billion and trillion, not lakh and crore, and Western grouping
 *   (20,350,012); the press writes ಲಕ್ಷ and ಕೋಟಿ, which parseCount reads.
 * - [P1]–[P3]: published Kannada text where the word is printed in a follower count:
 *   P1 kannadadunia.com/?p=877456 ("9 ಕೋಟಿಗೂ ಅಧಿಕ ಫಾಲೋವರ್ಸ್", "90 ಮಿಲಿಯನ್ ದಾಟಿದೆ",
 *   "86.6 ಮಿಲಿಯನ್ ಫಾಲೋಯರ್ಸ್"), P2 kannadaprabha.com …modi-pips-big-b-to-become-most-followed…
 *   ("2.21 ಕೋಟಿ ಹಿಂಬಾಲಕರನ್ನು"), P3 samarasasudhi.com/2024/07/x-100-10.html ("10 ಕೋಟಿ",
 *   ಫಾಲೋವರ್ಗಳ); the phrases, with their sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Kannada words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const kn: Locale = {
  language: 'kn',
  englishName: 'Kannada',
  names: 'en',
  // CLDR: kn's default numbering system is latn, its native one knda (Kannada digits).
  nativeDigits: 'knda',
  platforms: {
    x: 'ಎಕ್ಸ್ (ಟ್ವಿಟರ್)', // ಎಕ್ಸ್, ಟ್ವಿಟರ್ [P3]
    facebook: 'ಫೇಸ್ಬುಕ್',
    instagram: 'ಇನ್ಸ್ಟಾಗ್ರಾಮ್',
    youtube: 'ಯೂಟ್ಯೂಬ್',
    telegram: 'ಟೆಲಿಗ್ರಾಮ್',
    mastodon: 'ಮಾಸ್ಟೊಡಾನ್',
    bluesky: 'ಬ್ಲೂಸ್ಕೈ',
    threads: 'ಥ್ರೆಡ್ಸ್',
    linkedin: 'ಲಿಂಕ್ಡ್ಇನ್',
    whatsapp: 'ವಾಟ್ಸ್ಆ್ಯಪ್ ಚಾನೆಲ್',
    koo: 'ಕೂ',
    podcast: 'ಪಾಡ್ಕಾಸ್ಟ್',
  },
  count: {
    about: (figure) => `ಸುಮಾರು ${figure}`,
    atLeast: (figure) => `ಕನಿಷ್ಠ ${figure}`,
    atMost: (figure) => `ಗರಿಷ್ಠ ${figure}`,
    between: (low, high) => `${low} ರಿಂದ ${high} ರವರೆಗೆ`,
    aboutWithin: (figure, bounds) => `ಸುಮಾರು ${figure} (${bounds})`,
    noFigure: 'ಅಂಕಿ ಇಲ್ಲ',
  },
  verdict: {
    consistent: 'ಸರಿಹೊಂದುತ್ತದೆ',
    overstated: 'ಹೆಚ್ಚಿಸಿ ಹೇಳಲಾಗಿದೆ',
    understated: 'ಕಡಿಮೆ ಮಾಡಿ ಹೇಳಲಾಗಿದೆ',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'ದೈನಂದಿನ ಫಾಲೋವರ್ಸ್',
      week: 'ವಾರವಾರು ಫಾಲೋವರ್ಸ್',
      month: 'ತಿಂಗಳುವಾರು ಫಾಲೋವರ್ಸ್',
      quarter: 'ತ್ರೈಮಾಸಿಕ ಫಾಲೋವರ್ಸ್',
      'fiscal-year': 'ಆರ್ಥಿಕ ವರ್ಷವಾರು ಫಾಲೋವರ್ಸ್',
    },
    period: 'ಅವಧಿ',
    claim: 'ಹೇಳಿಕೆ',
    computed: 'ಲೆಕ್ಕ',
    verdict: 'ತೀರ್ಮಾನ',
    claimFor: (unit, asOf) => `${unit}, ${asOf} ರಂತೆ`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} ಖಾತೆಗಳಿಂದ`
        : `${figure(accounts)} ಖಾತೆಗಳಲ್ಲಿ ${figure(observed)} ಖಾತೆಗಳಿಂದ (ಉಳಿದವುಗಳ ಅಂಕಿ ಇಲ್ಲ: ಕನಿಷ್ಠ ಸಂಖ್ಯೆ)`,
    off: (percent) => `${percent} ವ್ಯತ್ಯಾಸ`,
  },
  report: {
    unit: 'ಘಟಕ',
    total: 'ಒಟ್ಟು',
    withFigures: 'ಅಂಕಿ ಇರುವ ಖಾತೆಗಳು',
    rank: 'ಸ್ಥಾನ',
    before: 'ಮೊದಲು',
    after: 'ನಂತರ',
    change: 'ಬದಲಾವಣೆ',
    percent: '%',
    compared: 'ಹೋಲಿಸಿದ ಖಾತೆಗಳು',
    totalsTitle: (asOf) =>
      asOf === undefined ? 'ಘಟಕ ಮತ್ತು ವೇದಿಕೆವಾರು ಫಾಲೋವರ್ಸ್' : `ಘಟಕ ಮತ್ತು ವೇದಿಕೆವಾರು ಫಾಲೋವರ್ಸ್ (${asOf} ರಂತೆ)`,
    rankingTitle: (measure) => `ಶ್ರೇಯಾಂಕ: ${measure}`,
    growthTitle: 'ಘಟಕವಾರು ಬೆಳವಣಿಗೆ',
    missingNote: (accounts) => `ಅಂಕಿ ಲಭ್ಯವಿಲ್ಲ (ಸೊನ್ನೆ ಎಂದು ಎಣಿಸಿಲ್ಲ): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `ಯೋಜಿತ ಖಾತೆಗಳು (ಎಣಿಸಿಲ್ಲ): ${accounts.join(', ')}`,
    precisionNote: '"ಕನಿಷ್ಠ" ಮತ್ತು "ಸುಮಾರು" ಮೂಲಗಳ ನಿಖರತೆಯನ್ನು ತೋರಿಸುತ್ತವೆ; ಖಾತೆಗಳು ಬಿಟ್ಟುಹೋದ ಒಟ್ಟು ಕನಿಷ್ಠ ಸಂಖ್ಯೆ.',
    rankingNote: 'ಕೆಲವು ಘಟಕಗಳ ಖಾತೆಗಳಿಗೆ ಅಂಕಿ ಇಲ್ಲ: ಅವುಗಳ ಸ್ಥಾನ ತೋರಿಸಿದ್ದಕ್ಕಿಂತ ಮೇಲಿರಬಹುದು.',
    growthNote: 'ಎರಡು ದಿನಾಂಕಗಳಲ್ಲಿ ಒಂದರಲ್ಲಿ ಮಾತ್ರ ಕಂಡ ಖಾತೆಗಳನ್ನು ಹೋಲಿಕೆಯಿಂದ ಹೊರಗಿಡಲಾಗಿದೆ.',
    places: 'ಸಾಧ್ಯ ಸ್ಥಾನಗಳು',
    placesNote:
      'ಸಾಧ್ಯ ಸ್ಥಾನಗಳು: ಅಂಕಿಗಳ ಮಿತಿಯೊಳಗೆ ("ಕನಿಷ್ಠ", "ಸುಮಾರು", ಅಂಕಿ ಇಲ್ಲದ ಖಾತೆಗಳು) ಅತ್ಯುತ್ತಮ ಮತ್ತು ಅತಿ ಕೆಳಗಿನ ಸ್ಥಾನ; ಒಂದೇ ಸಂಖ್ಯೆ ಎಂದರೆ ಖಚಿತ ಸ್ಥಾನ.',
    apartNote: (units) => `ಶ್ರೇಯಾಂಕದಲ್ಲಿಲ್ಲ (ಅಂಕಿ ಇರುವ ಖಾತೆಗಳು ತುಂಬಾ ಕಡಿಮೆ): ${units.join(', ')}`,
    noFigureNote: (units) => `ಶ್ರೇಯಾಂಕದಲ್ಲಿಲ್ಲ (ಹೋಲಿಸಲು ಅಂಕಿ ಇಲ್ಲ): ${units.join(', ')}`,
    changePercent: 'ಬದಲಾವಣೆ (%)',
    sourcesDisagree: (account, sources) =>
      `${account} ಕುರಿತು ಮೂಲಗಳ ಅಂಕಿಗಳು ಬೇರೆ ಬೇರೆ: ${sources.join('; ')}. ತೋರಿಸಿದ ಅಂಕಿ ಎಲ್ಲವನ್ನೂ ಒಳಗೊಳ್ಳುತ್ತದೆ.`,
  },
  events: {
    title: 'ಅಸಾಮಾನ್ಯ ಬದಲಾವಣೆಗಳು ಮತ್ತು ಮೈಲಿಗಲ್ಲುಗಳು',
    date: 'ದಿನಾಂಕ',
    event: 'ಘಟನೆ',
    jump: (percent, from, to) => `${percent} ಏರಿಕೆ (${from} ರಿಂದ ${to})`,
    drop: (percent, from, to) => `${percent} ಇಳಿಕೆ (${from} ರಿಂದ ${to})`,
    zero: (from) => `ಸೊನ್ನೆಗೆ ಇಳಿಯಿತು (${from} ರಿಂದ)`,
    stale: (figure, days, until) => `${days} ದಿನಗಳಿಂದ ${figure} ನಲ್ಲಿ ಬದಲಾವಣೆ ಇಲ್ಲ (${until} ರವರೆಗೆ)`,
    milestone: (figure) => `${figure} ದಾಟಿದೆ`,
    none: 'ಅಸಾಮಾನ್ಯ ಬದಲಾವಣೆಗಳು ಅಥವಾ ಮೈಲಿಗಲ್ಲುಗಳು ಇಲ್ಲ.',
  },
  parse: {
    numbers: [
      [1, 'ಒಂದು'], // [own]
      [2, 'ಎರಡು'], // [own]
      [3, 'ಮೂರು'], // [own]
      [4, 'ನಾಲ್ಕು'], // [own]
      [5, 'ಐದು'], // [own]
      [6, 'ಆರು'], // [own]
      [7, 'ಏಳು'], // [own]
      [8, 'ಎಂಟು'], // [own]
      [9, 'ಒಂಬತ್ತು'], // [own]
      [10, 'ಹತ್ತು'], // [own]
    ],
    multipliers: [
      [100, 'ನೂರು'], // [own]
      [1_000, 'ಸಾವಿರ ಸಾ'], // [CLDR] long, short
      [100_000, 'ಲಕ್ಷ'], // [own]
      [1_000_000, 'ಮಿಲಿಯನ್ ಮಿ'], // [CLDR] long, short; [P1]
      [10_000_000, 'ಕೋಟಿ'], // [P1], [P2], [P3]
      [1_000_000_000, 'ಬಿಲಿಯನ್ ಬಿ'], // [CLDR]
      [1_000_000_000_000, 'ಟ್ರಿಲಿಯನ್ ಟ್ರಿ'], // [CLDR] (its long form ends in ZWNJ, dropped)
    ],
    fractions: [
      [1.5, 'ಒಂದೂವರೆ'], // [own]
      [2.5, 'ಎರಡೂವರೆ'], // [own]
      [0.5, 'ಅರ್ಧ'], // [own]: ಅರ್ಧ ಲಕ್ಷ, half a lakh
    ],
    leading: {
      total: 'ಒಟ್ಟು', // [own]
      approx: 'ಸುಮಾರು ಅಂದಾಜು ಸರಿಸುಮಾರು', // [own]
      lower: 'ಕನಿಷ್ಠ', // [own]
      upper: 'ಗರಿಷ್ಠ', // [own]
    },
    trailing: {
      // ಗೂ ಅಧಿಕ [P1]; ದಾಟಿದೆ (has crossed) [P1]; the rest [own]
      lower: 'ಗೂ_ಅಧಿಕ ಕ್ಕೂ_ಅಧಿಕ ಗೂ_ಹೆಚ್ಚು ಕ್ಕೂ_ಹೆಚ್ಚು ಕ್ಕಿಂತ_ಹೆಚ್ಚು ದಾಟಿದೆ',
      upper: 'ಕ್ಕಿಂತ_ಕಡಿಮೆ', // [own]
      among: 'ರವರೆಗೆ', // [own]
      // ಫಾಲೋವರ್ಸ್, ಫಾಲೋಯರ್ಸ್ [P1]; ಹಿಂಬಾಲಕರನ್ನು [P2]; ಫಾಲೋವರ್ಗಳ [P3]; ಹಿಂಬಾಲಕರು [own]
      audience: 'ಫಾಲೋವರ್ಸ್ ಫಾಲೋಯರ್ಸ್ ಹಿಂಬಾಲಕರನ್ನು ಫಾಲೋವರ್ಗಳ ಹಿಂಬಾಲಕರು',
    },
    rangeWords: 'ರಿಂದ', // [own]: 2 ರಿಂದ 3 ಲಕ್ಷ ರವರೆಗೆ
    inflected: {
      ಕೋಟಿಗೂ: 'ಕೋಟಿ ಗೂ', // [P1]
      ಲಕ್ಷಕ್ಕೂ: 'ಲಕ್ಷ ಕ್ಕೂ', // [own]
      ಸಾವಿರಕ್ಕೂ: 'ಸಾವಿರ ಕ್ಕೂ', // [own]
      ಮಿಲಿಯನ್ಗೂ: 'ಮಿಲಿಯನ್ ಗೂ', // [own]
      ಲಕ್ಷಕ್ಕಿಂತ: 'ಲಕ್ಷ ಕ್ಕಿಂತ', // [own]
      ಕೋಟಿಗಿಂತ: 'ಕೋಟಿ ಕ್ಕಿಂತ', // [own]
    },
  },
};
