import type { Locale } from './locale.js';

/**
 * Urdu (`ur`), written right to left: its words carry no bidi embeddings or isolates (the reports
 * strip those), lists are joined with the Arabic comma `،`. Where each word comes from, marked on
 * its entry:
 * - [CLDR]: CLDR 48 as Node 20.20's ICU 78.2 prints it (`Intl.NumberFormat`, compact long and
 *   short, the same words); test/locales/cldr.test.ts checks every such word against `Intl`.
 *   CLDR's Urdu in India (`ur-IN`) writes Extended Arabic-Indic digits (۲٬۰۳٬۵۰۰) by default and
 *   Western grouping; `digits: 'latin'` gives 20,350,012.
 * - [P1]–[P6]: published Urdu text where the word is printed in a follower count:
 *   P1 dailyqaim.com/pakistan/65072.html ("95 لاکھ 30 ہزار", "32 لاکھ 70 ہزار سے تجاوز"),
 *   P2 yesurdu.com/prime-ministers-visit-to-the-united-states-increases-in-twitter-followers.html
 *   ("ایک کروڑ 40 لاکھ فالوورز", "9.6 ملین"), P3 humnews.pk/latest/150554 ("پانچ کروڑ 95 لاکھ
 *   سے زائد", "ایک کروڑ 79 لاکھ فالورز"), P4 powerpolitics.pk/archives/7000 ("13 کروڑ 30 لاکھ سے
 *   زیادہ"), P5 javedch.com/?p=181387 ("تین کروڑ سے زیادہ", "ڈھائی کروڑ", "دو کروڑ 20 لاکھ سے
 *   تجاوز"), P6 urdu.siasat.com …20 کروڑ فالوورز… ("20 کروڑ فالوؤر", "36 کروڑ سے زائد");
 *   the phrases, with their sources, are in test/locales/phrases.ts. These are Pakistani and
 *   Hyderabad papers; Urdu's number words are the same in India.
 * - [own]: our own rendering, not taken from a published source (common Urdu words, to be
 *   reviewed by a native speaker). Every report label, precision word, verdict and platform name
 *   below is [own] unless marked.
 */
export const ur: Locale = {
  language: 'ur',
  englishName: 'Urdu',
  names: 'en',
  // CLDR: ur-IN's default and native numbering system is arabext (Extended Arabic-Indic digits).
  nativeDigits: 'arabext',
  platforms: {
    x: 'ایکس (ٹوئٹر)', // ٹوئٹر [P1]
    facebook: 'فیس بک', // [P5]
    instagram: 'انسٹاگرام', // [P6]
    youtube: 'یوٹیوب',
    telegram: 'ٹیلی گرام',
    mastodon: 'ماسٹوڈون',
    bluesky: 'بلو اسکائی',
    threads: 'تھریڈز',
    linkedin: 'لنکڈ ان',
    whatsapp: 'واٹس ایپ چینل', // واٹس ایپ [P5]
    koo: 'کو',
    podcast: 'پوڈکاسٹ',
  },
  count: {
    about: (figure) => `تقریباً ${figure}`,
    atLeast: (figure) => `کم از کم ${figure}`,
    atMost: (figure) => `زیادہ سے زیادہ ${figure}`,
    between: (low, high) => `${low} سے ${high} کے درمیان`,
    aboutWithin: (figure, bounds) => `تقریباً ${figure} (${bounds})`,
    noFigure: 'کوئی عدد نہیں',
  },
  verdict: {
    consistent: 'درست',
    overstated: 'بڑھا چڑھا کر',
    understated: 'گھٹا کر',
  },
  // The command's own tables (`social-reach series`, `check`): [own], like the report labels.
  command: {
    seriesTitle: {
      day: 'روزانہ فالوورز',
      week: 'ہفتہ وار فالوورز',
      month: 'ماہانہ فالوورز',
      quarter: 'سہ ماہی فالوورز',
      'fiscal-year': 'مالی سال کے لحاظ سے فالوورز',
    },
    period: 'مدت',
    claim: 'دعویٰ',
    computed: 'حساب',
    verdict: 'نتیجہ',
    claimFor: (unit, asOf) => `${unit}، ${asOf} تک`,
    fromAccounts: (observed, accounts, figure) =>
      observed === accounts
        ? `${figure(accounts)} اکاؤنٹس سے`
        : `${figure(accounts)} میں سے ${figure(observed)} اکاؤنٹس سے (باقی کے اعداد نہیں: کم از کم تعداد)`,
    off: (percent) => `${percent} فرق`,
  },
  report: {
    unit: 'اکائی',
    total: 'کل',
    withFigures: 'اعداد والے اکاؤنٹ',
    rank: 'درجہ',
    before: 'پہلے',
    after: 'بعد میں',
    change: 'تبدیلی',
    percent: '%',
    compared: 'موازنہ کیے گئے اکاؤنٹ',
    totalsTitle: (asOf) =>
      asOf === undefined
        ? 'اکائی اور پلیٹ فارم کے لحاظ سے فالوورز'
        : `اکائی اور پلیٹ فارم کے لحاظ سے فالوورز (${asOf} تک)`,
    rankingTitle: (measure) => `درجہ بندی: ${measure}`,
    growthTitle: 'اکائی کے لحاظ سے اضافہ',
    missingNote: (accounts) => `عدد دستیاب نہیں (صفر نہیں مانا گیا): ${accounts.join('، ')}`,
    plannedNote: (accounts) => `مجوزہ اکاؤنٹ (شمار نہیں کیے گئے): ${accounts.join('، ')}`,
    precisionNote:
      '"کم از کم" اور "تقریباً" ذرائع کی درستی بتاتے ہیں؛ جس کل میں اکاؤنٹ چھوٹے ہوں، وہ کم سے کم عدد ہے۔',
    rankingNote:
      'کچھ اکائیوں کے اکاؤنٹس کے اعداد نہیں ہیں: ان کا درجہ دکھائے گئے سے اوپر ہو سکتا ہے۔',
    growthNote: 'جو اکاؤنٹ دونوں میں سے صرف ایک تاریخ کو دیکھے گئے، وہ موازنے میں شامل نہیں۔',
    places: 'ممکنہ درجے',
    placesNote:
      'ممکنہ درجے: اعداد کی حدود ("کم از کم"، "تقریباً"، بغیر اعداد کے اکاؤنٹ) کے اندر بہترین اور نچلا درجہ؛ ایک ہی عدد ہو تو درجہ یقینی ہے۔',
    apartNote: (units) => `درجہ بندی میں نہیں (اعداد والے اکاؤنٹ بہت کم): ${units.join('، ')}`,
    noFigureNote: (units) => `درجہ بندی میں نہیں (موازنے کے لیے عدد نہیں): ${units.join('، ')}`,
    changePercent: 'تبدیلی (%)',
    sourcesDisagree: (account, sources) =>
      `${account} کے بارے میں ذرائع کے اعداد مختلف ہیں: ${sources.join('; ')}۔ دکھایا گیا عدد ان سب کو سمیٹتا ہے۔`,
  },
  events: {
    title: 'غیر معمولی تبدیلیاں اور سنگ میل',
    date: 'تاریخ',
    event: 'واقعہ',
    jump: (percent, from, to) => `${percent} کا اضافہ (${from} سے ${to})`,
    drop: (percent, from, to) => `${percent} کی کمی (${from} سے ${to})`,
    zero: (from) => `صفر پر آ گیا (${from} سے)`,
    stale: (figure, days, until) => `${days} دن سے ${figure} پر ساکن (${until} تک)`,
    milestone: (figure) => `${figure} سے تجاوز`,
    none: 'کوئی غیر معمولی تبدیلی یا سنگ میل نہیں۔',
  },
  parse: {
    numbers: [
      [1, 'ایک'], // [P2], [P3]
      [2, 'دو'], // [P5]
      [3, 'تین'], // [P5]
      [4, 'چار'], // [P3]
      [5, 'پانچ'], // [P3]
      [6, 'چھ'], // [own]
      [7, 'سات'], // [own]
      [8, 'آٹھ'], // [own]
      [9, 'نو'], // [own]
      [10, 'دس'], // [own]
      [11, 'گیارہ'], // [P3]
      [96, 'چھیانوے'], // [P3]
    ],
    multipliers: [
      [100, 'سو'], // [own]
      [1_000, 'ہزار'], // [CLDR]; [P1]
      [100_000, 'لاکھ'], // [CLDR]; [P1]
      [1_000_000, 'ملین'], // [P2]
      [10_000_000, 'کروڑ'], // [CLDR]; [P2]
      [1_000_000_000, 'ارب'], // [CLDR]
      [100_000_000_000, 'کھرب'], // [CLDR]
      [1_000_000_000_000, 'ٹریلین'], // [CLDR]
    ],
    fractions: [
      [1.5, 'ڈیڑھ'], // [own]
      [2.5, 'ڈھائی'], // [P5]
    ],
    // [own]: سوا لاکھ، ساڑھے تین لاکھ، پونے دو لاکھ.
    prefixes: { plusQuarter: 'سوا', plusHalf: 'ساڑھے', minusQuarter: 'پونے' },
    leading: {
      total: 'کل', // [own]
      approx: 'تقریباً لگ_بھگ قریب', // [own]
      lower: 'کم_از_کم', // [own]
      upper: 'زیادہ_سے_زیادہ', // [own]
    },
    trailing: {
      // سے زائد [P3], [P6]; سے زیادہ [P4], [P5]; سے تجاوز (exceeded) [P1], [P5]; the rest [own]
      lower: 'سے_زائد سے_زیادہ سے_تجاوز سے_بھی_زیادہ سے_اوپر',
      upper: 'سے_کم', // [own]
      among: 'کے_درمیان', // [own]
      // فالوورز [P1]; فالورز [P3]; فالوؤر [P6] (read as فالوور); فالوور [own]
      audience: 'فالوورز فالورز فالوؤر فالوور',
    },
    rangeWords: 'سے', // [own]: 2 سے 3 لاکھ
  },
};
