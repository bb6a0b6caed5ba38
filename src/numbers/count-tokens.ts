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
const DROPPED_IN_WORDS = /[\u093c\u200c\u200d]/g;
const CHANDRABINDU = /\u0901/g;

/** A number (ASCII digits, grouping checked), a normalised word (and as written), or a symbol. */
export type Token =
  | { readonly kind: 'num'; readonly text: string; readonly int: string; readonly frac: string }
  | { readonly kind: 'word'; readonly text: string; readonly shown: string }
  | { readonly kind: 'sym'; readonly text: string };

/**
 * Splits normalised text into numbers, words and symbols. NFD splits the nukta letters
 * (ज़ → ज + U+093C) so that dropping U+093C reads हज़ार as हजार; chandrabindu is read as anusvara
 * (पाँच = पांच); ASCII letters are lower-cased; Devanagari digits become ASCII.
 */
export function tokenize(input: string): Token[] {
  const text = NON_ASCII.test(input) ? input.normalize('NFD') : input;
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x200c || c === 0x200d || c === 0xad) {
      i++;
      continue;
    }
    if (digitOf(c) >= 0) {
      i = readNumber(input, text, i, tokens);
      continue;
    }
    if (isLatin(c) || isDevanagari(c)) {
      const wordStart = i;
      let clean = true; // most words need no rewriting and are sliced as they stand
      while (i < length) {
        const w = text.charCodeAt(i);
        if (isLatin(w)) {
          if (w < 0x61) clean = false;
        } else if (isDevanagari(w)) {
          if (w === 0x0901) clean = false;
        } else if (w === 0x093c || w === 0x200c || w === 0x200d) {
          clean = false; // nukta and joiners are dropped inside words
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
      const word = clean
        ? raw
        : raw.toLowerCase().replace(DROPPED_IN_WORDS, '').replace(CHANDRABINDU, '\u0902');
      // An abbreviation dot (`approx.`, `Cr.`) belongs to its word, unless a digit follows.
      if (text.charCodeAt(i) === 0x2e && digitOf(text.charCodeAt(i + 1)) < 0) i++;
      if (word !== '') tokens.push({ kind: 'word', text: word, shown: raw });
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const symbol = String.fromCodePoint(cp);
    tokens.push({ kind: 'sym', text: symbol });
    i += symbol.length;
  }
  return tokens;
}

/** Reads `1,47,500`, `203,500`, `2.04` or `२,०३,५००` from `start`; returns the next index. */
function readNumber(input: string, text: string, start: number, tokens: Token[]): number {
  let i = start;
  let int = '';
  let frac = '';
  const groups: number[] = [];
  let group = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) {
      int += String.fromCharCode(48 + d);
      group++;
      i++;
    } else if (c === 0x2c && digitOf(text.charCodeAt(i + 1)) >= 0) {
      groups.push(group);
      group = 0;
      i++;
    } else break;
  }
  groups.push(group);
  if (text.charCodeAt(i) === 0x2e && digitOf(text.charCodeAt(i + 1)) >= 0) {
    i++;
    while (i < length) {
      const d = digitOf(text.charCodeAt(i));
      if (d < 0) break;
      frac += String.fromCharCode(48 + d);
      i++;
    }
  }
  const shown = text.slice(start, i);
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

function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0966 && c <= 0x096f) return c - 0x0966;
  return -1;
}

function isLatin(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDevanagari(c: number): boolean {
  return (c >= 0x0900 && c <= 0x0963 && c !== 0x093c) || (c >= 0x0970 && c <= 0x097f);
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
