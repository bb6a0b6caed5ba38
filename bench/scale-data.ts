// The national-scale data set of the scale benchmark (issue #12): 30,040 units (1 country, 36
// states, 750 districts, 29,253 officials), one account per unit, a snapshot a day for 90 days,
// ~2% of days missed, and every 500th account silent after day 60 (so carrying forward and
// staleness matter). Deterministic: every run writes the same 2,647,759 rows.

import { defineRegistry, type Registry, type RegistryInput } from '../src/model/registry.js';
import type { Snapshot } from '../src/model/snapshot.js';

export const STATES = 36;
export const DISTRICTS = 750;
export const OFFICIALS = 29_253;
/** One account per unit: 30,040. */
export const ACCOUNTS = 1 + STATES + DISTRICTS + OFFICIALS;
export const DAYS = 90;
export const DAY = 86_400_000;
/** 11:30 in India on Monday 1 January 2024: the first day's run. */
export const T0 = Date.UTC(2024, 0, 1, 6, 0, 0);

export const accountId = (a: number) => `acc-${String(a).padStart(5, '0')}`;

/** Whether account `a` has a snapshot on day `d`. */
export const present = (a: number, d: number) =>
  (a * 31 + d * 17) % 50 !== 0 && !(a % 500 === 0 && d > 60);

function unitOf(a: number): { id: string; kind: string; parent?: string } {
  if (a === 0) return { id: 'in', kind: 'country' };
  if (a <= STATES) return { id: `s${a - 1}`, kind: 'state', parent: 'in' };
  if (a <= STATES + DISTRICTS) {
    const d = a - 1 - STATES;
    return { id: `d${d}`, kind: 'district', parent: `s${d % STATES}` };
  }
  const o = a - 1 - STATES - DISTRICTS;
  return { id: `o${o}`, kind: 'official', parent: `d${o % DISTRICTS}` };
}

const platformOf = (a: number) => (a % 10 === 0 ? 'youtube' : a % 10 < 5 ? 'x' : 'facebook');

/** The registry: 30,040 units in a four-level tree, one account each. */
export function scaleRegistry(): Registry {
  const units: RegistryInput['units'][number][] = [];
  const accounts: NonNullable<RegistryInput['accounts']>[number][] = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const unit = unitOf(a);
    units.push({ ...unit, name: unit.id });
    const platform = platformOf(a);
    accounts.push({
      id: accountId(a),
      unit: unit.id,
      platform,
      handle: platform === 'youtube' ? `@chan${a}` : platform === 'x' ? `user${a}` : `page.${a}`,
    });
  }
  return defineRegistry({ units, accounts });
}

/** Account `a`'s snapshot of day `d`: taken a * 30 ms into the day's run. */
export function scaleSnapshot(a: number, d: number): Snapshot {
  const value = 100 + ((a * 7_919) % 500_000) + d * (a % 97);
  const kind = a % 10;
  const rounded = value - (value % 1000);
  const snapshot: Snapshot = {
    accountId: accountId(a),
    platform: platformOf(a),
    takenAt: new Date(T0 + d * DAY + a * 30),
    followers:
      kind === 0
        ? { value: rounded, min: rounded, max: rounded + 999 }
        : { value, min: value, max: value },
    source: {
      provider: kind === 0 ? 'youtube-data-v3' : kind < 5 ? 'x-api-v2' : 'facebook-graph',
    },
  };
  if (kind < 5) snapshot.posts = 1_000 + d * 3 + (a % 7);
  if (kind === 0) snapshot.views = value * 1_234;
  if (kind >= 5) snapshot.extra = { fans: value - 17 };
  return snapshot;
}

/** Day `d`'s snapshots of accounts [first, end), gaps left out. */
export function scaleDay(d: number, first = 0, end = ACCOUNTS): Snapshot[] {
  const out: Snapshot[] = [];
  for (let a = first; a < end; a++) if (present(a, d)) out.push(scaleSnapshot(a, d));
  return out;
}

/** How many rows the data set has. */
export function scaleRows(): number {
  let n = 0;
  for (let d = 0; d < DAYS; d++) for (let a = 0; a < ACCOUNTS; a++) if (present(a, d)) n++;
  return n;
}
