import { describe, expect, it } from 'vitest';
import { textCell } from '../../src/report/escape.js';
import { type VisualWords, visualWordsFor } from '../../src/visual/words.js';

/** Every string a set of words can write, functions called with sample arguments. */
function phrases(words: VisualWords): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') {
      const args = Array.from({ length: value.length }, (_, i) =>
        i === 0 && value.length === 4 ? ['A', 'B'] : 7,
      );
      out.push(String((value as (...a: unknown[]) => unknown)(...args)));
    } else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(words);
  return out;
}

describe('the visual words (issue #14)', () => {
  it('English and Hindi have every word, and nothing the escaping would strip', () => {
    const en = visualWordsFor('en');
    const hi = visualWordsFor('hi');
    expect(hi).not.toBe(en);
    expect(phrases(hi)).toHaveLength(phrases(en).length);
    for (const phrase of [...phrases(en), ...phrases(hi)]) {
      expect(phrase.trim()).not.toBe('');
      expect(textCell(phrase)).toBe(phrase);
    }
    for (const p of phrases(hi).filter((x) => !/^[\d\sA-Z,.%()/"-]*$/.test(x))) {
      expect(p, 'Hindi words are in Devanagari').toMatch(/[\u0900-\u097F]/);
    }
  });

  it('sheet names are valid in Excel: at most 31 characters, none of []:*?/\\, unique', () => {
    for (const language of ['en', 'hi']) {
      const names = Object.values(visualWordsFor(language).sheets);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect([...name].length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it('any other language gets English, and a prototype key is no language', () => {
    expect(visualWordsFor('fr')).toBe(visualWordsFor('en'));
    expect(visualWordsFor('constructor')).toBe(visualWordsFor('en'));
  });
});
