/**
 * The vocabulary of `parseCount`: Hindi and English number words, multipliers, fraction words,
 * qualifier phrases and audience words, as tables built once at load. Keys are written naturally
 * and normalised at load time exactly like the input (see `normaliseWord`), so `हज़ार` and
 * `हजार`, `पाँच` and `पांच` are one entry.
 *
 * The other languages' words are in their files (src/locales/<lang>.ts, the `parse` section of
 * each `Locale`, every word with its source); the tables below take them all in, and refuse at
 * load a word that would mean two things.
 *
 * @module
 */

import { LOCALES } from '../locales/index.js';
import type { ParseWords } from '../locales/locale.js';
import { type Token, tokenize } from './count-tokens.js';

/** A non-negative rational number `n / d`, kept exact (no float artefacts: 2.04 lakh = 204000). */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

type WordMeaning =
  | { readonly type: 'number'; readonly value: bigint; readonly english: boolean }
  | { readonly type: 'multiplier'; readonly value: bigint }
  | { readonly type: 'fraction'; readonly value: Rational } // डेढ़ = 3/2, ढाई = 5/2
  | { readonly type: 'prefix'; readonly quarters: bigint; readonly implicitOne: boolean };

/** Hindi number words 0–99 in order, one per entry; spelling variants joined by `/`. */
const HINDI_NUMBERS = `
  शून्य एक दो तीन चार पाँच/पांच छह/छः/छे/छै सात आठ नौ
  दस ग्यारह बारह तेरह चौदह पंद्रह/पन्द्रह सोलह सत्रह अठारह/अट्ठारह उन्नीस
  बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस/अठाईस उनतीस/उन्तीस
  तीस इकतीस/इकत्तीस बत्तीस तैंतीस/तेंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस/उन्तालीस
  चालीस इकतालीस बयालीस/बियालीस तैंतालीस/तेतालीस चवालीस/चौवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास/उन्चास
  पचास इक्यावन बावन तिरेपन/तिरपन चौवन/चव्वन पचपन छप्पन सत्तावन अट्ठावन/अठावन उनसठ
  साठ इकसठ बासठ तिरसठ/तिरेसठ चौंसठ पैंसठ छियासठ सड़सठ/सरसठ अड़सठ उनहत्तर
  सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर/सतत्तर अठहत्तर उन्यासी/उनासी
  अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी
  नब्बे इक्यानबे/इक्यानवे बानबे/बानवे तिरानबे/तिरानवे चौरानबे/चौरानवे पंचानबे/पंचानवे/पचानवे छियानबे/छियानवे सत्तानबे/सत्तानवे अट्ठानबे/अट्ठानवे निन्यानबे/निन्यानवे
`;

// biome-ignore format: a table reads better in rows
const ENGLISH_SMALL = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const ENGLISH_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const MULTIPLIERS: readonly (readonly [bigint, string])[] = [
  [100n, 'hundred सौ'],
  [1_000n, 'k thousand हज़ार हजार'],
  [100_000n, 'l lakh lakhs lac lacs लाख'],
  [1_000_000n, 'm mn million मिलियन'],
  [10_000_000n, 'cr crs crore crores करोड़ क॰'],
  [1_000_000_000n, 'b bn billion बिलियन अरब अ॰'],
  // en-IN short compact: 1.23KCr (thousand crore), 1.23LCr (lakh crore).
  [10_000_000_000n, 'kcr'],
  [100_000_000_000n, 'खरब ख॰'],
  [1_000_000_000_000n, 't tn trillion lcr'],
  [10_000_000_000_000n, 'नील'],
];

const WORDS = buildWords();

// Qualifier phrases, as sequences of normalised tokens. Longer phrases are tried first.
/** What a qualifier phrase says about the figure beside it; `audience` words are ignored. */
export type Qualifier =
  | 'total'
  | 'approx'
  | 'lower'
  | 'upper'
  | 'between'
  | 'among'
  | 'until'
  | 'audience';

/** Qualifiers that may open a phrase (`about`, `लगभग`, `more than`), by their first word. */
export const LEADING = phrases(true, [
  ...localePhrases((words) => words.leading),
  ['total', 'total कुल'],
  ['approx', 'about around approx approximately nearly roughly ~ ≈ लगभग करीब तकरीबन'],
  ['lower', 'over above more_than at_least कम_से_कम'],
  ['upper', 'under below less_than fewer_than at_most up_to upto अधिकतम अधिक_से_अधिक'],
  ['between', 'between'],
]);

/** Qualifiers that may close a phrase (`+`, `से अधिक`, audience words), by their last word. */
export const TRAILING = phrases(false, [
  ...localePhrases((words) => words.trailing),
  ['lower', '+ plus or_more से_अधिक से_ज़्यादा से_भी_अधिक से_भी_ज़्यादा से_ऊपर'],
  ['upper', 'or_less or_fewer से_कम से_भी_कम'],
  ['among', 'के_बीच'],
  ['until', 'तक'],
  [
    'audience',
    'followers follower subscribers subscriber members member फॉलोअर्स फ़ॉलोअर्स फॉलोवर्स फॉलोअर फालोअर्स सब्सक्राइबर सब्सक्राइबर्स सदस्य',
  ],
]);

/** Audience words (`followers`, `फॉलोअर्स`, …), which may end a text. */
export const AUDIENCE = new Set(
  [...TRAILING.byEdge.values()]
    .flat()
    .filter((phrase) => phrase.kind === 'audience')
    .map((phrase) => phrase.words.join(' ')),
);

/**
 * Words that join the two figures of a range in the languages of src/locales (`ते`, `থেকে`, `سے`),
 * besides the dash, `to`, `and`, `से` and `और` of English and Hindi.
 */
export const RANGE_WORDS: ReadonlySet<string> = new Set(
  Object.values(LOCALES).flatMap((locale) =>
    (locale.parse?.rangeWords ?? '')
      .split(' ')
      .filter((w) => w !== '')
      .map(normaliseWord),
  ),
);

/**
 * Written forms that fuse a multiplier with an ending (`लाखांहून`, `ലക്ഷത്തിലധികം`), by their
 * normalised text, with the tokens they are read as.
 */
export const INFLECTED: ReadonlyMap<string, readonly Token[]> = buildInflected();

/** What a word token means: number, multiplier, fraction or prefix; undefined otherwise. */
export function wordMeaning(token: Token): WordMeaning | undefined {
  return token.kind === 'word' ? WORDS.get(token.text) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tables, built once at load

/** One qualifier phrase: its meaning and its normalised words. */
export interface PhraseEntry {
  readonly kind: Qualifier;
  readonly words: readonly string[];
}

/** Normalises a vocabulary entry the way the tokenizer normalises input. */
function normaliseWord(word: string): string {
  const tokens = tokenize(word);
  return tokens.map((token) => token.text).join(' ');
}

/** Phrases indexed for matching at the start (leading) or the end (trailing) of a phrase. */
export interface PhraseTable {
  readonly leading: boolean;
  /** Phrases by their first (leading) or last (trailing) word, longest first. */
  readonly byEdge: ReadonlyMap<string, readonly PhraseEntry[]>;
}

/** Every locale's qualifier phrases of one side, as `[kind, 'phrase phrase…']`. */
function localePhrases(
  side: (words: ParseWords) => Readonly<Partial<Record<Qualifier, string>>>,
): [Qualifier, string][] {
  const table: [Qualifier, string][] = [];
  for (const locale of Object.values(LOCALES)) {
    if (locale.parse === undefined) continue;
    for (const [kind, list] of Object.entries(side(locale.parse))) {
      if (list !== undefined) table.push([kind as Qualifier, list]);
    }
  }
  return table;
}

function phrases(leading: boolean, table: readonly (readonly [Qualifier, string])[]): PhraseTable {
  const byEdge = new Map<string, PhraseEntry[]>();
  for (const [kind, list] of table) {
    for (const phrase of list.split(' ')) {
      if (phrase === '') continue;
      const words = normaliseWord(phrase.replaceAll('_', ' ')).split(' ');
      const edge = leading ? words[0]! : words[words.length - 1]!;
      const entries = byEdge.get(edge) ?? [];
      const same = entries.find((e) => e.words.join(' ') === words.join(' '));
      if (same !== undefined) {
        if (same.kind !== kind) {
          throw new Error(`parseCount's vocabulary: "${phrase}" is both ${same.kind} and ${kind}`);
        }
        continue;
      }
      entries.push({ kind, words });
      entries.sort((a, b) => b.words.length - a.words.length);
      byEdge.set(edge, entries);
    }
  }
  return { leading, byEdge };
}

function buildWords(): Map<string, WordMeaning> {
  const words = new Map<string, WordMeaning>();
  const add = (spelling: string, meaningOf: WordMeaning) => {
    for (const word of spelling.split(' ')) {
      if (word === '') continue;
      const key = normaliseWord(word);
      const known = words.get(key);
      if (known !== undefined && !sameMeaning(known, meaningOf)) {
        throw new Error(`parseCount's vocabulary: "${word}" has two meanings`);
      }
      words.set(key, meaningOf);
    }
  };
  HINDI_NUMBERS.trim()
    .split(/\s+/)
    .forEach((spellings, value) => {
      add(spellings.replaceAll('/', ' '), { type: 'number', value: BigInt(value), english: false });
    });
  ENGLISH_SMALL.forEach((word, value) => {
    add(word, { type: 'number', value: BigInt(value), english: true });
  });
  ENGLISH_TENS.forEach((ten, index) => {
    const tens = BigInt((index + 2) * 10);
    add(ten, { type: 'number', value: tens, english: true });
    for (let unit = 1; unit <= 9; unit++) {
      add(`${ten}-${ENGLISH_SMALL[unit]}`, {
        type: 'number',
        value: tens + BigInt(unit),
        english: true,
      });
    }
  });
  for (const [value, spellings] of MULTIPLIERS) add(spellings, { type: 'multiplier', value });
  add('डेढ़ डेढ', { type: 'fraction', value: { n: 3n, d: 2n } });
  add('ढाई अढ़ाई', { type: 'fraction', value: { n: 5n, d: 2n } });
  add('सवा', { type: 'prefix', quarters: 1n, implicitOne: true });
  add('साढ़े साढे', { type: 'prefix', quarters: 2n, implicitOne: false });
  add('पौने', { type: 'prefix', quarters: -1n, implicitOne: true });
  for (const locale of Object.values(LOCALES)) {
    const parse = locale.parse;
    if (parse === undefined) continue;
    for (const [value, spellings] of parse.numbers) {
      add(spellings, { type: 'number', value: BigInt(value), english: false });
    }
    for (const [value, spellings] of parse.multipliers) {
      add(spellings, { type: 'multiplier', value: BigInt(value) });
    }
    for (const [value, spellings] of parse.fractions ?? []) {
      if (!Number.isInteger(value * 4))
        throw new Error(`parseCount's vocabulary: ${value} is not a multiple of ¼`);
      add(spellings, { type: 'fraction', value: { n: BigInt(value * 4), d: 4n } });
    }
    const { plusQuarter, plusHalf, minusQuarter } = parse.prefixes ?? {};
    if (plusQuarter) add(plusQuarter, { type: 'prefix', quarters: 1n, implicitOne: true });
    if (plusHalf) add(plusHalf, { type: 'prefix', quarters: 2n, implicitOne: false });
    if (minusQuarter) add(minusQuarter, { type: 'prefix', quarters: -1n, implicitOne: true });
  }
  return words;
}

function sameMeaning(a: WordMeaning, b: WordMeaning): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'number':
    case 'multiplier':
      return a.value === (b as typeof a).value;
    case 'fraction':
      return a.value.n * (b as typeof a).value.d === (b as typeof a).value.n * a.value.d;
    case 'prefix':
      return a.quarters === (b as typeof a).quarters;
  }
}

function buildInflected(): Map<string, readonly Token[]> {
  const table = new Map<string, readonly Token[]>();
  for (const locale of Object.values(LOCALES)) {
    for (const [written, meant] of Object.entries(locale.parse?.inflected ?? {})) {
      const key = normaliseWord(written);
      const tokens = tokenize(meant);
      const known = table.get(key);
      if (
        known !== undefined &&
        known.map((t) => t.text).join(' ') !== tokens.map((t) => t.text).join(' ')
      ) {
        throw new Error(`parseCount's vocabulary: "${written}" is read two ways`);
      }
      table.set(key, tokens);
    }
  }
  return table;
}
