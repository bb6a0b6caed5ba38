import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { xProvider } from '../../src/providers/x.js';
import { fastHttp, registryOf } from '../providers/conformance.js';

const DETAIL = 'उपयोगकर्ता नहीं मिला: [user1]';
/** A users/by answer: one user found, one reported in errors[] with a Hindi detail. */
const BODY = new TextEncoder().encode(
  JSON.stringify({
    data: [{ id: '1', username: 'user0', public_metrics: { followers_count: 5 } }],
    errors: [{ value: 'user1', detail: DETAIL, title: 'Not Found Error' }],
  }),
);
/** The first byte of the first Devanagari letter (three bytes in UTF-8). */
const LETTER = BODY.findIndex((byte) => byte >= 0xe0);

/** A fetch that answers BODY as a stream cut at the given byte offsets. */
function answerInPieces(cuts: readonly number[]): typeof globalThis.fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          let from = 0;
          for (const cut of [...cuts, BODY.length]) {
            controller.enqueue(BODY.slice(from, cut));
            from = cut;
          }
          controller.close();
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
}

describe('reading a body', () => {
  it.each([
    ['after the first byte of a letter', [LETTER + 1]],
    ['after the second byte of a letter', [LETTER + 2]],
    ['in five pieces', [1, LETTER + 1, LETTER + 5, BODY.length - 1]],
  ])('that arrives cut %s reads it whole', async (_, cuts) => {
    const result = await collect(registryOf('x', ['user0', 'user1']), {
      providers: [xProvider({ bearerToken: 'token', baseUrl: 'http://127.0.0.1:9' })],
      http: { ...fastHttp, fetch: answerInPieces(cuts) },
    });
    expect(result.snapshots.map((s) => [s.accountId, s.followers.value])).toEqual([['acc0', 5]]);
    expect(result.failures.map((f) => f.reason)).toEqual(['not-found']);
    expect(result.failures[0]?.message).toContain(DETAIL);
  });
});
