import type { Count } from '../src/model/count.js';
import { defineRegistry, type RegistryInput } from '../src/model/registry.js';
import type { Snapshot } from '../src/model/snapshot.js';

/**
 * A small registry used across tests:
 *
 *   mp (state)
 *   └── indore-div (division)
 *       ├── indore (district)
 *       │   ├── collector (official)   x:IndoreCollector, facebook:CollectorIndore
 *       │   └── pr-office (office)     x:JSIndore, x:IndoreCollector (shared), instagram:jsindore
 *       └── dhar (district)            x:DharCollector
 */
export const smallRegistryInput: RegistryInput = {
  units: [
    { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
    { id: 'indore-div', kind: 'division', name: 'Indore division', parent: 'mp' },
    { id: 'indore', kind: 'district', name: 'Indore', parent: 'indore-div' },
    { id: 'collector', kind: 'official', name: 'Collector', parent: 'indore' },
    { id: 'pr-office', kind: 'office', name: 'PR office', parent: 'indore' },
    { id: 'dhar', kind: 'district', name: 'Dhar', parent: 'indore-div' },
  ],
  accounts: [
    { id: 'collector-x', unit: 'collector', platform: 'x', handle: '@IndoreCollector' },
    {
      id: 'collector-fb',
      unit: 'collector',
      platform: 'facebook',
      handle: 'facebook.com/CollectorIndore',
    },
    { id: 'pr-x', unit: 'pr-office', platform: 'x', handle: 'JSIndore' },
    {
      id: 'pr-collector-x',
      unit: 'pr-office',
      platform: 'x',
      handle: 'https://x.com/indorecollector',
    },
    { id: 'pr-ig', unit: 'pr-office', platform: 'instagram', handle: 'jsindore' },
    { id: 'dhar-x', unit: 'dhar', platform: 'x', handle: 'DharCollector' },
    { id: 'dhar-koo', unit: 'dhar', platform: 'koo', handle: 'DharCollector', status: 'planned' },
  ],
};

export const smallRegistry = () => defineRegistry(smallRegistryInput);

export const exact = (value: number): Count => ({ value, min: value, max: value });

export function snap(
  accountId: string,
  platform: string,
  followers: number | Count,
  takenAt: string | Date,
): Snapshot {
  return {
    accountId,
    platform,
    takenAt: typeof takenAt === 'string' ? new Date(takenAt) : takenAt,
    followers: typeof followers === 'number' ? exact(followers) : followers,
    source: { provider: 'test' },
  };
}
