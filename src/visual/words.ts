/**
 * The words of `social-reach/reports` (the HTML page, its charts and the Excel workbook): English
 * and Hindi here, the eleven other languages of src/locales in src/visual/words/<lang>.ts (our own
 * renderings, each file says so). They live apart from src/locales so that the main entry, which
 * never draws a page, does not carry them. Internal.
 *
 * @module
 */

import { byLanguage } from '../locales/languages.js';
import type { VisualWords } from './visual-words.js';
import { as } from './words/as.js';
import { bn } from './words/bn.js';
import { gu } from './words/gu.js';
import { kn } from './words/kn.js';
import { ml } from './words/ml.js';
import { mr } from './words/mr.js';
import { or } from './words/or.js';
import { pa } from './words/pa.js';
import { ta } from './words/ta.js';
import { te } from './words/te.js';
import { ur } from './words/ur.js';

export type { VisualWords } from './visual-words.js';

const en: VisualWords = {
  pageTitle: (unit) => `Social-media reach: ${unit}`,
  asOf: (date) => `Figures as of ${date}`,
  headline: (unit) => `Followers of ${unit}`,
  headlineCoverage: (observed, accounts, platforms) =>
    `${observed} of ${accounts} ${accounts === 1 ? 'account' : 'accounts'} with a figure, on ${platforms} ${platforms === 1 ? 'platform' : 'platforms'}`,
  headlineMissing:
    'Accounts without a figure are not counted as zero: the true total is at least this figure.',
  sections: {
    totals: 'By unit and platform',
    ranking: 'Ranking',
    growth: 'Growth',
    series: 'Followers over time',
    shares: 'Platform shares',
    coverage: 'Coverage: accounts without a figure',
    claims: 'Claims checked',
  },
  growthPeriod: (from, to) => `From ${from} to ${to}, accounts observed on both dates`,
  precision: {
    exact: 'exact',
    'at-least': 'at least',
    'at-most': 'at most',
    range: 'range',
    approximate: 'about',
  },
  reasons: {
    'no-provider': 'no provider',
    'not-found': 'not found',
    suspended: 'suspended',
    hidden: 'hidden',
    unauthorized: 'unauthorized',
    'rate-limited': 'rate-limited',
    'invalid-response': 'invalid response',
    network: 'network error',
    'provider-error': 'provider error',
    aborted: 'aborted',
    none: 'no snapshot',
  },
  columns: {
    account: 'Account',
    platform: 'Platform',
    handle: 'Handle',
    reason: 'Reason',
    details: 'Details',
    claim: 'Claim',
    asWritten: 'As written',
    readAs: 'Read as',
    computed: 'Computed',
    verdict: 'Verdict',
    ratio: 'Claimed / computed',
    period: 'Period',
    periodStart: 'Period start',
    places: 'Possible places',
    bestPlace: 'Best possible place',
    worstPlace: 'Worst possible place',
    unitId: 'Unit id',
    kind: 'Kind',
    parent: 'Parent',
    accountId: 'Account id',
    value: 'Followers',
    min: 'Minimum',
    max: 'Maximum',
    precision: 'Precision',
    accounts: 'Accounts',
    observed: 'With figures',
    missing: 'Without figures',
    fresh: 'Fresh',
    carried: 'Carried forward',
    changeMin: 'Change (min)',
    changeMax: 'Change (max)',
    followers: 'Followers',
    share: 'Share',
    onlyBefore: 'Only before',
    onlyAfter: 'Only after',
  },
  allCovered: (accounts) =>
    `All ${accounts} active ${accounts === 1 ? 'account' : 'accounts'} shown had a figure.`,
  someMissing: (missing, accounts) =>
    `${missing} of ${accounts} active accounts had no figure; they are not counted as zero.`,
  olderFigure: 'failed in this collection; an earlier figure was counted',
  claimsNote: '"Claimed / computed" above 100% means the claim is higher than the arithmetic.',
  chartFigures: 'Figures of this chart',
  charts: {
    seriesTitle: 'Followers over time',
    seriesDescription: (units, from, to, points) =>
      `Line chart of the followers of ${units.join(', ')}, from ${from} to ${to}: ${points} points, one per unit and period with a figure.`,
    rankingTitle: (measure) => `Ranking: ${measure}`,
    rankingDescription: (bars) =>
      `Bar chart of ${bars} units by followers, highest first. A whisker spans a figure's range; a triangle marks a lower bound ("at least").`,
    sharesTitle: 'Platform shares per unit',
    sharesDescription: (units) =>
      `Stacked bars for ${units} units: each platform's share of the unit's followers.`,
    date: 'Date',
    share: 'Share of followers',
  },
  sheets: {
    totals: 'Totals',
    ranking: 'Ranking',
    growth: 'Growth',
    series: 'Series',
    coverage: 'Coverage',
    claims: 'Claims',
  },
  madeWith: 'Made with social-reach. A missing figure is never counted as zero.',
};

const hi: VisualWords = {
  pageTitle: (unit) => `सोशल मीडिया पहुँच: ${unit}`,
  asOf: (date) => `दिनांक ${date} के आँकड़े`,
  headline: (unit) => `${unit} के फ़ॉलोअर्स`,
  headlineCoverage: (observed, accounts, platforms) =>
    `${accounts} में से ${observed} खातों के आँकड़े, ${platforms} प्लेटफ़ॉर्म पर`,
  headlineMissing: 'जिन खातों के आँकड़े नहीं मिले, उन्हें शून्य नहीं माना गया: वास्तविक कुल इस आँकड़े से कम नहीं है।',
  sections: {
    totals: 'इकाई और प्लेटफ़ॉर्म के अनुसार',
    ranking: 'क्रम',
    growth: 'वृद्धि',
    series: 'समय के साथ फ़ॉलोअर्स',
    shares: 'प्लेटफ़ॉर्म का हिस्सा',
    coverage: 'कवरेज: बिना आँकड़े वाले खाते',
    claims: 'दावों की जाँच',
  },
  growthPeriod: (from, to) => `${from} से ${to} तक, दोनों तारीख़ों पर देखे गए खाते`,
  precision: {
    exact: 'सटीक',
    'at-least': 'से अधिक',
    'at-most': 'अधिकतम',
    range: 'सीमा',
    approximate: 'लगभग',
  },
  reasons: {
    'no-provider': 'प्रदाता नहीं',
    'not-found': 'नहीं मिला',
    suspended: 'निलंबित',
    hidden: 'छिपा हुआ',
    unauthorized: 'अनधिकृत',
    'rate-limited': 'दर सीमा पार',
    'invalid-response': 'अमान्य उत्तर',
    network: 'नेटवर्क त्रुटि',
    'provider-error': 'प्रदाता त्रुटि',
    aborted: 'रोका गया',
    none: 'कोई स्नैपशॉट नहीं',
  },
  columns: {
    account: 'खाता',
    platform: 'प्लेटफ़ॉर्म',
    handle: 'हैंडल',
    reason: 'कारण',
    details: 'विवरण',
    claim: 'दावा',
    asWritten: 'जैसा लिखा',
    readAs: 'अर्थ',
    computed: 'गणना',
    verdict: 'निष्कर्ष',
    ratio: 'दावा / गणना',
    period: 'अवधि',
    periodStart: 'अवधि का आरंभ',
    places: 'संभावित स्थान',
    bestPlace: 'सबसे ऊँचा संभावित स्थान',
    worstPlace: 'सबसे नीचा संभावित स्थान',
    unitId: 'इकाई आईडी',
    kind: 'प्रकार',
    parent: 'मूल इकाई',
    accountId: 'खाता आईडी',
    value: 'फ़ॉलोअर्स',
    min: 'न्यूनतम',
    max: 'अधिकतम',
    precision: 'सटीकता',
    accounts: 'खाते',
    observed: 'आँकड़े वाले खाते',
    missing: 'बिना आँकड़े',
    fresh: 'नए',
    carried: 'पिछले से लिए गए',
    changeMin: 'बदलाव (न्यूनतम)',
    changeMax: 'बदलाव (अधिकतम)',
    followers: 'फ़ॉलोअर्स',
    share: 'हिस्सा',
    onlyBefore: 'केवल पहले',
    onlyAfter: 'केवल बाद में',
  },
  allCovered: (accounts) => `दिखाए गए सभी ${accounts} सक्रिय खातों के आँकड़े मिले।`,
  someMissing: (missing, accounts) =>
    `${accounts} में से ${missing} सक्रिय खातों के आँकड़े नहीं मिले; उन्हें शून्य नहीं माना गया।`,
  olderFigure: 'इस बार संग्रह विफल; पिछला आँकड़ा गिना गया',
  claimsNote: '"दावा / गणना" 100% से अधिक हो तो दावा गणना से ज़्यादा है।',
  chartFigures: 'इस चार्ट के आँकड़े',
  charts: {
    seriesTitle: 'समय के साथ फ़ॉलोअर्स',
    seriesDescription: (units, from, to, points) =>
      `${units.join(', ')} के फ़ॉलोअर्स का रेखा चार्ट, ${from} से ${to} तक: ${points} बिंदु, हर इकाई और अवधि का एक।`,
    rankingTitle: (measure) => `क्रम: ${measure}`,
    rankingDescription: (bars) =>
      `${bars} इकाइयों का फ़ॉलोअर्स के अनुसार बार चार्ट, सबसे अधिक पहले। रेखा आँकड़े की सीमा दिखाती है; त्रिकोण न्यूनतम आँकड़ा ("से अधिक") दर्शाता है।`,
    sharesTitle: 'हर इकाई में प्लेटफ़ॉर्म का हिस्सा',
    sharesDescription: (units) =>
      `${units} इकाइयों के स्टैक्ड बार: इकाई के फ़ॉलोअर्स में हर प्लेटफ़ॉर्म का हिस्सा।`,
    date: 'तारीख़',
    share: 'फ़ॉलोअर्स का हिस्सा',
  },
  sheets: {
    totals: 'कुल',
    ranking: 'क्रम',
    growth: 'वृद्धि',
    series: 'समय-क्रम',
    coverage: 'कवरेज',
    claims: 'दावे',
  },
  madeWith: 'social-reach से बनाया गया। अनुपलब्ध आँकड़े को कभी शून्य नहीं माना जाता।',
};

/** The visual words by language subtag: one entry for each of the languages (LANGUAGES). */
const BY_LANGUAGE: Readonly<Record<string, VisualWords>> = byLanguage<VisualWords>({
  en,
  hi,
  mr,
  gu,
  bn,
  pa,
  or,
  ta,
  te,
  kn,
  ml,
  ur,
  as,
});

/** The visual words of a locale's language (English for one without its own). */
export function visualWordsFor(language: string): VisualWords {
  return Object.hasOwn(BY_LANGUAGE, language) ? BY_LANGUAGE[language]! : en;
}
