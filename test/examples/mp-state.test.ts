import { describe, expect, it } from 'vitest';
import { DISTRICTS, mpState } from '../../examples/mp-state.js';

/** Pins the places of the MP example (Indore from the report, the other districts illustrative). */
describe('the MP state example', async () => {
  const s = await mpState();
  const places = (ranking: typeof s.complete) =>
    ranking.map((r) => [r.unit.id, r.rank, r.best, r.worst]);

  it('marks every district but Indore as illustrative', () => {
    expect(DISTRICTS.filter((d) => !d.illustrative).map((d) => d.id)).toEqual(['indore']);
  });

  it('takes Indore from the report: about 2,03,500 over eight accounts', () => {
    expect(s.totals.units.get('indore')).toMatchObject({
      count: { value: 203_500, min: null, max: null },
      accounts: 8,
      observed: 8,
    });
  });

  it('ranks districts with the places their bounds allow', () => {
    expect(places(s.districts.tolerant)).toEqual([
      ['indore', 1, 1, 4],
      ['bhopal', 2, 1, 4], // an Instagram account without a figure: no upper bound
      ['jabalpur', 3, 1, 4],
      ['gwalior', 4, 4, 5],
      ['ujjain', 5, 1, 5], // "more than 45,000"
      ['dhar', 6, 6, 6],
      ['dewas', 7, 7, 7],
      ['sehore', 8, 8, 8],
    ]);
    expect(s.districts.strict[0]).toMatchObject({ unit: { id: 'indore' }, best: 1, worst: 5 });
    expect(s.complete.apart.map((a) => [a.unit.id, a.observed, a.accounts])).toEqual([
      ['bhopal', 6, 7],
      ['jabalpur', 4, 5],
    ]);
  });

  it('ranks the collectors of the state across districts by their tag', () => {
    expect(places(s.collectorsOnX.tolerant).slice(0, 3)).toEqual([
      ['indore-collector', 1, 1, 3],
      ['bhopal-collector', 2, 1, 3],
      ['jabalpur-collector', 3, 3, 4],
    ]);
  });

  it('finds "first in MP" and "the most followers of all the collectors" possible, not certain', () => {
    expect(s.claims.map((c) => [c.id, c.strict.verdict, c.tolerant.verdict])).toEqual([
      ['first-in-mp', 'possible', 'possible'],
      ['collector', 'possible', 'possible'],
    ]);
  });
});
