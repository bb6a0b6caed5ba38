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

/** `parseCount` phrases per second, over a mix of the forms press notes use. */
export async function benchParseCount(): Promise<BenchRow[]> {
  const rounds = 20_000;
  for (let i = 0; i < 2_000; i++) parseCount(PHRASES[i % PHRASES.length]!); // warm up
  const start = performance.now();
  let sum = 0;
  for (let r = 0; r < rounds; r++) {
    for (const phrase of PHRASES) sum += parseCount(phrase).value;
  }
  const seconds = (performance.now() - start) / 1_000;
  if (sum <= 0) throw new Error('bench: parseCount returned nothing');
  const perSecond = (rounds * PHRASES.length) / seconds;
  return [
    {
      name: `parseCount: ${PHRASES.length} phrase forms × ${rounds.toLocaleString('en-IN')} (English, Hindi, Devanagari digits)`,
      value: `${Math.round(perSecond).toLocaleString('en-IN')} phrases/s`,
    },
  ];
}
