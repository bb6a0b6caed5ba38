/**
 * Follower counts (and, for Assamese, other counts) as newspapers in each language print them,
 * copied from the stored public pages named with each phrase (found with the search tool's
 * "pages" corpus, December 2026), with the count each one means. Issue #17: at least ten per
 * language. A phrase is the figure with the words around it that qualify it; words that only
 * tell the story ("has", "on Twitter") are left out.
 */
import type { Count } from '../../src/model/count.js';

const exact = (value: number): Count => ({ value, min: value, max: value });
const over = (value: number): Count => ({ value, min: value, max: null });
const about = (value: number): Count => ({ value, min: null, max: null });

export interface PublishedPhrase {
  readonly phrase: string;
  readonly count: Count;
  readonly source: string;
}

const DESHDOOT = 'https://deshdoot.com/big-increase-in-virat-kohlis-twitter-followers/';
const ESAKAL =
  'https://esakal.com/amp/krida/virat-kohli-twitter-followers-cross-50-million-mark-became-indias-third-most-followed-account-aas86';
const MITRAMARATHI = 'http://mitramarathi.com/ (नरेंद्र मोदींचे ट्विटरवरील फॉलोअर्स 5 कोटींवर)';
const MAJHAPAPER = 'https://www.majhapaper.com/2016/08/26/ (ट्विटरवर मोदींनी बिग बीला पिछाडीवर टाकले)';
const MAHASPORTS =
  'https://mahasports.co.in/highest-rate-of-fan-followers-on-twitter-in-2017-among-indians/';
const TIMEMAHARASHTRA =
  'https://timemaharashtra.com/sports/virat-kohli-is-the-third-most-followed-twitter-account-in-india/9179/amp';

const GUJARATIMIDDAY =
  'https://gujaratimidday.com/entertainment-news/bollywood-news/article/shraddha-kapoor-surpasses-pm-narendra-modi-to-become-the-3rd-most-followed-celebrity-on-instagram-226031';
const SUNMARG = 'http://www.sunmarg.in/amitabh-bachchan-twitter-followers-number-crossed/';
const GUJARATMIRROR =
  'https://m.gujaratmirror.in/article/national/virat-kohli-has-the-most-instagram-followers-in-india/119011/amp';

const PROJUKTIBUZZ_1 = 'https://www.projuktibuzz.com/2022/06/blog-post_23.html';
const PROJUKTIBUZZ_2 = 'https://www.projuktibuzz.com/2022/07/blog-post_14.html';
const PROPERNEWSBD = 'http://propernewsbd.com/archives/1886';
const AMADERKHABOR = 'https://amaderkhabor.com/?p=16397';
const ZEENEWS_BN =
  'https://zeenews.india.com/bengali/nation/pm-modis-instagram-crosses-30-million-followers-mark_281471.html';
const SAMBADSAMAKAL =
  'https://www.sambadsamakal.com/2024/07/13/assam-flood-situation-today-update/';
const TECHGUP =
  'https://techgup.com/news/top-stories/virat-kohli-to-modi-top-10-most-instagram-followers-account/394247';
const SURMAMAIL = 'https://www.surmamail.com/ (২০ লাখ অনুসারী নুসরাত ফারিয়ার)';
const BISWASAMACHAR = 'https://biswasamachar.in/2022/07/02/ (অসমে মৃত বেড়ে ১৭৩)';

const ABP_PA_1 =
  'https://punjabi.abplive.com/news/india/not-pm-modi-virat-and-sachins-followers-up-on-twitter-at-the-fastest-rate-328670/amp';
const ABP_PA_2 =
  'https://punjabi.abplive.com/india/most-followed-indian-leaders-on-twitter-333806/amp';

const PRAMEYA =
  'https://www.prameya.com/cricketers-with-most-subscribers-on-youtube-channel-and-instagram-followers';
const PRAMEYANEWS7 =
  'https://www.prameyanews7.com/sc-alert-on-corona-outbreak-in-country-issued-notification';
const INDEPENDENCE = 'https://theindependence.in/photo-on-PMs-facebook-breaks-records';

const EELAMURASU = 'https://eelamurasu.com.au/?p=1588';
const THISAIGAL = 'https://www.thisaigalnews.com/news/world-news/740408';
const DAILYNEWSTAMIL = 'https://dailynewstamil.com/ (10 கோடி ஃபாலோயர்களை பெற்றார் பிரதமர் மோடி)';
const TJUNEWS = 'https://tjunews.com/2021/07/29/ (70 மில்லியனைத் தாண்டியது ஃபாலோயர்களின் எண்ணிக்கை)';
const NAKKHEERAN =
  'https://www.nakkheeran.in/24-by-7-news/india/modis-twitter-followers-decreased-due-twitter/amp';
const VIVEGAM =
  'https://vivegamnews.com/india_news/the-number-of-followers-of-pm-modi-on-x-website-has-increased-to-10-crores/';

const AP7AM = 'https://www.ap7am.com/tn/483997/telugu.html';
const SMTV = 'http://smtv24x7.com/telugu-news-3536-.html';
const NIJAMTODAY = 'https://nijamtoday.com/2021/07/29/modi-twitter-followers-70-millions/';

const KANNADADUNIA = 'https://kannadadunia.com/?p=877456';
const KANNADAPRABHA =
  'https://www.kannadaprabha.com/amp/story/nation/2016/Aug/25/modi-pips-big-b-to-become-most-followed-indian-on-twitter-279968.html';
const SAMARASASUDHI = 'https://samarasasudhi.com/2024/07/x-100-10.html';

const ASIANET = 'https://www.asianetnews.com/entertainment/mohanlal-twitter-followers';
const MANORAMA =
  'https://www.manoramaonline.com/news/latest-news/2020/07/19/pm-narendra-modi-crosses-6-crore-followers-on-twitter.html';
const SATHYAM =
  'https://www.sathyamonline.com/pm-narendra-modi-crosses-6-crore-followers-on-twitter';
const EASTCOAST =
  'https://eastcoastdaily.com/2023/04/10/elon-musk-starts-following-pm-narendra-modi-on-twitter.html/amp';
const MADHYAMAM =
  'https://madhyamam.com/amp/sports/sports-news/cricket/instagram-followers-virat-kohli-priyanka-chopra-cristiano-ronaldo-india';
const EXPRESSKERALA =
  'https://expresskerala.com/news/shraddha-kapoor-surpasses-modi-in-the-number-of-fans.html';

const DAILYQAIM = 'https://dailyqaim.com/pakistan/65072.html';
const YESURDU =
  'https://www.yesurdu.com/prime-ministers-visit-to-the-united-states-increases-in-twitter-followers.html';
const HUMNEWS = 'https://humnews.pk/latest/150554/';
const POWERPOLITICS = 'https://powerpolitics.pk/archives/7000';
const JAVEDCH = 'https://javedch.com/?p=181387';
const SIASAT = 'https://urdu.siasat.com/news/ (انسٹاگرام پر آریانا کے 20 کروڑ فالوورز) 1242347';

const ETV_AS_1 =
  'https://www.etvbharat.com/as/bharat/pm-modi-becomes-first-world-leader-to-cross-100-million-followers-on-instagram-assam-news-ass26022600642';
const ETV_AS_2 =
  'https://www.etvbharat.com/as/state/another-record-of-the-assam-government-before-the-elections-to-spend-rs-3600-crore-at-the-same-time-assam-news-ass26030802026';
const ENEWS24 = 'https://enews24ghanta.blogspot.com/2016/07/blog-post_685.html';
const ASOMIYAPRATIDIN = 'https://www.asomiyapratidin.in/assam/assam-villegers-protest';

/** At least ten phrases per language, by language subtag. */
export const PUBLISHED_PHRASES: Readonly<Record<string, readonly PublishedPhrase[]>> = {
  mr: [
    { phrase: 'पाच कोटी फॉलोअर्स', count: exact(50_000_000), source: DESHDOOT },
    { phrase: '२०० मिलियन फॉलोअर्सही', count: exact(200_000_000), source: DESHDOOT },
    { phrase: '50.5 मिलियन फॉलोअर्स', count: exact(50_500_000), source: ESAKAL },
    { phrase: 'जवळापास 82 कोटीपेक्षा जास्त जण', count: about(820_000_000), source: ESAKAL },
    { phrase: '5 कोटींवर', count: over(50_000_000), source: MITRAMARATHI },
    { phrase: '5 करोड', count: exact(50_000_000), source: MITRAMARATHI },
    { phrase: '10.8 करोड फॉलोअर्स', count: exact(108_000_000), source: MITRAMARATHI },
    { phrase: '२ कोटी २० लाख फॉलोअर', count: exact(22_000_000), source: MAJHAPAPER },
    { phrase: '६.२१ लाख', count: exact(621_000), source: MAJHAPAPER },
    { phrase: '७ कोटी ६९ लाख', count: exact(76_900_000), source: MAJHAPAPER },
    { phrase: '३७.५ मिलियन', count: exact(37_500_000), source: MAHASPORTS },
    { phrase: '५० दशलक्ष फॉलोअर्स', count: exact(50_000_000), source: TIMEMAHARASHTRA },
  ],
  gu: [
    { phrase: '૯ કરોડ ૧૬ લાખ ફૉલોઅર્સ', count: exact(91_600_000), source: GUJARATIMIDDAY },
    { phrase: '૨૭ કરોડ ૧૦ લાખ ફૉલોઅર્સ', count: exact(271_000_000), source: GUJARATIMIDDAY },
    { phrase: '૯ કરોડ ૧૮ લાખ ફૉલોઅર્સ', count: exact(91_800_000), source: GUJARATIMIDDAY },
    { phrase: '૯ કરોડ ૧૩ લાખ ફૉલોઅર્સ', count: exact(91_300_000), source: GUJARATIMIDDAY },
    { phrase: '૩.૭૫ કરોડ ફોલોઅર્સ', count: exact(37_500_000), source: SUNMARG },
    { phrase: '૩.૧૫ કરોડ ફોલોઅર્સ', count: exact(31_500_000), source: SUNMARG },
    { phrase: '૨.૨૮ કરોડ ફોલોઅર્સ', count: exact(22_800_000), source: SUNMARG },
    { phrase: '૨.૨૪ કરોડ ફોલોઅર્સ', count: exact(22_400_000), source: SUNMARG },
    { phrase: '270 મિલિયન લોકો', count: exact(270_000_000), source: GUJARATMIRROR },
    { phrase: '94.3 મિલિયન લોકો', count: exact(94_300_000), source: GUJARATMIRROR },
    { phrase: '92 મિલિયનથી વધુ લોકો', count: over(92_000_000), source: GUJARATMIRROR },
  ],
  bn: [
    { phrase: 'প্রায় ১৮ কোটি', count: about(180_000_000), source: PROJUKTIBUZZ_1 },
    { phrase: '১৬ কোটি ২০ লক্ষ+', count: over(162_000_000), source: PROJUKTIBUZZ_1 },
    { phrase: '১০ লাখ ফলোয়ার', count: exact(1_000_000), source: PROJUKTIBUZZ_2 },
    { phrase: '১ কোটি ৪৯ লাখ ২ হাজার ২২৪', count: exact(14_902_224), source: PROPERNEWSBD },
    { phrase: '১ কোটি ৪৪ লাখ ১১ হাজার ২৪৫ জন', count: exact(14_411_245), source: PROPERNEWSBD },
    { phrase: '১ কোটি ছাড়িয়েছে', count: over(10_000_000), source: AMADERKHABOR },
    { phrase: '১০ মিলিয়ন প্লাস', count: over(10_000_000), source: AMADERKHABOR },
    { phrase: '৩ কোটি ছাড়াল', count: over(30_000_000), source: ZEENEWS_BN },
    { phrase: '১২ লক্ষেরও বেশি', count: over(1_200_000), source: SAMBADSAMAKAL },
    { phrase: '৯ কোটি ২০ লক্ষ ৬০ হাজার', count: exact(92_060_000), source: TECHGUP },
    { phrase: '২০ লাখ অনুসারী', count: exact(2_000_000), source: SURMAMAIL },
    { phrase: 'তিন লক্ষেরও বেশি', count: over(300_000), source: BISWASAMACHAR },
  ],
  pa: [
    { phrase: '37.5 ਮਿਲੀਅਨ ਫਾਲੋਅਰਜ਼', count: exact(37_500_000), source: ABP_PA_1 },
    { phrase: '3 ਕਰੋੜ 75 ਲੱਖ', count: exact(37_500_000), source: ABP_PA_1 },
    { phrase: '31.5 ਮਿਲੀਅਨ', count: exact(31_500_000), source: ABP_PA_1 },
    { phrase: '3 ਕਰੋੜ 15 ਲੱਖ', count: exact(31_500_000), source: ABP_PA_1 },
    { phrase: '30.9 ਮਿਲੀਅਨ ਫਾਲੋਅਰਜ਼', count: exact(30_900_000), source: ABP_PA_1 },
    { phrase: '28.5 ਮਿਲੀਅਨ', count: exact(28_500_000), source: ABP_PA_1 },
    { phrase: '5.21 ਮਿਲੀਅਨ ਫਾਲੋਅਰਜ਼', count: exact(5_210_000), source: ABP_PA_2 },
    { phrase: '6.3 ਮਿਲੀਅਨ ਲੋਕ', count: exact(6_300_000), source: ABP_PA_2 },
    { phrase: '6.27 ਮਿਲੀਅਨ ਲੋਕ', count: exact(6_270_000), source: ABP_PA_2 },
    { phrase: '7.63 ਮਿਲੀਅਨ ਲੋਕ', count: exact(7_630_000), source: ABP_PA_2 },
    { phrase: '9.18 ਮਿਲੀਅਨ ਫਾਲੋਅਰਜ਼', count: exact(9_180_000), source: ABP_PA_2 },
  ],
  or: [
    { phrase: '୪.୯୬ମିଲିୟନ', count: exact(4_960_000), source: PRAMEYA },
    { phrase: 'ପ୍ରାୟ ୫୦ଲକ୍ଷ ସବ୍ସକ୍ରାଇବର', count: about(5_000_000), source: PRAMEYA },
    { phrase: '୨୭୧ମିଲିୟନ ଫଲୋଅର୍ସ', count: exact(271_000_000), source: PRAMEYA },
    { phrase: 'ପ୍ରାୟ ୩.୮ମିଲିୟନ ସବ୍ସକ୍ରାଇବର', count: about(3_800_000), source: PRAMEYA },
    { phrase: '୧.୭ମିଲିୟନରୁ ଅଧିକ ସବ୍ସକ୍ରାଇବର୍ସ', count: over(1_700_000), source: PRAMEYA },
    { phrase: '୨୭୦ ନିୟୁତରୁ ଅଧିକ ଫଲୋଅର୍ସ', count: over(270_000_000), source: PRAMEYANEWS7 },
    { phrase: '1 ମିଲିୟନରୁ ଅଧିକ', count: over(1_000_000), source: INDEPENDENCE },
    { phrase: '11 ଲକ୍ଷ', count: exact(1_100_000), source: INDEPENDENCE },
    { phrase: '50 ହଜାର', count: exact(50_000), source: INDEPENDENCE },
    { phrase: '15 ହଜାର', count: exact(15_000), source: INDEPENDENCE },
  ],
  ta: [
    { phrase: '22 மில்லியனாக', count: exact(22_000_000), source: EELAMURASU },
    { phrase: 'இரண்டு கோடியே இருபது லட்சமாக', count: exact(22_000_000), source: EELAMURASU },
    { phrase: '20.8 மில்லியன் பேரும்', count: exact(20_800_000), source: EELAMURASU },
    { phrase: '18.3 மில்லியன் பேரும்', count: exact(18_300_000), source: EELAMURASU },
    { phrase: 'ஒரு கோடியே எழுபது லட்சமாக', count: exact(17_000_000), source: EELAMURASU },
    { phrase: 'சுமார் 50 லட்சம் பேர்', count: about(5_000_000), source: EELAMURASU },
    {
      phrase: '100 மில்லியனுக்கும் அதிகமான ஃபாலோயர்களைப்',
      count: over(100_000_000),
      source: THISAIGAL,
    },
    { phrase: '10 கோடி பேர்', count: exact(100_000_000), source: DAILYNEWSTAMIL },
    { phrase: '2.64 கோடி பேரும்', count: exact(26_400_000), source: DAILYNEWSTAMIL },
    { phrase: '63 லட்சம் பேரும்', count: exact(6_300_000), source: DAILYNEWSTAMIL },
    { phrase: '70 மில்லியனைத் தாண்டியது', count: over(70_000_000), source: TJUNEWS },
    { phrase: 'ஒரு லட்சம் ஃபாலோயர்கள்', count: exact(100_000), source: TJUNEWS },
    { phrase: '43.37 மில்லியன் ஃபாலோவர்ஸ்', count: exact(43_370_000), source: NAKKHEERAN },
    { phrase: '2,70,000 ஃபாலோவர்ஸ்', count: exact(270_000), source: NAKKHEERAN },
    { phrase: '100 மில்லியனை', count: exact(100_000_000), source: VIVEGAM },
  ],
  te: [
    { phrase: '80 లక్షలు దాటిన ఫాలోయర్లు', count: over(8_000_000), source: AP7AM },
    { phrase: '80 లక్షల మందికి పైగా', count: over(8_000_000), source: AP7AM },
    { phrase: '4.3 కోట్ల మంది', count: exact(43_000_000), source: AP7AM },
    { phrase: '1.4 కోట్ల మంది ఫాలోయర్లు', count: exact(14_000_000), source: AP7AM },
    { phrase: '40 మిలియన్లు', count: exact(40_000_000), source: SMTV },
    { phrase: '39 మిలియన్లు', count: exact(39_000_000), source: SMTV },
    { phrase: '35 మిలియన్ల ఫాలోయర్లతో', count: exact(35_000_000), source: SMTV },
    { phrase: '21 మిలియన్ల మంది ఫాలోయర్లతో', count: exact(21_000_000), source: SMTV },
    { phrase: 'సుమారు 9.6 మిలియన్ల మంది ఫాలోవర్లు', count: about(9_600_000), source: SMTV },
    { phrase: '70 మిలియన్లు', count: exact(70_000_000), source: NIJAMTODAY },
    { phrase: '70 మిలియన్', count: exact(70_000_000), source: NIJAMTODAY },
  ],
  kn: [
    { phrase: '90 ಮಿಲಿಯನ್ ದಾಟಿದೆ', count: over(90_000_000), source: KANNADADUNIA },
    { phrase: '37.7 ಮಿಲಿಯನ್ ಫಾಲೋವರ್ಸ್', count: exact(37_700_000), source: KANNADADUNIA },
    { phrase: '2 ಮಿಲಿಯನ್ ಫಾಲೋವರ್ಸ್', count: exact(2_000_000), source: KANNADADUNIA },
    { phrase: '9 ಕೋಟಿಗೂ ಅಧಿಕ ಫಾಲೋವರ್ಸ್', count: over(90_000_000), source: KANNADADUNIA },
    { phrase: 'ಒಂದು ಲಕ್ಷ ಫಾಲೋವರ್ಸ್', count: exact(100_000), source: KANNADADUNIA },
    { phrase: '86.6 ಮಿಲಿಯನ್ ಫಾಲೋಯರ್ಸ್', count: exact(86_600_000), source: KANNADADUNIA },
    { phrase: '84.1 ಮಿಲಿಯನ್ ಫಾಲೋವರ್ಸ್', count: exact(84_100_000), source: KANNADADUNIA },
    { phrase: '2.20 ಕೋಟಿ ಹಿಂಬಾಲಕರನ್ನು', count: exact(22_000_000), source: KANNADAPRABHA },
    { phrase: '2.21 ಕೋಟಿ ಹಿಂಬಾಲಕರನ್ನು', count: exact(22_100_000), source: KANNADAPRABHA },
    { phrase: '2.09 ಕೋಟಿ ಹಿಂಬಾಲಕರನ್ನು', count: exact(20_900_000), source: KANNADAPRABHA },
    { phrase: '100 ಮಿಲಿಯನ್', count: exact(100_000_000), source: SAMARASASUDHI },
    { phrase: '10 ಕೋಟಿ', count: exact(100_000_000), source: SAMARASASUDHI },
  ],
  ml: [
    { phrase: '40 ലക്ഷം ഫോളോവേഴ്സാണ്', count: exact(4_000_000), source: ASIANET },
    { phrase: '13 ലക്ഷം ഫോളോവേഴ്സാണ്', count: exact(1_300_000), source: ASIANET },
    { phrase: '896000 ഫോളോവേഴ്സ്', count: exact(896_000), source: ASIANET },
    { phrase: '3.7 കോടി പേർ', count: exact(37_000_000), source: MANORAMA },
    { phrase: '4.5 കോടിയിലധികം ഫോളോവേഴ്സും', count: over(45_000_000), source: MANORAMA },
    { phrase: '1.5 കോടിയിലധികം ഫോളോവേഴ്സ്', count: over(15_000_000), source: MANORAMA },
    { phrase: '8.3 കോടിയിലധികം ഫോളോവേഴ്സ്', count: over(83_000_000), source: MANORAMA },
    { phrase: 'ആറ് കോടി', count: exact(60_000_000), source: MANORAMA },
    { phrase: '12 കോടിയിലധികം പേരാണ്', count: over(120_000_000), source: SATHYAM },
    { phrase: 'ആറു കോടി കടന്നു', count: over(60_000_000), source: SATHYAM },
    { phrase: '8.3 കോടി ഫോളോവേഴ്സുമായി', count: exact(83_000_000), source: SATHYAM },
    { phrase: 'ഏകദേശം 13 കോടിയിലധികം ആളുകൾ', count: about(130_000_000), source: EASTCOAST },
    { phrase: '8 കോടിയിലേറെ ഫോളോവേഴ്സ്', count: over(80_000_000), source: EASTCOAST },
    { phrase: 'രണ്ടുകോടിയിലേറെ', count: over(20_000_000), source: MADHYAMAM },
    { phrase: '4.99കോടി ഫോളോവർമാരുമായി', count: exact(49_900_000), source: MADHYAMAM },
    { phrase: '3.45കോടിയിലേറെപ്പേരാണ്', count: over(34_500_000), source: MADHYAMAM },
    { phrase: '91.3 മില്യണ് പേരാണ്', count: exact(91_300_000), source: EXPRESSKERALA },
    { phrase: '271 മില്യണ് ഫോളോവേഴ്സും', count: exact(271_000_000), source: EXPRESSKERALA },
  ],
  ur: [
    { phrase: '95 لاکھ 30 ہزار', count: exact(9_530_000), source: DAILYQAIM },
    { phrase: '43 لاکھ 30 ہزار', count: exact(4_330_000), source: DAILYQAIM },
    { phrase: '32 لاکھ 70 ہزار سے تجاوز', count: over(3_270_000), source: DAILYQAIM },
    { phrase: '5 کروڑ 97 لاکھ', count: exact(59_700_000), source: DAILYQAIM },
    { phrase: 'ایک کروڑ 40 لاکھ فالوورز', count: exact(14_000_000), source: YESURDU },
    { phrase: '9.6 ملین', count: exact(9_600_000), source: YESURDU },
    { phrase: 'پانچ کروڑ 95 لاکھ سے زائد', count: over(59_500_000), source: HUMNEWS },
    { phrase: 'ایک کروڑ 79 لاکھ فالورز', count: exact(17_900_000), source: HUMNEWS },
    { phrase: '1 کروڑ گیارہ لاکھ سے زائد', count: over(11_100_000), source: HUMNEWS },
    { phrase: 'چھیانوے لاکھ سے زائد', count: over(9_600_000), source: HUMNEWS },
    { phrase: '13 کروڑ 30 لاکھ سے زیادہ', count: over(133_000_000), source: POWERPOLITICS },
    { phrase: 'تین کروڑ سے زیادہ', count: over(30_000_000), source: JAVEDCH },
    { phrase: 'ڈھائی کروڑ', count: exact(25_000_000), source: JAVEDCH },
    { phrase: 'دو کروڑ 20 لاکھ سے تجاوز', count: over(22_000_000), source: JAVEDCH },
    { phrase: '20 کروڑ فالوؤر', count: exact(200_000_000), source: SIASAT },
    { phrase: '36 کروڑ سے زائد', count: over(360_000_000), source: SIASAT },
  ],
  as: [
    { phrase: '১০০ মিলিয়ন ফ’ল’ৱাৰ অতিক্ৰম', count: over(100_000_000), source: ETV_AS_1 },
    { phrase: '১০ কোটি ফ’ল’ৱাৰৰ', count: exact(100_000_000), source: ETV_AS_1 },
    { phrase: '১০ কোটিৰ', count: exact(100_000_000), source: ETV_AS_1 },
    // Rupee and household figures: Assamese follower counts were scarce in the stored pages.
    { phrase: '৪০ লাখ', count: exact(4_000_000), source: ETV_AS_2 },
    { phrase: '৯ হাজাৰ', count: exact(9_000), source: ETV_AS_2 },
    { phrase: '৩৬০০ কোটি', count: exact(36_000_000_000), source: ETV_AS_2 },
    { phrase: '৪০,৩৭৯.৭১ কোটি', count: exact(403_797_100_000), source: ENEWS24 },
    { phrase: '১৩,৬৭৪.২০ কোটি', count: exact(136_742_000_000), source: ENEWS24 },
    { phrase: '১,৫২১.৭৩ কোটি', count: exact(15_217_300_000), source: ENEWS24 },
    { phrase: 'ডেৰশ', count: exact(150), source: ASOMIYAPRATIDIN },
    { phrase: 'শতাধিক', count: over(100), source: ASOMIYAPRATIDIN },
  ],
};
