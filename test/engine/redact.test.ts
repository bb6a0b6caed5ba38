import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  quoteServerText,
  redactError,
  redactText,
  redactUrl,
  secretsOf,
} from '../../src/engine/redact.js';
import { FetchError } from '../../src/errors.js';
import { describeGraphError } from '../../src/providers/meta.js';
import { echoOf, isTokenLike, runsOf } from '../providers/conformance.js';

const token = fc.stringMatching(/^[A-Za-z0-9_-]{12,200}$/);
/** Tokens with a real token's entropy (fast-check also tries "aaaaaaaaaaaa"). */
const realToken = fc.stringMatching(/^[A-Za-z0-9%_-]{12,80}$/).filter(isTokenLike);

describe('redaction', () => {
  it('removes query-string credentials, bot paths and Authorization values by pattern', () => {
    expect(redactUrl('https://graph.facebook.com/v26.0/?ids=a&access_token=EAAGxyz&fields=f')).toBe(
      'https://graph.facebook.com/v26.0/?ids=a&access_token=***&fields=f',
    );
    expect(redactUrl('https://www.googleapis.com/youtube/v3/channels?id=UC1&key=AIzaSy')).toBe(
      'https://www.googleapis.com/youtube/v3/channels?id=UC1&key=***',
    );
    expect(redactUrl('https://api.telegram.org/bot123:AAHsecret/getChatMemberCount')).toBe(
      'https://api.telegram.org/bot123:***/getChatMemberCount',
    );
    expect(redactText('sent Authorization: Bearer abc.def', [])).toBe(
      'sent Authorization: Bearer ***',
    );
  });

  it("collects a request's credentials, without the public bot id or the word Bearer", () => {
    const url = new URL('https://api.telegram.org/bot123:AAHsecretpart/x?key=AIzaKey&q=1');
    const headers = new Headers({ authorization: 'Bearer tok-123456', 'x-api-key': 'k-7654321' });
    expect(secretsOf(url, headers).sort()).toEqual(
      ['AAHsecretpart', 'AIzaKey', 'k-7654321', 'tok-123456'].sort(),
    );
  });

  it('quotes server text with a secret anywhere in it, even across the cut, leaving no part of it', () => {
    fc.assert(
      fc.property(token, fc.nat(400), fc.integer({ min: 20, max: 300 }), (secret, at, max) => {
        const text = `${'.'.repeat(at)} ${secret} …`;
        const quoted = quoteServerText(text, [secret], max);
        expect(quoted.length).toBeLessThanOrEqual(max + 1);
        expect(quoted).not.toContain(secret.slice(0, 8));
      }),
    );
  });

  it('a Graph error message longer than 200 characters with the token at the cut keeps no part of it', () => {
    const secret = `EAAG${'k'.repeat(180)}`;
    const message = `${'m'.repeat(157)} ${secret}`;
    const text = describeGraphError({ code: 100, message }, [secret]);
    expect(text).not.toContain('EAAGk');
    expect(text).toContain('***');
  });
});

describe('redaction with a list of secrets', () => {
  it('uses the secrets as they are at the call, even when a list or set is changed in place', () => {
    const list = ['Xq7Lm2Zp9Kv4'];
    expect(redactText('Xq7Lm2Zp9Kv4 and Bt5Wn8Rc3Hy6', list)).toBe('*** and Bt5Wn8Rc3Hy6');
    list[0] = 'Bt5Wn8Rc3Hy6';
    expect(redactText('Xq7Lm2Zp9Kv4 and Bt5Wn8Rc3Hy6', list)).toBe('Xq7Lm2Zp9Kv4 and ***');
    const set = new Set(['Xq7Lm2Zp9Kv4']);
    expect(redactText('Bt5Wn8Rc3Hy6', set)).toBe('Bt5Wn8Rc3Hy6');
    set.delete('Xq7Lm2Zp9Kv4');
    set.add('Bt5Wn8Rc3Hy6');
    expect(redactText('Bt5Wn8Rc3Hy6', set)).toBe('***');
  });
});

describe('defect 4: parts of tokens', () => {
  it('defect 4: redactText removes every run of 8 characters of a secret, in any case, whole, cut or re-encoded', () => {
    fc.assert(
      fc.property(
        realToken.chain((secret) => fc.tuple(fc.constant(secret), echoOf(secret))),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        ([secret, echo], before, after) => {
          const text = redactText(`${before}${echo}${after}`, [secret]);
          expect(runsOf(secret, text)).toEqual([]);
          expect(runsOf(encodeURIComponent(secret), text)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('redaction leaves text without a run of a secret as it was', () => {
    fc.assert(
      fc.property(realToken, fc.string({ maxLength: 200 }), (secret, text) => {
        fc.pre(
          runsOf(secret, text).length === 0 &&
            runsOf(encodeURIComponent(secret), text).length === 0,
        );
        fc.pre(redactText(text, []) === text); // no pattern applies either
        expect(redactText(text, [secret])).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('defect 4: shorter runs stay (7 characters of a secret say nothing), whole secrets of 6 or 7 characters go', () => {
    expect(redactText('key AbCdEfG echoed', ['AbCdEfGhIjKlMnOp'])).toBe('key AbCdEfG echoed');
    expect(redactText('pin 4f7Q2x and 4F7Q2X', ['4f7q2x'])).toBe('pin *** and ***');
    expect(redactText('ab', ['abcd'])).toBe('ab');
  });

  it('defect 4: a Graph fbtrace_id or type echoing the token (cut to 40, any case) keeps no 8-character run of it', () => {
    fc.assert(
      fc.property(
        realToken.chain((secret) => fc.tuple(fc.constant(secret), echoOf(secret), echoOf(secret))),
        ([secret, trace, type]) => {
          const text = describeGraphError(
            { code: 190, type, message: 'Invalid OAuth access token.', fbtraceId: trace },
            [secret],
          );
          expect(runsOf(secret, text)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('defect 4: an origin lower-cased by URL parsing (a refused redirect) loses the key', () => {
    const key = 'AIzaSyD4v3ryS3cr3tK3yF0rYouTub3Api_1';
    const origin = new URL(`https://${key}.evil.example/x`).origin;
    expect(origin).toContain(key.toLowerCase());
    expect(redactText(`a redirect to ${origin}: not followed`, [key])).toBe(
      'a redirect to https://***.evil.example: not followed',
    );
  });
});

describe('redaction over-reach: only the credential goes', () => {
  it('redaction over-reach: words after Bearer or OAuth that are not credentials stay, with or without known secrets', () => {
    for (const text of [
      'the bearer token was refused',
      'Invalid OAuth access token.',
      'Bearer realm="api", error="invalid_token"',
      'send a Bearer token in the Authorization header',
      'OAuth access-token missing',
    ]) {
      expect(redactText(text, [])).toBe(text);
      expect(redactText(text, ['tok-123456'])).toBe(text);
    }
  });

  it('redaction over-reach: header-like values and values that look like credentials go, and known credentials exactly', () => {
    expect(redactText('sent Authorization: Bearer abc.def', [])).toBe(
      'sent Authorization: Bearer ***',
    );
    expect(redactText('{"authorization":"Basic dXNlcjpwYXNz"}', [])).toBe(
      '{"authorization":"Basic ***"}',
    );
    expect(redactText('sent Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln', [])).toBe('sent Bearer ***');
    expect(redactText('OAuth EAAGm0PX4ZCpsBAabc was refused', [])).toBe('OAuth *** was refused');
    expect(redactText('the bearer tok-123456 was refused', ['tok-123456'])).toBe(
      'the bearer *** was refused',
    );
    expect(redactText('the bearer token was refused: tok-123456', ['tok-123456'])).toBe(
      'the bearer token was refused: ***',
    );
  });
});

describe('defect 3: the full token in FetchError.request', () => {
  it('defect 3: redactError scrubs every string field of an error and its cause chain, with the secrets in any case', () => {
    const secret = 'Tg7xQ2mZ9pLk4WvB8nRc';
    const inner = new FetchError(`inner ${secret.toUpperCase()}`, {
      platform: 'x',
      reason: 'network',
      request: `GET https://h/moved/${secret}`,
    });
    const error = new FetchError(`echo ${secret.slice(2, 14)}`, {
      platform: 'x',
      reason: 'invalid-response',
      request: `GET https://h/2/users/by?echo=${secret.toLowerCase()}`,
      cause: inner,
    });
    redactError(error, [secret]);
    for (const text of [
      JSON.stringify(error),
      inspect(error, { depth: Infinity, showHidden: true }),
      error.request ?? '',
      inner.request ?? '',
      error.stack ?? '',
    ]) {
      expect(runsOf(secret, text)).toEqual([]);
    }
    expect(error.request).toBe('GET https://h/2/users/by?echo=***');
  });
});
