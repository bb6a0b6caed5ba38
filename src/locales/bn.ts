import type { Locale } from './locale.js';

/**
 * Bengali (`bn`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl`. CLDR's short forms
 *   from 10^10 up are inconsistent (10^10 prints "১ শত কো", which reads 10^9; 10^11 "১কো"), so
 *   formatCount's short Bengali figures read back only below 10^10 (docs/counts.md).
 * - [P1]–[P8]: published Bengali text where the word is printed in a count:
 *   P1 projuktibuzz.com/2022/06/blog-post_23.html ("প্রায় ১৮ কোটি", "১৬ কোটি ২০ লক্ষ+"),
 *   P2 propernewsbd.com/archives/1886 ("১ কোটি ৪৯ লাখ ২ হাজার ২২৪", অনুসারী, জন),
 *   P3 amaderkhabor.com/?p=16397 ("১ কোটি ছাড়িয়েছে", "১০ মিলিয়ন প্লাস", ফলোয়ার্স),
 *   P4 zeenews.india.com/bengali …pm-modis-instagram-crosses-30-million… ("৩ কোটি ছাড়াল"),
 *   P5 sambadsamakal.com/2024/07/13/assam-flood-situation-today-update ("১২ লক্ষেরও বেশি"),
 *   P6 techgup.com …top-10-most-instagram-followers-account ("৯ কোটি ২০ লক্ষ ৬০ হাজার"),
 *   P7 surmamail.com (২০ লাখ অনুসারী নুসরাত ফারিয়ার), P8 biswasamachar.in/2022/07/02
 *   ("তিন লক্ষেরও বেশি"); the phrases, with their sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Bengali words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const bn: Locale = {
  language: 'bn',
  englishName: 'Bengali',
  names: 'en',
  // CLDR: bn's default and native numbering system is beng (Bengali digits).
  nativeDigits: 'beng',
  platforms: {
    x: 'এক্স (টুইটার)',
    facebook: 'ফেসবুক', // [P1]
    instagram: 'ইনস্টাগ্রাম', // [P4]
    youtube: 'ইউটিউব',
    telegram: 'টেলিগ্রাম',
    mastodon: 'মাস্টোডন',
    bluesky: 'ব্লুস্কাই',
    threads: 'থ্রেডস',
    linkedin: 'লিংকডইন',
    whatsapp: 'হোয়াটসঅ্যাপ চ্যানেল',
    koo: 'কু',
    podcast: 'পডকাস্ট',
  },
  count: {
    about: (figure) => `প্রায় ${figure}`,
    atLeast: (figure) => `অন্তত ${figure}`,
    atMost: (figure) => `সর্বাধিক ${figure}`,
    between: (low, high) => `${low} থেকে ${high}`,
    aboutWithin: (figure, bounds) => `প্রায় ${figure} (${bounds})`,
    noFigure: 'সংখ্যা নেই',
  },
  verdict: {
    consistent: 'সঙ্গত',
    overstated: 'বাড়িয়ে বলা',
    understated: 'কমিয়ে বলা',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'দৈনিক ফলোয়ার',
      week: 'সাপ্তাহিক ফলোয়ার',
      month: 'মাসিক ফলোয়ার',
      quarter: 'ত্রৈমাসিক ফলোয়ার',
      'fiscal-year': 'অর্থবর্ষ অনুযায়ী ফলোয়ার',
    },
    period: 'সময়কাল',
    claim: 'দাবি',
    computed: 'গণনা',
    verdict: 'সিদ্ধান্ত',
    claimFor: (unit, asOf) => `${unit}, ${asOf} অনুযায়ী`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)}টি অ্যাকাউন্ট থেকে`
        : `${figure(accounts)}টির মধ্যে ${figure(observed)}টি অ্যাকাউন্ট থেকে (বাকিগুলির সংখ্যা নেই: ন্যূনতম সংখ্যা)`,
    off: (percent) => `${percent} পার্থক্য`,
  },
  report: {
    unit: 'একক',
    total: 'মোট',
    withFigures: 'সংখ্যাসহ অ্যাকাউন্ট',
    rank: 'স্থান',
    before: 'আগে',
    after: 'পরে',
    change: 'পরিবর্তন',
    percent: '%',
    compared: 'তুলনা করা অ্যাকাউন্ট',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'একক ও প্ল্যাটফর্ম অনুযায়ী ফলোয়ার'
        : `একক ও প্ল্যাটফর্ম অনুযায়ী ফলোয়ার (${asOf} অনুযায়ী)`,
    rankingTitle: (measure) => `ক্রম: ${measure}`,
    growthTitle: 'একক অনুযায়ী বৃদ্ধি',
    missingNote: (accounts) => `সংখ্যা পাওয়া যায়নি (শূন্য ধরা হয়নি): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `প্রস্তাবিত অ্যাকাউন্ট (গোনা হয়নি): ${accounts.join(', ')}`,
    precisionNote: '"অন্তত" ও "প্রায়" উৎসের নির্ভুলতা বোঝায়; যে মোটে অ্যাকাউন্ট বাদ পড়েছে, তা ন্যূনতম সংখ্যা।',
    rankingNote: 'কিছু এককের অ্যাকাউন্টের সংখ্যা নেই: তাদের স্থান দেখানোর চেয়ে ওপরে হতে পারে।',
    growthNote: 'দুটি তারিখের মধ্যে কেবল একটিতে দেখা অ্যাকাউন্ট তুলনায় ধরা হয়নি।',
    places: 'সম্ভাব্য স্থান',
    placesNote:
      'সম্ভাব্য স্থান: সংখ্যার সীমার ("অন্তত", "প্রায়", সংখ্যাহীন অ্যাকাউন্ট) মধ্যে সেরা ও সবচেয়ে নিচের স্থান; একটি সংখ্যা মানে নিশ্চিত স্থান।',
    apartNote: (units) => `ক্রমে নেই (সংখ্যাসহ অ্যাকাউন্ট খুব কম): ${units.join(', ')}`,
    noFigureNote: (units) => `ক্রমে নেই (তুলনার জন্য সংখ্যা নেই): ${units.join(', ')}`,
    changePercent: 'পরিবর্তন (%)',
    sourcesDisagree: (account, sources) =>
      `${account}-এর বিষয়ে উৎসগুলির সংখ্যা আলাদা: ${sources.join('; ')}। দেখানো সংখ্যা সবগুলিকে ধরে।`,
  },
  events: {
    title: 'অস্বাভাবিক পরিবর্তন ও মাইলফলক',
    date: 'তারিখ',
    event: 'ঘটনা',
    jump: (percent, from, to) => `${percent} বৃদ্ধি (${from} থেকে ${to})`,
    drop: (percent, from, to) => `${percent} পতন (${from} থেকে ${to})`,
    zero: (from) => `শূন্যে নেমেছে (${from} থেকে)`,
    stale: (figure, days, until) => `${days} দিন ${figure}-এ স্থির (${until} পর্যন্ত)`,
    milestone: (figure) => `${figure} ছাড়িয়েছে`,
    none: 'কোনো অস্বাভাবিক পরিবর্তন বা মাইলফলক নেই।',
  },
  parse: {
    numbers: [
      [1, 'এক'], // [own]
      [2, 'দুই'], // [own]
      [3, 'তিন'], // [P8]
      [4, 'চার'], // [own]
      [5, 'পাঁচ'], // [own]
      [6, 'ছয়'], // [own]
      [7, 'সাত'], // [own]
      [8, 'আট'], // [own]
      [9, 'নয়'], // [own]
      [10, 'দশ'], // [own]
    ],
    multipliers: [
      [100, 'শ শো শত'], // শত [CLDR] (in "শত কো"); শ, শো [own]
      [1_000, 'হাজার হা'], // [CLDR] long, short; [P2]
      [100_000, 'লাখ লা লক্ষ'], // লাখ, লা [CLDR]; লক্ষ [P1], [P6]
      [1_000_000, 'মিলিয়ন'], // [P3]
      [10_000_000, 'কোটি কো'], // [CLDR]; [P2]
    ],
    fractions: [
      [1.5, 'দেড়'], // [own]
      [2.5, 'আড়াই'], // [own]
    ],
    // [own]: সোয়া লাখ, সাড়ে তিন লাখ, পৌনে দুই লাখ.
    prefixes: { plusQuarter: 'সোয়া', plusHalf: 'সাড়ে', minusQuarter: 'পৌনে' },
    leading: {
      total: 'মোট', // [own]
      approx: 'প্রায় আনুমানিক', // প্রায় [P1]; আনুমানিক [own]
      lower: 'অন্তত কমপক্ষে', // [own]
      upper: 'সর্বাধিক', // [own]
    },
    trailing: {
      // এরও বেশি [P5], [P8]; প্লাস [P3]; ছাড়িয়েছে (has passed) [P3]; ছাড়াল [P4]; এর বেশি [own]
      lower: 'এর_বেশি এরও_বেশি প্লাস ছাড়িয়েছে ছাড়াল',
      upper: 'এর_কম', // [own]
      audience: 'ফলোয়ার ফলোয়ার্স অনুসারী জন', // [P3], [P2], [P7]
    },
    rangeWords: 'থেকে', // [own]: ২ থেকে ৩ লাখ
    inflected: {
      লক্ষেরও: 'লক্ষ এরও', // [P5]
      লাখেরও: 'লাখ এরও', // [own]
      কোটিরও: 'কোটি এরও', // [own]
      হাজারেরও: 'হাজার এরও', // [own]
      লাখের: 'লাখ এর', // [own]
      লক্ষের: 'লক্ষ এর', // [own]
      কোটির: 'কোটি এর', // [own]
      হাজারের: 'হাজার এর', // [own]
      মিলিয়নের: 'মিলিয়ন এর', // [P4] ("৩০ মিলিয়নের (৩ কোটি) বেশি")
      // [own]: more than a hundred; printed in Assamese (same word) in
      // asomiyapratidin.in/assam/assam-villegers-protest ("শতাধিক পৰিয়ালেৰে").
      শতাধিক: 'এক শ এর বেশি',
    },
  },
};
