import { describe, expect, it } from 'vitest';
import { INDIAN_MILESTONES, seriesEvents } from '../../src/aggregate/events.js';
import type { Series, SeriesPoint } from '../../src/aggregate/series.js';
import type { Count } from '../../src/model/count.js';
import { renderReport } from '../../src/report/render-report.js';
import { smallRegistry } from '../fixtures.js';

const DAY = 86_400_000;
const start = Date.parse('2026-01-01T00:00:00+05:30');

/** A daily series of one unit (`indore`), one figure per day (`undefined`: no figure). */
function daily(
  values: readonly (number | Count | undefined)[],
  observed?: readonly number[],
): Series {
  return {
    interval: 'day',
    timeZone: 'Asia/Kolkata',
    periods: values.map((v, i) => {
      const count: Count =
        v === undefined
          ? { value: 0, min: 0, max: null }
          : typeof v === 'number'
            ? { value: v, min: v, max: v }
            : v;
      const seen = v === undefined ? 0 : (observed?.[i] ?? 1);
      const point: SeriesPoint = {
        count,
        accounts: 2,
        observed: seen,
        missing: [],
        fresh: seen,
        carried: 0,
      };
      return {
        start: new Date(start + i * DAY),
        end: new Date(start + (i + 1) * DAY),
        units: new Map([['indore', point]]),
      };
    }),
  };
}

const day = (i: number) => new Date(start + i * DAY);

describe('seriesEvents', () => {
  it('finds jumps and drops beyond the thresholds, and falls to zero', () => {
    const events = seriesEvents(daily([1_000, 1_100, 1_500, 1_400, 1_200, 0]));
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['jump', day(2)], // +36%
      ['drop', day(4)], // −14%
      ['zero', day(5)],
    ]);
    expect(events[0]).toMatchObject({ percent: expect.closeTo(36.36, 1) });
    // thresholds are options
    expect(seriesEvents(daily([1_000, 1_100]), { jump: 0.05 }).map((e) => e.kind)).toEqual([
      'jump',
    ]);
    expect(seriesEvents(daily([1_000, 1_500]), { jump: 0.6 })).toEqual([]);
  });

  it('never calls a change of coverage a jump, and skips periods without a figure', () => {
    // an account found on day 1 doubles the total: not a jump
    expect(seriesEvents(daily([1_000, 2_000], [1, 2]))).toEqual([]);
    // day 1 has no figure: day 0 and day 2 are not consecutive figures
    expect(seriesEvents(daily([1_000, undefined, 5_000]))).toEqual([]);
  });

  it('dates the crossing of each Indian milestone', () => {
    const events = seriesEvents(daily([9_000, 9_999, 10_000, 99_000, 1_20_000, 1_10_00_000]), {
      jump: 1_000,
    });
    expect(events.map((e) => (e.kind === 'milestone' ? [e.milestone, e.at] : e.kind))).toEqual([
      [10_000, day(2)],
      [1_00_000, day(4)],
      [10_00_000, day(5)],
      [1_00_00_000, day(5)],
    ]);
    expect(INDIAN_MILESTONES).toEqual([10_000, 1_00_000, 10_00_000, 1_00_00_000]);
    expect(seriesEvents(daily([4_000, 6_000]), { milestones: [5_000], jump: 10 })).toMatchObject([
      { kind: 'milestone', milestone: 5_000, at: day(1) },
    ]);
  });

  it('reports a figure unchanged for N days as stale', () => {
    const flat = daily([500, ...Array.from({ length: 40 }, () => 700), 710]);
    const stale = seriesEvents(flat, { jump: 10 }).filter((e) => e.kind === 'stale');
    expect(stale).toEqual([
      {
        kind: 'stale',
        unit: 'indore',
        at: day(1),
        until: day(41),
        days: 40,
        count: { value: 700, min: 700, max: 700 },
      },
    ]);
    expect(seriesEvents(flat, { jump: 10, staleDays: 41 })).toEqual([]);
  });

  it('checks its options', () => {
    const s = daily([1]);
    expect(() => seriesEvents(s, { jump: 0 })).toThrow(/`jump`/);
    expect(() => seriesEvents(s, { staleDays: Number.NaN })).toThrow(/`staleDays`/);
    expect(() => seriesEvents(s, { milestones: [1.5] })).toThrow(/`milestones`/);
    expect(() => seriesEvents(s, { units: ['bhopal'] })).toThrow(/`units`/);
  });

  it('are listed by renderReport in English and Hindi, with Indian milestones in words', () => {
    const registry = smallRegistry();
    const events = seriesEvents(daily([90_000, 1_05_000, 0]));
    // Intl writes a (narrow) no-break space between a figure and its word
    const en = renderReport({ registry, events }).replace(/[\u00a0\u202f]/g, ' ');
    expect(en).toContain('crossed 1 lakh');
    expect(en).toContain('fell to zero (from 1,05,000)');
    const hi = renderReport({ registry, events }, { locale: 'hi-IN' }).replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
    expect(hi).toContain('1 लाख पार');
    expect(hi).toContain('असामान्य बदलाव और पड़ाव');
    const crore = seriesEvents(daily([99_00_000, 1_00_00_000]), { jump: 10 });
    expect(
      renderReport({ registry, events: crore }, { locale: 'hi-IN' }).replace(
        /[\u00a0\u202f]/g,
        ' ',
      ),
    ).toContain('1 करोड़ पार');
    const csv = renderReport({ registry, events }, { format: 'csv' });
    expect(csv.split('\r\n')[0]).toBe('date,unit_id,unit,kind,from,to,percent,milestone,days');
    expect(JSON.parse(renderReport({ registry, events }, { format: 'json' })).events).toHaveLength(
      2, // the milestone and the fall to zero; +16.7% is below the 20% of a jump
    );
    expect(renderReport({ registry, events: [] })).toContain('No anomalies or milestones.');
  });
});
