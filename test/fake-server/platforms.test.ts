import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountBook } from '../../src/testing/fake-server/accounts.js';
import {
  DOCUMENTED_LIMITS,
  FAKE_PLATFORM_MODULES,
  FAKE_PLATFORMS,
  type FakePlatform,
} from '../../src/testing/fake-server/platforms.js';
import { fakeAccounts } from '../../src/testing/index.js';

/**
 * Each platform's facts live in its own fake-server file (issue #11, part 3): the list in
 * `platforms.ts` is the one place naming them all, and what the shared files derive from it.
 */
const dir = resolve(import.meta.dirname, '../../src/testing/fake-server');

describe('the platform list', () => {
  it('derives the platforms, in their stable order, and the documented limits', () => {
    expect(FAKE_PLATFORMS).toEqual([
      'x',
      'mastodon',
      'bluesky',
      'facebook',
      'instagram',
      'youtube',
      'telegram',
    ]);
    expect(DOCUMENTED_LIMITS).toEqual({
      x: { limit: 300, windowMs: 900_000 },
      mastodon: { limit: 300, windowMs: 300_000, scope: 'host' },
      bluesky: { limit: 3000, windowMs: 300_000 },
    });
  });

  it('gives each platform its own handle and id shapes', () => {
    const shapes: Record<FakePlatform, [RegExp, RegExp]> = {
      x: [/^user1$/, /^1\d{18}$/],
      mastodon: [/^user1@mastodon\.example$/, /^1\d{17}$/],
      bluesky: [/^user1\.bsky\.social$/, /^did:plc:[a-z2-7]{24}$/],
      facebook: [/^user1$/, /^1000\d{11}$/],
      instagram: [/^user1$/, /^1784\d{13}$/],
      youtube: [/^@user1$/, /^UC[A-Za-z0-9_-]{22}$/],
      telegram: [/^user1$/, /^-100\d{10}$/],
    };
    for (const platform of FAKE_PLATFORMS) {
      const [handle, id] = shapes[platform];
      const accounts = fakeAccounts(platform, 1, { start: 1 });
      const given = accounts[0]?.handle ?? '';
      expect(given, platform).toMatch(handle);
      expect(new AccountBook(accounts).byHandle(platform, given)?.id, platform).toMatch(id);
    }
  });

  it('is the only file of src/ that imports the platform files', () => {
    const platformFiles = FAKE_PLATFORM_MODULES.map((module) =>
      module.id === 'instagram' ? 'facebook.ts' : `${module.id}.ts`,
    );
    const src = resolve(dir, '../..');
    const importers: string[] = [];
    for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(src, file), 'utf8');
      for (const platformFile of new Set(platformFiles)) {
        const name = platformFile.replace(/\.ts$/, '.js');
        if (text.includes(`from './${name}'`) || text.includes(`fake-server/${name}'`)) {
          importers.push(`${file.split('\\').join('/')} → ${platformFile}`);
        }
      }
    }
    expect(importers.sort()).toEqual(
      [...new Set(platformFiles)].map((f) => `testing/fake-server/platforms.ts → ${f}`).sort(),
    );
  });
});
