/**
 * Smoke check of compact figures on another runtime (`.ci/runtimes.sh` runs it on Bun and Deno):
 * prints what `formatCount` and `describeCount` write for 2,03,500 in compact notation and whether
 * this runtime's `Intl` has the long Indian forms, and throws (a non-zero exit) when the output is
 * not the one docs/counts.md documents for such a runtime.
 *
 * Deno 2.9's ICU data has no long `en-IN` compact forms: `Intl` writes `204 thousand` where Node
 * and Bun write `2.04 lakh`. The library passes on what `Intl` writes (numbers are formatted by
 * `Intl`, never by hand); the figure stays true and `parseCount` reads it back.
 */
import { type Count, describeCount, formatCount, parseCount } from '../../src/index.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const atLeast: Count = { value: 203_500, min: 203_500, max: null };

const intlLong = plain(
  new Intl.NumberFormat('en-IN', { notation: 'compact', compactDisplay: 'long' }).format(203_500),
);
const hasLakh = intlLong.includes('lakh');

const seen = {
  'en-IN long': plain(formatCount(203_500, { notation: 'compact' })),
  'en-IN long, at least': plain(describeCount(atLeast, { notation: 'compact' })),
  'en-IN short': plain(formatCount(203_500, { notation: 'compact', compactDisplay: 'short' })),
  'hi-IN long': plain(formatCount(203_500, { locale: 'hi-IN', notation: 'compact' })),
};
const expected = {
  'en-IN long': hasLakh ? '2.04 lakh' : '204 thousand',
  'en-IN long, at least': hasLakh ? 'at least 2.03 lakh' : 'at least 203 thousand',
  'en-IN short': '2.04L',
  'hi-IN long': '2.04 लाख',
};

const wrong: string[] = [];
for (const [key, text] of Object.entries(seen)) {
  const documented = expected[key as keyof typeof expected];
  if (text !== documented) wrong.push(`${key}: "${text}", documented "${documented}"`);
  const back = parseCount(text).value;
  if (Math.abs(back - 203_500) > 2_035) wrong.push(`${key}: "${text}" reads back as ${back}`);
}
console.log(
  `compact forms: ${Object.entries(seen)
    .map(([key, text]) => `${key} "${text}"`)
    .join(', ')}; Intl ${hasLakh ? 'has' : 'has NO'} long en-IN lakh/crore ("${intlLong}")`,
);
if (wrong.length > 0) {
  throw new Error(`compact forms differ from docs/counts.md: ${wrong.join('; ')}`);
}
