import { CountError, describeValue, quoteInput } from '../errors.js';
import type { Count } from '../model/count.js';
import { fail, quote, type Token, tokenize } from './count-tokens.js';
import {
  AUDIENCE,
  INFLECTED,
  LEADING,
  type PhraseEntry,
  type PhraseTable,
  type Qualifier,
  RANGE_WORDS,
  type Rational,
  TRAILING,
  wordMeaning,
} from './count-words.js';

/**
 * Reads a follower figure as press notes and officers write it, in English, Hindi or the other
 * languages of src/locales (Marathi, Gujarati, Bengali, Punjabi, Odia, Tamil, Telugu, Kannada,
 * Malayalam, Urdu, Assamese: `दोन लाख`, `১২ লক্ষেরও বেশি`, `4.5 കോടിയിലധികം`), and returns a
 * {@link Count} with the precision the words give it:
 *
 * - a bare figure is exact: `1,47,500`, `203500`, `2.04 lakh`, `३२ हजार`, `साढ़े 5 हजार`,
 *   `दो लाख`, `2 lakh 3 thousand`;
 * - a lower bound (`min = value`): `32 हजार से अधिक`, `more than 32K`, `over 2 lakh`, `32K+`;
 * - an upper bound (`max = value`): `5 हजार से कम`, `less than 5,000`, `अधिकतम 5,000`;
 * - an approximation (no bounds): `लगभग 77 हजार`, `about 77K`, `~77K`, `लगभग दो लाख से अधिक`;
 * - a range (`value = min`): `between 10 and 12 lakh`, `10 से 12 लाख के बीच`, `10–12K`;
 * - an approximation with bounds, as {@link describeCount} writes it: `about 50 (at least 10)`.
 *
 * Multipliers: K, thousand, हजार; hundred, सौ; lakh, lac, L, लाख; crore, Cr, करोड़, क॰; M,
 * million, मिलियन; B, billion, अरब, अ॰; T, trillion; खरब, ख॰; नील; and the compounds that
 * `Intl.NumberFormat` prints (`1.23KCr`, `1.23 lakh crore`), and each language's own words
 * (docs/counts.md lists them). Digits may be of any Indian script, Latin or Urdu's (one script per
 * number), grouped the Indian or the Western way. Hindi is read with or without the nukta. A leading
 * `total`/`कुल` and a trailing audience word (`followers`, `फॉलोअर्स`, `सदस्य`, …) are ignored.
 *
 * Text that is not a count is an error, never a guess: the result must be a whole number from 0
 * to `Number.MAX_SAFE_INTEGER`.
 *
 * @param text The phrase to read.
 * @returns The count, with `min`/`max` set as the phrase allows.
 * @throws {CountError} For anything else (including a non-string), quoting the text and saying
 *   what was expected. Never throws any other error.
 * @example
 * ```ts
 * parseCount('32 हजार से अधिक'); // { value: 32000, min: 32000, max: null }
 * parseCount('साढे 5 हजार');     // { value: 5500, min: 5500, max: 5500 }
 * parseCount('लगभग डेढ़ लाख');    // { value: 150000, min: null, max: null }
 * parseCount('2.04 lakh');       // { value: 204000, min: 204000, max: 204000 }
 * ```
 */
export function parseCount(text: string): Count {
  if (typeof text !== 'string') {
    const received = describeValue(text);
    throw new CountError(received, `Expected a string to read as a count, got ${received}`);
  }
  if (text.length > MAX_COUNT_TEXT) {
    throw new CountError(
      text,
      `Cannot read ${quoteInput(text)} as a count: a count phrase has at most ${MAX_COUNT_TEXT} characters`,
    );
  }
  return readCount(text, expandInflected(tokenize(text)));
}

/**
 * The longest text read as a count. Press figures are a few words ("लगभग 2 लाख से अधिक"); the cap
 * keeps the work and the error message bounded whatever a caller passes.
 */
const MAX_COUNT_TEXT = 200;

/**
 * Replaces each fused form (`लाखांहून`, `ലക്ഷത്തിലധികം`) by the words it stands for. Each form
 * stands for at most a few words, so the token list grows by a bounded factor.
 */
function expandInflected(tokens: Token[]): Token[] {
  let expanded: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const meant = token.kind === 'word' ? INFLECTED.get(token.text) : undefined;
    if (meant === undefined) {
      expanded?.push(token);
      continue;
    }
    expanded ??= tokens.slice(0, i);
    expanded.push(...meant);
  }
  return expanded ?? tokens;
}

// ---------------------------------------------------------------------------------------------
// Grammar

const EXPECTED = 'expected a number like 1,47,500, 32K, 2 lakh or साढ़े 5 हजार';
const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const DASHES = new Set(['-', '–', '—']);

type Phrase = { readonly kind: 'exact' | 'lower' | 'upper' | 'approx'; readonly value: bigint };
type RangePhrase = { readonly kind: 'range'; readonly value: bigint; readonly max: bigint };

function readCount(text: string, tokens: readonly Token[]): Count {
  let end = tokens.length;
  if (end > 0 && AUDIENCE.has(tokens[end - 1]!.text)) end--;
  const close = end - 1;
  if (end > 0 && tokens[close]!.text === ')' && tokens[close]!.kind === 'sym') {
    // `about 50 (at least 10)`: an approximate figure with known bounds, as describeCount writes.
    let open = -1;
    for (let i = 0; i < close; i++) {
      if (tokens[i]!.kind === 'sym' && tokens[i]!.text === '(') {
        open = i;
        break;
      }
    }
    if (open < 0) fail(text, `a closing bracket has no opening one; ${EXPECTED}`);
    const main = readPhrase(text, tokens, 0, open);
    const bounds = readPhrase(text, tokens, open + 1, close);
    if (main.kind !== 'approx') {
      fail(
        text,
        'bounds in brackets may follow only an approximate figure, like "about 50 (at least 10)"',
      );
    }
    if (bounds.kind === 'exact' || bounds.kind === 'approx') {
      fail(text, 'the brackets must hold a bound: "at least …", "at most …" or "between … and …"');
    }
    const min = bounds.kind === 'upper' ? null : bounds.value;
    const max =
      bounds.kind === 'lower' ? null : bounds.kind === 'range' ? bounds.max : bounds.value;
    if ((min !== null && min > main.value) || (max !== null && max < main.value)) {
      fail(text, `the figure ${main.value} lies outside its own bounds`);
    }
    return {
      value: Number(main.value),
      min: min === null ? null : Number(min),
      max: max === null ? null : Number(max),
    };
  }
  const phrase = readPhrase(text, tokens, 0, end);
  const value = Number(phrase.value);
  switch (phrase.kind) {
    case 'exact':
      return { value, min: value, max: value };
    case 'lower':
      return { value, min: value, max: null };
    case 'upper':
      return { value, min: null, max: value };
    case 'approx':
      return { value, min: null, max: null };
    case 'range':
      return { value, min: value, max: Number(phrase.max) };
  }
}

/** Reads qualifiers around one figure or one range, between `start` and `end`. */
function readPhrase(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
): Phrase | RangePhrase {
  let s = start;
  let e = end;
  const seen = new Set<Qualifier>();
  let bound: 'lower' | 'upper' | null = null;
  const note = (phrase: PhraseEntry) => {
    const { kind } = phrase;
    // Audience words may come in twos: `1.4 కోట్ల మంది ఫాలోయర్లు` (crore people followers).
    if (kind === 'audience') return;
    if (seen.has(kind) || ((kind === 'lower' || kind === 'upper') && bound !== null)) {
      const words = phrase.words.join(' ');
      fail(text, `${quote(words)} repeats or contradicts another qualifier; ${EXPECTED}`);
    }
    seen.add(kind);
    if (kind === 'lower' || kind === 'upper') bound = kind;
  };
  while (s < e) {
    const phrase = phraseAt(LEADING, tokens[s]!, tokens, s, e);
    if (phrase === undefined) break;
    note(phrase);
    s += phrase.words.length;
  }
  while (s < e) {
    const phrase = phraseAt(TRAILING, tokens[e - 1]!, tokens, s, e);
    if (phrase === undefined) break;
    note(phrase);
    e -= phrase.words.length;
  }
  if (s >= e) fail(text, EXPECTED);

  const separator = findSeparator(tokens, s, e);
  if (separator === s && DASHES.has(tokens[s]!.text)) {
    fail(text, `a count cannot be negative; ${EXPECTED}`);
  }
  const sepText = separator < 0 ? null : tokens[separator]!.text;
  let isRange = false;
  if (seen.has('between')) {
    isRange = sepText === 'and' || (sepText !== null && DASHES.has(sepText));
  } else if (seen.has('among')) {
    isRange =
      sepText === 'से' ||
      sepText === 'और' ||
      (sepText !== null && (DASHES.has(sepText) || RANGE_WORDS.has(sepText)));
  } else if (seen.has('until')) {
    // `5 हजार तक` is "up to 5,000"; `5 से 8 हजार तक` is the range "from 5 to 8 thousand".
    if (sepText === null) {
      if (bound !== null) fail(text, `"तक" contradicts another qualifier; ${EXPECTED}`);
      bound = 'upper';
    } else isRange = sepText === 'से' || DASHES.has(sepText);
  } else if (sepText !== null) {
    isRange = sepText === 'to' || DASHES.has(sepText) || RANGE_WORDS.has(sepText);
  }
  const wantsRange = seen.has('between') || seen.has('among');
  if ((wantsRange || sepText !== null) && !isRange) {
    const found = sepText === null ? 'no second figure' : `"${sepText}"`;
    fail(text, `a range needs two figures joined by a dash, "to", "and" or "से"; found ${found}`);
  }

  if (!isRange) {
    const figure = readFigure(text, tokens, s, e);
    const value = whole(text, figure.value);
    if (seen.has('approx')) return { kind: 'approx', value };
    return { kind: bound ?? 'exact', value };
  }
  if (seen.has('approx') || bound !== null) {
    fail(text, `a range cannot also be approximate or a bound; ${EXPECTED}`);
  }
  const low = readFigure(text, tokens, s, separator);
  const high = readFigure(text, tokens, separator + 1, e);
  let lowValue = low.value;
  // `2-3 lakh`, `डेढ़ से दो लाख के बीच`: a bare first figure takes the second one's multiplier,
  // when that reading is still a proper range (so `999-1K` stays 999 to 1,000).
  if (low.unit === 1n && high.unit > 1n) {
    const inherited = { n: low.value.n * high.unit, d: low.value.d };
    if (compare(inherited, high.value) < 0) lowValue = inherited;
  }
  const min = whole(text, lowValue);
  const max = whole(text, high.value);
  if (min > max) fail(text, `the range starts at ${min}, above its end at ${max}`);
  return { kind: 'range', value: min, max };
}

/** The first token that joins two figures of a range, or -1. */
function findSeparator(tokens: readonly Token[], start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (token.kind === 'sym') {
      if (DASHES.has(token.text)) return i;
    } else if (SEPARATOR_WORDS.has(token.text) || RANGE_WORDS.has(token.text)) return i;
  }
  return -1;
}

const SEPARATOR_WORDS = new Set(['to', 'and', 'से', 'और']);

/**
 * A figure: one or more terms, each a number (digits, number word, fraction) times increasing
 * multipliers, in decreasing order of size: `2 lakh`, `1.23 lakh crore`, `2 लाख 3 हजार 500`.
 * `unit` is the first term's multiplier (1 when it has none).
 */
function readFigure(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
): { value: Rational; unit: bigint } {
  if (start >= end) fail(text, EXPECTED);
  let total: Rational = { n: 0n, d: 1n };
  let previous: bigint | null = null;
  let unit = 1n;
  let i = start;
  while (i < end) {
    const numberish = readNumberish(text, tokens, i, end);
    i = numberish.next;
    let multiplier = 1n;
    let last = 0n;
    while (i < end) {
      const word = wordMeaning(tokens[i]!);
      if (word?.type !== 'multiplier') break;
      if (word.value <= last) fail(text, `multipliers must grow, as in "lakh crore"; ${EXPECTED}`);
      multiplier *= word.value;
      last = word.value;
      i++;
    }
    if (numberish.needsMultiplier && multiplier === 1n) {
      fail(text, `a fraction word needs a multiplier after it, as in "सवा लाख"; ${EXPECTED}`);
    }
    const term = { n: numberish.value.n * multiplier, d: numberish.value.d };
    if (previous === null) unit = multiplier;
    else if (multiplier >= previous || compare(term, { n: previous, d: 1n }) >= 0) {
      fail(text, `parts of a figure must shrink, as in "2 lakh 3 thousand"; ${EXPECTED}`);
    }
    previous = multiplier;
    total = { n: total.n * term.d + term.n * total.d, d: total.d * term.d };
  }
  return { value: total, unit };
}

function readNumberish(
  text: string,
  tokens: readonly Token[],
  at: number,
  end: number,
): { value: Rational; next: number; needsMultiplier: boolean } {
  const token = tokens[at]!;
  if (token.kind === 'num') return { value: decimal(token), next: at + 1, needsMultiplier: false };
  const word = wordMeaning(token);
  if (word?.type === 'number') {
    const next = at + 1 < end ? wordMeaning(tokens[at + 1]!) : undefined;
    // "twenty five": an English ten followed by an English unit.
    if (
      word.english &&
      word.value >= 20n &&
      word.value % 10n === 0n &&
      next?.type === 'number' &&
      next.english &&
      next.value > 0n &&
      next.value < 10n
    ) {
      return { value: { n: word.value + next.value, d: 1n }, next: at + 2, needsMultiplier: false };
    }
    return { value: { n: word.value, d: 1n }, next: at + 1, needsMultiplier: false };
  }
  if (word?.type === 'fraction') return { value: word.value, next: at + 1, needsMultiplier: false };
  if (word?.type === 'prefix') {
    // सवा N = N + ¼, साढ़े N = N + ½, पौने N = N − ¼; सवा लाख = 1¼ lakh.
    const following = at + 1 < end ? tokens[at + 1]! : undefined;
    let base: bigint | null = null;
    if (following?.kind === 'num' && following.frac === '') base = BigInt(following.int);
    else if (following !== undefined) {
      const meaningOfNext = wordMeaning(following);
      if (meaningOfNext?.type === 'number') base = meaningOfNext.value;
    }
    if (base === null && !word.implicitOne) {
      fail(text, `${quote(token.text)} needs a whole number after it, as in "साढ़े 5 हजार"`);
    }
    const n = (base ?? 1n) * 4n + word.quarters;
    if (n <= 0n) fail(text, `${quote(token.text)} needs a number of at least 1 after it`);
    return {
      value: { n, d: 4n },
      next: at + (base === null ? 1 : 2),
      needsMultiplier: base === null,
    };
  }
  const shown = token.kind === 'word' ? token.shown : token.text;
  fail(text, `${quote(shown)} is not a number, a multiplier or a qualifier; ${EXPECTED}`);
}

function decimal(token: { int: string; frac: string }): Rational {
  return { n: BigInt(token.int + token.frac), d: 10n ** BigInt(token.frac.length) };
}

function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The rational as a whole number within the safe range, or a CountError saying why not. */
function whole(text: string, value: Rational): bigint {
  if (value.n % value.d !== 0n) {
    const shown = (Number(value.n) / Number(value.d)).toString();
    fail(text, `it comes to ${shown}, not a whole number; ${EXPECTED}`);
  }
  const result = value.n / value.d;
  if (result > MAX) {
    fail(text, `it comes to more than ${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER)`);
  }
  return result;
}

/**
 * The longest phrase of `table` (indexed by its first word when leading, its last word when
 * trailing) that sits at the start (leading) or the end (trailing) of tokens[start, end).
 */
function phraseAt(
  table: PhraseTable,
  edge: Token,
  tokens: readonly Token[],
  start: number,
  end: number,
): PhraseEntry | undefined {
  if (edge.kind === 'num') return undefined;
  const candidates = table.byEdge.get(edge.text);
  if (candidates === undefined) return undefined;
  for (const phrase of candidates) {
    const at = table.leading ? start : end - phrase.words.length;
    if (at >= start && matchesAt(tokens, at, end, phrase.words)) return phrase;
  }
  return undefined;
}

function matchesAt(
  tokens: readonly Token[],
  at: number,
  end: number,
  words: readonly string[],
): boolean {
  if (at < 0 || at + words.length > end) return false;
  for (let k = 0; k < words.length; k++) {
    const token = tokens[at + k]!;
    if (token.kind === 'num' || token.text !== words[k]) return false;
  }
  return true;
}
