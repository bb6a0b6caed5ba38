import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HandleError, SocialReachError } from '../../src/errors.js';
import {
  BUILT_IN_PLATFORM_IDS,
  definePlatform,
  identityKey,
  normalizeHandle,
  PLATFORMS,
} from '../../src/model/platform.js';

describe('normalizeHandle', () => {
  it.each([
    ['x', '@IndoreCollector', 'IndoreCollector'],
    ['x', 'IndoreCollector', 'IndoreCollector'],
    ['x', 'https://twitter.com/IndoreCollector', 'IndoreCollector'],
    ['x', 'x.com/IndoreCollector/', 'IndoreCollector'],
    ['x', 'https://mobile.twitter.com/IndoreCollector?lang=hi', 'IndoreCollector'],
    ['x', '  @Collector_MP  ', 'Collector_MP'],
    ['facebook', 'https://www.facebook.com/CollectorIndore', 'CollectorIndore'],
    ['facebook', 'fb.com/CollectorIndore/', 'CollectorIndore'],
    ['facebook', 'https://www.facebook.com/profile.php?id=100064512345678', '100064512345678'],
    ['facebook', 'https://www.facebook.com/pages/Collector-Indore/123456789012', '123456789012'],
    ['instagram', 'instagram.com/name', 'name'],
    ['instagram', 'https://www.instagram.com/collector.indore/', 'collector.indore'],
    ['youtube', 'https://www.youtube.com/@handle', '@handle'],
    ['youtube', '@IndoreCollector', '@IndoreCollector'],
    ['youtube', 'IndoreCollector', '@IndoreCollector'],
    [
      'youtube',
      'https://www.youtube.com/channel/UCBVjMGOIkavEAhyqpxJ73Dw',
      'UCBVjMGOIkavEAhyqpxJ73Dw',
    ],
    ['youtube', 'UCBVjMGOIkavEAhyqpxJ73Dw', 'UCBVjMGOIkavEAhyqpxJ73Dw'],
    ['telegram', 't.me/name_indore', 'name_indore'],
    ['telegram', 'https://t.me/s/jansamparkmp', 'jansamparkmp'],
    ['telegram', '@jansamparkmp', 'jansamparkmp'],
    ['mastodon', '@user@mastodon.social', 'user@mastodon.social'],
    ['mastodon', 'user@Mastodon.Social', 'user@mastodon.social'],
    ['mastodon', 'https://mastodon.social/@user', 'user@mastodon.social'],
    ['mastodon', 'https://mastodon.social/@user@fosstodon.org', 'user@fosstodon.org'],
    ['bluesky', 'bsky.app/profile/name.bsky.social', 'name.bsky.social'],
    ['bluesky', '@Name.bsky.social', 'name.bsky.social'],
    [
      'bluesky',
      'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur',
      'did:plc:z72i7hdynmk6r22z27h6tvur',
    ],
    ['threads', 'https://www.threads.net/@collector.indore', 'collector.indore'],
    ['linkedin', 'https://www.linkedin.com/company/mp-jansampark/', 'company/mp-jansampark'],
    ['linkedin', 'in/some-officer', 'in/some-officer'],
    [
      'whatsapp',
      'https://whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp12',
      '0029VaAbCdEfGhIjKlMnOp12',
    ],
    ['koo', 'https://www.kooapp.com/profile/IndoreCollector', 'IndoreCollector'],
    ['podcast', 'feeds.example.org/indore/rss/', 'https://feeds.example.org/indore/rss'],
  ] as const)('%s %j → %j', (platform, input, expected) => {
    expect(normalizeHandle(platform, input)).toBe(expected);
  });

  it.each([
    ['x', '', 'the handle is empty'],
    ['x', 'this_handle_is_too_long', '1–15 letters, digits or _'],
    ['x', 'https://facebook.com/CollectorIndore', 'x.com, twitter.com, not facebook.com'],
    ['x', 'https://x.com/home', 'is a page of the site'],
    ['x', 'x.com/IndoreCollector/status/123', 'a profile URL must look like'],
    ['facebook', 'abc', 'page name of 5–50'],
    ['youtube', 'https://www.youtube.com/watch?v=abc', 'a channel URL must look like'],
    ['telegram', 't.me/+AbCdEf', 'public username'],
    ['mastodon', 'user', 'user@server'],
    ['mastodon', 'user@not a host', 'is not a server name'],
    ['bluesky', 'https://twitter.com/x', 'bsky.app'],
    ['linkedin', 'mp-jansampark', 'company/<slug>'],
  ] as const)('%s %j fails: %s', (platform, input, rule) => {
    const error = catchError(() => normalizeHandle(platform, input));
    expect(error).toBeInstanceOf(HandleError);
    const handleError = error as HandleError;
    expect(handleError.platform).toBe(platform);
    expect(handleError.input).toBe(input);
    expect(handleError.message).toContain(`[${platform}]`);
    expect(handleError.message).toContain(JSON.stringify(input));
    expect(handleError.message).toContain(rule);
  });

  it('rejects an unknown platform, naming the built-in ones', () => {
    expect(() => normalizeHandle('orkut', 'someone')).toThrow(
      /unknown platform "orkut".*x, facebook/,
    );
  });

  it('accepts a custom platform definition', () => {
    const sharechat = definePlatform({
      id: 'sharechat',
      name: { en: 'ShareChat', hi: 'शेयरचैट' },
      hosts: ['sharechat.com'],
      paths: ['/profile/{handle}'],
      pattern: /^[a-z0-9_]{3,30}$/i,
      rule: '3–30 letters, digits or _',
    });
    expect(normalizeHandle(sharechat, 'https://sharechat.com/profile/indore_news')).toBe(
      'indore_news',
    );
    expect(normalizeHandle(sharechat, '@indore_news')).toBe('indore_news');
    expect(() => normalizeHandle(sharechat, 'https://example.com/profile/indore')).toThrow(
      /sharechat\.com/,
    );
    expect(() => definePlatform({ ...sharechatOptions(), id: 'x' })).toThrow(
      /not a built-in platform/,
    );
  });

  it('folds case for identity where the platform ignores it', () => {
    expect(identityKey(PLATFORMS.x, 'IndoreCollector')).toBe(
      identityKey(PLATFORMS.x, 'indorecollector'),
    );
    expect(identityKey(PLATFORMS.whatsapp, 'AbC')).not.toBe(identityKey(PLATFORMS.whatsapp, 'abc'));
  });

  it('every built-in platform has names, an audience noun and URL forms', () => {
    for (const id of BUILT_IN_PLATFORM_IDS) {
      const p = PLATFORMS[id];
      expect(p.id).toBe(id);
      expect(p.name.en && p.name.hi && p.audience.en && p.audience.hi).toBeTruthy();
      expect(p.profileUrls.length).toBeGreaterThan(0);
    }
  });

  it('never throws anything but a HandleError, and is idempotent on what it accepts', () => {
    const pieces = fc.constantFrom(
      '@',
      'https://',
      'http://',
      'x.com/',
      'twitter.com/',
      'www.',
      'facebook.com/',
      'profile.php?id=',
      't.me/',
      'bsky.app/profile/',
      'youtube.com/',
      'channel/',
      'UC',
      '/',
      '.',
      'did:plc:',
      'mastodon.social',
      'in/',
      'company/',
      '%',
      '%E0%A4',
      ' ',
      '\u0000',
      'इंदौर',
      'Indore_1',
    );
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(pieces).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(fc.constantFrom(...BUILT_IN_PLATFORM_IDS), input, (platform, text) => {
        let handle: string;
        try {
          handle = normalizeHandle(platform, text);
        } catch (error) {
          expect(SocialReachError.isInstance(error)).toBe(true);
          expect(error).toBeInstanceOf(HandleError);
          return;
        }
        expect(normalizeHandle(platform, handle)).toBe(handle);
      }),
      { numRuns: 3000 },
    );
  });
});

function sharechatOptions() {
  return {
    id: 'sharechat',
    name: { en: 'ShareChat', hi: 'शेयरचैट' },
    pattern: /^[a-z]+$/,
    rule: 'letters',
  };
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
