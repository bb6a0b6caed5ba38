import type { Locale } from './locale.js';

/**
 * Assamese (`as`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl`. CLDR gives Assamese
 *   হাজাৰ, লাখ, then নিযুত (million), শত কোটি (hundred crore) and শত পৰাৰ্দ্ধ; its short forms are
 *   inconsistent from 10^8 up (10^8 prints "১ নিঃ", which reads one million; 10^11 "১০০ শঃ কঃ"
 *   beside "শঃ কোঃ"), so formatCount's short Assamese figures read back only below 10^8
 *   (docs/counts.md).
 * - [P1]–[P4]: published Assamese text where the word is printed in a count:
 *   P1 etvbharat.com/as/bharat/pm-modi-becomes-first-world-leader-to-cross-100-million-
 *   followers-on-instagram… ("১০০ মিলিয়ন ফ’ল’ৱাৰ অতিক্ৰম", "১০ কোটি ফ’ল’ৱাৰৰ"),
 *   P2 etvbharat.com/as/state/another-record-of-the-assam-government… ("৪০ লাখ", "৯ হাজাৰ"),
 *   P3 enews24ghanta.blogspot.com/2016/07/blog-post_685.html ("৪০,৩৭৯.৭১ কোটি"),
 *   P4 asomiyapratidin.in/assam/assam-villegers-protest ("ডেৰশ", "শতাধিক"). Assamese follower
 *   counts were hard to find in the stored pages: P2 and P3 are rupee figures, printed the same
 *   way; the phrases, with their sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Assamese words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const as: Locale = {
  language: 'as',
  englishName: 'Assamese',
  names: 'en',
  // CLDR: as's default and native numbering system is beng (Bengali-Assamese digits).
  nativeDigits: 'beng',
  platforms: {
    x: 'এক্স (টুইটাৰ)',
    facebook: 'ফেচবুক', // [P2] (ফেচবুক লাইভযোগে)
    instagram: 'ইনষ্টাগ্ৰাম', // [P1]
    youtube: 'ইউটিউব',
    telegram: 'টেলিগ্ৰাম',
    mastodon: 'মাষ্টোডন',
    bluesky: 'ব্লুস্কাই',
    threads: 'থ্ৰেডছ',
    linkedin: 'লিংকডইন',
    whatsapp: 'হোৱাটছএপ চেনেল',
    koo: 'কু',
    podcast: 'পডকাষ্ট',
  },
  count: {
    about: (figure) => `প্ৰায় ${figure}`,
    atLeast: (figure) => `অন্ততঃ ${figure}`,
    atMost: (figure) => `সৰ্বাধিক ${figure}`,
    // CLDR's range pattern for `as` ({0}–{1}); a dash joins a range in every language.
    between: (low, high) => `${low}–${high}`,
    aboutWithin: (figure, bounds) => `প্ৰায় ${figure} (${bounds})`,
    noFigure: 'সংখ্যা নাই',
  },
  verdict: {
    consistent: 'সংগত',
    overstated: 'বঢ়াই কোৱা',
    understated: 'কমাই কোৱা',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'দৈনিক অনুগামী',
      week: 'সাপ্তাহিক অনুগামী',
      month: 'মাহেকীয়া অনুগামী',
      quarter: 'ত্ৰৈমাসিক অনুগামী',
      'fiscal-year': 'বিত্তীয় বৰ্ষ অনুসৰি অনুগামী',
    },
    period: 'সময়সীমা',
    claim: 'দাবী',
    computed: 'গণনা',
    verdict: 'সিদ্ধান্ত',
    claimFor: (unit, asOf) => `${unit}, ${asOf} লৈকে`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)}টা একাউণ্টৰ পৰা`
        : `${figure(accounts)}টা একাউণ্টৰ ${figure(observed)}টাৰ পৰা (বাকীবোৰৰ সংখ্যা নাই: নিম্নতম সংখ্যা)`,
    off: (percent) => `${percent} পাৰ্থক্য`,
  },
  report: {
    unit: 'একক',
    total: 'মুঠ',
    withFigures: 'সংখ্যা থকা একাউণ্ট',
    rank: 'স্থান',
    before: 'আগতে',
    after: 'পিছত',
    change: 'সলনি',
    percent: '%',
    compared: 'তুলনা কৰা একাউণ্ট',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'একক আৰু প্লেটফৰ্ম অনুসৰি অনুগামী'
        : `একক আৰু প্লেটফৰ্ম অনুসৰি অনুগামী (${asOf} লৈকে)`,
    rankingTitle: (measure) => `ক্ৰম: ${measure}`,
    growthTitle: 'একক অনুসৰি বৃদ্ধি',
    missingNote: (accounts) => `সংখ্যা উপলব্ধ নহয় (শূন্য বুলি ধৰা হোৱা নাই): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `প্ৰস্তাৱিত একাউণ্ট (গণনা কৰা হোৱা নাই): ${accounts.join(', ')}`,
    precisionNote: '"অন্ততঃ" আৰু "প্ৰায়" উৎসৰ সঠিকতা বুজায়; যি মুঠত একাউণ্ট বাদ পৰিছে, সেয়া নিম্নতম সংখ্যা।',
    rankingNote: 'কিছুমান এককৰ একাউণ্টৰ সংখ্যা নাই: সিহঁতৰ স্থান দেখুওৱাতকৈ ওপৰত হব পাৰে।',
    growthNote: 'দুটা তাৰিখৰ কেৱল এটাত দেখা একাউণ্ট তুলনাত ধৰা হোৱা নাই।',
    places: 'সম্ভাৱ্য স্থান',
    placesNote:
      'সম্ভাৱ্য স্থান: সংখ্যাৰ সীমাৰ ("অন্ততঃ", "প্ৰায়", সংখ্যা নথকা একাউণ্ট) ভিতৰত সৰ্বোত্তম আৰু আটাইতকৈ তলৰ স্থান; এটা সংখ্যা মানে নিশ্চিত স্থান।',
    apartNote: (units) => `ক্ৰমত নাই (সংখ্যা থকা একাউণ্ট অতি কম): ${units.join(', ')}`,
    noFigureNote: (units) => `ক্ৰমত নাই (তুলনাৰ বাবে সংখ্যা নাই): ${units.join(', ')}`,
    changePercent: 'সলনি (%)',
    sourcesDisagree: (account, sources) =>
      `${account}ৰ বিষয়ে উৎসবোৰৰ সংখ্যা বেলেগ: ${sources.join('; ')}। দেখুওৱা সংখ্যাই সকলোকে সামৰি লয়।`,
  },
  events: {
    title: 'অস্বাভাৱিক সলনি আৰু মাইলৰ খুঁটি',
    date: 'তাৰিখ',
    event: 'ঘটনা',
    jump: (percent, from, to) => `${percent} বৃদ্ধি (${from}ৰ পৰা ${to}লৈ)`,
    drop: (percent, from, to) => `${percent} হ্ৰাস (${from}ৰ পৰা ${to}লৈ)`,
    zero: (from) => `শূন্যলৈ নামিল (${from}ৰ পৰা)`,
    stale: (figure, days, until) => `${days} দিন ধৰি ${figure}ত স্থিৰ (${until}লৈকে)`,
    milestone: (figure) => `${figure} অতিক্ৰম`,
    none: 'কোনো অস্বাভাৱিক সলনি বা মাইলৰ খুঁটি নাই।',
  },
  parse: {
    numbers: [
      [1, 'এক'], // [own]
      [2, 'দুই'], // [own]
      [3, 'তিনি'], // [own]
      [4, 'চাৰি'], // [own]
      [5, 'পাঁচ'], // [own]
      [6, 'ছয়'], // [own]
      [7, 'সাত'], // [own]
      [8, 'আঠ'], // [own]
      [9, 'ন'], // [own]
      [10, 'দহ'], // [own]
    ],
    multipliers: [
      [100, 'শ শত শঃ'], // শত, শঃ [CLDR] (শত কোটি, শঃ কোঃ); শ [P4] (ডেৰশ)
      [1_000, 'হাজাৰ'], // [CLDR]; [P2]
      [100_000, 'লাখ'], // [CLDR]; [P2]
      [1_000_000, 'নিযুত নিঃ মিলিয়ন'], // নিযুত, নিঃ [CLDR]; মিলিয়ন [P1]
      [10_000_000, 'কোটি কোঃ কঃ'], // [CLDR]; [P1], [P3]
      [10_000_000_000, 'পৰাৰ্দ্ধ পঃ'], // [CLDR] (শত পৰাৰ্দ্ধ = 10^12)
    ],
    fractions: [
      [1.5, 'ডেৰ'], // [P4] (ডেৰশ)
      [2.5, 'আঢ়ৈ'], // [own]
    ],
    // [own]: সোৱা লাখ, সাৰে তিনি লাখ.
    prefixes: { plusQuarter: 'সোৱা', plusHalf: 'সাৰে' },
    leading: {
      total: 'মুঠ', // [own]
      approx: 'প্ৰায়', // [own]
      lower: 'অন্ততঃ', // [own]
      upper: 'সৰ্বাধিক', // [own]
    },
    trailing: {
      lower: 'তকৈ_অধিক তকৈ_বেছি ৰো_অধিক অতিক্ৰম', // অতিক্ৰম (crossed) [P1]; the rest [own]
      upper: 'তকৈ_কম', // [own]
      audience: 'অনুগামী ফ’ল’ৱাৰ ফ’ল’ৱাৰৰ', // ফ’ল’ৱাৰ, ফ’ল’ৱাৰৰ [P1]; অনুগামী [own]
    },
    inflected: {
      ডেৰশ: 'ডেৰ শ', // [P4]: one and a half hundred
      কোটিৰ: 'কোটি', // [P1] (১০ কোটিৰ ঘৰ)
      লাখৰো: 'লাখ ৰো', // [own]
      হাজাৰৰো: 'হাজাৰ ৰো', // [own]
      কোটিৰো: 'কোটি ৰো', // [own]
    },
  },
};
