import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteServerText, redactText, redactUrl, secretsOf } from '../../src/engine/redact.js';
import { describeGraphError } from '../../src/providers/meta.js';

const token = fc.stringMatching(/^[A-Za-z0-9_-]{12,200}$/);

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

  it("collects a request's secrets: query credentials, the bot token and its secret half, headers", () => {
    const url = new URL('https://api.telegram.org/bot123:AAHsecretpart/x?key=AIzaKey&q=1');
    const headers = new Headers({ authorization: 'Bearer tok-123456' });
    expect(secretsOf(url, headers).sort()).toEqual(
      ['123:AAHsecretpart', 'AAHsecretpart', 'AIzaKey', 'Bearer tok-123456', 'tok-123456'].sort(),
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
