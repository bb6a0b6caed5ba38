import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credentialTag } from '../../src/util/hash.js';
import { sha256Hex } from '../../src/util/sha256.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto at every padding boundary (55, 56, 63, 64 bytes and around)', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text), `${length} bytes`).toBe(nodeSha256(text));
    }
  });

  it('agrees with node:crypto on any text, hashed as UTF-8 (lone surrogates as U+FFFD)', () => {
    expect(sha256Hex('\ud800')).toBe(nodeSha256('\ud800'));
    expect(sha256Hex('इंदौर 🙂')).toBe(nodeSha256('इंदौर 🙂'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 100 }),
          fc.string({ maxLength: 300 }),
        ),
        (text) => {
          expect(sha256Hex(text)).toBe(nodeSha256(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('credentialTag', () => {
  it('is the first 12 hex digits of the SHA-256 digest: short, and not the secret', () => {
    const token = 'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI';
    expect(credentialTag(token)).toMatch(/^[0-9a-f]{12}$/);
    expect(credentialTag(token)).toBe(nodeSha256(token).slice(0, 12));
  });

  it('gives one tag per credential: the same secret always, two secrets two tags', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(credentialTag(a)).toBe(credentialTag(a));
        if (a !== b) expect(credentialTag(a)).not.toBe(credentialTag(b));
      }),
    );
    // 32-bit FNV-1a, the tag before, is easy to collide on purpose; these differ in one character.
    expect(credentialTag('token-a')).not.toBe(credentialTag('token-b'));
  });
});
