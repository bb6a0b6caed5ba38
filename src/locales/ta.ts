import type { Locale } from './locale.js';

/**
 * Tamil (`ta`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl`. CLDR gives Tamil
 *   thousand, million, billion and trillion (ஆயிரம், மில்லியன், …), not lakh and crore, so
 *   formatCount writes 2,03,500 as "204 ஆயிரம்" in compact notation; the press writes லட்சம்
 *   and கோடி, which parseCount reads.
 * - [P1]–[P6]: published Tamil text where the word is printed in a follower count:
 *   P1 eelamurasu.com.au/?p=1588 ("இரண்டு கோடியே இருபது லட்சமாக", "20.8 மில்லியன் பேரும்",
 *   "சுமார் 50 லட்சம் பேர்"), P2 thisaigalnews.com/news/world-news/740408
 *   ("100 மில்லியனுக்கும் அதிகமான ஃபாலோயர்களைப்"), P3 dailynewstamil.com (the article "10 கோடி
 *   ஃபாலோயர்களை பெற்றார்": "10 கோடி பேர்", "2.64 கோடி பேரும்", "63 லட்சம் பேரும்"), P4 tjunews.com/2021/07/29
 *   ("70 மில்லியனைத் தாண்டியது", "ஒரு லட்சம் ஃபாலோயர்கள்"), P5 nakkheeran.in …modis-twitter-
 *   followers-decreased… ("43.37 மில்லியன் ஃபாலோவர்ஸ்", "43.1 மில்லியனாக"),
 *   P6 vivegamnews.com …number-of-followers-of-pm-modi-on-x… ("100 மில்லியனை"); the phrases,
 *   with their sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Tamil words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const ta: Locale = {
  language: 'ta',
  englishName: 'Tamil',
  names: 'en',
  // CLDR: ta's default numbering system is latn, its native one tamldec (Tamil decimal digits).
  nativeDigits: 'tamldec',
  platforms: {
    x: 'எக்ஸ் (ட்விட்டர்)', // எக்ஸ் [P2], ட்விட்டர் [P4]
    facebook: 'ஃபேஸ்புக்',
    instagram: 'இன்ஸ்டாகிராம்',
    youtube: 'யூடியூப்',
    telegram: 'டெலிகிராம்',
    mastodon: 'மாஸ்டோடான்',
    bluesky: 'ப்ளூஸ்கை',
    threads: 'த்ரெட்ஸ்',
    linkedin: 'லிங்க்ட்இன்',
    whatsapp: 'வாட்ஸ்அப் சேனல்',
    koo: 'கூ',
    podcast: 'பாட்காஸ்ட்',
  },
  count: {
    about: (figure) => `சுமார் ${figure}`,
    atLeast: (figure) => `குறைந்தது ${figure}`,
    atMost: (figure) => `அதிகபட்சம் ${figure}`,
    between: (low, high) => `${low} முதல் ${high} வரை`,
    aboutWithin: (figure, bounds) => `சுமார் ${figure} (${bounds})`,
    noFigure: 'எண்ணிக்கை இல்லை',
  },
  verdict: {
    consistent: 'பொருந்துகிறது',
    overstated: 'மிகைப்படுத்தப்பட்டது',
    understated: 'குறைத்துக் கூறப்பட்டது',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'நாள்வாரியாகப் பின்தொடர்பவர்கள்',
      week: 'வாரவாரியாகப் பின்தொடர்பவர்கள்',
      month: 'மாதவாரியாகப் பின்தொடர்பவர்கள்',
      quarter: 'காலாண்டுவாரியாகப் பின்தொடர்பவர்கள்',
      'fiscal-year': 'நிதியாண்டுவாரியாகப் பின்தொடர்பவர்கள்',
    },
    period: 'காலம்',
    claim: 'கூற்று',
    computed: 'கணக்கீடு',
    verdict: 'முடிவு',
    claimFor: (unit, asOf) => `${unit}, ${asOf} நிலவரப்படி`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} கணக்குகளிலிருந்து`
        : `${figure(accounts)} கணக்குகளில் ${figure(observed)} கணக்குகளிலிருந்து (மற்றவற்றுக்கு எண்ணிக்கை இல்லை: குறைந்தபட்ச எண்ணிக்கை)`,
    off: (percent) => `${percent} வேறுபாடு`,
  },
  report: {
    unit: 'அலகு',
    total: 'மொத்தம்',
    withFigures: 'எண்ணிக்கை உள்ள கணக்குகள்',
    rank: 'இடம்',
    before: 'முன்பு',
    after: 'பின்பு',
    change: 'மாற்றம்',
    percent: '%',
    compared: 'ஒப்பிட்ட கணக்குகள்',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'அலகு, தளம் வாரியாகப் பின்தொடர்பவர்கள்'
        : `அலகு, தளம் வாரியாகப் பின்தொடர்பவர்கள் (${asOf} நிலவரப்படி)`, // நிலவரப்படி [P1]
    rankingTitle: (measure) => `தரவரிசை: ${measure}`,
    growthTitle: 'அலகு வாரியான வளர்ச்சி',
    missingNote: (accounts) =>
      `எண்ணிக்கை கிடைக்கவில்லை (பூஜ்ஜியமாகக் கணக்கிடப்படவில்லை): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `திட்டமிடப்பட்ட கணக்குகள் (கணக்கிடப்படவில்லை): ${accounts.join(', ')}`,
    precisionNote:
      '"குறைந்தது", "சுமார்" ஆகியவை மூலங்களின் துல்லியத்தைக் காட்டுகின்றன; கணக்குகள் விடுபட்ட மொத்தம் குறைந்தபட்ச எண்ணிக்கை ஆகும்.',
    rankingNote: 'சில அலகுகளின் கணக்குகளுக்கு எண்ணிக்கை இல்லை: அவற்றின் இடம் காட்டியதை விட மேலே இருக்கலாம்.',
    growthNote: 'இரண்டு தேதிகளில் ஒன்றில் மட்டும் காணப்பட்ட கணக்குகள் ஒப்பீட்டில் சேர்க்கப்படவில்லை.',
    places: 'சாத்தியமான இடங்கள்',
    placesNote:
      'சாத்தியமான இடங்கள்: எண்ணிக்கைகளின் வரம்புகளுக்குள் ("குறைந்தது", "சுமார்", எண்ணிக்கை இல்லாத கணக்குகள்) சிறந்த மற்றும் கீழான இடம்; ஒரே எண் என்றால் உறுதியான இடம்.',
    apartNote: (units) => `தரவரிசையில் இல்லை (எண்ணிக்கை உள்ள கணக்குகள் மிகக் குறைவு): ${units.join(', ')}`,
    noFigureNote: (units) => `தரவரிசையில் இல்லை (ஒப்பிட எண்ணிக்கை இல்லை): ${units.join(', ')}`,
    changePercent: 'மாற்றம் (%)',
    sourcesDisagree: (account, sources) =>
      `${account} குறித்து மூலங்களின் எண்ணிக்கைகள் வேறுபடுகின்றன: ${sources.join('; ')}. காட்டப்பட்ட எண்ணிக்கை அனைத்தையும் உள்ளடக்கும்.`,
  },
  events: {
    title: 'அசாதாரண மாற்றங்களும் மைல்கற்களும்',
    date: 'தேதி',
    event: 'நிகழ்வு',
    jump: (percent, from, to) => `${percent} உயர்வு (${from} முதல் ${to} வரை)`,
    drop: (percent, from, to) => `${percent} சரிவு (${from} முதல் ${to} வரை)`,
    zero: (from) => `பூஜ்ஜியத்துக்குச் சரிந்தது (${from} இலிருந்து)`,
    stale: (figure, days, until) => `${days} நாட்களாக ${figure} இல் மாற்றமில்லை (${until} வரை)`,
    milestone: (figure) => `${figure} தாண்டியது`,
    none: 'அசாதாரண மாற்றங்களோ மைல்கற்களோ இல்லை.',
  },
  parse: {
    numbers: [
      [1, 'ஒன்று ஒரு'], // ஒரு [P1], [P4]; ஒன்று [own]
      [2, 'இரண்டு'], // [P1]
      [3, 'மூன்று'], // [own]
      [4, 'நான்கு'], // [own]
      [5, 'ஐந்து'], // [own]
      [6, 'ஆறு'], // [own]
      [7, 'ஏழு'], // [own]
      [8, 'எட்டு'], // [own]
      [9, 'ஒன்பது'], // [own]
      [10, 'பத்து'], // [own]
      [20, 'இருபது'], // [P1]
      [30, 'முப்பது'], // [own]
      [40, 'நாற்பது'], // [own]
      [50, 'ஐம்பது'], // [own]
      [60, 'அறுபது'], // [own]
      [70, 'எழுபது'], // [P1]
      [80, 'எண்பது'], // [own]
      [90, 'தொண்ணூறு'], // [own]
    ],
    multipliers: [
      [100, 'நூறு'], // [own]
      [1_000, 'ஆயிரம் ஆ'], // [CLDR] long, short
      [100_000, 'லட்சம் இலட்சம்'], // லட்சம் [P1], [P3]; இலட்சம் [own]
      [1_000_000, 'மில்லியன் மி'], // [CLDR] long, short; [P1], [P5]
      [10_000_000, 'கோடி'], // [P1], [P3]
      [1_000_000_000, 'பில்லியன் பி'], // [CLDR] long, short
      [1_000_000_000_000, 'டிரில்லியன் டி'], // [CLDR] long, short
    ],
    fractions: [
      [1.5, 'ஒன்றரை'], // [own]
      [2.5, 'இரண்டரை'], // [own]
      [0.5, 'அரை'], // [own]: அரை லட்சம், half a lakh
    ],
    leading: {
      total: 'மொத்தம்', // [own]
      approx: 'சுமார் கிட்டத்தட்ட ஏறக்குறைய ஏறத்தாழ', // சுமார் [P1]; the rest [own]
      lower: 'குறைந்தது குறைந்தபட்சம்', // [own]
      upper: 'அதிகபட்சம்', // [own]
    },
    trailing: {
      // க்கும் அதிகமான [P2]; தாண்டியது (has crossed) [P4]; the rest [own]
      lower: 'க்கும்_அதிகமான க்கும்_மேல் க்கும்_மேற்பட்ட தாண்டியது',
      upper: 'க்கும்_குறைவான க்கும்_கீழ்', // [own]
      among: 'வரை', // [own]
      // பேர், பேரும் (people) [P1], [P3]; ஃபாலோயர்களைப் [P2]; ஃபாலோயர்கள் [P4];
      // ஃபாலோவர்ஸ் [P5]; பின்தொடர்பவர்கள் [own]
      audience: 'பேர் பேரும் ஃபாலோயர்களைப் ஃபாலோயர்கள் ஃபாலோவர்ஸ் பின்தொடர்பவர்கள்',
    },
    rangeWords: 'முதல்', // [own]: 2 முதல் 3 லட்சம் வரை
    inflected: {
      கோடியே: 'கோடி', // [P1]
      லட்சமாக: 'லட்சம்', // [P1]
      மில்லியனாக: 'மில்லியன்', // [P1], [P5]
      கோடியாக: 'கோடி', // [own]
      மில்லியனை: 'மில்லியன்', // [P6]
      மில்லியனைத்: 'மில்லியன்', // [P4]
      மில்லியனுக்கும்: 'மில்லியன் க்கும்', // [P2]
      லட்சத்துக்கும்: 'லட்சம் க்கும்', // [own]
      லட்சத்திற்கும்: 'லட்சம் க்கும்', // [own]
      ஆயிரத்துக்கும்: 'ஆயிரம் க்கும்', // [own]
      கோடிக்கும்: 'கோடி க்கும்', // [own]
    },
  },
};
