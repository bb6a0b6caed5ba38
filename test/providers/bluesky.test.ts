import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { blueskyProvider } from '../../src/providers/bluesky.js';
import { createFakePlatformServer } from '../../src/testing/index.js';
import { describeProviderConformance, fastHttp, registryOf } from './conformance.js';

describeProviderConformance('blueskyProvider', {
  platform: 'bluesky',
  make: (server) => blueskyProvider({ baseUrl: server.baseUrl('bluesky') }),
  account: (i) => ({
    fake: { platform: 'bluesky', handle: `office${i}.bsky.social`, followers: 300 + i },
    handle: `https://bsky.app/profile/office${i}.bsky.social`,
  }),
  unknownHandle: 'nobody.bsky.social',
});

describe('blueskyProvider', () => {
  it('asks for 25 actors per request as repeated actors= parameters, by handle or DID', async () => {
    const did = 'did:plc:z72i7hdynmk6r22z27h6tvur';
    const server = await createFakePlatformServer({
      accounts: [
        ...Array.from({ length: 30 }, (_, i) => ({
          platform: 'bluesky' as const,
          handle: `u${i}.bsky.social`,
          followers: i,
        })),
        { platform: 'bluesky', handle: 'bsky.app', id: did, followers: 31_200_000 },
      ],
    });
    try {
      const handles = [...Array.from({ length: 30 }, (_, i) => `u${i}.bsky.social`), did];
      const result = await collect(registryOf('bluesky', handles), {
        providers: [blueskyProvider({ baseUrl: server.baseUrl('bluesky') })],
        http: fastHttp,
      });
      expect(result.failures).toEqual([]);
      expect(server.requests.map((r) => r.query.getAll('actors').length)).toEqual([25, 6]);
      expect(result.snapshots.at(-1)).toMatchObject({
        platformUserId: did,
        followers: { value: 31_200_000 },
      });
    } finally {
      await server.close();
    }
  });

  it('reports actors left out of the answer (taken down, deactivated) as not-found, and a hidden count as hidden', async () => {
    const server = await createFakePlatformServer({
      accounts: [
        { platform: 'bluesky', handle: 'ok.bsky.social', followers: 10 },
        { platform: 'bluesky', handle: 'gone.bsky.social', followers: 10, state: 'suspended' },
        { platform: 'bluesky', handle: 'off.bsky.social', followers: 10, state: 'deactivated' },
        { platform: 'bluesky', handle: 'shy.bsky.social', followers: 10, state: 'hidden' },
      ],
    });
    try {
      const result = await collect(
        registryOf('bluesky', [
          'ok.bsky.social',
          'gone.bsky.social',
          'off.bsky.social',
          'shy.bsky.social',
        ]),
        { providers: [blueskyProvider({ baseUrl: server.baseUrl('bluesky') })], http: fastHttp },
      );
      expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
        ['acc1', 'not-found'],
        ['acc2', 'not-found'],
        ['acc3', 'hidden'],
      ]);
    } finally {
      await server.close();
    }
  });
});
