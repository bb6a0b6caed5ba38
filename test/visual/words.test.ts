import { describe, expect, it } from 'vitest';
import { textCell } from '../../src/report/escape.js';
import { type VisualWords, visualWordsFor } from '../../src/visual/words.js';

/** The script of each language of issue #17. */
const SCRIPTS: Readonly<Record<string, RegExp>> = {
  mr: /[\u0900-\u097F]/,
  gu: /[\u0A80-\u0AFF]/,
  bn: /[\u0980-\u09FF]/,
  pa: /[\u0A00-\u0A7F]/,
  or: /[\u0B00-\u0B7F]/,
  ta: /[\u0B80-\u0BFF]/,
  te: /[\u0C00-\u0C7F]/,
  kn: /[\u0C80-\u0CFF]/,
  ml: /[\u0D00-\u0D7F]/,
  ur: /[\u0600-\u06FF]/,
  as: /[\u0980-\u09FF]/,
};

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

  it.each(Object.entries(SCRIPTS))(
    '%s has every word, in its own script, and nothing the escaping would strip (issue #17)',
    (language, script) => {
      const words = visualWordsFor(language);
      expect(words).not.toBe(visualWordsFor('en'));
      expect(phrases(words)).toHaveLength(phrases(visualWordsFor('en')).length);
      for (const phrase of phrases(words)) {
        expect(phrase.trim()).not.toBe('');
        expect(textCell(phrase)).toBe(phrase);
        expect(phrase).not.toMatch(/\u200c|\u200d|\u2019/);
      }
      for (const p of phrases(words).filter((x) => !/^[\d\sA-Z,.%()/"-]*$/.test(x))) {
        expect(p, `${language} words are in its script`).toMatch(script);
      }
    },
  );

  it('sheet names are valid in Excel: at most 31 characters, none of []:*?/\\, unique', () => {
    for (const language of ['en', 'hi', ...Object.keys(SCRIPTS)]) {
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
