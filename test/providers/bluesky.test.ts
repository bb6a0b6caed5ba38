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

describe('blueskyProvider: every answer is matched to the account asked for (defects 8 and 10)', () => {
  const did = 'did:plc:z72i7hdynmk6r22z27h6tvur';
  const profile = (handle: string, followers: number, id = did) => ({
    did: id,
    handle,
    followersCount: followers,
    followsCount: 1,
    postsCount: 2,
  });
  const answer = async (profiles: unknown[], handles: string[]) => {
    const server = await createFakePlatformServer();
    try {
      server.inject({ kind: 'status', status: 200, body: { profiles } }, { platform: 'bluesky' });
      return await collect(registryOf('bluesky', handles), {
        providers: [blueskyProvider({ baseUrl: server.baseUrl('bluesky') })],
        http: fastHttp,
      });
    } finally {
      await server.close();
    }
  };

  it("defect 8: a Bluesky answer listing one profile twice with different counts is that account's invalid-response, not the last figure", async () => {
    const result = await answer(
      [profile('indore.bsky.social', 1_000), profile('INDORE.bsky.social', 999_999)],
      ['indore.bsky.social'],
    );
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain('more than once, with different figures');
    // asked by DID, the same: two profiles with one DID and different counts
    const byDid = await answer([profile('a.bsky.social', 1), profile('b.bsky.social', 2)], [did]);
    expect(byDid.failures.map((f) => f.reason)).toEqual(['invalid-response']);
  });

  it("defect 8: a Bluesky answer about a profile not asked for, in place of the one asked, is that account's invalid-response naming it", async () => {
    const result = await answer([profile('mallory.example', 999_999)], ['indore.bsky.social']);
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['invalid-response']);
    expect(result.failures[0]?.message).toContain('"mallory.example"');
  });

  it('a Bluesky profile matches by handle in any case, or by its DID exactly', async () => {
    const result = await answer(
      [profile('Indore.BSKY.social', 1_000)],
      ['indore.bsky.social', did],
    );
    expect(result.failures).toEqual([]);
    expect(result.snapshots.map((s) => [s.accountId, s.platformUserId])).toEqual([
      ['acc0', did],
      ['acc1', did],
    ]);
  });

  it('defect 10: a Bluesky answer whose DID is not a did:plc or did:web fails the account as invalid-response instead of storing it', async () => {
    for (const id of ['did:evil:x', 'did:plc:short', `did:web:${'a'.repeat(300)}`, 'mallory', '']) {
      const result = await answer(
        [profile('indore.bsky.social', 1_000, id)],
        ['indore.bsky.social'],
      );
      expect(result.snapshots, id).toEqual([]);
      expect(result.failures[0]?.reason).toBe('invalid-response');
      expect(result.failures[0]?.message).toContain('not a Bluesky DID');
    }
  });
});
