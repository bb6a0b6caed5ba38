import { parseCount } from '../src/numbers/parse-count.js';
import type { BenchRow } from './harness.js';

const PHRASES = [
  '32 हजार से अधिक',
  'साढे 5 हजार',
  'लगभग 77 हजार',
  'लगभग 33 हजार',
  '21 हजार',
  'साढ़े 6 हज़ार',
  'लगभग डेढ़ लाख',
  'कुल 60 हजार',
  'दो लाख से अधिक',
  '1,47,500',
  '2.04 lakh',
  '32K+',
  '1.5M',
  'about 77,000',
  '३२ हजार',
  'ढाई करोड़',
];

/** One published phrase per language of issue #17 (sources in test/locales/phrases.ts). */
const REGIONAL = [
  'जवळापास 82 कोटीपेक्षा जास्त जण',
  '92 મિલિયનથી વધુ લોકો',
  '১ কোটি ৪৯ লাখ ২ হাজার ২২৪',
  '3 ਕਰੋੜ 75 ਲੱਖ',
  '୧.୭ମିଲିୟନରୁ ଅଧିକ ସବ୍ସକ୍ରାଇବର୍ସ',
  '100 மில்லியனுக்கும் அதிகமான ஃபாலோயர்களைப்',
  '80 లక్షల మందికి పైగా',
  '9 ಕೋಟಿಗೂ ಅಧಿಕ ಫಾಲೋವರ್ಸ್',
  '4.5 കോടിയിലധികം ഫോളോവേഴ്സും',
  'پانچ کروڑ 95 لاکھ سے زائد',
  '১০০ মিলিয়ন ফ’ল’ৱাৰ অতিক্ৰম',
];

/** Phrases per second over `phrases`, after a warm-up. */
function rate(phrases: readonly string[], rounds: number): number {
  for (let i = 0; i < 2_000; i++) parseCount(phrases[i % phrases.length]!); // warm up
  const start = performance.now();
  let sum = 0;
  for (let r = 0; r < rounds; r++) {
    for (const phrase of phrases) sum += parseCount(phrase).value;
  }
  const seconds = (performance.now() - start) / 1_000;
  if (sum <= 0) throw new Error('bench: parseCount returned nothing');
  return (rounds * phrases.length) / seconds;
}

/** `parseCount` phrases per second, over a mix of the forms press notes use. */
export async function benchParseCount(): Promise<BenchRow[]> {
  const rounds = 20_000;
  const perSecond = rate(PHRASES, rounds);
  const regional = rate(REGIONAL, rounds);
  return [
    {
      name: `parseCount: ${PHRASES.length} phrase forms × ${rounds.toLocaleString('en-IN')} (English, Hindi, Devanagari digits)`,
      value: `${Math.round(perSecond).toLocaleString('en-IN')} phrases/s`,
    },
    {
      name: `parseCount: ${REGIONAL.length} published phrases × ${rounds.toLocaleString('en-IN')}, one per language of issue #17`,
      value: `${Math.round(regional).toLocaleString('en-IN')} phrases/s`,
    },
  ];
}
