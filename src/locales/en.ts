import type { Locale } from './locale.js';

/** English (`en`, and the fallback for languages without a file of their own). */
export const en: Locale = {
  language: 'en',
  englishName: 'English',
  names: 'en',
  // CLDR: native numbering system of `en`.
  nativeDigits: 'latn',
  // The platform catalog's names (src/model/platform.ts), unchanged.
  platforms: {
    x: 'X (Twitter)',
    facebook: 'Facebook',
    instagram: 'Instagram',
    youtube: 'YouTube',
    telegram: 'Telegram',
    mastodon: 'Mastodon',
    bluesky: 'Bluesky',
    threads: 'Threads',
    linkedin: 'LinkedIn',
    whatsapp: 'WhatsApp Channels',
    koo: 'Koo',
    podcast: 'Podcast',
  },
  count: {
    about: (figure) => `about ${figure}`,
    atLeast: (figure) => `at least ${figure}`,
    atMost: (figure) => `at most ${figure}`,
    between: (low, high) => `between ${low} and ${high}`,
    aboutWithin: (figure, bounds) => `about ${figure} (${bounds})`,
    noFigure: 'no figure',
  },
  verdict: {
    consistent: 'consistent',
    overstated: 'overstated',
    understated: 'understated',
  },
  // The command's own tables (`social-reach series`, `check`).
  command: {
    seriesTitle: {
      day: 'Followers by day',
      week: 'Followers by week',
      month: 'Followers by month',
      quarter: 'Followers by quarter',
      'fiscal-year': 'Followers by financial year',
    },
    period: 'Period',
    claim: 'Claim',
    computed: 'Computed',
    verdict: 'Verdict',
    claimFor: (unit, asOf) => `for ${unit}, as of ${asOf}`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `from ${figure(accounts)} account${accounts === 1 ? '' : 's'}`
        : `from ${figure(observed)} of ${figure(accounts)} accounts (the others have no figure: a lower bound)`,
    off: (percent) => `${percent} off`,
  },
  report: {
    unit: 'Unit',
    total: 'Total',
    withFigures: 'With figures',
    rank: 'Rank',
    before: 'Before',
    after: 'After',
    change: 'Change',
    percent: '%',
    compared: 'Accounts compared',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'Followers by unit and platform'
        : `Followers by unit and platform (as of ${asOf})`,
    rankingTitle: (measure) => `Ranking: ${measure}`,
    growthTitle: 'Growth by unit',
    missingNote: (accounts) => `No figure (not counted as zero): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `Planned accounts (not counted): ${accounts.join(', ')}`,
    precisionNote:
      '"at least" and "about" carry the precision of the sources; a total with accounts missing is a lower bound.',
    rankingNote: 'Some units have accounts without figures: their places may be higher than shown.',
    growthNote: 'Accounts observed at only one of the two dates are left out of the comparison.',
    places: 'Possible places',
    placesNote:
      'Possible places: the best and worst places the figures allow ("at least", "about", accounts without figures); one number is a certain place.',
    apartNote: (units) => `Not ranked (too few accounts with figures): ${units.join(', ')}`,
    noFigureNote: (units) => `Not ranked (no figure to compare): ${units.join(', ')}`,
    changePercent: 'Change (%)',
    sourcesDisagree: (account, sources) =>
      `Sources disagree on ${account}: ${sources.join('; ')}. The figure shown covers them all.`,
  },
  events: {
    title: 'Anomalies and milestones',
    date: 'Date',
    event: 'Event',
    jump: (percent, from, to) => `jump of ${percent} (${from} to ${to})`,
    drop: (percent, from, to) => `drop of ${percent} (${from} to ${to})`,
    zero: (from) => `fell to zero (from ${from})`,
    stale: (figure, days, until) => `unchanged at ${figure} for ${days} days (until ${until})`,
    milestone: (figure) => `crossed ${figure}`,
    none: 'No anomalies or milestones.',
  },
};
