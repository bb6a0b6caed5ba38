import { describe, expect, it } from 'vitest';
import { CountError } from '../../src/errors.js';
import { parseCount } from '../../src/numbers/parse-count.js';
import { PUBLISHED_PHRASES } from './phrases.js';

describe.each(Object.entries(PUBLISHED_PHRASES))(
  'published %s phrases (issue #17)',
  (_language, phrases) => {
    it('are at least ten, each with its source', () => {
      expect(phrases.length).toBeGreaterThanOrEqual(10);
      for (const { source } of phrases) expect(source).toMatch(/^https?:\/\/\S+/);
    });

    it.each(phrases.map((p) => [p.phrase, p] as const))(
      'reads %s',
      (_phrase, { phrase, count }) => {
        expect(parseCount(phrase)).toEqual(count);
      },
    );
  },
);

describe('words around a figure that are not a count (issue #17)', () => {
  it.each([
    ['२ लाख नवे फॉलोअर', 'नवे'], // "new": a word the vocabulary does not know
    ['৫ লাখ টাকা', 'টাকা'], // rupees are not an audience
    ['4 లక్షలకు', 'కు'], // a case ending with no comparative after it
    ['५ लाख ते', 'expected a number'], // a range with no second figure
    ['२,०३,५००ਹ', 'ਹ'],
  ])('%s is refused, naming %s', (text, named) => {
    expect(() => parseCount(text)).toThrow(CountError);
    expect(() => parseCount(text)).toThrow(named);
  });
});
