import type { Locale } from './locale.js';

/** Hindi (`hi`). */
export const hi: Locale = {
  language: 'hi',
  englishName: 'Hindi',
  names: 'hi',
  // CLDR: native numbering system of `hi`.
  nativeDigits: 'deva',
  // The platform catalog's names (src/model/platform.ts), unchanged.
  platforms: {
    x: 'एक्स (ट्विटर)',
    facebook: 'फेसबुक',
    instagram: 'इंस्टाग्राम',
    youtube: 'यूट्यूब',
    telegram: 'टेलीग्राम',
    mastodon: 'मास्टोडॉन',
    bluesky: 'ब्लूस्काई',
    threads: 'थ्रेड्स',
    linkedin: 'लिंक्डइन',
    whatsapp: 'व्हाट्सऐप चैनल',
    koo: 'कू',
    podcast: 'पॉडकास्ट',
  },
  count: {
    about: (figure) => `लगभग ${figure}`,
    atLeast: (figure) => `${figure} से अधिक`,
    atMost: (figure) => `अधिकतम ${figure}`,
    between: (low, high) => `${low} से ${high} के बीच`,
    aboutWithin: (figure, bounds) => `लगभग ${figure} (${bounds})`,
    noFigure: 'आँकड़ा नहीं',
  },
  verdict: {
    consistent: 'सही',
    overstated: 'बढ़ा-चढ़ाकर',
    understated: 'कम करके',
  },
  // The command's own tables (`social-reach series`, `check`), as the command wrote them before.
  command: {
    seriesTitle: {
      day: 'दैनिक फ़ॉलोअर्स',
      week: 'साप्ताहिक फ़ॉलोअर्स',
      month: 'मासिक फ़ॉलोअर्स',
      quarter: 'तिमाही फ़ॉलोअर्स',
      'fiscal-year': 'वित्त वर्ष के फ़ॉलोअर्स',
    },
    period: 'अवधि',
    claim: 'दावा',
    computed: 'गणना',
    verdict: 'निष्कर्ष',
    claimFor: (unit, asOf) => `${unit}, ${asOf} तक`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} खातों से`
        : `${figure(accounts)} में से ${figure(observed)} खातों से (बाकी के आँकड़े नहीं: न्यूनतम संख्या)`,
    off: (percent) => `${percent} का अंतर`,
  },
  report: {
    unit: 'इकाई',
    total: 'कुल',
    withFigures: 'आँकड़े वाले खाते',
    rank: 'स्थान',
    before: 'पहले',
    after: 'बाद में',
    change: 'बदलाव',
    percent: '%',
    compared: 'तुलना किए गए खाते',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'इकाई और प्लेटफ़ॉर्म के अनुसार फ़ॉलोअर्स'
        : `इकाई और प्लेटफ़ॉर्म के अनुसार फ़ॉलोअर्स (दिनांक ${asOf})`,
    rankingTitle: (measure) => `क्रम: ${measure}`,
    growthTitle: 'इकाई के अनुसार वृद्धि',
    missingNote: (accounts) => `आँकड़ा उपलब्ध नहीं (शून्य नहीं माना गया): ${accounts.join(', ')}`,
    plannedNote: (accounts) => `प्रस्तावित खाते (गिने नहीं गए): ${accounts.join(', ')}`,
    precisionNote: '"से अधिक" और "लगभग" स्रोतों की सटीकता दर्शाते हैं; जिन कुल में खाते छूटे हैं, वे न्यूनतम संख्या हैं।',
    rankingNote: 'कुछ इकाइयों के खातों के आँकड़े नहीं हैं: उनका स्थान दिखाए गए से ऊपर हो सकता है।',
    growthNote: 'जिन खातों का आँकड़ा केवल एक ही तारीख़ का है, वे तुलना में शामिल नहीं हैं।',
    places: 'संभावित स्थान',
    placesNote:
      'संभावित स्थान: आँकड़ों की सीमाओं ("से अधिक", "लगभग", बिना आँकड़े वाले खाते) के भीतर सबसे अच्छा और सबसे खराब स्थान; एक ही संख्या हो तो स्थान निश्चित है।',
    apartNote: (units) => `क्रम में नहीं (आँकड़े वाले खाते बहुत कम): ${units.join(', ')}`,
    noFigureNote: (units) => `क्रम में नहीं (तुलना के लिए आँकड़ा नहीं): ${units.join(', ')}`,
    changePercent: 'बदलाव (%)',
    sourcesDisagree: (account, sources) =>
      `${account} पर स्रोतों के आँकड़े अलग हैं: ${sources.join('; ')}। दिखाया गया आँकड़ा सभी को समेटता है।`,
  },
  events: {
    title: 'असामान्य बदलाव और पड़ाव',
    date: 'दिनांक',
    event: 'घटना',
    jump: (percent, from, to) => `${percent} की उछाल (${from} से ${to})`,
    drop: (percent, from, to) => `${percent} की गिरावट (${from} से ${to})`,
    zero: (from) => `शून्य पर आ गया (${from} से)`,
    stale: (figure, days, until) => `${days} दिन से ${figure} पर स्थिर (${until} तक)`,
    milestone: (figure) => `${figure} पार`,
    none: 'कोई असामान्य बदलाव या पड़ाव नहीं।',
  },
};
