import type { Locale } from './locale.js';

/**
 * Marathi (`mr`). Where each word comes from, marked on its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short); test/locales/cldr.test.ts checks every such word against `Intl` (formatCount's own
 *   output must read back).
 * - [P1]–[P7]: published Marathi text where the word is printed in a follower count:
 *   P1 deshdoot.com/big-increase-in-virat-kohlis-twitter-followers ("पाच कोटी फॉलोअर्स"),
 *   P2 esakal.com …virat-kohli-twitter-followers-cross-50-million-mark… ("82 कोटीपेक्षा जास्त जण"),
 *   P3 mitramarathi.com (नरेंद्र मोदींचे ट्विटरवरील फॉलोअर्स 5 कोटींवर),
 *   P4 majhapaper.com/2016/08/26 ("२ कोटी २० लाख फॉलोअर"),
 *   P5 mahasports.co.in/highest-rate-of-fan-followers-on-twitter-in-2017-among-indians
 *   ("३७.५ मिलियन", "फॉलोव्हर्स"),
 *   P6 timemaharashtra.com …/9179 ("५० दशलक्ष फॉलोअर्स"),
 *   P7 hellomaharashtra.in …first-indian-to-reach-50m-followers-on-instagram ("इन्स्टाग्रामवर");
 *   the phrases themselves, with their sources, are in test/locales/phrases.ts.
 * - [own]: our own rendering, not taken from a published source (common Marathi words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const mr: Locale = {
  language: 'mr',
  englishName: 'Marathi',
  names: 'en',
  // CLDR: mr's default and native numbering system is deva (Devanagari digits).
  nativeDigits: 'deva',
  platforms: {
    x: 'एक्स (ट्विटर)', // ट्विटर [P1]
    facebook: 'फेसबुक',
    instagram: 'इन्स्टाग्राम', // [P7]
    youtube: 'युट्यूब', // [P3]
    telegram: 'टेलिग्राम',
    mastodon: 'मास्टोडॉन',
    bluesky: 'ब्लूस्काय',
    threads: 'थ्रेड्स',
    linkedin: 'लिंक्डइन', // [P3]
    whatsapp: 'व्हॉट्सॲप चॅनेल',
    koo: 'कू',
    podcast: 'पॉडकास्ट',
  },
  count: {
    about: (figure) => `सुमारे ${figure}`,
    atLeast: (figure) => `किमान ${figure}`,
    atMost: (figure) => `जास्तीत जास्त ${figure}`,
    between: (low, high) => `${low} ते ${high} दरम्यान`,
    aboutWithin: (figure, bounds) => `सुमारे ${figure} (${bounds})`,
    noFigure: 'आकडा नाही',
  },
  verdict: {
    consistent: 'सुसंगत',
    overstated: 'फुगवलेला',
    understated: 'कमी दाखवलेला',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'दैनिक फॉलोअर्स',
      week: 'साप्ताहिक फॉलोअर्स',
      month: 'मासिक फॉलोअर्स',
      quarter: 'तिमाही फॉलोअर्स',
      'fiscal-year': 'आर्थिक वर्षानुसार फॉलोअर्स',
    },
    period: 'कालावधी',
    claim: 'दावा',
    computed: 'गणना',
    verdict: 'निष्कर्ष',
    claimFor: (unit, asOf) => `${unit}, ${asOf} रोजी`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} खात्यांवरून`
        : `${figure(accounts)} पैकी ${figure(observed)} खात्यांवरून (इतरांचे आकडे नाहीत: किमान संख्या)`,
    off: (percent) => `${percent} फरक`,
  },
  report: {
    unit: 'घटक',
    total: 'एकूण',
    withFigures: 'आकडे असलेली खाती',
    rank: 'क्रमांक',
    before: 'आधी',
    after: 'नंतर',
    change: 'बदल',
    percent: '%',
    compared: 'तुलना केलेली खाती',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'घटक आणि प्लॅटफॉर्मनुसार फॉलोअर्स'
        : `घटक आणि प्लॅटफॉर्मनुसार फॉलोअर्स (${asOf} रोजी)`,
    rankingTitle: (measure) => `क्रमवारी: ${measure}`,
    growthTitle: 'घटकनिहाय वाढ',
    missingNote: (accounts) => `आकडा उपलब्ध नाही (शून्य धरलेला नाही): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `प्रस्तावित खाती (मोजलेली नाहीत): ${accounts.join(', ')}`,
    precisionNote:
      '"किमान" आणि "सुमारे" स्रोतांची अचूकता दाखवतात; ज्या एकूण आकड्यात खाती सुटली आहेत, तो किमान आकडा आहे.',
    rankingNote: 'काही घटकांच्या खात्यांचे आकडे नाहीत: त्यांचे स्थान दाखवलेल्यापेक्षा वर असू शकते.',
    growthNote: 'दोनपैकी एकाच तारखेला दिसलेली खाती तुलनेतून वगळली आहेत.',
    places: 'संभाव्य स्थान',
    placesNote:
      'संभाव्य स्थान: आकड्यांच्या मर्यादांमध्ये ("किमान", "सुमारे", आकडा नसलेली खाती) शक्य असलेले सर्वोत्तम आणि सर्वात खालचे स्थान; एकच संख्या म्हणजे निश्चित स्थान.',
    apartNote: (units) => `क्रमवारीत नाही (आकडे असलेली खाती खूप कमी): ${units.join(', ')}`,
    noFigureNote: (units) => `क्रमवारीत नाही (तुलनेसाठी आकडा नाही): ${units.join(', ')}`,
    changePercent: 'बदल (%)',
    sourcesDisagree: (account, sources) =>
      `${account} बाबत स्रोतांचे आकडे वेगळे आहेत: ${sources.join('; ')}. दाखवलेला आकडा त्या सर्वांना सामावतो.`,
  },
  events: {
    title: 'असामान्य बदल आणि टप्पे',
    date: 'तारीख',
    event: 'घटना',
    jump: (percent, from, to) => `${percent} ची वाढ (${from} ते ${to})`,
    drop: (percent, from, to) => `${percent} ची घट (${from} ते ${to})`,
    zero: (from) => `शून्यावर आला (${from} वरून)`,
    stale: (figure, days, until) => `${days} दिवस ${figure} वर स्थिर (${until} पर्यंत)`,
    milestone: (figure) => `${figure} पार`,
    none: 'कोणतेही असामान्य बदल किंवा टप्पे नाहीत.',
  },
  parse: {
    numbers: [
      [1, 'एक'], // [own]
      [2, 'दोन'], // [own] (the "दोन लाख")
      [3, 'तीन'], // [own]
      [4, 'चार'], // [own]
      [5, 'पाच'], // [P1]
      [6, 'सहा'], // [own]
      [7, 'सात'], // [own]
      [8, 'आठ'], // [own]
      [9, 'नऊ'], // [own]
      [10, 'दहा'], // [own]
    ],
    multipliers: [
      [100, 'शंभर'], // [own]
      [1_000, 'हजार ह'], // [CLDR] long, short
      [100_000, 'लाख'], // [CLDR]
      [1_000_000, 'दशलक्ष'], // [P6] (मिलियन [P5] is read as in Hindi)
      [10_000_000, 'कोटी'], // [CLDR]; करोड [P3] is read as in Hindi
      [1_000_000_000, 'अब्ज'], // [CLDR]
      [100_000_000_000, 'खर्व'], // [CLDR]
      [10_000_000_000_000, 'पद्म'], // [CLDR]
    ],
    fractions: [
      [1.5, 'दीड'], // [own]
      [2.5, 'अडीच'], // [own]
    ],
    // [own]: सव्वा दोन लाख, साडे तीन लाख, पावणे दोन लाख.
    prefixes: { plusQuarter: 'सव्वा', plusHalf: 'साडे', minusQuarter: 'पावणे' },
    leading: {
      total: 'एकूण', // [own]
      approx: 'सुमारे जवळपास जवळापास अंदाजे', // सुमारे, अंदाजे [own]; जवळपास, जवळापास [P2]
      lower: 'किमान', // [own]
      upper: 'जास्तीत_जास्त कमाल', // [own]
    },
    trailing: {
      lower: 'पेक्षा_जास्त पेक्षा_अधिक हून_अधिक हून_जास्त', // पेक्षा जास्त [P2]; the rest [own]
      upper: 'पेक्षा_कमी हून_कमी', // [own]
      among: 'दरम्यान', // [own]
      // फॉलोअर्सही [P1], फॉलोव्हर्स [P5], जण [P2]; फॉलोअर्स and फॉलोअर are read as in Hindi.
      audience: 'फॉलोअर्सही फॉलोव्हर्स जण',
    },
    rangeWords: 'ते', // [own]: 2 ते 3 लाख
    inflected: {
      कोटीपेक्षा: 'कोटी पेक्षा', // [P2]
      कोटींवर: 'कोटी पेक्षा जास्त', // [P3]: "5 कोटींवर", over 5 crore
      लाखांवर: 'लाख पेक्षा जास्त', // [own], as [P3]
      लाखांपेक्षा: 'लाख पेक्षा', // [own]
      हजारांपेक्षा: 'हजार पेक्षा', // [own]
      लाखांहून: 'लाख हून', // [own]
      हजारांहून: 'हजार हून', // [own]
      कोटींहून: 'कोटी हून', // [own]
    },
  },
};
