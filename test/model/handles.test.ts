import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HandleError, SocialReachError } from '../../src/errors.js';
import {
  BUILT_IN_PLATFORM_IDS,
  definePlatform,
  identityKey,
  MAX_HANDLE_INPUT,
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
    ['mastodon', 'https://m.social/@user@home.social@more', 'user@server'],
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

/** Milliseconds `fn` takes. Bounds below are generous: the machine running the tests is shared. */
function elapsed(fn: () => unknown): number {
  const start = performance.now();
  try {
    fn();
  } catch {
    // only the time matters here
  }
  return performance.now() - start;
}

/** What normalizeHandle throws for `input`, which must be a HandleError. */
function handleError(platform: string, input: unknown): HandleError {
  const error = catchError(() => normalizeHandle(platform, input as string));
  expect(error).toBeInstanceOf(HandleError);
  return error as HandleError;
}

describe('issue #10: handles are read in linear time', () => {
  it('defect 5: a 50,000-character Mastodon handle is rejected in linear time', () => {
    // The user pattern backtracked: this input took about 1.4 s, and 'a'×50,000 + '-' about 5 s.
    const input = `${'a'.repeat(50_000)}-@mastodon.social`;
    expect(elapsed(() => normalizeHandle('mastodon', input))).toBeLessThan(250);
    const error = handleError('mastodon', input);
    expect(error.rule).toBe(
      `expected at most ${MAX_HANDLE_INPUT} characters (a handle or a profile URL), got ${input.length}`,
    );
  });

  it('defect 5: a profile URL ending in 50,000 slashes is rejected in linear time', () => {
    // `/\/+$/` searched from every slash: 50,000 of them took about 0.85 s.
    const input = `https://x.com/${'/'.repeat(50_000)}a`;
    for (const platform of BUILT_IN_PLATFORM_IDS) {
      expect(elapsed(() => normalizeHandle(platform, input))).toBeLessThan(250);
    }
  });

  it('defect 5: inputs up to the length cap still reach the patterns, which stay fast', () => {
    const longest = `https://m.social/@${'a'.repeat(MAX_HANDLE_INPUT - 'https://m.social/@'.length)}`;
    expect(longest).toHaveLength(MAX_HANDLE_INPUT);
    expect(normalizeHandle('mastodon', longest)).toMatch(/^a+@m\.social$/);
    expect(handleError('mastodon', `${longest}b`).rule).toMatch(/^expected at most 2048/);
    expect(normalizeHandle('mastodon', `@${'a'.repeat(2_000)}@mastodon.social`)).toHaveLength(
      2_016,
    );
    // the old Mastodon pattern also matched these differently-shaped names alike
    for (const user of ['a', 'a_b', 'a.b', 'a-b', '_', 'a..b', 'a-.-b']) {
      expect(normalizeHandle('mastodon', `${user}@m.social`)).toBe(`${user}@m.social`);
    }
    for (const user of ['.a', 'a.', '-a', 'a-', 'a b']) {
      expect(() => normalizeHandle('mastodon', `${user}@m.social`)).toThrow(HandleError);
    }
  });

  it('defect 5: no input of up to 100,000 characters takes long on any platform (property)', () => {
    const unit = fc.constantFrom(
      'a',
      '@',
      'a.',
      '.',
      '-',
      'a-',
      '/',
      '_',
      '%',
      ' ',
      '\u202E',
      'a@',
    );
    const pathological = fc
      .record({
        prefix: fc.constantFrom('', '@', 'https://x.com/', 'https://m.social/@', 'in/', 'did:web:'),
        unit,
        // fast-check favours small numbers: ask for long runs on purpose
        n: fc.oneof(fc.integer({ min: 1, max: 2_100 }), fc.integer({ min: 20_000, max: 100_000 })),
        suffix: fc.constantFrom('', '@', '-', '!', '-@x.y', '.co', '/a', '@m.social'),
      })
      .map(({ prefix, unit, n, suffix }) => `${prefix}${unit.repeat(n)}${suffix}`)
      .map((text) => text.slice(0, 100_000));
    const input = fc.oneof(
      { arbitrary: pathological, weight: 4 },
      { arbitrary: fc.string({ minLength: 1_000, maxLength: 5_000 }), weight: 1 },
      { arbitrary: fc.string({ unit: 'grapheme', minLength: 1_000, maxLength: 3_000 }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...BUILT_IN_PLATFORM_IDS), input, (platform, text) => {
        let result: unknown;
        const ms = elapsed(() => {
          try {
            result = normalizeHandle(platform, text);
          } catch (error) {
            result = error;
          }
        });
        expect(typeof result === 'string' || result instanceof HandleError).toBe(true);
        expect(ms).toBeLessThan(100);
      }),
      { numRuns: 500 },
    );
  });
});

describe('issue #10: handle errors quote a short, escaped excerpt', () => {
  it('defect 11: a 1 MB handle with a U+202E bidi override makes a short message, escaped', () => {
    const input = `\u202E${'a'.repeat(1_000_000)}`;
    const error = handleError('x', input);
    expect(error.input).toBe(input); // the field keeps it whole
    expect(JSON.stringify(error).length).toBeLessThan(1_000); // toJSON, documented safe to log, quotes it
    expect(error.message.length).toBeLessThan(250);
    expect(error.message).not.toContain('\u202E');
    expect(error.message).toContain(`"\\u{202E}${'a'.repeat(59)}"… (1000001 characters)`);
    expect(handleError('x', 'a\u0000b\nc\u2028d\u200Be\u2066').message).toContain(
      String.raw`Invalid handle "a\u{0}b\u{A}c\u{2028}d\u{200B}e\u{2066}"`,
    );
    expect(handleError('x', 'say "hi" \\ bye').message).toContain(
      String.raw`Invalid handle "say \"hi\" \\ bye"`,
    );
  });

  it('defect 11: a handle that is not a string is a HandleError, even an object without toString', () => {
    expect(handleError('x', Object.create(null)).rule).toBe('expected a string, got an object');
    expect(handleError('x', 42).rule).toBe('expected a string, got `42` (number)');
    expect(handleError('x', undefined).input).toBe('undefined');
  });

  it('defect 11: an unknown platform is named in short, whatever it is', () => {
    const long = handleError(`${'orkut'.repeat(10_000)}\u202E`, 'someone');
    expect(long.message.length).toBeLessThan(400);
    expect(long.message).not.toContain('\u202E');
    expect(handleError('constructor', 'someone').rule).toMatch(/^unknown platform "constructor"/);
    const notAPlatform = catchError(() =>
      normalizeHandle({} as Parameters<typeof normalizeHandle>[0], 'someone'),
    );
    expect(notAPlatform).toBeInstanceOf(HandleError);
    expect((notAPlatform as HandleError).rule).toMatch(/^unknown platform an object/);
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
