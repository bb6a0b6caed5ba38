/**
 * The tokenizer of `parseCount`: splits a phrase into numbers (digits normalised to ASCII,
 * grouping checked), normalised words and symbols. The vocabulary tables are normalised with it
 * too, so input and table keys always agree.
 *
 * @module
 */

import { CountError, quoteInput } from '../errors.js';

// Only non-ASCII text needs Unicode normalisation; testing first keeps the common case fast.
const NON_ASCII = /[\u0080-\uffff]/;
/**
 * Dropped inside words: the Devanagari and Gurmukhi nukta (हज़ार = हजार, ਹਜ਼ਾਰ = ਹਜਾਰ), joiners,
 * the Arabic tatweel and vowel marks (تقریباً = تقریبا), and the apostrophe Assamese writes for
 * the o vowel (ফ’ল’ৱাৰ).
 */
const DROPPED_IN_WORDS = /[\u093c\u0a3c\u0640\u064b-\u065f\u0670\u2019'\u200c\u200d]/g;
const CHANDRABINDU = /\u0901/g;
/** Malayalam chillu letters, written either atomically or as consonant + virama. */
const CHILLUS: Readonly<Record<string, string>> = {
  '\u0d7a': '\u0d23\u0d4d',
  '\u0d7b': '\u0d28\u0d4d',
  '\u0d7c': '\u0d30\u0d4d',
  '\u0d7d': '\u0d32\u0d4d',
  '\u0d7e': '\u0d33\u0d4d',
  '\u0d7f': '\u0d15\u0d4d',
};
const CHILLU = /[\u0d7a-\u0d7f]/g;
/** Arabic kaf and yeh typed for Urdu's keheh and farsi yeh. */
const ARABIC_LETTERS = /[\u0643\u064a\u0649]/g;
const URDU_LETTER: Readonly<Record<string, string>> = {
  '\u0643': '\u06a9',
  '\u064a': '\u06cc',
  '\u0649': '\u06cc',
};

/** A number (ASCII digits, grouping checked), a normalised word (and as written), or a symbol. */
export type Token =
  | { readonly kind: 'num'; readonly text: string; readonly int: string; readonly frac: string }
  | { readonly kind: 'word'; readonly text: string; readonly shown: string }
  | { readonly kind: 'sym'; readonly text: string };

/**
 * Splits normalised text into numbers, words and symbols. NFD splits the nukta letters
 * (ज़ → ज + U+093C) so that dropping U+093C reads हज़ार as हजार; chandrabindu is read as anusvara
 * (पाँच = पांच); ASCII letters are lower-cased; the digits of every Indian script and the Arabic
 * ones become ASCII. Words are Latin, Indic (U+0900–U+0DFF) or Arabic-script letters.
 */
export function tokenize(input: string): Token[] {
  const text = NON_ASCII.test(input) ? input.normalize('NFD') : input;
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || isInvisible(c)) {
      i++;
      continue;
    }
    if (digitOf(c) >= 0) {
      i = readNumber(input, text, i, tokens);
      // `২০০০-এর`: a case ending hyphenated to a figure is a word of its own, not a range.
      if (text.charCodeAt(i) === 0x2d && isScriptLetter(text.charCodeAt(i + 1))) i++;
      continue;
    }
    if (isLatin(c) || isScriptLetter(c)) {
      const wordStart = i;
      let clean = true; // most words need no rewriting and are sliced as they stand
      while (i < length) {
        const w = text.charCodeAt(i);
        if (isLatin(w)) {
          if (w < 0x61) clean = false;
        } else if (isScriptLetter(w)) {
          if (needsRewrite(w)) clean = false;
        } else if (w === 0x200c || w === 0x200d) {
          clean = false; // joiners are dropped inside words
        } else if ((w === 0x2019 || w === 0x27) && isScriptLetter(text.charCodeAt(i + 1))) {
          clean = false; // ফ’ল’ৱাৰ
        } else if (
          w !== 0x2d ||
          !isLatin(text.charCodeAt(i - 1)) ||
          !isLatin(text.charCodeAt(i + 1))
        ) {
          break; // a hyphen between letters stays: twenty-five
        }
        i++;
      }
      const raw = text.slice(wordStart, i);
      const word = clean ? raw : normaliseWordText(raw);
      // An abbreviation dot (`approx.`, `Cr.`) belongs to its word, unless a digit follows.
      if (text.charCodeAt(i) === 0x2e && digitOf(text.charCodeAt(i + 1)) < 0) i++;
      // A word of marks only (a lone nukta) is no word: it stays, to be refused as a symbol.
      tokens.push(
        word === '' ? { kind: 'sym', text: raw } : { kind: 'word', text: word, shown: raw },
      );
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const symbol = String.fromCodePoint(cp);
    tokens.push({ kind: 'sym', text: symbol });
    i += symbol.length;
  }
  return tokens;
}

function normaliseWordText(raw: string): string {
  return raw
    .toLowerCase()
    .replace(DROPPED_IN_WORDS, '')
    .replace(CHANDRABINDU, '\u0902')
    .replace(CHILLU, (c) => CHILLUS[c]!)
    .replace(ARABIC_LETTERS, (c) => URDU_LETTER[c]!);
}

/** Reads `1,47,500`, `203,500`, `2.04`, `२,०३,५००` or `۲٬۰۳٬۵۰۰` from `start`; returns the next index. */
function readNumber(input: string, text: string, start: number, tokens: Token[]): number {
  let i = start;
  let int = '';
  let frac = '';
  const groups: number[] = [];
  let group = 0;
  const length = text.length;
  const script = digitScript(text.charCodeAt(start));
  const digit = (c: number): number => (digitScript(c) === script ? digitOf(c) : -1);
  while (i < length) {
    const c = text.charCodeAt(i);
    const d = digit(c);
    if (d >= 0) {
      int += String.fromCharCode(48 + d);
      group++;
      i++;
    } else if ((c === 0x2c || c === 0x066c) && digit(text.charCodeAt(i + 1)) >= 0) {
      groups.push(group);
      group = 0;
      i++;
    } else break;
  }
  groups.push(group);
  const point = text.charCodeAt(i);
  if ((point === 0x2e || point === 0x066b) && digit(text.charCodeAt(i + 1)) >= 0) {
    i++;
    while (i < length) {
      const d = digit(text.charCodeAt(i));
      if (d < 0) break;
      frac += String.fromCharCode(48 + d);
      i++;
    }
  }
  const shown = text.slice(start, i);
  // A digit of another script right after, or after a separator: `২০৩,500`, `2০3`.
  const after = text.charCodeAt(i);
  const separated = after === 0x2c || after === 0x2e || after === 0x066b || after === 0x066c;
  const other = separated ? i + 1 : i;
  const next = digitScript(text.charCodeAt(other));
  if (next >= 0 && next !== script) {
    fail(input, `${quote(text.slice(start, other + 1))} mixes the digits of two scripts`);
  }
  if (groups.length > 1 && !wellGrouped(groups)) {
    fail(input, `${quote(shown)} is not grouped like 1,47,500 (Indian) or 203,500 (Western)`);
  }
  tokens.push({ kind: 'num', text: shown, int, frac });
  return i;
}

/** Indian grouping: 1,47,500 (last group 3, others 2); Western: 203,500 (all 3). */
function wellGrouped(groups: readonly number[]): boolean {
  const last = groups.length - 1;
  const first = groups[0]!;
  if (groups[last] !== 3 || first < 1 || first > 3) return false;
  let indian = first <= 2;
  let western = true;
  for (let g = 1; g < last; g++) {
    if (groups[g] !== 2) indian = false;
    if (groups[g] !== 3) western = false;
  }
  return indian || western;
}

/**
 * The first code point of each script's digits 0–9: ASCII, Arabic-Indic, Extended Arabic-Indic
 * (Urdu), Devanagari, Bengali (Bengali, Assamese), Gurmukhi, Gujarati, Odia, Tamil, Telugu,
 * Kannada, Malayalam.
 */
const ZEROS = [
  0x30, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66,
];

function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c < 0x0660 || c > 0x0d6f) return -1;
  for (let k = 1; k < ZEROS.length; k++) {
    const zero = ZEROS[k]!;
    if (c >= zero && c <= zero + 9) return c - zero;
  }
  return -1;
}

/** Which script's digit `c` is (its zero), or -1. */
function digitScript(c: number): number {
  const d = digitOf(c);
  return d < 0 ? -1 : c - d;
}

function isLatin(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** A letter or mark of an Indian script or of the Arabic script (not a digit or punctuation). */
function isScriptLetter(c: number): boolean {
  if (c >= 0x0900 && c <= 0x0dff) return c !== 0x0964 && c !== 0x0965 && digitOf(c) < 0;
  if (c >= 0x0600 && c <= 0x06ff) {
    return (
      digitOf(c) < 0 &&
      c !== 0x060c &&
      c !== 0x061b &&
      c !== 0x061f &&
      (c < 0x066a || c > 0x066d) &&
      c !== 0x06d4
    );
  }
  return false;
}

/** Letters and marks a word is rewritten for (see {@link normaliseWordText}). */
function needsRewrite(c: number): boolean {
  return (
    c === 0x093c ||
    c === 0x0901 ||
    c === 0x0a3c ||
    (c >= 0x0d7a && c <= 0x0d7f) ||
    c === 0x0640 ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0643 ||
    c === 0x064a ||
    c === 0x0649
  );
}

/** Joiners, the soft hyphen and the bidi marks LRM, RLM and ALM, which `Intl` may write. */
function isInvisible(c: number): boolean {
  return c === 0x200c || c === 0x200d || c === 0xad || c === 0x200e || c === 0x200f || c === 0x061c;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// ---------------------------------------------------------------------------------------------
// Errors. The tokenizer raises the grouping error itself, so `fail` lives here, in the lowest
// module, and the grammar imports it: the three modules import in one direction, with no cycle.

/** Throws the {@link CountError} for `text`, saying why it cannot be read. */
export function fail(text: string, reason: string): never {
  throw new CountError(text, `Cannot read ${quote(text)} as a count: ${reason}`);
}

/** Quotes text for a message: cut short when long, control and bidi characters escaped. */
export function quote(text: string): string {
  return quoteInput(text, 80);
}
